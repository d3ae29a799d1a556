package live

import (
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/carehuddle/huddle/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// seat is one connection: the guest it let in (if any) and what it has
// used. It lives in the connection's context.
type seat struct {
	conn    net.Conn
	authed  atomic.Bool
	session atomic.Bool // a session channel was opened
	closed  atomic.Bool // Shutdown ended the program
	guest   Guest       // set by admit during authentication
	left    sync.Once
	program *tea.Program // guarded by SSHServer.mu
	grace   *time.Timer
}

type seatKey struct{}

func seatOf(ctx ssh.Context) *seat {
	st, _ := ctx.Value(seatKey{}).(*seat)
	return st
}

// seatConn tells the server when the connection closes, however it closes.
type seatConn struct {
	net.Conn
	once    sync.Once
	onClose func()
}

func (c *seatConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.onClose)
	return err
}

// connOpened gives each connection its seat, refuses connections beyond
// the limit of those still authenticating, and closes one that has not
// given a right code and opened its terminal within the login grace (so a
// client that got in but opens nothing does not hold a place).
func (s *SSHServer) connOpened(ctx ssh.Context, c net.Conn) net.Conn {
	s.mu.Lock()
	if s.closing.Load() || s.pending >= s.cfg.maxPending {
		s.mu.Unlock()
		return nil
	}
	s.pending++
	s.mu.Unlock()
	st := &seat{}
	sc := &seatConn{Conn: c}
	sc.onClose = func() {
		if st.grace != nil {
			st.grace.Stop()
		}
		s.authenticated(st)
		s.leave(st)
	}
	st.conn = sc
	st.grace = time.AfterFunc(s.cfg.loginGrace, func() {
		if !st.session.Load() {
			_ = sc.Close()
		}
	})
	ctx.SetValue(seatKey{}, st)
	return sc
}

// authenticated takes the connection off the count of those still
// authenticating (once).
func (s *SSHServer) authenticated(st *seat) {
	if st.authed.CompareAndSwap(false, true) {
		s.mu.Lock()
		s.pending--
		s.mu.Unlock()
	}
}

// codePrompt is what a client that gave no code as its user name is asked.
const (
	codeInstruction = "Join the huddle room: type the code shown on the screen."
	codeQuestion    = "Code: "
)

// keyboardAuth takes the code from the user name if it looks like one,
// else asks for it. A refused code is shown to the client with the
// reason, and the connection ends.
func (s *SSHServer) keyboardAuth(ctx ssh.Context, ask gossh.KeyboardInteractiveChallenge) bool {
	st := seatOf(ctx)
	if st == nil {
		return false
	}
	code := ctx.User()
	if !model.LooksLikeJoinCode(code) {
		answers, err := ask("", codeInstruction, []string{codeQuestion}, []bool{true})
		if err != nil || len(answers) != 1 {
			return false
		}
		code = answers[0]
	}
	if err := s.enter(ctx, st, code); err != nil {
		// The client answers once it has shown the reason; the
		// connection then ends (any further try is a new connection,
		// counted by the room per source).
		_, _ = ask("", refusal(err), nil, nil)
		_ = st.conn.Close()
		return false
	}
	return true
}

// passwordAuth is for clients that offer only passwords: the code is the
// user name if it looks like one, else the password. A refusal cannot
// carry a reason here; OpenSSH uses keyboard-interactive, which can.
func (s *SSHServer) passwordAuth(ctx ssh.Context, password string) bool {
	st := seatOf(ctx)
	if st == nil {
		return false
	}
	code := ctx.User()
	if !model.LooksLikeJoinCode(code) {
		code = password
	}
	if s.enter(ctx, st, code) != nil {
		_ = st.conn.Close()
		return false
	}
	return true
}

// enter asks the door with the client's network source (host only): the
// room uses it to limit failed attempts and nothing else.
func (s *SSHServer) enter(ctx ssh.Context, st *seat, code string) error {
	source := ""
	if a := ctx.RemoteAddr(); a != nil {
		source = a.String()
		if h, _, err := net.SplitHostPort(source); err == nil {
			source = h
		}
	}
	if err := s.admit(st, strings.TrimSpace(code), source); err != nil {
		return err
	}
	s.authenticated(st)
	return nil
}

// sessionChannel lets an admitted connection open one session channel,
// whose requests are filtered: a terminal (pty-req, window-change) and a
// shell (which without a terminal only says it needs one); everything else (exec, subsystem, env, agent or X11
// forwarding, signals) is refused.
func (s *SSHServer) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	st := seatOf(ctx)
	if st == nil || st.guest == nil || !st.session.CompareAndSwap(false, true) {
		_ = nc.Reject(gossh.Prohibited, "one terminal session per connection")
		return
	}
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{nc}, ctx)
}

type filteredChannel struct{ gossh.NewChannel }

// noTerminal is shown to a client that asks for a shell without a terminal.
const noTerminal = "huddle needs a terminal: connect with ssh -t\r\n"

func (f filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		pty, shell := false, false
		for r := range reqs {
			switch {
			case r.Type == "pty-req" && !pty && !shell:
				pty = true
				out <- r
			case r.Type == "window-change" && pty:
				out <- r
			case r.Type == "shell" && !shell:
				// Without a terminal the session only says it needs one.
				shell = true
				out <- r
			default:
				_ = r.Reply(false, nil)
			}
		}
	}()
	return ch, out, nil
}

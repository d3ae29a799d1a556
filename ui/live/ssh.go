package live

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"
)

// SSHServer is the room's SSH door: participants join with
// `ssh -p PORT CODE@HOST` (or type the code at a prompt) and get their own
// screen from the room. It accepts only a join code (keyboard-interactive
// or password authentication, never public keys, which are stable
// identifiers), only one terminal session per connection, and nothing
// else: no commands, subsystems or forwarding. It logs nothing: who
// connected, from where, with which user name or client is never written
// anywhere.
type SSHServer struct {
	door     Door
	cfg      sshConfig
	ln       net.Listener
	srv      *ssh.Server
	print    string
	served   chan struct{}
	closing  atomic.Bool
	sessions sync.WaitGroup // session handlers still running

	mu      sync.Mutex
	active  map[*seat]struct{} // participants with a running program
	guests  int                // participants admitted and not yet left
	pending int                // connections not yet authenticated
}

// SSHOption changes how the SSH server runs.
type SSHOption func(*sshConfig)

type sshConfig struct {
	max        int
	dark       bool
	idle       time.Duration
	total      time.Duration
	loginGrace time.Duration
	closeGrace time.Duration
	maxPending int
}

// Defaults: generous enough for a day's workshop, short enough that a
// dead connection does not hold a seat for long.
const (
	DefaultSSHIdleTimeout  = time.Hour
	DefaultSSHTotalTimeout = 12 * time.Hour
	defaultLoginGrace      = time.Minute
	defaultCloseGrace      = 500 * time.Millisecond
	defaultMaxPending      = 32
)

// WithMaxParticipants caps how many participants can be connected at once
// (0, the default, means no cap from the server; the room may have its
// own). A client over the cap is told ErrRoomFull.
func WithMaxParticipants(n int) SSHOption { return func(c *sshConfig) { c.max = n } }

// WithDarkBackground says whether participants' screens are drawn for a
// dark background (the default) or a light one, following the
// facilitator's theme. Clients' terminals are never asked.
func WithDarkBackground(dark bool) SSHOption { return func(c *sshConfig) { c.dark = dark } }

// WithIdleTimeout closes a connection after d with no traffic either way
// (DefaultSSHIdleTimeout unless set).
func WithIdleTimeout(d time.Duration) SSHOption { return func(c *sshConfig) { c.idle = d } }

// WithTotalTimeout closes a connection d after it was opened, whatever it
// is doing (DefaultSSHTotalTimeout unless set).
func WithTotalTimeout(d time.Duration) SSHOption { return func(c *sshConfig) { c.total = d } }

// WithLoginGrace closes a connection that has not given a right code and
// opened its terminal within d (a minute unless set).
func WithLoginGrace(d time.Duration) SSHOption { return func(c *sshConfig) { c.loginGrace = d } }

// WithCloseGrace is how long Shutdown lets participants' programs draw
// their last screen (such as "room closed") before ending them (half a
// second unless set).
func WithCloseGrace(d time.Duration) SSHOption { return func(c *sshConfig) { c.closeGrace = d } }

// ErrListenAllInterfaces refuses an address with no host (":2222"), which
// would listen on every network the machine is on without anyone choosing
// to. Give the address of the network the room is on, or 0.0.0.0 on
// purpose.
var ErrListenAllInterfaces = errors.New("give the address to listen on (such as 192.168.1.20:2222): an address with no host would listen on every network")

// checkListen is the rule of every door's address: a host and a port,
// never an empty host (which would listen on every network silently).
func checkListen(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" {
		return ErrListenAllInterfaces
	}
	return nil
}

// ListenSSH starts the room's SSH door on addr (host and port; port 0
// picks a free one) with hostKey (store.LoadHostKey's Signer). door is
// asked about every code a client gives.
func ListenSSH(addr string, door Door, hostKey gossh.Signer, opts ...SSHOption) (*SSHServer, error) {
	if door == nil || hostKey == nil {
		return nil, errors.New("live: ListenSSH needs a door and a host key")
	}
	if err := checkListen(addr); err != nil {
		return nil, err
	}
	cfg := sshConfig{
		dark:       true,
		idle:       DefaultSSHIdleTimeout,
		total:      DefaultSSHTotalTimeout,
		loginGrace: defaultLoginGrace,
		closeGrace: defaultCloseGrace,
		maxPending: defaultMaxPending,
	}
	for _, o := range opts {
		o(&cfg)
	}
	s := &SSHServer{
		door:   door,
		cfg:    cfg,
		print:  gossh.FingerprintSHA256(hostKey.PublicKey()),
		served: make(chan struct{}),
		active: map[*seat]struct{}{},
	}
	srv, err := wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(hostKey); return nil },
		wish.WithIdleTimeout(cfg.idle),
		wish.WithMaxTimeout(cfg.total),
		wish.WithKeyboardInteractiveAuth(s.keyboardAuth),
		wish.WithPasswordAuth(s.passwordAuth),
		ssh.EmulatePty(),
		func(srv *ssh.Server) error {
			// One failed authentication ends the connection (a refused
			// code closes it itself, after showing the reason).
			srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
				return &gossh.ServerConfig{MaxAuthTries: 1}
			}
			srv.ConnCallback = s.connOpened
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
			srv.RequestHandlers = map[string]ssh.RequestHandler{}
			srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
			srv.Handler = s.serve
			return nil
		},
	)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s.ln, s.srv = ln, srv
	go func() {
		defer close(s.served)
		_ = srv.Serve(ln)
	}()
	return s, nil
}

// Addr is the address the server listens on (with the port it got).
func (s *SSHServer) Addr() net.Addr { return s.ln.Addr() }

// Fingerprint is the host key's SHA256 fingerprint as OpenSSH shows it,
// for the room to compare with what their ssh prints on first connection.
func (s *SSHServer) Fingerprint() string { return s.print }

// Participants is how many participants are connected now.
func (s *SSHServer) Participants() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.guests
}

// Shutdown stops taking connections, lets participants' programs draw
// their last screen for the close grace, ends them (each participant is
// told the room is closed), and closes every connection. It returns when
// every participant has left, or with ctx's error if ctx ends first (the
// connections are closed either way).
func (s *SSHServer) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	first := s.closing.CompareAndSwap(false, true)
	s.mu.Unlock()
	if !first {
		<-s.served
		return nil
	}
	_ = s.ln.Close()
	grace := time.NewTimer(s.cfg.closeGrace)
	defer grace.Stop()
	select {
	case <-grace.C:
	case <-ctx.Done():
	}
	s.mu.Lock()
	var programs []*tea.Program
	for st := range s.active {
		st.closed.Store(true)
		programs = append(programs, st.program)
	}
	s.mu.Unlock()
	for _, p := range programs {
		p.Quit() // draws the last frame, then ends
	}
	done := make(chan struct{})
	go func() { s.sessions.Wait(); close(done) }()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	_ = s.srv.Close()
	<-s.served
	return err
}

// Close ends every connection at once, without the close grace.
func (s *SSHServer) Close() error {
	s.mu.Lock()
	s.closing.Store(true)
	s.mu.Unlock()
	_ = s.ln.Close()
	err := s.srv.Close()
	<-s.served
	s.sessions.Wait()
	return err
}

// admit reserves a place under the cap and asks the door. It is called
// once per connection, from its authentication.
func (s *SSHServer) admit(st *seat, code, source string) error {
	if s.closing.Load() {
		return ErrRoomClosed
	}
	if st.guest != nil {
		return ErrWrongCode
	}
	s.mu.Lock()
	if s.cfg.max > 0 && s.guests >= s.cfg.max {
		s.mu.Unlock()
		return ErrRoomFull
	}
	s.guests++
	s.mu.Unlock()
	g, err := s.door.Enter(code, source)
	if err == nil && g == nil {
		err = ErrRoomClosed
	}
	if err != nil {
		s.mu.Lock()
		s.guests--
		s.mu.Unlock()
		return err
	}
	st.guest = g
	return nil
}

// leave tells the guest, once, that the participant has gone.
func (s *SSHServer) leave(st *seat) {
	st.left.Do(func() {
		if st.guest == nil {
			return
		}
		s.mu.Lock()
		s.guests--
		s.mu.Unlock()
		st.guest.Leave()
	})
}

// refusal is the text a refused client is shown.
func refusal(err error) string { return fmt.Sprintf("huddle: %s", err.Error()) }

// running adds or removes a participant's program from those Shutdown
// ends; it reports false if the server is already closing.
func (s *SSHServer) running(st *seat, p *tea.Program, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !add {
		delete(s.active, st)
		return true
	}
	if s.closing.Load() {
		return false
	}
	st.program = p
	s.active[st] = struct{}{}
	return true
}

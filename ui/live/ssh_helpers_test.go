package live

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// sshTestCode is the fake room's join code, as the wall shows it.
const sshTestCode = "K7QX-M3PA"

// sshDoor is a fake room: it lets in the right code (any case, with or
// without the dash) and records every call.
type sshDoor struct {
	mu      sync.Mutex
	refuse  error // when set, every code is refused with it
	enters  []sshEnter
	guests  []*sshGuest
	closing chan struct{} // closed: every guest's screen says so
}

type sshEnter struct{ code, source string }

func newSSHDoor() *sshDoor { return &sshDoor{closing: make(chan struct{})} }

func (d *sshDoor) Enter(code, source string) (Guest, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.enters = append(d.enters, sshEnter{code, source})
	if d.refuse != nil {
		return nil, d.refuse
	}
	norm := strings.ToUpper(strings.ReplaceAll(code, "-", ""))
	if norm != strings.ReplaceAll(sshTestCode, "-", "") {
		return nil, ErrWrongCode
	}
	g := &sshGuest{n: len(d.guests) + 1, door: d}
	d.guests = append(d.guests, g)
	return g, nil
}

func (d *sshDoor) calls() []sshEnter {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]sshEnter(nil), d.enters...)
}

func (d *sshDoor) admitted() []*sshGuest {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]*sshGuest(nil), d.guests...)
}

// waitLeft waits until every admitted guest has left, and fails if one
// left more than once.
func (d *sshDoor) waitLeft(t testing.TB, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		gs := d.admitted()
		left := 0
		for _, g := range gs {
			switch n := g.leaves.Load(); {
			case n > 1:
				t.Fatalf("participant %d left %d times", g.n, n)
			case n == 1:
				left++
			}
		}
		if len(gs) == want && left == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d admitted participants left, want %d of %d", left, len(gs), want, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type sshGuest struct {
	n      int
	door   *sshDoor
	leaves atomic.Int32
	dark   atomic.Bool
}

func (g *sshGuest) Leave() { g.leaves.Add(1) }

func (g *sshGuest) Model(r *lipgloss.Renderer) tea.Model {
	g.dark.Store(r.HasDarkBackground())
	return sshModel{g: g, mark: r.NewStyle().Bold(true)}
}

// sshModel is the fake participant screen: who, the window size, the keys
// typed so far. "!" makes it panic, "q" quits.
type sshModel struct {
	g      *sshGuest
	mark   lipgloss.Style
	w, h   int
	typed  string
	keys   int
	closed bool
}

type sshClosedMsg struct{}

func (m sshModel) Init() tea.Cmd {
	return func() tea.Msg { <-m.g.door.closing; return sshClosedMsg{} }
}

func (m sshModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case sshClosedMsg:
		m.closed = true
	case tea.KeyMsg:
		// Keys typed together arrive as one message: take them one by one.
		keys := []string{msg.String()}
		if msg.Type == tea.KeyRunes {
			keys = strings.Split(string(msg.Runes), "")
		}
		var cmds []tea.Cmd
		for _, k := range keys {
			switch k {
			case "!":
				panic("the fake participant screen broke")
			case "q":
				return m, tea.Quit
			case "z":
				cmds = append(cmds, tea.Batch(tea.Suspend, func() tea.Msg { return nil }))
				continue
			}
			m.keys++
			m.typed += k
		}
		return m, tea.Batch(cmds...)
	}
	return m, nil
}

func (m sshModel) View() string {
	if m.closed {
		return "ROOM CLOSED SCREEN"
	}
	return fmt.Sprintf("%s\nsize %dx%d\nkeys %d: %s.", m.mark.Render(fmt.Sprintf("Participant %d", m.g.n)), m.w, m.h, m.keys, m.typed)
}

// sshTestKey is a fresh host key.
func sshTestKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// startSSH starts a server on 127.0.0.1 with a fresh key.
func startSSH(t testing.TB, door Door, opts ...SSHOption) *SSHServer {
	t.Helper()
	s, err := ListenSSH("127.0.0.1:0", door, sshTestKey(t), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// goJoin connects a Go client as user, answering any prompt with answer;
// instructions gets what the server said at keyboard-interactive.
func goJoin(addr, user, answer string, instructions *[]string) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User: user,
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, instruction string, questions []string, _ []bool) ([]string, error) {
			if instructions != nil && instruction != "" {
				*instructions = append(*instructions, instruction)
			}
			out := make([]string, len(questions))
			for i := range out {
				out[i] = answer
			}
			return out, nil
		})},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
	return gossh.Dial("tcp", addr, cfg)
}

// screen collects what a Go client's session receives.
type screen struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	done chan struct{}
	ping chan struct{}
}

func newScreen(r io.Reader) *screen {
	s := &screen{done: make(chan struct{}), ping: make(chan struct{}, 1)}
	go func() {
		defer close(s.done)
		b := make([]byte, 32*1024)
		for {
			n, err := r.Read(b)
			if n > 0 {
				s.mu.Lock()
				s.buf.Write(b[:n])
				s.mu.Unlock()
				select {
				case s.ping <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return s
}

// text is everything received so far, without escape sequences.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.buf.String())
}

// waitFor waits until the received text holds want, and reports how long
// it waited; it fails after limit.
func (s *screen) waitFor(t testing.TB, want string, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for {
		if strings.Contains(s.text(), want) {
			return time.Since(start)
		}
		select {
		case <-s.ping:
		case <-s.done:
			if strings.Contains(s.text(), want) {
				return time.Since(start)
			}
			t.Fatalf("the session ended without %q; it showed:\n%s", want, s.text())
		case <-deadline.C:
			t.Fatalf("no %q within %v; the screen showed:\n%s", want, limit, s.text())
		}
	}
}

// goParticipant is a Go client with a terminal that never answers a
// query: it sends only what the test types.
type goParticipant struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	screen *screen
}

func joinGo(t testing.TB, addr string) *goParticipant {
	t.Helper()
	c, err := goJoin(addr, sshTestCode, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := openShell(c, "xterm-256color")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return p
}

func openShell(c *gossh.Client, term string) (*goParticipant, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	in, err := sess.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty(term, 24, 80, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	p := &goParticipant{client: c, sess: sess, in: in, screen: newScreen(out)}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	return p, nil
}

package live

import (
	"context"
	"io"
	"reflect"
	"strings"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
)

// Lines a participant's terminal shows after their screen has gone.
const (
	sayClosed = "huddle: the room is closed. Thank you for joining.\r\n"
	sayFailed = "huddle: something went wrong with your screen: join again with the code on the screen.\r\n"
)

// serve runs one participant's program on their session, and lets the
// guest go when it ends, however it ends.
func (s *SSHServer) serve(sess ssh.Session) {
	st := seatOf(sess.Context())
	if st == nil || st.guest == nil {
		return
	}
	defer s.leave(st)
	s.mu.Lock()
	if s.closing.Load() {
		s.mu.Unlock()
		_, _ = sess.Write([]byte(sayClosed))
		return
	}
	s.sessions.Add(1)
	s.mu.Unlock()
	defer s.sessions.Done()

	pty, windows, ok := sess.Pty()
	if !ok {
		_, _ = sess.Stderr().Write([]byte(noTerminal))
		_ = sess.Exit(1)
		return
	}
	failed := s.runProgram(sess, st, pty, windows)
	switch {
	case failed:
		_, _ = sess.Write([]byte(sayFailed))
	case st.closed.Load():
		_, _ = sess.Write([]byte(sayClosed))
	}
	_ = sess.Exit(0)
	// The client closes the connection when its session ends; one that
	// lingers is closed for it.
	time.AfterFunc(2*time.Second, func() { _ = st.conn.Close() })
}

// runProgram draws the guest's model on the session until it quits, the
// client goes, or Shutdown ends it. It reports whether the model panicked.
func (s *SSHServer) runProgram(sess ssh.Session, st *seat, pty ssh.Pty, windows <-chan ssh.Window) bool {
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	r := participantRenderer(sess, pty.Term, s.cfg.dark)
	g := &guard{}
	if !g.build(st.guest, r) {
		return true
	}
	// The size is known from the terminal request: the first frame is
	// drawn at it.
	_, g.first = g.Update(tea.WindowSizeMsg{Width: pty.Window.Width, Height: pty.Window.Height})
	p := tea.NewProgram(g,
		tea.WithInput(sess),
		tea.WithOutput(sess),
		tea.WithContext(ctx),
		tea.WithoutSignalHandler(),
		tea.WithAltScreen(),
		tea.WithFPS(participantFPS),
		tea.WithEnvironment([]string{"TERM=" + pty.Term}),
	)
	g.kill = p.Kill
	if !s.running(st, p, true) {
		st.closed.Store(true)
		return false
	}
	defer s.running(st, p, false)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case w, ok := <-windows:
				if !ok {
					return
				}
				p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	alignFrames()
	_, _ = p.Run()
	return g.failed.Load()
}

// participantRenderer is the lipgloss renderer for one participant's
// terminal: its colours from the client's TERM and its background from
// the facilitator's theme (dark or light). The client's terminal is never
// asked anything: a client that does not answer would otherwise get no
// screen until it pressed a key.
func participantRenderer(w io.Writer, term string, dark bool) *lipgloss.Renderer {
	p := profileForTerm(term)
	r := lipgloss.NewRenderer(w, termenv.WithProfile(p))
	r.SetColorProfile(p)
	r.SetHasDarkBackground(dark)
	return r
}

// profileForTerm is the colour profile a terminal of type term can show,
// from its name alone (OpenSSH sends TERM with the terminal request, and
// nothing like COLORTERM).
func profileForTerm(term string) termenv.Profile {
	t := strings.ToLower(term)
	switch {
	case t == "" || t == "dumb":
		return termenv.Ascii
	case strings.Contains(t, "truecolor") || strings.Contains(t, "24bit") || strings.Contains(t, "direct"):
		return termenv.TrueColor
	}
	for _, name := range []string{"xterm-kitty", "alacritty", "wezterm", "foot", "xterm-ghostty", "contour"} {
		if strings.HasPrefix(t, name) {
			return termenv.TrueColor
		}
	}
	if strings.Contains(t, "256color") {
		return termenv.ANSI256
	}
	return termenv.ANSI
}

// guard runs a participant's model so that a panic in it ends that
// participant's program only. Bubble Tea would recover it too, but print
// it and its stack to the process's standard output, which is the
// projected screen. It also drops Suspend, which would stop the whole
// process.
type guard struct {
	model  tea.Model
	first  tea.Cmd // from the size given before the program started
	kill   func()
	failed atomic.Bool
}

type panicMsg struct{}

func (g *guard) fail() tea.Cmd {
	g.failed.Store(true)
	return tea.Quit
}

// build asks the guest for the participant's model, which may panic too.
func (g *guard) build(guest Guest, r *lipgloss.Renderer) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	g.model = guest.Model(r)
	return g.model != nil
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer func() {
		if recover() != nil {
			cmd = g.fail()
		}
	}()
	return tea.Batch(g.cmd(g.model.Init()), g.first)
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(panicMsg); ok {
		return g, g.fail()
	}
	if g.failed.Load() {
		return g, nil
	}
	defer func() {
		if recover() != nil {
			m, cmd = g, g.fail()
		}
	}()
	next, c := g.model.Update(msg)
	if next != nil {
		g.model = next
	}
	return g, g.cmd(c)
}

func (g *guard) View() (v string) {
	if g.failed.Load() {
		return ""
	}
	defer func() {
		if recover() != nil {
			g.failed.Store(true)
			v = ""
			if g.kill != nil {
				go g.kill()
			}
		}
	}()
	return g.model.View()
}

var cmdType = reflect.TypeOf(tea.Cmd(nil))

// cmd runs c with a recover, and guards the commands its message carries
// (tea.Batch and tea.Sequence).
func (g *guard) cmd(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if recover() != nil {
				msg = panicMsg{}
			}
		}()
		return g.msg(c())
	}
}

func (g *guard) msg(m tea.Msg) tea.Msg {
	switch m := m.(type) {
	case nil:
		return nil
	case tea.SuspendMsg:
		return nil
	case tea.BatchMsg:
		out := make(tea.BatchMsg, len(m))
		for i, c := range m {
			out[i] = g.cmd(c)
		}
		return out
	}
	// tea.Sequence's message is a slice of commands of an unexported type.
	v := reflect.ValueOf(m)
	if v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return m
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(g.cmd(c)))
	}
	return out.Interface()
}

// participantFPS is how many frames a second a participant's screen is
// drawn at most. Each program wakes once a frame whether or not its screen
// changed: 30 rather than Bubble Tea's 60 halves the room's idle cost, and
// a key still shows on the participant's screen within a frame (33 ms).
const participantFPS = 30

// frameOrigin is the phase every participant's frame ticker shares.
var frameOrigin = time.Now()

// alignFrames waits until the next frame boundary. Started in step, the
// frame tickers of all participants fall due together and the process
// wakes once a frame instead of once per participant per frame.
func alignFrames() {
	const frame = time.Second / participantFPS
	since := time.Since(frameOrigin) % frame
	time.Sleep(frame - since)
}

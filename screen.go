package main

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"
)

// screen draws huddle's frames in place of Bubble Tea's renderer.
//
// Bubble Tea v1's renderer writes a frame only on a ticker: a keypress
// waits for the next tick to be seen, and the ticker wakes the program many
// times a second while nothing changes. screen writes a frame as soon as a
// message has changed the view, and sleeps otherwise: no periodic work of
// its own, and a keypress is drawn as soon as it is handled. Like Bubble
// Tea's renderer, it rewrites only the lines that changed.
//
// It owns the terminal's modes: raw input, the alternate screen, a hidden
// cursor and bracketed paste, taken on enter and given back on leave (and
// around a suspend to the shell).
type screen struct {
	out  io.Writer
	in   int // the terminal input's descriptor, for raw mode; -1: none
	size int // the descriptor whose window size is the screen's; -1: none

	mu     sync.Mutex
	active bool
	raw    *term.State
	width  int
	height int
	lines  []string // what is on the screen; nil: unknown, repaint all
	buf    bytes.Buffer
}

const (
	enterSeq = "\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l\x1b[?2004h" // alternate screen, clear, hide cursor, bracketed paste
	leaveSeq = "\x1b[?2004l\x1b[?25h\x1b[?1049l"              // the reverse
)

func newScreen(out io.Writer, in, size int) *screen {
	s := &screen{out: out, in: in, size: size}
	s.width, s.height = s.termSize()
	return s
}

// termSize is the terminal's size, or 0, 0 when it cannot be known.
func (s *screen) termSize() (int, int) {
	if s.size < 0 {
		return 0, 0
	}
	w, h, err := term.GetSize(s.size)
	if err != nil {
		return 0, 0
	}
	return w, h
}

// enter takes the terminal: raw input, the alternate screen, cleared.
func (s *screen) enter() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.active {
		return
	}
	if s.in >= 0 {
		if st, err := term.MakeRaw(s.in); err == nil {
			s.raw = st
		}
	}
	_, _ = io.WriteString(s.out, enterSeq)
	s.active = true
	s.lines = nil
}

// leave gives the terminal back as it was found.
func (s *screen) leave() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.active {
		return
	}
	_, _ = io.WriteString(s.out, leaveSeq)
	if s.raw != nil {
		_ = term.Restore(s.in, s.raw)
		s.raw = nil
	}
	s.active = false
}

// resize takes a new size: the next frame is drawn whole on a cleared
// screen (terminals rearrange the old one as they please).
func (s *screen) resize(w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.width, s.height = w, h
	s.lines = nil
	if s.active {
		_, _ = io.WriteString(s.out, "\x1b[2J")
	}
}

// draw shows a view: the lines that differ from what is on the screen are
// rewritten, each cut to the screen's width and cleared to its end; lines
// beyond the screen's height are dropped from the top, as Bubble Tea does.
func (s *screen) draw(view string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.active {
		return
	}
	if view == "" {
		view = " "
	}
	lines := strings.Split(view, "\n")
	if s.height > 0 && len(lines) > s.height {
		lines = lines[len(lines)-s.height:]
	}
	b := &s.buf
	b.Reset()
	for i, line := range lines {
		if s.lines != nil && i < len(s.lines) && s.lines[i] == line {
			continue
		}
		moveTo(b, i)
		if s.width > 0 {
			line = ansi.Truncate(line, s.width, "")
		}
		b.WriteString(line)
		if s.width <= 0 || ansi.StringWidth(line) < s.width {
			b.WriteString("\x1b[K") // erase what the old line left to its right
		}
	}
	// Erase below the frame when it is shorter than the screen and than
	// what was there. (A frame as tall as the screen has nothing below it:
	// the cursor cannot go below the last line, and erasing from there
	// would take the frame's own last line.)
	if (s.lines == nil || len(s.lines) > len(lines)) && (s.height <= 0 || len(lines) < s.height) {
		moveTo(b, len(lines))
		b.WriteString("\x1b[J")
	}
	s.lines = lines
	if b.Len() > 0 {
		_, _ = s.out.Write(b.Bytes())
	}
}

// moveTo puts the cursor at the start of screen line i (from 0).
func moveTo(b *bytes.Buffer, i int) {
	b.WriteString("\x1b[")
	b.WriteString(strconv.Itoa(i + 1))
	b.WriteString(";1H")
}

// screenModel runs a model on a screen: every view Bubble Tea asks for is
// drawn at once, and Bubble Tea itself is given nothing to render.
type screenModel struct {
	inner tea.Model
	s     *screen
}

// Init hands the model the screen's size before the first view, so that
// the first frame drawn is the whole first slide.
func (m *screenModel) Init() tea.Cmd {
	defer m.leaveOnPanic()
	cmd := m.inner.Init()
	if m.s.width > 0 && m.s.height > 0 {
		var sized tea.Cmd
		m.inner, sized = m.inner.Update(tea.WindowSizeMsg{Width: m.s.width, Height: m.s.height})
		cmd = tea.Batch(cmd, sized)
	}
	return m.wrap(cmd)
}

func (m *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer m.leaveOnPanic()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.s.resize(msg.Width, msg.Height)
	case tea.ResumeMsg:
		m.s.enter() // back from the shell: take the terminal again
	}
	var cmd tea.Cmd
	m.inner, cmd = m.inner.Update(msg)
	return m, m.wrap(cmd)
}

// View draws the model's view; Bubble Tea's own renderer is off.
func (m *screenModel) View() string {
	defer m.leaveOnPanic()
	m.s.draw(m.inner.View())
	return ""
}

// leaveOnPanic gives the terminal back before a panic goes on to Bubble
// Tea, which prints it: on the alternate screen, in raw mode, the message
// would be lost. The panic goes on from where it was raised, so the stack
// Bubble Tea prints still shows where.
func (m *screenModel) leaveOnPanic() {
	if r := recover(); r != nil {
		m.s.leave()
		panic(r)
	}
}

// wrap gives the terminal back before a suspend to the shell, and before
// a panic in a command: Bubble Tea does that itself only for its own
// renderer.
func (m *screenModel) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		defer m.leaveOnPanic()
		msg := cmd()
		switch v := msg.(type) {
		case tea.BatchMsg:
			for i := range v {
				v[i] = m.wrap(v[i])
			}
		case tea.SuspendMsg:
			m.s.leave()
		}
		return msg
	}
}

// runScreen runs the model full screen on the terminal: Bubble Tea reads
// the keys and runs the model; screen draws it and owns the terminal's
// modes, which it gives back however the program ends.
func runScreen(m tea.Model) (tea.Model, error) {
	in := os.Stdin
	var opts []tea.ProgramOption
	if !term.IsTerminal(int(in.Fd())) {
		// Keys come from the terminal even when standard input is not it.
		if tty, err := os.Open("/dev/tty"); err == nil {
			defer tty.Close()
			in = tty
			opts = append(opts, tea.WithInput(tty))
		}
	}
	inFd, sizeFd := -1, -1
	if term.IsTerminal(int(in.Fd())) {
		inFd = int(in.Fd())
	}
	if term.IsTerminal(int(os.Stdout.Fd())) {
		sizeFd = int(os.Stdout.Fd())
	}
	defer enableVT(os.Stdout)()
	s := newScreen(os.Stdout, inFd, sizeFd)
	p := tea.NewProgram(&screenModel{inner: m, s: s}, append(opts, tea.WithoutRenderer())...)
	stop := make(chan struct{})
	s.watchResize(p, stop)
	s.enter()
	defer s.leave()
	defer close(stop)
	_, err := p.Run()
	return m, err
}

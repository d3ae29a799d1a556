package main

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// screenText replays what the screen wrote on a grid of w x h cells
// (cursor moves, erase to end of line and below, plain text), so that a
// test checks what a terminal would show, not the bytes.
func screenText(t *testing.T, out string, w, h int) []string {
	t.Helper()
	grid := make([][]rune, h)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", w))
	}
	row, col := 0, 0
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	state := byte(0)
	for len(out) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(out, state, p)
		state = newState
		out = out[n:]
		switch {
		case width > 0:
			for _, r := range seq {
				if row < h && col < w {
					grid[row][col] = r
				}
				col++
			}
		case ansi.HasCsiPrefix(seq):
			switch p.Command() {
			case 'H':
				r, _ := p.Param(0, 1)
				c, _ := p.Param(1, 1)
				row, col = min(r, h)-1, min(c, w)-1 // a terminal keeps the cursor on the screen
			case 'K':
				for c := col; row < h && c < w; c++ {
					grid[row][c] = ' '
				}
			case 'J':
				if n, _ := p.Param(0, 0); n == 2 {
					for r := range grid {
						grid[r] = []rune(strings.Repeat(" ", w))
					}
					continue
				}
				for c := col; row < h && c < w; c++ {
					grid[row][c] = ' '
				}
				for r := row + 1; r < h; r++ {
					grid[r] = []rune(strings.Repeat(" ", w))
				}
			}
		}
	}
	lines := make([]string, h)
	for i := range grid {
		lines[i] = strings.TrimRight(string(grid[i]), " ")
	}
	return lines
}

func TestScreenDrawsOnlyChangedLines(t *testing.T) {
	var out bytes.Buffer
	s := newScreen(&out, -1, -1)
	s.width, s.height = 20, 4
	s.enter()
	s.draw("one\ntwo\nthree")
	all := out.String()
	s.draw("one\nTWO\nthree")
	second := out.String()[len(all):]
	if strings.Contains(second, "one") || strings.Contains(second, "three") || !strings.Contains(second, "TWO") {
		t.Errorf("second frame rewrote unchanged lines: %q", second)
	}
	before := out.Len()
	s.draw("one\nTWO\nthree")
	if out.Len() != before {
		t.Errorf("an unchanged frame wrote %q", out.String()[before:])
	}
	got := screenText(t, out.String(), 20, 4)
	want := []string{"one", "TWO", "three", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("screen shows %q, want %q", got, want)
	}
}

// TestScreenFrames: what the terminal shows after a sequence of frames is
// the last frame, cut to the width and to the bottom of the height, with
// nothing left of longer earlier lines or of more lines.
func TestScreenFrames(t *testing.T) {
	cases := []struct {
		name   string
		frames []string
		want   []string
	}{
		{"shorter line clears its tail", []string{"abcdefgh\nx", "abc\nx"}, []string{"abc", "x", ""}},
		{"fewer lines clear below", []string{"a\nb\nc", "a"}, []string{"a", "", ""}},
		{"too wide is cut", []string{"0123456789abc"}, []string{"0123456789", "", ""}},
		{"too tall keeps the bottom", []string{"1\n2\n3\n4\n5"}, []string{"3", "4", "5"}},
		{"styled text is measured by cells", []string{"\x1b[1mbold\x1b[0m line long enough", "\x1b[1mbo\x1b[0m"}, []string{"bo", "", ""}},
		{"empty view clears", []string{"a\nb", ""}, []string{"", "", ""}},
		{"full height keeps its last line", []string{"1\n2\n3"}, []string{"1", "2", "3"}},
		{"full height, then shorter", []string{"1\n2\n3", "1\n2"}, []string{"1", "2", ""}},
		{"full width and height", []string{"0123456789\n0123456789\n0123456789"}, []string{"0123456789", "0123456789", "0123456789"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			s := newScreen(&out, -1, -1)
			s.width, s.height = 10, 3
			s.enter()
			for _, f := range c.frames {
				s.draw(f)
			}
			got := screenText(t, out.String(), 10, 3)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("screen shows %q, want %q", got, c.want)
			}
		})
	}
}

func TestScreenResizeRepaintsWhole(t *testing.T) {
	var out bytes.Buffer
	s := newScreen(&out, -1, -1)
	s.width, s.height = 10, 3
	s.enter()
	s.draw("a\nb")
	s.resize(8, 2)
	mark := out.Len()
	s.draw("a\nb")
	if got := out.String()[mark:]; !strings.Contains(got, "a") || !strings.Contains(got, "b") {
		t.Errorf("after a resize the frame was not drawn whole: %q", got)
	}
}

func TestScreenDrawsNothingWhileLeft(t *testing.T) {
	var out bytes.Buffer
	s := newScreen(&out, -1, -1)
	s.width, s.height = 10, 3
	s.enter()
	s.leave()
	mark := out.Len()
	s.draw("hidden")
	if out.Len() != mark {
		t.Errorf("drew %q on a terminal given back", out.String()[mark:])
	}
	if !strings.HasSuffix(out.String(), leaveSeq) {
		t.Errorf("leave did not restore the terminal's modes: %q", out.String())
	}
	s.enter()
	s.draw("back")
	if got := screenText(t, out.String()[mark:], 10, 3); got[0] != "back" {
		t.Errorf("after enter the screen shows %q", got)
	}
}

// sizeModel records the sizes and views asked of it.
type sizeModel struct{ sizes []tea.WindowSizeMsg }

func (m *sizeModel) Init() tea.Cmd { return nil }
func (m *sizeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(tea.WindowSizeMsg); ok {
		m.sizes = append(m.sizes, s)
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlZ {
		return m, tea.Batch(tea.Suspend, func() tea.Msg { return nil })
	}
	return m, nil
}
func (m *sizeModel) View() string { return "view" }

// TestScreenModel: the model has the screen's size before its first view,
// its view is drawn and not handed to Bubble Tea, and a suspend gives the
// terminal back before Bubble Tea stops the process.
func TestScreenModel(t *testing.T) {
	var out bytes.Buffer
	s := newScreen(&out, -1, -1)
	s.width, s.height = 30, 5
	inner := &sizeModel{}
	m := &screenModel{inner: inner, s: s}
	s.enter()
	m.Init()
	if len(inner.sizes) != 1 || inner.sizes[0].Width != 30 || inner.sizes[0].Height != 5 {
		t.Fatalf("before the first view the model had sizes %v", inner.sizes)
	}
	if v := m.View(); v != "" {
		t.Errorf("Bubble Tea was handed %q to render", v)
	}
	if got := screenText(t, out.String(), 30, 5); got[0] != "view" {
		t.Errorf("screen shows %q", got)
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatalf("ctrl+z gave %T", cmd())
	}
	for _, c := range batch {
		if c != nil {
			c()
		}
	}
	if s.active || !strings.HasSuffix(out.String(), leaveSeq) {
		t.Errorf("the terminal was not given back before the suspend")
	}
	m.Update(tea.ResumeMsg{})
	if !s.active {
		t.Errorf("the terminal was not taken again on resume")
	}
}

// panicModel panics in Update.
type panicModel struct{ sizeModel }

func (m *panicModel) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("boom") }

// TestScreenGivesBackOnPanic: a panic in the model reaches Bubble Tea
// (which prints it) only after the terminal is given back.
func TestScreenGivesBackOnPanic(t *testing.T) {
	var out bytes.Buffer
	s := newScreen(&out, -1, -1)
	s.width, s.height = 10, 3
	m := &screenModel{inner: &panicModel{}, s: s}
	s.enter()
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Errorf("the panic was changed to %v", r)
			}
		}()
		m.Update(tea.KeyMsg{})
	}()
	if s.active || !strings.HasSuffix(out.String(), leaveSeq) {
		t.Error("the terminal was not given back before the panic went on")
	}
}

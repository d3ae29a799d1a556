package live

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
)

// seatScreen drives one participant's program directly, as their renderer
// would draw it with a fixed profile.
type seatScreen struct {
	t testing.TB
	g *guest
	m tea.Model
}

func newSeatScreen(t testing.TB, r *Room, w, h int) *seatScreen {
	t.Helper()
	g, err := r.Enter(string(r.Code()), "src")
	if err != nil {
		t.Fatal(err)
	}
	rd := lipgloss.NewRenderer(&bytes.Buffer{})
	rd.SetColorProfile(termenv.Ascii)
	s := &seatScreen{t: t, g: g.(*guest), m: g.Model(rd)}
	s.send(tea.WindowSizeMsg{Width: w, Height: h})
	return s
}

func (s *seatScreen) p() *participant { return s.m.(*participant) }

func (s *seatScreen) send(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.m, cmd = s.m.Update(msg)
	return cmd
}

// changed is what the room's wake brings: the screen takes its view again.
func (s *seatScreen) changed() { s.send(changedMsg{}) }

func (s *seatScreen) key(k string) tea.Cmd {
	switch k {
	case "enter":
		return s.send(tea.KeyMsg{Type: tea.KeyEnter})
	case "esc":
		return s.send(tea.KeyMsg{Type: tea.KeyEsc})
	case "down":
		return s.send(tea.KeyMsg{Type: tea.KeyDown})
	case "right":
		return s.send(tea.KeyMsg{Type: tea.KeyRight})
	case " ":
		return s.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	}
	return s.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
}

// typeText sends text as one read (a paste or fast typing).
func (s *seatScreen) typeText(text string) {
	s.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
}

func (s *seatScreen) view() string { return s.m.View() }

func (s *seatScreen) shows(want ...string) {
	s.t.Helper()
	v := s.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			s.t.Fatalf("screen lacks %q:\n%s", w, v)
		}
	}
}

func (s *seatScreen) lacks(no ...string) {
	s.t.Helper()
	v := s.view()
	for _, w := range no {
		if strings.Contains(v, w) {
			s.t.Fatalf("screen shows %q:\n%s", w, v)
		}
	}
}

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestParticipantLobby(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := newSeatScreen(t, r, 80, 24)
	s.shows(model.PseudonymName(s.g.seat), "You are "+model.PseudonymName(s.g.seat)+".", "Waiting for the facilitator", "q leave")
	if !isQuit(s.key("q")) {
		t.Fatal("q does not leave")
	}
}

func TestParticipantWritesSharesAndOthersNeverSee(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	a, b := newSeatScreen(t, r, 80, 24), newSeatScreen(t, r, 80, 24)
	r.Open(discussion, model.RoomWrite)
	a.changed()
	b.changed()
	a.shows("What helps", "What helps handovers?", "No notes yet.", memoryNote[:40], "n new note")

	a.key("n")
	if v := a.p().input.Value(); v != "" {
		t.Fatalf("the input opened with %q", v)
	}
	a.typeText("Secret worry about rotas")
	a.key("enter")
	a.shows("[private] Secret worry about rotas", "kept, private")
	a.key("n")
	a.typeText("Handovers at 8 work")
	a.key("enter")
	a.key("s") // the cursor is on the new note
	a.shows("[shared] Handovers at 8 work", "[private] Secret worry")

	b.changed()
	b.shows("No notes yet.")
	b.lacks("Secret worry", "Handovers at 8")

	// A several-rune key message is text, never a binding: "sq" typed in
	// one read does not share or leave.
	if isQuit(a.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("sq")})) {
		t.Fatal("text left the room")
	}
	a.shows("[shared] Handovers at 8 work")

	// The privacy guard: the note is not kept, and the screen says why.
	a.key("n")
	a.typeText("Mr Jones NHS 943 476 5919")
	a.key("enter")
	a.shows("Not kept: this may identify someone", "NHS number")
	if a.p().input.Value() == "" || !a.p().typing {
		t.Fatal("the flagged text was not left to change")
	}
	a.key("esc")
	if n := len(r.View(a.g.seat).Notes); n != 2 {
		t.Fatalf("%d notes kept, want 2", n)
	}
	b.changed()
	b.lacks("943 476", "Jones")

	r.Reveal()
	a.changed()
	a.shows("[on the wall] Handovers at 8 work")
	b.changed()
	b.lacks("Handovers at 8", "Secret worry")
}

func TestParticipantPollDotsRating(t *testing.T) {
	r, rec, _ := newTestRoom(t, Config{})
	s := newSeatScreen(t, r, 80, 24)
	r.Open(poll, model.RoomPoll)
	s.changed()
	s.shows("Which first?", "( ) Rotas", "You have not voted.", "enter vote")
	s.key("down")
	s.key("enter")
	s.shows("(•) Handovers (1)", "vote saved", "1 person has answered.")
	r.SetResults(ResultsRule{WhenClosed: true})
	s.changed()
	s.shows("(•) Handovers", "Results: shown when this closes")
	s.lacks("(1)")
	r.CloseActivity()
	s.changed()
	s.shows("Pick one (closed)", "(•) Handovers (1)")
	r.SetResults(ResultsRule{})

	rec.lines = []Line{{"e1", "Rotas"}, {"e2", "Breaks"}}
	r.Open(discussion, model.RoomDots)
	s.changed()
	s.shows("Dots left: 3 of 3", "··· Rotas")
	s.key(" ")
	s.key(" ")
	s.key("down")
	s.key(" ")
	s.shows("Dots left: 0 of 3", "●●· Rotas", "●·· Breaks")
	s.key(" ")
	s.shows("you have no dots left")
	s.key("x")
	s.shows("Dots left: 1 of 3", "dot taken back")

	r.Open(rating, model.RoomRating)
	s.changed()
	s.shows("[ ] We listen", "1 Never", "4 Always", "1-4 rate")
	s.key("right") // the first press lands in the middle
	s.shows("[2] We listen")
	s.key("right")
	s.shows("[3] We listen")
	s.key("down")
	s.key("4")
	s.shows("[4] We plan")
	if rec.count("r1", "item/0=2") != 1 || rec.count("r1", "item/1=3") != 1 || rec.count("r1", "item/0=1") != 0 {
		t.Fatalf("ratings %v", rec.tally)
	}
}

func TestParticipantRoomClosedAndRemoved(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	a, b := newSeatScreen(t, r, 80, 24), newSeatScreen(t, r, 80, 24)
	r.Remove(b.g.seat)
	b.changed()
	b.shows("The facilitator removed you from the room.")
	r.Open(discussion, model.RoomWrite)
	r.AddNote(a.g.seat, "kept in memory")
	r.Close()
	a.changed()
	a.shows("The room is closed.", "were never stored")
	a.lacks("kept in memory")
	if !isQuit(a.key("z")) {
		t.Fatal("a key does not leave a closed room")
	}
}

func TestParticipantClock(t *testing.T) {
	r, _, clk := newTestRoom(t, Config{})
	s := newSeatScreen(t, r, 80, 24)
	if s.p().tick {
		t.Fatal("a tick is scheduled with no timer")
	}
	r.SetClock(model.RoomClock{Deadline: clk.Now().Add(5 * time.Minute)})
	s.changed()
	s.shows("⏱ 5:00 left")
	if !s.p().tick {
		t.Fatal("no tick while the timer runs")
	}
	clk.Add(61 * time.Second)
	s.send(tickMsg{})
	s.shows("⏱ 3:59 left")
	r.SetClock(model.RoomClock{Paused: 3 * time.Minute})
	s.changed()
	s.send(tickMsg{}) // the tick in flight ends; no next one
	if s.p().tick {
		t.Fatal("the screen ticks while the timer is paused")
	}
	s.shows("⏸ 3:00 left (paused)")
}

// Every screen fits the window, at 80×24 and smaller.
func TestParticipantScreensFit(t *testing.T) {
	rec := newFakeRecorder()
	rec.lines = []Line{{"e1", strings.Repeat("a long line of text ", 10)}, {"e2", "two"}}
	for _, size := range [][2]int{{80, 24}, {40, 12}, {30, 8}} {
		r, _, _ := newTestRoom(t, Config{Recorder: rec})
		s := newSeatScreen(t, r, size[0], size[1])
		check := func(name string) {
			t.Helper()
			lines := strings.Split(s.view(), "\n")
			if len(lines) > size[1] {
				t.Errorf("%dx%d %s: %d lines", size[0], size[1], name, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Errorf("%dx%d %s: a line of %d columns: %q", size[0], size[1], name, w, l)
				}
			}
		}
		check("lobby")
		r.Open(discussion, model.RoomWrite)
		for i := range 15 {
			r.AddNote(s.g.seat, strings.Repeat("word ", i+3))
		}
		s.changed()
		s.key("n")
		check("write")
		s.key("esc")
		r.Open(poll, model.RoomPoll)
		s.changed()
		check("poll")
		r.Open(discussion, model.RoomDots)
		s.changed()
		check("dots")
		r.Open(rating, model.RoomRating)
		s.changed()
		check("rating")
		r.Close()
		s.changed()
		check("closed")
	}
}

// panicky panics where it is told to.
type panicky struct{ where string }

func (p panicky) Init() tea.Cmd {
	if p.where == "cmd" {
		return tea.Batch(func() tea.Msg { panic("in a command") }, func() tea.Msg { return nil })
	}
	return nil
}

func (p panicky) Update(tea.Msg) (tea.Model, tea.Cmd) {
	if p.where == "update" {
		panic("in update")
	}
	return p, nil
}

func (p panicky) View() string {
	if p.where == "view" {
		panic("in view")
	}
	return "fine"
}

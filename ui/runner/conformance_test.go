package runner

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// conformCase is one exercise kind put through the behaviours every
// runner shares. The keys are a person's: how to open a text input for a
// new line, and how to make one choice.
type conformCase struct {
	name string
	id   string          // the built-in deck's exercise
	ex   *model.Exercise // or an exercise of the test's own
	// start is pressed once on opening (a tab to the lines); add opens
	// the input for a new line; finish ends what enter began (the action
	// plan's remaining steps).
	start, add, finish []string
	// actedOn is what the selected row holds after an add ("" for the
	// text added): a note is added to the item it is on.
	actedOn string
	// texts lists what is saved where add writes.
	texts func(d *model.SessionData) []string
	// choice is one choice; pressed twice before the saves return, got
	// reads the result, which must be want.
	choice    []string
	got       func(d *model.SessionData) string
	want      string
	noSummary bool
	// screen builds a screen of the session (the parking lot, the
	// see-saw) instead of an exercise's runner.
	screen func(l *session.Live, draft *model.Draft) *Host
}

func slotTexts(s model.Slot) func(d *model.SessionData) []string {
	return func(d *model.SessionData) []string {
		var out []string
		for _, e := range d.In(s) {
			out = append(out, e.Text)
		}
		return out
	}
}

func slotValue(s model.Slot) func(d *model.SessionData) string {
	return func(d *model.SessionData) string {
		e, _ := d.Value(s)
		if e.Votes > 0 {
			return strings.Repeat("+", e.Votes)
		}
		return e.Value
	}
}

func conformCases() []conformCase {
	plan := &model.Exercise{ID: "AP-1", Kind: model.KindActionPlan, Title: "Team action plan", Prompts: []string{"What will we stop doing?"}}
	return []conformCase{
		{name: "discussion", id: "M1-E3", add: []string{"down", "enter"},
			texts:  slotTexts(model.Slot{Exercise: "M1-E3", Group: "g1", Field: "benefits"}),
			choice: []string{"right"}, got: slotValue(model.Slot{Exercise: "M1-E3", Group: "g1", Field: "position"}), want: "aligned"},
		{name: "checklist", id: "P2", add: []string{"n"}, actedOn: "1. Do we have a clear map",
			texts:  slotTexts(model.Slot{Exercise: "P2", Field: model.ItemNoteField(0)}),
			choice: []string{"right"}, got: slotValue(model.Slot{Exercise: "P2", Field: model.ItemField(0)}), want: "partly"},
		{name: "rating", id: "M2-E4", add: []string{"n"}, actedOn: "1. Understand integration",
			texts:  slotTexts(model.Slot{Exercise: "M2-E4", Field: model.ItemNoteField(0)}),
			choice: []string{"right"}, got: slotValue(model.Slot{Exercise: "M2-E4", Field: model.ItemField(0)}), want: "could do better"},
		{name: "framework", id: "M1-E1", add: []string{"enter"},
			texts: slotTexts(model.Slot{Exercise: "M1-E1", Field: "values"})},
		{name: "reflection", id: "M3-E1", add: []string{"down", "enter"},
			texts:  slotTexts(model.Slot{Exercise: "M3-E1", Field: "mine"}),
			choice: []string{"right"}, got: slotValue(model.Slot{Exercise: "M3-E1", Field: "position"}), want: "aligned"},
		{name: "poll", id: "B-3", start: []string{"tab"}, add: []string{"enter"},
			texts:  slotTexts(model.Slot{Exercise: "B-3", Field: model.PromptField(0)}),
			choice: []string{"right"}, got: slotValue(model.Slot{Exercise: "B-3", Field: model.OptionField(0)}), want: "++"},
		{name: "assessment", id: "I-A", start: []string{"tab"}, add: []string{"enter"},
			texts:  slotTexts(model.Slot{Exercise: "I-A", Field: model.PromptField(0)}),
			choice: []string{"right"}, got: slotValue(model.Slot{Exercise: "I-A", Field: "factor/knowledge"}), want: "medium"},
		{name: "case study", id: "M2-E2", add: []string{"enter"},
			texts: slotTexts(model.Slot{Exercise: "M2-E2", Group: "A", Field: "q1"})},
		{name: "allies map", id: "M3-E2", add: []string{"a"},
			texts: slotTexts(model.Slot{Exercise: "M3-E2", Field: "ally"})},
		{name: "case review", id: "M3-E4", add: []string{"n"},
			texts: func(d *model.SessionData) []string {
				var out []string
				for _, e := range d.ExerciseEntries("M3-E4") {
					if e.Field == "case" {
						out = append(out, e.Text)
					}
				}
				return out
			}},
		{name: "card sort", id: "M3-E5", add: []string{"a"}, finish: []string{"esc"},
			texts: slotTexts(model.Slot{Exercise: "M3-E5", Field: "card"})},
		{name: "parking lot", add: []string{"a"},
			texts: slotTexts(model.Slot{Exercise: model.ExerciseParking, Field: model.FieldNote}),
			screen: func(l *session.Live, draft *model.Draft) *Host {
				return NewParking(l, common.NewTheme(common.ThemeDark), draft)
			}},
		{name: "see-saw screen", add: []string{"a"},
			texts: slotTexts(model.Slot{Exercise: model.ExerciseSeesaw, Field: model.FieldNote}),
			screen: func(l *session.Live, draft *model.Draft) *Host {
				return NewSeesawScreen(l, common.NewTheme(common.ThemeDark), draft)
			}},
		{name: "action plan", ex: plan, add: []string{"a"}, finish: []string{"esc"},
			texts: func(d *model.SessionData) []string {
				var out []string
				for _, a := range d.SessionActions("AP-1") {
					out = append(out, a.Text)
				}
				return out
			}},
	}
}

// conformRunner opens the case's runner on a live session at 120x40.
func conformRunner(t *testing.T, c conformCase, draft *model.Draft) (*driver, *Host, *session.Live) {
	t.Helper()
	deck := builtinDeck(t)
	l := testLive(t, testStore(t), deck, "North")
	if c.screen != nil {
		h := c.screen(l, draft)
		d := &driver{T: t, M: h}
		d.Send(teaSize(120, 40))
		d.Run(h.Init())
		return d, h, l
	}
	ex := c.ex
	if ex == nil {
		ex = l.Exercises()[c.id]
		if ex == nil {
			t.Fatalf("no exercise %s", c.id)
		}
	}
	r := NewRunner(RunnerEnv{Live: l, Ex: ex, Theme: common.NewTheme(common.ThemeDark), Draft: draft})
	h, ok := r.(*Host)
	if !ok {
		t.Fatalf("%s runs on %T, not the runner host", c.name, r)
	}
	d := &driver{T: t, M: h}
	d.Send(teaSize(120, 40))
	d.Run(h.Init())
	return d, h, l
}

func sendKeys(d *driver, names ...string) {
	for _, n := range names {
		d.Send(keyMsg(n))
	}
}

// selectedRow is the row of the view marked with the cursor, from the
// marker on ("" if none).
func selectedRow(view string) string {
	for _, l := range strings.Split(plain(view), "\n") {
		if i := strings.Index(l, "▶"); i >= 0 {
			return l[i:]
		}
	}
	return ""
}

var errDiskFull = errors.New("no space left on device")

// TestRunnerConformance puts every exercise kind through the behaviours
// the runner host owns, the same way for each.
func TestRunnerConformance(t *testing.T) {
	const pasted = "go home now, then enter the room"
	for _, c := range conformCases() {
		t.Run(c.name, func(t *testing.T) {
			t.Run("paste stays text", func(t *testing.T) {
				// How a terminal's read reaches the program: a bracketed
				// paste is one message; other text comes as one message of
				// several runes, or split at spaces so that "home" and
				// "enter" arrive as messages of their own.
				reads := map[string][]tea.KeyMsg{
					"bracketed paste": {{Type: tea.KeyRunes, Runes: []rune(pasted), Paste: true}},
					"one read":        {{Type: tea.KeyRunes, Runes: []rune(pasted)}},
				}
				for i, w := range strings.Split(pasted, " ") {
					if i > 0 {
						reads["words"] = append(reads["words"], tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
					}
					reads["words"] = append(reads["words"], tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(w)})
				}
				for _, read := range []string{"bracketed paste", "one read", "words"} {
					d, h, l := conformRunner(t, c, nil)
					sendKeys(d, c.start...)
					sendKeys(d, c.add...)
					if !h.input.Active() {
						t.Fatalf("%v opened no input:\n%s", c.add, plain(d.M.View()))
					}
					for _, msg := range reads[read] {
						d.Send(msg)
					}
					sendKeys(d, "enter")
					sendKeys(d, c.finish...)
					data := l.Data()
					if got := c.texts(&data); len(got) != 1 || got[0] != pasted {
						t.Fatalf("%s saved %q, want %q", read, got, pasted)
					}
				}
			})
			t.Run("selection on the new item", func(t *testing.T) {
				d, _, _ := conformRunner(t, c, nil)
				sendKeys(d, c.start...)
				sendKeys(d, c.add...)
				typeText(d, "Shared duty rota")
				sendKeys(d, "enter")
				sendKeys(d, c.finish...)
				want := c.actedOn
				if want == "" {
					want = "Shared duty rota"
				}
				if row := selectedRow(d.M.View()); !strings.Contains(row, want) || !strings.Contains(plain(d.M.View()), "Shared duty rota") {
					t.Fatalf("selected row %q, not the new item:\n%s", row, plain(d.M.View()))
				}
			})
			t.Run("failed save keeps the text", func(t *testing.T) {
				d, h, l := conformRunner(t, c, nil)
				l.SetFault(func() error { return errDiskFull })
				sendKeys(d, c.start...)
				sendKeys(d, c.add...)
				typeText(d, "Nothing typed is lost")
				sendKeys(d, "enter")
				sendKeys(d, c.finish...)
				v := plain(d.M.View())
				// (a narrow cell may cut the text: its start must show)
				if !strings.Contains(v, "NOT SAVED") || !strings.Contains(v, "no space left on device") || !strings.Contains(v, "Nothing typed") {
					t.Fatalf("a failed save must keep its text in view and say so:\n%s", v)
				}
				l.SetFault(nil)
				sendKeys(d, "ctrl+r")
				data := l.Data()
				if got := c.texts(&data); len(got) != 1 || got[0] != "Nothing typed is lost" {
					t.Fatalf("after the retry %q are saved", got)
				}
				if v := plain(d.M.View()); strings.Contains(v, "NOT SAVED") || !strings.Contains(v, "saved ✓") || len(h.unsaved) > 0 {
					t.Fatalf("after the retry the header must say saved:\n%s", v)
				}
			})
			t.Run("draft recovered into its field", func(t *testing.T) {
				d, h, l := conformRunner(t, c, nil)
				sendKeys(d, c.start...)
				sendKeys(d, c.add...)
				key := h.input.draftKey
				if key == "" {
					t.Fatal("the input keeps no draft")
				}
				// A new session's runner gets that draft as if after a crash.
				d3, h3, l3 := conformRunner(t, c, nil)
				dk := strings.Replace(key, l.Session().ID, l3.Session().ID, 1)
				h3.env.Draft = &model.Draft{Key: dk, Text: "typed before the crash"}
				d3.Run(h3.Init())
				if !h3.input.Active() || h3.input.ti.Value() != "typed before the crash" {
					t.Fatalf("the draft is not back in an open input:\n%s", plain(d3.M.View()))
				}
				sendKeys(d3, "enter")
				sendKeys(d3, c.finish...)
				data := l3.Data()
				if got := c.texts(&data); len(got) != 1 || got[0] != "typed before the crash" {
					t.Fatalf("the recovered draft saved %q elsewhere: %+v", got, data.Entries)
				}
			})
			if c.choice != nil {
				t.Run("two quick choices build on each other", func(t *testing.T) {
					d, h, l := conformRunner(t, c, nil)
					// Both keys before either save returns.
					var cmds []tea.Cmd
					for range 2 {
						for _, k := range c.choice {
							_, cmd := h.Update(keyMsg(k))
							cmds = append(cmds, cmd)
						}
					}
					for _, cmd := range cmds {
						d.Run(cmd)
					}
					data := l.Data()
					if got := c.got(&data); got != c.want {
						t.Fatalf("two %v saved %q, want %q", c.choice, got, c.want)
					}
				})
			}
			t.Run("? lists the keys", func(t *testing.T) {
				d, h, _ := conformRunner(t, c, nil)
				sendKeys(d, "?")
				v := plain(d.M.View())
				wants := []string{h.pane.Name() + " keys", "summary", "all keys", "back", "retry unsaved now", "timer start / pause"}
				if h.keys.Parking.Enabled() {
					wants = append(wants, "parking lot")
				}
				for _, want := range wants {
					if !strings.Contains(v, want) {
						t.Errorf("the help lacks %q:\n%s", want, v)
					}
				}
				sendKeys(d, "esc")
				if strings.Contains(plain(d.M.View()), "ctrl+r retry unsaved now") {
					t.Errorf("esc does not close the help")
				}
			})
			if !c.noSummary {
				t.Run("S shows the summary to its last line", func(t *testing.T) {
					d, h, _ := conformRunner(t, c, nil)
					d.Send(teaSize(80, 24))
					sendKeys(d, c.start...)
					for i := range 12 {
						sendKeys(d, c.add...)
						typeText(d, "Line "+string(rune('a'+i))+" of a long summary")
						sendKeys(d, "enter")
						sendKeys(d, c.finish...)
					}
					sendKeys(d, "S", "end")
					lines := h.sum.lines
					for len(lines) > 0 && strings.TrimSpace(plain(lines[len(lines)-1])) == "" {
						lines = lines[:len(lines)-1]
					}
					if !strings.Contains(strings.Join(lines, "\n"), "Line l") {
						t.Fatalf("the summary is not the exercise's Markdown summary:\n%s", strings.Join(lines, "\n"))
					}
					last := strings.TrimSpace(plain(lines[len(lines)-1]))
					if v := plain(d.M.View()); !strings.Contains(v, last) {
						t.Fatalf("end does not reach the summary's last line %q:\n%s", last, v)
					}
					sendKeys(d, "esc")
					if strings.Contains(plain(d.M.View()), "Summary  ") {
						t.Fatalf("esc does not leave the summary")
					}
				})
			}
			t.Run("esc returns to the slides", func(t *testing.T) {
				d, _, _ := conformRunner(t, c, nil)
				d.Sent = nil
				sendKeys(d, "esc")
				closed := false
				for _, m := range d.Sent {
					if _, ok := m.(CloseRunnerMsg); ok {
						closed = true
					}
				}
				if !closed {
					t.Fatalf("esc did not ask to close the runner")
				}
			})
		})
	}
}

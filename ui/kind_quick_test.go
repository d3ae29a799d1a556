package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/runner"
)

// TestQuickChoicesBuildOnEachOther: two keys pressed before the first
// one's save returns build on each other (the second reads what the first
// chose), in the case review, the card sort and the see-saw screen.
func TestQuickChoicesBuildOnEachOther(t *testing.T) {
	cards := func(app *App) {
		for i := 1; i <= 16; i++ {
			app.Live().CommitNow(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M3-E5", Field: model.FieldCard, Text: fmt.Sprintf("Value %02d", i), Order: i}})
		}
		app.Live().CommitNow(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: "M3-E5", Field: model.FieldRound, Value: "0"}})
	}
	cases := []struct {
		name  string
		setup func(t *testing.T, d *driver, app *App)
		quick []string
		check func(data *model.SessionData) error
	}{
		{"case review: a choice cell cycles twice", func(t *testing.T, d *driver, app *App) {
			openExerciseByID(t, d, app, "M3-E4")
			kaKeys(d, "n")
			typeText(d, "Case A")
			kaKeys(d, "enter", "right")
		}, []string{" ", " "}, func(data *model.SessionData) error {
			if e, _ := data.Value(model.Slot{Exercise: "M3-E4", Group: "g1", Field: "admission"}); e.Value != "no" {
				return fmt.Errorf("admission %q, want no", e.Value)
			}
			return nil
		}},
		{"card sort: two cards kept", func(t *testing.T, d *driver, app *App) {
			cards(app)
			openExerciseByID(t, d, app, "M3-E5")
		}, []string{" ", " "}, func(data *model.SessionData) error {
			if n := model.CardsKept(model.SortedCards("M3-E5", data), 0); n != 2 {
				return fmt.Errorf("%d kept, want 2", n)
			}
			return nil
		}},
		{"see-saw: a new item weighed", func(t *testing.T, d *driver, app *App) {
			kaKeys(d, "W", "c")
			typeText(d, "Funding ends in March")
		}, []string{"enter", "3"}, func(data *model.SessionData) error {
			es := data.ExerciseEntries(model.ExerciseSeesaw)
			if len(es) != 1 || es[0].Weight != 3 {
				return fmt.Errorf("see-saw holds %+v, want one item of weight 3", es)
			}
			return nil
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, app := sessionApp(t, 100, 30)
			c.setup(t, d, app)
			h, ok := app.screen.(*runner.Host)
			if !ok {
				t.Fatalf("the screen is a %T", app.screen)
			}
			var held []tea.Cmd // the saves, not yet run
			for _, k := range c.quick {
				_, cmd := h.Update(keyMsg(k))
				held = append(held, cmd)
			}
			for _, cmd := range held {
				d.Run(cmd)
			}
			saved := savedEntries(t, app)
			if err := c.check(&saved); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestDraftsComeBackToTheirField: typing left by a crash is put back in
// the field it was typed in, and enter saves it there.
func TestDraftsComeBackToTheirField(t *testing.T) {
	cases := []struct {
		ex, group, field string
		check            func(data *model.SessionData) bool
	}{
		{"M3-E4", "g2", "prevent", nil},
		{"M3-E4", "", model.FieldSupervision, nil},
		{"M3-E4", "", model.PromptField(1), nil},
		{"M3-E5", "", model.FieldCard, nil},
		{"M3-E5", "", "effect", nil},
		{model.ExerciseSeesaw, string(model.Challenge), model.FieldNote, func(data *model.SessionData) bool {
			es := data.ExerciseEntries(model.ExerciseSeesaw)
			return len(es) == 1 && es[0].Tag == model.TagChallenge && es[0].Group == "" && es[0].Text == "Typed before the crash"
		}},
		{model.ExerciseParking, "", model.FieldNote, nil},
	}
	for _, c := range cases {
		t.Run(c.ex+"/"+c.group+"/"+c.field, func(t *testing.T) {
			_, app := sessionApp(t, 100, 30)
			live := app.Live()
			draft := &model.Draft{Key: live.DraftKey(c.ex, c.group, c.field), Text: "Typed before the crash"}
			var h *runner.Host
			switch c.ex {
			case model.ExerciseSeesaw:
				h = runner.NewSeesawScreen(live, app.cfg.Theme, draft)
			case model.ExerciseParking:
				h = runner.NewParking(live, app.cfg.Theme, draft)
			default:
				h = runner.NewRunner(runner.RunnerEnv{Live: live, Ex: live.Exercises()[c.ex], Theme: app.cfg.Theme, Draft: draft}).(*runner.Host)
			}
			d := &driver{T: t, M: h}
			d.Run(h.Init())
			d.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
			kaWant(t, d, "› Typed before the crash")
			kaKeys(d, "enter")
			data := live.Data()
			if c.check != nil {
				if !c.check(&data) {
					t.Fatalf("not saved where typed: %+v", data.Entries)
				}
				return
			}
			if es := data.In(model.Slot{Exercise: c.ex, Group: c.group, Field: c.field}); len(es) != 1 || es[0].Text != "Typed before the crash" {
				t.Fatalf("not saved where typed: %+v", data.Entries)
			}
		})
	}
}

// TestCaseReviewSelectionFollowsTheCase: a new case is selected, and after
// a delete the selection is on the case now in that row.
func TestCaseReviewSelectionFollowsTheCase(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want string
	}{
		{"new case", append(append([]string{"n"}, runes("Case D")...), "enter"), "▶Case D"},
		{"new case from the first row", append(append([]string{"up", "up", "n"}, runes("Case D")...), "enter"), "▶Case D"},
		{"delete", []string{"up", "X", "y"}, "▶Case C"},
		{"clearing the only cell of a case", []string{"up", "0"}, "▶Case C"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, app := sessionApp(t, 120, 30)
			for i, label := range []string{"Case A", "Case B", "Case C"} {
				app.Live().CommitNow(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: "M3-E4", Group: model.GroupKey(i + 1), Field: "case", Text: label}})
			}
			openExerciseByID(t, d, app, "M3-E4")
			kaKeys(d, "down", "down") // Case C
			kaKeys(d, c.keys...)
			var row string
			for _, l := range strings.Split(plain(d.M.View()), "\n") {
				if strings.Contains(l, "▶") {
					row = l
				}
			}
			if !strings.Contains(row, c.want) {
				t.Fatalf("selected row %q, want %q:\n%s", row, c.want, plain(d.M.View()))
			}
		})
	}
}

// TestPasteStaysText: text that arrives in one read (a paste, a fast
// typist, SSH) is typed into the input whole, never taken as keys, and
// saved as typed.
func TestPasteStaysText(t *testing.T) {
	const text = "go home now, then enter the room"
	cases := []struct {
		name, ex string
		open     []string
		slot     model.Slot
	}{
		{"card sort value", "M3-E5", []string{"a"}, model.Slot{Exercise: "M3-E5", Field: model.FieldCard}},
		{"case review label", "M3-E4", []string{"n"}, model.Slot{Exercise: "M3-E4", Group: "g1", Field: "case"}},
		{"see-saw item", "", []string{"W", "c"}, model.Slot{Exercise: model.ExerciseSeesaw, Field: model.FieldNote}},
		{"parking lot note", "", []string{"P", "a"}, model.Slot{Exercise: model.ExerciseParking, Field: model.FieldNote}},
	}
	// How a terminal's read reaches the program: a bracketed paste is one
	// message; Bubble Tea v1 splits other text at spaces, so "home" and
	// "enter" arrive as messages of their own.
	reads := map[string][]tea.KeyMsg{
		"bracketed paste": {{Type: tea.KeyRunes, Runes: []rune(text), Paste: true}},
		"one read":        {{Type: tea.KeyRunes, Runes: []rune(text)}},
	}
	for i, w := range strings.Split(text, " ") {
		if i > 0 {
			reads["words"] = append(reads["words"], tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
		}
		reads["words"] = append(reads["words"], tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(w)})
	}
	for _, c := range cases {
		for _, read := range []string{"bracketed paste", "one read", "words"} {
			t.Run(c.name+"/"+read, func(t *testing.T) {
				d, app := sessionApp(t, 100, 30)
				if c.ex != "" {
					openExerciseByID(t, d, app, c.ex)
				}
				kaKeys(d, c.open...)
				for _, msg := range reads[read] {
					d.Send(msg)
				}
				kaKeys(d, "enter")
				data := app.Live().Data()
				if es := data.In(c.slot); len(es) != 1 || es[0].Text != text {
					t.Fatalf("saved %+v, want %q", es, text)
				}
			})
		}
	}
}

// TestHelpListsTheKeys: ? lists the kind's own keys, its notes tab's and
// the host's.
func TestHelpListsTheKeys(t *testing.T) {
	cases := []struct {
		name, ex string
		open     []string
		wants    []string
	}{
		{"card sort", "M3-E5", nil, []string{"Card sort keys", "keep / let go", "confirm round", "starting values", "narrow", "add a line / write", "retry unsaved now"}},
		{"case review", "M3-E4", nil, []string{"Case review keys", "new case", "delete case (asks)", "clear cell", "add a line / write", "retry unsaved now"}},
		{"see-saw", "", []string{"W"}, []string{"See-saw keys", "add challenge", "take off (asks)", "retry unsaved now"}},
		{"parking lot", "", []string{"P"}, []string{"Parking lot keys", "park a question or point", "delete (asks)", "retry unsaved now"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, app := sessionApp(t, 160, 40)
			if c.ex != "" {
				openExerciseByID(t, d, app, c.ex)
			}
			kaKeys(d, c.open...)
			kaKeys(d, "?")
			v := kaWant(t, d, c.wants...)
			for _, l := range strings.Split(v, "\n") {
				if strings.HasSuffix(l, "…") {
					t.Fatalf("the key list is cut:\n%s", v)
				}
			}
		})
	}
}

// TestSavedValueLeavesNoDraft: when the card sort's input stays open for
// the next value, the value just saved is no longer a draft (a crash then
// would bring it back as typing, to be saved twice).
func TestSavedValueLeavesNoDraft(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	openExerciseByID(t, d, app, "M3-E5")
	kaKeys(d, "a")
	typeText(d, "Courage")
	drafts, err := app.Live().Drafts()
	if err != nil || len(drafts) != 1 || drafts[0].Text != "Courage" {
		t.Fatalf("while typing, drafts %+v %v", drafts, err)
	}
	kaKeys(d, "enter")
	kaWant(t, d, "another value (1 so far")
	if drafts, err := app.Live().Drafts(); err != nil || len(drafts) != 0 {
		t.Fatalf("after saving, drafts %+v %v", drafts, err)
	}
	typeText(d, "Humour")
	if drafts, err := app.Live().Drafts(); err != nil || len(drafts) != 1 || drafts[0].Text != "Humour" {
		t.Fatalf("typing the next value, drafts %+v %v", drafts, err)
	}
}

// TestCardSortKeepsFiveOrSix: a round the deck gives as a range (M3-E5's
// last: 5 or 6) confirms with either count, and not with 4 or 7.
func TestCardSortKeepsFiveOrSix(t *testing.T) {
	ex := &model.Exercise{ID: "CS", Rounds: []int{5}, RoundsMax: []int{6}}
	var cards []model.Entry
	for i := range 10 {
		cards = append(cards, model.Entry{ID: strconv.Itoa(i), Field: model.FieldCard, Order: i + 1})
	}
	least, most := []int{5}, []int{6}
	if lo, hi := ex.RoundRange(0); lo != 5 || hi != 6 {
		t.Fatalf("round range %d-%d, want 5-6", lo, hi)
	}
	for kept := 0; kept <= 7; kept++ {
		cs := append([]model.Entry(nil), cards...)
		n := 0
		for i := range cs {
			if n == kept {
				break
			}
			e, ok := model.ToggleCard(cs, most, 0, cs[i].ID)
			if !ok {
				break
			}
			cs[i] = e
			n++
		}
		if n > 6 {
			t.Fatalf("%d cards kept in a round of 5 or 6", n)
		}
		_, ok := model.ConfirmRound(cs, least, most, 0)
		if want := n == 5 || n == 6; ok != want {
			t.Errorf("%d kept: confirm %v, want %v", n, ok, want)
		}
	}
}

package ui

import (
	"testing"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
)

// TestFormDraftsComeBack: typing is kept as a draft under the exercise
// and field, and a runner built with a recovered draft puts it back in
// place (a box's line, an item's note, a new action).
func TestFormDraftsComeBack(t *testing.T) {
	deck := builtinDeck(t)
	l := testLive(t, testStore(t), deck, "North")
	exs := l.Exercises()
	d := &driver{T: t, M: runner.NewRunner(runner.RunnerEnv{Live: l, Ex: exs["M1-E1"], Theme: common.NewTheme(common.ThemeDark)})}
	d.Send(teaSize(80, 24))
	kaKeys(d, "down", "enter")
	typeText(d, "A shared visi")
	kaKeys(d, "o") // the draft tick of the first key saves on this one
	drafts, err := l.Drafts()
	if err != nil || len(drafts) != 1 || drafts[0].Key != l.DraftKey("M1-E1", "", "vision") {
		t.Fatalf("drafts %+v (%v)", drafts, err)
	}
	cases := []struct {
		ex, key, want string
		slot          model.Slot
	}{
		{"M1-E1", l.DraftKey("M1-E1", "", "vision"), "A shared visio", model.Slot{Exercise: "M1-E1", Field: "vision"}},
		{"M2-E1", l.DraftKey("M2-E1", "", model.ItemNoteField(2)), "only on Tuesdays", model.Slot{Exercise: "M2-E1", Field: model.ItemNoteField(2)}},
	}
	for _, c := range cases {
		r := runner.NewRunner(runner.RunnerEnv{Live: l, Ex: exs[c.ex], Theme: common.NewTheme(common.ThemeDark), Draft: &model.Draft{Key: c.key, Text: c.want}})
		d := &driver{T: t, M: r}
		d.Run(r.Init())
		d.Send(teaSize(80, 24))
		kaWant(t, d, "recovered typing put back", c.want)
		kaKeys(d, "enter")
		data := l.Data()
		if e, ok := data.Value(c.slot); !ok || e.Text != c.want {
			t.Errorf("%s: recovered text not saved: %+v", c.ex, data.Entries)
		}
	}
	r := runner.NewRunner(runner.RunnerEnv{Live: l, Ex: exs["M3-E1"], Theme: common.NewTheme(common.ThemeDark),
		Draft: &model.Draft{Key: l.DraftKey("M3-E1", runner.ActionPlanDraftGroup, "text"), Text: "Book supervision"}})
	d = &driver{T: t, M: r}
	d.Run(r.Init())
	d.Send(teaSize(80, 24))
	kaWant(t, d, "[ Action plan (0) ]", "Book supervision")
	kaKeys(d, "enter", "esc")
	data := l.Data()
	if acts := data.SessionActions("M3-E1"); len(acts) != 1 || acts[0].Text != "Book supervision" {
		t.Errorf("recovered action %+v", acts)
	}
}

// TestEveryDeckExerciseOpens opens every exercise of the built-in deck,
// of every kind, at 80x24 and at a window too small, and shows its
// summary.
func TestEveryDeckExerciseOpens(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	n := 0
	for id := range app.Live().Exercises() {
		n++
		kaOpen(t, d, app, id)
		kaKeys(d, "1", "S")
		kaWant(t, d, "Summary")
		d.Send(teaSize(30, 8))
		kaWant(t, d, "Make the window larger")
		d.Send(teaSize(80, 24))
		kaKeys(d, "esc", "esc")
	}
	if n != 24 {
		t.Errorf("%d exercises in the deck, want 24", n)
	}
}

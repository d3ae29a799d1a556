package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
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
			h, ok := app.screen.(*Host)
			if !ok {
				t.Fatalf("the screen is a %T", app.screen)
			}
			var held []tea.Cmd // the saves, not yet run
			for _, k := range c.quick {
				_, cmd := h.Update(keyMsg(k))
				held = append(held, cmd)
			}
			for _, cmd := range held {
				d.run(cmd)
			}
			saved := savedEntries(t, app)
			if err := c.check(&saved); err != nil {
				t.Fatal(err)
			}
		})
	}
}

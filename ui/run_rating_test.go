package ui

import (
	"testing"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/live"
)

func TestRatingFeedsTheSeesaw(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	kaOpen(t, d, app, "M2-E4")
	// The challenges are seeded and the see-saw shows beside the statements.
	kaWant(t, d, "− Challenges 8", "hasn't had the opportunity 0", "does this well 0", "not answered 6")
	kaKeys(d, "3", "down", "3", "down", "2", "down", "right")
	v := kaWant(t, d, "3 ◉ DOES THIS WELL", "2 ◉ COULD DO BETTER", "1 ◉ HASN'T HAD THE OPPORTUNITY",
		"+ Positives 9 · − Challenges 8", "hasn't had the opportunity 1", "could do better 1", "does this well 2", "not answered 2")
	_ = v
	data := app.Live().Data()
	items := model.SeesawItems(&data, app.Live().Exercises())
	pos, chal := model.Balance(items)
	if pos != 9 || chal != 8 {
		t.Errorf("balance %d/%d", pos, chal)
	}
	if e, _ := data.Value(model.Slot{Exercise: "M2-E4", Field: model.ItemField(2)}); e.Value != "could do better" {
		t.Errorf("item 3 saved as %+v", e)
	}
	// A rating changed moves the see-saw; reopening shows the same.
	kaKeys(d, "up", "up", "up", "1")
	kaWant(t, d, "+ Positives 7 · − Challenges 8")
	kaReopen(t, d, app, "M2-E4")
	kaWant(t, d, "1 ◉ HASN'T HAD THE OPPORTUNITY", "+ Positives 7 · − Challenges 8")
	// A statement's note.
	kaKeys(d, "n")
	typeText(d, "only the new starters")
	kaKeys(d, "enter", "S")
	kaWant(t, d, "See-saw (this exercise): positives 7", "only the new starters")
}

func TestRatingGoldens(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	kaOpen(t, d, app, "M2-E4")
	kaKeys(d, "3", "down", "2", "down", "1", "down", "2")
	t.Run("capture", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "not answered 2") })
	kaKeys(d, "S")
	t.Run("summary", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "Statement") })
}

// TestRatingCountsTheRoom: statements the room rated are not counted as
// "not answered" at the top of the rating (the room's own counts show on
// each statement's line).
func TestRatingCountsTheRoom(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	kaOpen(t, d, app, "M2-E4")
	kaKeys(d, "3") // the facilitator rates the first statement
	rec := live.NewRecorder(app.Live())
	for _, choice := range []string{"item/0=1", "item/1=2", "item/1=2", "item/2=0"} {
		if err := rec.Tally("M2-E4", choice, 1); err != nil {
			t.Fatal(err)
		}
	}
	kaReopen(t, d, app, "M2-E4")
	kaWant(t, d, "does this well 1", "rated by the room only 2 · not answered 3",
		"the room: hasn't had the opportunity 0 · could do better 1")
}

package ui

import (
	"testing"

	"github.com/carehuddle/huddle/model"
)

func TestFrameworkBoxes(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	kaOpen(t, d, app, "M1-E1")
	kaKeys(d, "enter")
	typeText(d, "People first")
	kaKeys(d, "enter", "a")
	typeText(d, "Respect for every discipline")
	kaKeys(d, "enter", "p", "2", "down")
	kaKeys(d, "enter")
	typeText(d, "Joined-up care at home")
	kaKeys(d, "enter", "e", "end") // the old text opens selected: end edits it
	for range 4 {
		kaKeys(d, "backspace")
	}
	typeText(d, "home")
	kaKeys(d, "enter")
	kaWant(t, d, "Values: what the team holds to be important  (2)", "• Respect for every discipline  [+ positive 2]",
		"Vision: what the team is working towards  (1)", "• Joined-up care at home")
	data := app.Live().Data()
	vals := data.In(model.Slot{Exercise: "M1-E1", Field: "values"})
	vis := data.In(model.Slot{Exercise: "M1-E1", Field: "vision"})
	if len(vals) != 2 || vals[1].Tag != model.TagPositive || vals[1].Weight != 2 || len(vis) != 1 || vis[0].Text != "Joined-up care at home" {
		t.Fatalf("saved %+v", data.Entries)
	}
	// Delete asks first.
	kaKeys(d, "x", "n")
	kaKeys(d, "x", "y")
	data = app.Live().Data()
	if len(data.In(model.Slot{Exercise: "M1-E1", Field: "vision"})) != 0 {
		t.Error("the line was not deleted")
	}
	kaReopen(t, d, app, "M1-E1")
	kaWant(t, d, "Values: what the team holds to be important  (2)", "Vision: what the team is working towards  (0)")
	kaKeys(d, "S")
	kaWant(t, d, "Summary", "People first", "Nothing yet.")
}

func TestFrameworkGoldens(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	kaOpen(t, d, app, "M2-E3")
	kaKeys(d, "enter")
	typeText(d, "Time in team meetings to share cases")
	kaKeys(d, "enter", "down", "enter")
	typeText(d, "Trust that what we share is used well")
	kaKeys(d, "enter", "c")
	t.Run("capture", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "Allowed") })
	kaKeys(d, "S")
	t.Run("summary", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "Summary") })
}

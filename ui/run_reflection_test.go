package ui

import (
	"testing"

	"github.com/carehuddle/huddle/model"
)

func TestReflectionPromptsAndActions(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	kaOpen(t, d, app, "M3-E1")
	kaKeys(d, "right", "right", "down", "enter")
	typeText(d, "Join the daily huddle")
	kaKeys(d, "enter")
	kaWant(t, d, "◉ ALIGNED", "• Join the daily huddle")
	// A facilitator's prompt, further down.
	kaKeys(d, "down", "down", "down")
	kaKeys(d, "enter")
	typeText(d, "The hospital discharge in March")
	kaKeys(d, "enter")
	kaWant(t, d, "• The hospital discharge in March")
	// The planned actions.
	kaKeys(d, "tab", "a")
	typeText(d, "Present the social care role at the team meeting")
	kaKeys(d, "enter")
	kaWant(t, d, "a role, not a name")
	typeText(d, "social worker")
	kaKeys(d, "enter", "enter", "esc")
	kaWant(t, d, "Present the social care role", "owner: social worker · due: — · review: —")
	kaKeys(d, "d")
	typeText(d, "2025-09-01")
	kaKeys(d, "enter")
	data := app.Live().Data()
	acts := data.SessionActions("M3-E1")
	if len(acts) != 1 || acts[0].Owner != "social worker" || model.FormatActionDate(acts[0].Due) != "2025-09-01" || acts[0].Status != model.ActionOpen {
		t.Fatalf("actions %+v", acts)
	}
	if e, _ := data.Value(model.Slot{Exercise: "M3-E1", Field: "position"}); e.Value != "aligned" {
		t.Errorf("position %+v", e)
	}
	if len(data.In(model.Slot{Exercise: "M3-E1", Field: model.PromptField(0)})) != 1 {
		t.Errorf("prompt answer not saved: %+v", data.Entries)
	}
	kaKeys(d, "x", "y")
	data = app.Live().Data()
	if len(data.SessionActions("M3-E1")) != 0 {
		t.Error("the action was not deleted")
	}
}

func TestReflectionGoldens(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	kaOpen(t, d, app, "M3-E3")
	kaKeys(d, "enter")
	typeText(d, "Social workers slow down discharge")
	kaKeys(d, "enter", "down", "enter")
	typeText(d, "That we slow things down: we prevent readmissions")
	kaKeys(d, "enter")
	t.Run("capture", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "we prevent readmissions") })
	kaKeys(d, "S")
	t.Run("summary", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "Summary") })
}

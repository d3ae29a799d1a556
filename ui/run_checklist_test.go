package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/runner"
)

// kaOpen goes to an exercise's slide and opens its runner.
func kaOpen(t *testing.T, d *driver, app *App, id string) {
	t.Helper()
	ref, ok := app.cfg.Deck.Exercises()[id]
	if !ok {
		t.Fatalf("no exercise %s", id)
	}
	d.Send(keyMsg(":"))
	typeText(d, fmt.Sprintf("%s %d", app.cfg.Deck.Modules[ref.Module].ID, ref.Slide+1))
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("enter"))
	if !strings.Contains(plain(d.M.View()), id+" · ") {
		t.Fatalf("%s did not open:\n%s", id, plain(d.M.View()))
	}
}

// kaKeys sends each key name in turn.
func kaKeys(d *driver, names ...string) {
	for _, k := range names {
		d.Send(keyMsg(k))
	}
}

// kaWant fails unless the screen shows every want.
func kaWant(t *testing.T, d *driver, wants ...string) string {
	t.Helper()
	v := plain(d.M.View())
	for _, w := range wants {
		if !strings.Contains(v, w) {
			t.Errorf("screen lacks %q:\n%s", w, v)
		}
	}
	return v
}

// kaSavedClock hides the time of the last save so that goldens are stable.
var kaSavedClock = regexp.MustCompile(`saved ✓ \d\d:\d\d:\d\d`)

// kaGolden compares a view with its golden, the save time hidden.
func kaGolden(t *testing.T, view string) {
	t.Helper()
	golden.RequireEqual(t, []byte(kaSavedClock.ReplaceAllString(plain(view), "saved ✓ hh:mm:ss")))
}

// kaReopen closes the runner and opens it again.
func kaReopen(t *testing.T, d *driver, app *App, id string) {
	t.Helper()
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("enter"))
	if !strings.Contains(plain(d.M.View()), id+" · ") {
		t.Fatalf("%s did not reopen:\n%s", id, plain(d.M.View()))
	}
}

func TestChecklistStatusesNotesAndActions(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	kaOpen(t, d, app, "M1-E2")
	kaKeys(d, "right", "right") // item 1: partly
	kaKeys(d, "n")
	typeText(d, "two days a week")
	kaKeys(d, "enter", "down", "1", "down", "4", "0") // item 2: fully in place; item 3: set then cleared
	kaWant(t, d, "2 ◉ PARTLY", "note: two days a week", "fully in place 1 · partly 1 · not in place 0 · not sure 0 · not answered 4")
	data := app.Live().Data()
	slot := func(f string) model.Entry { e, _ := data.Value(model.Slot{Exercise: "M1-E2", Field: f}); return e }
	if slot(model.ItemField(0)).Value != "partly" || slot(model.ItemNoteField(0)).Text != "two days a week" ||
		slot(model.ItemField(1)).Value != "fully in place" || slot(model.ItemField(2)).ID != "" {
		t.Fatalf("not saved as captured: %+v", data.Entries)
	}
	stored, err := app.Live().Store().Entries(data.Session.ID)
	if err != nil || len(stored) != len(data.Entries) {
		t.Fatalf("store holds %d entries, live %d (%v)", len(stored), len(data.Entries), err)
	}
	// An extra field of the exercise: lines.
	kaKeys(d, "down", "down", "down", "down", "enter")
	typeText(d, "Supervision by a social worker")
	kaKeys(d, "enter")
	kaWant(t, d, "My non-negotiables  (1)", "• Supervision by a social worker")
	// The action plan tab.
	kaKeys(d, "tab", "a")
	typeText(d, "Ask the commissioners about funding")
	kaKeys(d, "enter")
	typeText(d, "team manager")
	kaKeys(d, "enter")
	typeText(d, "2025-07-01")
	kaKeys(d, "enter")
	typeText(d, "next week")
	kaKeys(d, "enter")
	kaWant(t, d, "type a date as YYYY-MM-DD")
	for range 9 {
		kaKeys(d, "backspace")
	}
	typeText(d, "2w")
	kaKeys(d, "enter", "s")
	kaWant(t, d, "[done   ] Ask the commissioners about funding", "owner: team manager · due: 1 Jul 2025", "Action plan (1)")
	after := app.Live().Data()
	acts := after.SessionActions("M1-E2")
	if len(acts) != 1 || acts[0].Owner != "team manager" || acts[0].Status != model.ActionDone || acts[0].Review.IsZero() {
		t.Fatalf("actions %+v", acts)
	}
	// Close and reopen: the same state.
	kaReopen(t, d, app, "M1-E2")
	kaWant(t, d, "2 ◉ PARTLY", "note: two days a week", "Action plan (1)")
	kaKeys(d, "S")
	kaWant(t, d, "Summary", "two days a week", "Ask the commissioners", "not answered 4")
}

// kaRunnerGolden runs the open runner alone in teatest at w×h, sends keys,
// and compares its final view with the golden.
func kaRunnerGolden(t *testing.T, app *App, w, h int, want string, steps ...step) {
	t.Helper()
	r, ok := app.screen.(runner.Runner)
	if !ok {
		t.Fatalf("no runner is open: %T", app.screen)
	}
	kaGolden(t, runToView(t, r, w, h, want, steps...))
}

func TestChecklistTickAndPrinciples(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	kaOpen(t, d, app, "M1-E4")
	kaKeys(d, " ", "down", "right", "down", "1", "down", "right", "left")
	kaWant(t, d, "[✓] 1. Social care worker recruited", "[✓] 2. Training", "[ ] 4. Supervision", "tick 3 · not answered 3")
	data := app.Live().Data()
	if e, _ := data.Value(model.Slot{Exercise: "M1-E4", Field: model.ItemField(2)}); e.Value != "tick" {
		t.Errorf("item 3: %+v", e)
	}
	if _, ok := data.Value(model.Slot{Exercise: "M1-E4", Field: model.ItemField(3)}); ok {
		t.Error("item 4 was unticked: its entry must be gone")
	}
	// The principles: a summary across every principle captured.
	kaKeys(d, "esc")
	kaOpen(t, d, app, "P1")
	kaKeys(d, "1", "down", "2", "down", "3", "down", "4")
	kaKeys(d, "esc")
	kaOpen(t, d, app, "P3")
	kaKeys(d, "3", "n")
	typeText(d, "no budget set aside")
	kaKeys(d, "enter", "S")
	kaWant(t, d, "Summary", "no budget set aside")
	all := app.Live().Data()
	md := model.SummaryMarkdown(app.Live().Exercises()["P3"], &all)
	for _, row := range []string{"### Across the principles", "| P1 | 1 | 1 | 1 | 1 |", "| P3 Principle 3 checklist: change, roles and identity | 0 | 0 | 1 | 0 |"} {
		if !strings.Contains(md, row) {
			t.Errorf("summary lacks %q:\n%s", row, md)
		}
	}
	tally := model.PrinciplesTally(&all, app.Live().Exercises())
	if len(tally) != 2 || tally[0].ID != "P1" || tally[0].Counts[0].Count != 1 || tally[0].Counts[3].Count != 1 || tally[1].Counts[2].Count != 1 || tally[0].Unanswered != 4 {
		t.Errorf("tally %+v", tally)
	}
}

func TestChecklistGoldens(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	kaOpen(t, d, app, "P2")
	kaKeys(d, "1", "n")
	typeText(d, "The stakeholder map is a year old")
	kaKeys(d, "enter", "down", "2", "down", "3", "down", "4")
	t.Run("capture", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "not answered 11") })
	kaKeys(d, "S")
	down := make([]string, 40)
	for i := range down {
		down[i] = "down"
	}
	t.Run("summary", func(t *testing.T) {
		kaRunnerGolden(t, app, 80, 24, "Summary", step{keys: down, want: "P2 Principle 2 checklist: the whole system │ 1"})
	})
}

func TestChecklistTeamEnvironmentTextFields(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	kaOpen(t, d, app, "M2-E1")
	for range 10 {
		kaKeys(d, "down")
	}
	kaWant(t, d, "▶ Timeframe for completing the actions", "— enter to write")
	kaKeys(d, "enter")
	typeText(d, "by the end of the quarter")
	kaKeys(d, "enter", "e", "end") // the old text opens selected: end edits it
	typeText(d, ", or sooner")
	kaKeys(d, "enter")
	kaWant(t, d, "by the end of the quarter, or sooner")
	data := app.Live().Data()
	if es := data.In(model.Slot{Exercise: "M2-E1", Field: "timeframe"}); len(es) != 1 || es[0].Text != "by the end of the quarter, or sooner" {
		t.Errorf("timeframe %+v", es)
	}
	kaKeys(d, "tab")
	kaWant(t, d, "[ Action plan (0) ]", "No actions yet")
}

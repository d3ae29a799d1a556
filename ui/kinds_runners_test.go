package ui

import (
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// savedEntries reads the session back from the store.
func savedEntries(t *testing.T, app *App) model.SessionData {
	t.Helper()
	d, err := app.Live().Store().SessionData(app.Live().Session().ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func reopen(d *driver) {
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("enter"))
}

func TestAssessmentScoresLive(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	openExerciseByID(t, d, app, "I-A")
	for i := 0; i < 10; i++ { // every factor at its first level (high / yes)
		d.Send(keyMsg("1"))
		d.Send(keyMsg("down"))
	}
	v := plain(d.M.View())
	if !strings.Contains(v, "Nearest: EMBEDDED") || !strings.Contains(v, "distance 0.00") || !strings.Contains(v, "Holding the team back: none.") {
		t.Fatalf("all high should be embedded:\n%s", v)
	}
	d.Send(keyMsg("up")) // understanding (the cursor stayed on skills)
	d.Send(keyMsg("up")) // trust
	d.Send(keyMsg("right"))
	d.Send(keyMsg("right")) // trust: low
	v = plain(d.M.View())
	if !strings.Contains(v, "Level of trust and respect (low, embedded: high)") {
		t.Fatalf("the gap is not shown:\n%s", v)
	}
	saved := savedEntries(t, app)
	if e, ok := saved.Value(model.Slot{Exercise: "I-A", Field: "factor/trust"}); !ok || e.Value != "low" {
		t.Fatalf("trust saved as %+v", e)
	}
	reopen(d)
	if v := plain(d.M.View()); !strings.Contains(v, "◉ LOW") {
		t.Fatalf("reopened without the saved level:\n%s", v)
	}
}

func TestCaseStudyAnswersAndVotes(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	openExerciseByID(t, d, app, "M2-E2")
	d.Send(keyMsg("enter"))
	typeText(d, "Quick joint visit")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("tab"))
	d.Send(keyMsg("tab")) // vote tab
	d.Send(keyMsg("1"))
	typeText(d, "The SCW knew the family")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("1"))
	typeText(d, "Care package set up fast")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("2"))
	typeText(d, "Not sure")
	d.Send(keyMsg("enter"))
	v := plain(d.M.View())
	if !strings.Contains(v, "Case A   ██  2") || !strings.Contains(v, "Case B   █░  1") || !strings.Contains(v, "[Case A] The SCW knew the family") {
		t.Fatalf("votes not shown:\n%s", v)
	}
	saved := savedEntries(t, app)
	if es := saved.In(model.Slot{Exercise: "M2-E2", Group: "A", Field: "q1"}); len(es) != 1 || es[0].Text != "Quick joint visit" {
		t.Fatalf("answer: %+v", es)
	}
	votes := saved.In(model.Slot{Exercise: "M2-E2", Field: model.FieldVote})
	if len(votes) != 3 || votes[0].Value != "A" || votes[2].Value != "B" {
		t.Fatalf("votes: %+v", votes)
	}
	reopen(d)
	if v := plain(d.M.View()); !strings.Contains(v, "Vote (3)") || !strings.Contains(v, "• Quick joint visit") {
		t.Fatalf("reopened:\n%s", v)
	}
}

func TestAlliesMapPlacesAndMoves(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	openExerciseByID(t, d, app, "M3-E2")
	if v := plain(d.M.View()); !strings.Contains(v, "DAILY") && !strings.Contains(v, "daily") {
		t.Fatalf("no grid:\n%s", v)
	}
	d.Send(keyMsg("enter"))
	if v := plain(d.M.View()); !strings.Contains(v, "role, not name") {
		t.Fatalf("the prompt must ask for a role:\n%s", v)
	}
	typeText(d, "District nurse")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("right"))
	d.Send(keyMsg("down"))
	d.Send(keyMsg("a"))
	typeText(d, "Ward manager")
	d.Send(keyMsg("enter"))
	v := plain(d.M.View())
	if !strings.Contains(v, "(1) District nurse") || !strings.Contains(v, "(1) Ward manager") {
		t.Fatalf("grid:\n%s", v)
	}
	d.Send(keyMsg("m"))
	d.Send(keyMsg("right"))
	d.Send(keyMsg("enter"))
	saved := savedEntries(t, app)
	es := saved.In(model.Slot{Exercise: "M3-E2", Field: model.FieldAlly})
	if len(es) != 2 || es[0].Value != "daily|ally" || es[1].Value != "weekly|obstructs" || es[1].Text != "Ward manager" {
		t.Fatalf("saved %+v", es)
	}
	d.Send(keyMsg("tab"))
	d.Send(keyMsg("enter"))
	typeText(d, "Invite the ward manager to a joint visit")
	d.Send(keyMsg("enter"))
	live := app.Live().Data()
	if n := len(live.In(model.Slot{Exercise: "M3-E2", Field: "influence"})); n != 1 {
		t.Fatalf("influence lines: %d", n)
	}
	reopen(d)
	if v := plain(d.M.View()); !strings.Contains(v, "Grid (2)") {
		t.Fatalf("reopened:\n%s", v)
	}
}

func TestCaseReviewRowsTotalsAndPrivacy(t *testing.T) {
	d, app := sessionApp(t, 120, 30)
	openExerciseByID(t, d, app, "M3-E4")
	d.Send(keyMsg("n"))
	if v := plain(d.M.View()); !strings.Contains(v, "never a name") {
		t.Fatalf("the label prompt must say never a name:\n%s", v)
	}
	typeText(d, "Case A")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("right"))
	d.Send(keyMsg(" ")) // yes
	d.Send(keyMsg("right"))
	d.Send(keyMsg(" "))
	d.Send(keyMsg(" ")) // in crisis
	d.Send(keyMsg("n"))
	typeText(d, "Mr Smith, 0161 496 0123")
	d.Send(keyMsg("enter"))
	if v := plain(d.M.View()); !strings.Contains(v, "Privacy check") {
		t.Fatalf("the privacy guard did not run:\n%s", v)
	}
	d.Send(keyMsg("e")) // back to editing
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("n"))
	typeText(d, "Case B")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("right"))
	d.Send(keyMsg(" "))
	v := plain(d.M.View())
	if !strings.Contains(v, "yes 2 · no 0") {
		t.Fatalf("totals:\n%s", v)
	}
	d.Send(keyMsg("tab"))
	d.Send(keyMsg("enter"))
	typeText(d, "Early contact avoided two admissions")
	d.Send(keyMsg("enter"))
	saved := savedEntries(t, app)
	if e, _ := saved.Value(model.Slot{Exercise: "M3-E4", Group: "g1", Field: "carehome"}); e.Value != "in crisis" {
		t.Fatalf("carehome %+v", e)
	}
	if e, _ := saved.Value(model.Slot{Exercise: "M3-E4", Field: model.FieldSupervision}); e.Text != "Early contact avoided two admissions" {
		t.Fatalf("supervision %+v", e)
	}
	for _, e := range saved.Entries {
		if strings.Contains(e.Text, "Smith") {
			t.Fatal("a name was saved")
		}
	}
	reopen(d)
	if v := plain(d.M.View()); !strings.Contains(v, "Cases (2)") {
		t.Fatalf("reopened:\n%s", v)
	}
}

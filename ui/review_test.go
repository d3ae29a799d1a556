package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// reviewNow is the fixed "now" of the review tests: the store stamps
// records with it, and the retention period counts back from it.
var reviewNow = time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC)

// reviewFixture is a store filled with fixed data, and the ids of its
// sessions.
type reviewFixture struct {
	st                               *store.Store
	north1, north2, south, solo, old string
	northSolo                        string // a reflection recorded under the North team: never in a team view
	northID                          string
}

// I-A answers that match a reference profile exactly.
var (
	attachedAnswers = map[string]string{"knowledge": "low", "learning": "low", "joint": "low", "ict": "no", "colocation": "no",
		"meetings": "low", "funding": "yes", "trust": "low", "understanding": "medium", "skills": "high"}
	alignedAnswers = map[string]string{"knowledge": "medium", "learning": "medium", "joint": "medium", "ict": "no", "colocation": "no",
		"meetings": "medium", "funding": "no", "trust": "high", "understanding": "medium", "skills": "high"}
)

// newReviewFixture builds the review tests' store: two North workshops, a
// South workshop, a solo reflection, a North reflection and an old North
// workshop past the 12-month retention period.
func newReviewFixture(t testing.TB) *reviewFixture {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "huddle.db"), store.Options{Now: func() time.Time { return reviewNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &reviewFixture{st: st}
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	session := func(kind, team, title string, start time.Time, exercises ...string) string {
		s, err := st.CreateSession(model.Session{Kind: kind, TeamName: team, Facilitator: "Sam", Title: title,
			Started: start, Ended: start.Add(2 * time.Hour), Modules: []string{"m1"}, Exercises: exercises})
		if err != nil {
			t.Fatal(err)
		}
		if team == "North Locality" {
			f.northID = s.TeamID
		}
		return s.ID
	}
	entry := func(sess string, e model.Entry) {
		e.SessionID = sess
		if _, err := st.PutEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	position := func(sess, group, value string) {
		entry(sess, model.Entry{ExerciseID: "M1-E3", Group: group, Field: "position", Value: value})
	}
	assess := func(sess string, answers map[string]string) {
		for _, k := range []string{"knowledge", "learning", "joint", "ict", "colocation", "meetings", "funding", "trust", "understanding", "skills"} {
			entry(sess, model.Entry{ExerciseID: "I-A", Field: "factor/" + k, Value: answers[k]})
		}
	}
	action := func(sess, text, owner, status string, due time.Time) {
		if _, err := st.PutAction(model.Action{SessionID: sess, ExerciseID: "M1-E3", Text: text, Owner: owner, Status: status, Due: due}); err != nil {
			t.Fatal(err)
		}
	}

	f.old = session(model.SessionWorkshop, "North Locality", "Introduction", at(2024, 3, 5, 9, 0), "M1-E3")
	position(f.old, "g1", "attached")

	f.north1 = session(model.SessionWorkshop, "North Locality", "Module 1: the journey", at(2025, 1, 14, 9, 30), "I-A", "M1-E3")
	assess(f.north1, attachedAnswers)
	position(f.north1, "g1", "attached")
	position(f.north1, "g2", "aligned")
	position(f.north1, "g3", "attached")
	entry(f.north1, model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Joint visits cut waiting times", Tag: model.TagPositive, Weight: 2})
	entry(f.north1, model.Entry{ExerciseID: "M1-E3", Group: "g2", Field: "limitations", Text: "Shared records are hard to reach", Tag: model.TagChallenge, Weight: 3})
	entry(f.north1, model.Entry{ExerciseID: "M1-E3", Group: "g3", Field: "next", Text: "A weekly huddle with the district nurses"})
	entry(f.north1, model.Entry{ExerciseID: model.ExerciseParking, Field: model.FieldNote, Text: "Ask about the lease of the shared office"})
	action(f.north1, "Book a joint MDT slot", "Team manager", model.ActionOpen, at(2025, 2, 1, 0, 0))
	action(f.north1, "Set up a shared drive for notes", "Admin lead", model.ActionDone, time.Time{})

	f.south = session(model.SessionWorkshop, "South Team", "Module 1 with South", at(2025, 2, 20, 14, 0), "M1-E3")
	position(f.south, "g1", "aligned")
	entry(f.south, model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Fewer waiting lists"})

	f.north2 = session(model.SessionWorkshop, "North Locality", "Module 1 again", at(2025, 3, 11, 10, 0), "I-A", "M1-E3")
	assess(f.north2, alignedAnswers)
	position(f.north2, "g1", "aligned")
	position(f.north2, "g2", "aligned")
	position(f.north2, "g3", "embedded")
	entry(f.north2, model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Trust between nurses and social workers", Tag: model.TagPositive, Weight: 3})
	entry(f.north2, model.Entry{ExerciseID: model.ExerciseSeesaw, Field: model.FieldNote, Text: "Shared lunch on Fridays", Tag: model.TagPositive, Weight: 1})
	entry(f.north2, model.Entry{ExerciseID: model.ExerciseSeesaw, Field: model.FieldNote, Text: "Funding ends in March", Tag: model.TagChallenge, Weight: 2})
	action(f.north2, "Review the referral pathway", "Principal social worker", model.ActionOpen, at(2025, 4, 30, 0, 0))

	f.solo = session(model.SessionReflection, "", "My reflection", at(2025, 4, 2, 8, 0), "M3-E1")
	entry(f.solo, model.Entry{ExerciseID: "M3-E1", Field: "position", Value: "aligned", Text: "Waiting for supervision"})
	f.northSolo = session(model.SessionReflection, "North Locality", "Private notes", at(2025, 3, 20, 8, 0), "M3-E1")
	entry(f.northSolo, model.Entry{ExerciseID: "M3-E1", Field: "position", Value: "embedded"})
	return f
}

// reviewApp is the app started as `huddle review` (standalone) or on the
// home screen, on the fixture's store.
func reviewApp(t testing.TB, f *reviewFixture, start Screen) *App {
	t.Helper()
	return testApp(builtinDeck(t), Config{Start: start, Store: f.st, Clock: func() time.Time { return reviewNow }})
}

// reviewDriver runs the standalone review at w×h with its commands run
// synchronously.
func reviewDriver(t *testing.T, f *reviewFixture, w, h int) (*driver, *Review) {
	t.Helper()
	reviewExportDir = t.TempDir()
	t.Cleanup(func() { reviewExportDir = "." })
	app := reviewApp(t, f, ScreenReview)
	d := &driver{T: t, M: app}
	d.Run(app.Init())
	d.Send(tea.WindowSizeMsg{Width: w, Height: h})
	r, ok := app.screen.(*Review)
	if !ok {
		t.Fatalf("the app did not open the review: %T", app.screen)
	}
	return d, r
}

// view is the driver's view without escape sequences.
func reviewView(d *driver) string { return plain(d.M.View()) }

func reviewHas(t *testing.T, v string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("want %q in the view:\n%s", w, v)
		}
	}
}

func reviewLacks(t *testing.T, v string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(v, b) {
			t.Errorf("%q should not be in the view:\n%s", b, v)
		}
	}
}

package report_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/toolkit"
)

// reportToday is the fixture's "today": the first North action is overdue.
var reportToday = time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC)

// hostile are captured lines that must come out as typed and inert:
// markup, a formula, Markdown, entities, accents, a leading plus.
var hostile = []string{
	`<script>alert("x")</script> and <b>bold</b>`,
	"=SUM(1,2)",
	"lunch & learn at the Café Zoë",
	"[a link](http://example.invalid) *not emphasis* `not code`",
	"+44 for the switchboard, -5 for the night team",
	"# not a heading | not | a table",
	"A long line about read access to the shared care record for the social care worker, so that discharge plans are seen by everyone before the meeting on Thursday afternoon",
}

type reportFixture struct {
	st        *store.Store
	exercises map[string]*model.Exercise
	teamID    string
	sessions  []string // the North workshops, oldest first
}

func newReportFixture(t testing.TB) *reportFixture {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "huddle.db"), store.Options{Now: func() time.Time { return reportToday }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	deck, err := toolkit.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f := &reportFixture{st: st, exercises: model.DeckExercises(deck)}
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	session := func(team, title string, start time.Time, exercises ...string) string {
		s, err := st.CreateSession(model.Session{Kind: model.SessionWorkshop, TeamName: team, Facilitator: "Siân (OT lead)", Title: title,
			Started: start, Ended: start.Add(2 * time.Hour), Modules: []string{"m1"}, Exercises: exercises})
		if err != nil {
			t.Fatal(err)
		}
		if team == "North Locality" {
			f.teamID = s.TeamID
			f.sessions = append(f.sessions, s.ID)
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
	assess := func(sess string, answers []string) {
		for i, k := range []string{"knowledge", "learning", "joint", "ict", "colocation", "meetings", "funding", "trust", "understanding", "skills"} {
			entry(sess, model.Entry{ExerciseID: "I-A", Field: "factor/" + k, Value: answers[i]})
		}
	}
	action := func(sess, text, owner, status string, due time.Time) {
		if _, err := st.PutAction(model.Action{SessionID: sess, ExerciseID: "M1-E3", Text: text, Owner: owner, Status: status, Due: due}); err != nil {
			t.Fatal(err)
		}
	}
	s1 := session("North Locality", "Module 1: the journey", at(2025, 1, 14, 9), "I-A", "M1-E3")
	assess(s1, []string{"low", "low", "low", "no", "no", "low", "yes", "low", "medium", "high"})
	position(s1, "g1", "attached")
	position(s1, "g2", "aligned")
	position(s1, "g3", "attached")
	entry(s1, model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Joint visits cut waiting times", Tag: model.TagPositive, Weight: 2})
	entry(s1, model.Entry{ExerciseID: "M1-E3", Group: "g2", Field: "limitations", Text: hostile[0], Tag: model.TagChallenge, Weight: 3})
	entry(s1, model.Entry{ExerciseID: "M1-E3", Group: "g3", Field: "next", Text: hostile[1]})
	entry(s1, model.Entry{ExerciseID: model.ExerciseParking, Field: model.FieldNote, Text: hostile[2]})
	action(s1, hostile[6], "Team manager", model.ActionOpen, at(2025, 2, 1, 0))
	action(s1, "Set up a shared drive for notes", "Admin lead", model.ActionDone, time.Time{})

	south := session("South Team", "Module 1 with South", at(2025, 2, 20, 14), "M1-E3")
	position(south, "g1", "aligned")
	action(south, "South's own action", "Chloé", model.ActionOpen, at(2025, 3, 1, 0))

	s2 := session("North Locality", "Module 1 again", at(2025, 3, 11, 10), "I-A", "M1-E3")
	assess(s2, []string{"medium", "medium", "medium", "no", "no", "medium", "no", "high", "medium", "high"})
	position(s2, "g1", "aligned")
	position(s2, "g2", "aligned")
	position(s2, "g3", "embedded")
	entry(s2, model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: hostile[3], Tag: model.TagPositive, Weight: 3})
	entry(s2, model.Entry{ExerciseID: model.ExerciseSeesaw, Field: model.FieldNote, Text: hostile[4], Tag: model.TagPositive, Weight: 1})
	entry(s2, model.Entry{ExerciseID: model.ExerciseSeesaw, Field: model.FieldNote, Text: hostile[5], Tag: model.TagChallenge, Weight: 2})
	entry(s2, model.Entry{ExerciseID: "M1-E3", Group: "g2", Field: "next", Text: "Two lines:\nthe second one"})
	action(s2, "Review the referral pathway with the café group", "Principal social worker", model.ActionOpen, at(2025, 4, 30, 0))
	action(s2, hostile[1], "+44 7700 900000", model.ActionDropped, time.Time{})

	solo, err := st.CreateSession(model.Session{Kind: model.SessionReflection, TeamName: "North Locality", Title: "Private notes", Started: at(2025, 3, 12, 8)})
	if err != nil {
		t.Fatal(err)
	}
	entry(solo.ID, model.Entry{ExerciseID: "M3-E1", Field: "position", Text: "a private thought"})
	if _, err := st.PutAction(model.Action{SessionID: solo.ID, Text: "private action", Status: model.ActionOpen}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *reportFixture) data(t testing.TB, id string) model.SessionData {
	t.Helper()
	d, err := f.st.SessionData(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var timeZero time.Time

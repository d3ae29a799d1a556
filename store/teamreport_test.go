package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// reportExercises is enough of a deck for continuum placements.
var reportExercises = map[string]*model.Exercise{
	"M1-E3": {ID: "M1-E3", Kind: model.KindDiscussion, Title: "A journey towards integration", Groups: 2,
		Fields: []model.Field{{Key: "position", Label: "Where?", Type: model.FieldContinuum}}},
}

// reportFixture: North has three workshops and a reflection, South one
// workshop; actions of every status.
func reportFixture(t *testing.T) (*Store, []model.Session, model.Session) {
	s, _ := openTemp(t)
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 10, 0, 0, 0, time.UTC) }
	var north []model.Session
	for i, pos := range []string{"attached", "aligned", "embedded"} {
		sess := mustSession(t, s, model.Session{TeamName: "North", Title: "North " + pos, Started: day(time.Month(1+i), 10)})
		mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Group: "g1", Field: "position", Value: pos})
		mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: model.ExerciseSeesaw, Field: model.FieldNote, Text: "plus",
			Tag: model.TagPositive, Weight: 1 + i})
		north = append(north, sess)
	}
	south := mustSession(t, s, model.Session{TeamName: "South", Title: "South one", Started: day(2, 1)})
	solo := mustSession(t, s, model.Session{Kind: model.SessionReflection, TeamName: "North", Title: "Private", Started: day(2, 20)})
	for _, a := range []model.Action{
		{SessionID: north[0].ID, Text: "overdue one", Due: day(1, 20)},
		{SessionID: north[1].ID, Text: "open, due later", Due: day(12, 1)},
		{SessionID: north[1].ID, Text: "done one", Status: model.ActionDone},
		{SessionID: north[2].ID, Text: "longest overdue", Due: day(1, 5)},
		{SessionID: south.ID, Text: "south's", Due: day(1, 1)},
		{SessionID: solo.ID, Text: "private action"},
	} {
		if _, err := s.PutAction(a); err != nil {
			t.Fatal(err)
		}
	}
	return s, north, south
}

var reportToday = time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)

func actionTexts(items []model.ActionItem) string {
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
	}
	return strings.Join(out, "; ")
}

func TestTeamReportAndActionItems(t *testing.T) {
	s, north, _ := reportFixture(t)
	rep, err := s.TeamReport(north[0].TeamID, time.Time{}, time.Time{}, reportExercises, reportToday)
	if err != nil || rep.TeamName != "North" || len(rep.Points) != 3 {
		t.Fatalf("%+v %v", rep, err)
	}
	for i, want := range []float64{1, 2, 3} {
		if m, ok := rep.Points[i].MeanPosition(); !ok || m != want || rep.Points[i].Pos != i+1 {
			t.Errorf("point %d: %+v", i, rep.Points[i])
		}
	}
	if got := actionTexts(rep.Actions); got != "longest overdue; overdue one; open, due later; done one" {
		t.Errorf("the report's actions: %s", got)
	}
	// A period: February to March, both days included by the caller.
	rep, _ = s.TeamReport(north[0].TeamID, time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		reportExercises, reportToday)
	if len(rep.Points) != 1 || rep.Points[0].Session.ID != north[1].ID || actionTexts(rep.Actions) != "open, due later; done one" {
		t.Errorf("February: %d points, %s", len(rep.Points), actionTexts(rep.Actions))
	}

	all, err := s.ActionItems("")
	if err != nil || len(all) != 6 {
		t.Fatalf("all actions: %d %v", len(all), err)
	}
	for _, it := range all {
		if it.SessionTitle == "" || it.SessionStarted.IsZero() || it.Text == "south's" && it.TeamName != "South" {
			t.Errorf("an item without its session: %+v", it)
		}
	}
	team, err := s.ActionItems(north[0].TeamID)
	if err != nil || len(team) != 4 || strings.Contains(actionTexts(team), "private") {
		t.Errorf("North's actions (never a reflection's): %s %v", actionTexts(team), err)
	}
	if _, err := s.FindTeam(" north "); err != nil {
		t.Error(err)
	}
	if _, err := s.FindTeam("East"); !errors.Is(err, ErrNotFound) {
		t.Errorf("no such team: %v", err)
	}
}

func TestTeamSummaries(t *testing.T) {
	s, _, _ := reportFixture(t)
	sums, err := s.TeamSummaries(reportExercises, reportToday)
	if err != nil || len(sums) != 2 {
		t.Fatalf("%+v %v", sums, err)
	}
	n := sums[0]
	if n.Team.Name != "North" || n.Sessions != 3 || len(n.Recent) != 3 || n.Open != 3 || n.Overdue != 2 || n.Actions != 4 ||
		!n.Last.Equal(time.Date(2025, 3, 10, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("North: %+v", n)
	}
	if got := n.ContinuumTrend(); got != "1.0 2.0 3.0 ↑ up" {
		t.Errorf("continuum trend %q", got)
	}
	if got := n.SeesawTrend(); got != "+3 +3 +3 → level" { // positives only: the full tilt each time
		t.Errorf("see-saw trend %q", got)
	}
	if so := sums[1]; so.Team.Name != "South" || so.Overdue != 1 || so.ContinuumTrend() != "—" || so.SeesawTrend() != "—" {
		t.Errorf("South: %+v", so)
	}
}

// TestTeamReportLeavesOutDamagedSessions: a session whose record is
// damaged is left out and said so; the rest of the journey is reported.
func TestTeamReportLeavesOutDamagedSessions(t *testing.T) {
	s, north, _ := reportFixture(t)
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketSessions))
		v := append([]byte(nil), b.Get([]byte(north[1].ID))...)
		i := strings.Index(string(v), "North aligned")
		v[i] = 'n'
		return b.Put([]byte(north[1].ID), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.TeamReport(north[0].TeamID, time.Time{}, time.Time{}, reportExercises, reportToday)
	if !errors.Is(err, ErrRecordDamaged) || len(rep.Points) != 2 {
		t.Fatalf("%d points, %v", len(rep.Points), err)
	}
	for _, p := range rep.Points {
		if p.Session.ID == "" || p.Session.ID == north[1].ID {
			t.Errorf("a damaged session was charted: %+v", p.Session)
		}
	}
	items, err := s.ActionItems("")
	if !errors.Is(err, ErrRecordDamaged) || strings.Contains(actionTexts(items), "done one") || len(items) != 4 {
		t.Errorf("actions of a damaged session: %s %v", actionTexts(items), err)
	}
	if _, err := s.TeamSummaries(reportExercises, reportToday); !errors.Is(err, ErrRecordDamaged) {
		t.Errorf("summaries: %v", err)
	}
}

package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store/report"
	"github.com/carehuddle/huddle/toolkit"
)

// Benchmarks of the reports: the team report of a team with 200 workshop
// sessions (budget 500 ms, from reading the store to the finished HTML)
// and the actions across the 5,000 sessions of the generated review store
// (budget 200 ms, read, filtered and sorted). Like the review benchmarks
// they report the median and worst run (timed).
//
//	go test ./store -run '^$' -bench 'TeamReport|ActionsAcross' -benchtime 5x

const teamReportSessions = 200

// teamReportStore builds a store with one team of 200 workshop sessions,
// each with continuum placements, an assessment, see-saw lines, about 100
// captured lines and a few actions.
func teamReportStore(b *testing.B) (*Store, string, map[string]*model.Exercise) {
	b.Helper()
	deck, err := toolkit.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	exercises := model.DeckExercises(deck)
	s, err := Open(filepath.Join(b.TempDir(), "huddle.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	team, err := s.EnsureTeam("Café Connect Hub")
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(200, 1))
	positions := []string{"attached", "aligned", "embedded"}
	levels := []string{"low", "medium", "high"}
	factors := []string{"knowledge", "learning", "joint", "ict", "colocation", "meetings", "funding", "trust", "understanding", "skills"}
	first := time.Date(2021, 1, 4, 9, 30, 0, 0, time.UTC)
	var seq uint64
	s.db.NoSync = true
	err = s.db.Update(func(tx *bolt.Tx) error {
		sessions, entries, actions := tx.Bucket([]byte(bucketSessions)), tx.Bucket([]byte(bucketEntries)), tx.Bucket([]byte(bucketActions))
		for i := 0; i < teamReportSessions; i++ {
			started := first.AddDate(0, 0, 7*i)
			seq++
			sess := model.Session{ID: model.NewID(started, seq), Kind: model.SessionWorkshop, TeamID: team.ID, TeamName: team.Name,
				Facilitator: "Zoë", Title: fmt.Sprintf("Session %d", i+1), Started: started, Ended: started.Add(2 * time.Hour),
				Modules: []string{"m1"}, Exercises: []string{"I-A", "M1-E3"}}
			if _, err := s.putSession(tx, sessions, sess, nil); err != nil {
				return err
			}
			put := func(j int, e model.Entry) error {
				seq++
				created := started.Add(time.Duration(j) * 20 * time.Second)
				e.ID, e.SessionID, e.Created = model.NewID(created, seq), sess.ID, created
				key, err := entryKey(e.SessionID, e.ID)
				if err != nil {
					return err
				}
				return putRecord(entries, key, e)
			}
			j := 0
			for g := 1; g <= 3; g++ {
				j++
				if err := put(j, model.Entry{ExerciseID: "M1-E3", Group: model.GroupKey(g), Field: "position", Value: positions[rng.IntN(3)]}); err != nil {
					return err
				}
			}
			for _, k := range factors {
				j++
				if err := put(j, model.Entry{ExerciseID: "I-A", Field: "factor/" + k, Value: levels[rng.IntN(3)]}); err != nil {
					return err
				}
			}
			for ; j < 100; j++ {
				e := model.Entry{ExerciseID: "M1-E3", Group: model.GroupKey(1 + rng.IntN(3)), Field: "benefits",
					Text: fmt.Sprintf("Line %d: joint visits with the café team, \"weekly\"", j)}
				if rng.IntN(5) == 0 {
					e.Tag, e.Weight = []string{model.TagPositive, model.TagChallenge}[rng.IntN(2)], 1+rng.IntN(3)
				}
				if err := put(j, e); err != nil {
					return err
				}
			}
			for k := 0; k < 3; k++ {
				seq++
				a := model.Action{ID: model.NewID(started, seq), SessionID: sess.ID, TeamID: team.ID, ExerciseID: "M1-E3",
					Text: "Ring the duty team about read access", Owner: "Team manager", Due: started.AddDate(0, 1, 0),
					Status: []string{model.ActionOpen, model.ActionDone, model.ActionDropped}[rng.IntN(3)]}
				if err := putRecord(actions, actionKey(a.SessionID, a.ID), a); err != nil {
					return err
				}
			}
		}
		return nil
	})
	s.db.NoSync = false
	if err != nil {
		b.Fatal(err)
	}
	return s, team.ID, exercises
}

// BenchmarkTeamReport200 reads a 200-session team's journey and renders
// it as HTML and as Markdown.
func BenchmarkTeamReport200(b *testing.B) {
	s, teamID, exercises := teamReportStore(b)
	today := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, format := range []string{"html", "md"} {
		b.Run(format, func(b *testing.B) {
			timed(b, func(int) {
				rep, err := s.TeamReport(teamID, time.Time{}, time.Time{}, exercises, today)
				if err != nil || len(rep.Points) != teamReportSessions || len(rep.Actions) != 3*teamReportSessions {
					b.Fatalf("%d sessions, %d actions, %v", len(rep.Points), len(rep.Actions), err)
				}
				if format == "html" {
					report.TeamHTML(rep)
				} else {
					model.TeamReportMarkdown(rep)
				}
			})
		})
	}
}

// BenchmarkActionsAcross5000 lists the actions of all 5,000 sessions of
// the generated store, overdue first, and the open ones only.
func BenchmarkActionsAcross5000(b *testing.B) {
	s, _ := reviewBench(b)
	today := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []struct {
		name   string
		filter model.ActionFilter
	}{{"all", model.ActionFilter{}}, {"open", model.ActionFilter{Open: true}}} {
		b.Run(f.name, func(b *testing.B) {
			n := 0
			timed(b, func(int) {
				items, err := s.ActionItems("")
				if err != nil || len(items) < genSessions {
					b.Fatalf("%d actions, %v", len(items), err)
				}
				kept := items[:0]
				for _, it := range items {
					if f.filter.Keep(it.Action, today) {
						kept = append(kept, it)
					}
				}
				model.SortActionItems(kept, today)
				n = len(kept)
			})
			b.ReportMetric(float64(n), "actions")
		})
	}
}

package store

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// The budgets in the README's Performance section: one durable entry under 5 ms at p99;
// with 5,000 sessions and 500,000 entries, listing under 150 ms and
// opening a session under 50 ms.
const (
	largeSessions          = 5000
	largeEntriesPerSession = 100
	largeActionsPerSession = 2
	largeTeams             = 20
	largeSessionsPerTx     = 50
)

// large is the generated store, built once per test binary run into a
// temporary folder and removed by TestMain.
var large struct {
	once sync.Once
	dir  string
	s    *Store
	ids  []string
	err  error
}

func cleanupLargeStore() {
	if large.s != nil {
		large.s.Close()
	}
	if large.dir != "" {
		os.RemoveAll(large.dir)
	}
}

// largeStore returns the open generated store and its session ids.
func largeStore(b *testing.B) (*Store, []string) {
	b.Helper()
	large.once.Do(func() {
		start := time.Now()
		if large.dir, large.err = os.MkdirTemp("", "huddle-bench-"); large.err != nil {
			return
		}
		large.s, large.ids, large.err = generateLarge(filepath.Join(large.dir, "huddle.db"))
		if large.err == nil {
			info, _ := os.Stat(large.s.Path())
			fmt.Fprintf(os.Stderr, "generated %d sessions, %d entries (%d MB) in %s\n", largeSessions,
				largeSessions*largeEntriesPerSession, info.Size()>>20, time.Since(start).Round(time.Millisecond))
		}
	})
	if large.err != nil {
		b.Fatal(large.err)
	}
	return large.s, large.ids
}

// generateLarge fills a new store in large transactions (the generator
// only: the store itself commits one record per transaction).
func generateLarge(path string) (*Store, []string, error) {
	s, err := Open(path, Options{})
	if err != nil {
		return nil, nil, err
	}
	var teams []model.Team
	for i := 0; i < largeTeams; i++ {
		team, err := s.EnsureTeam(fmt.Sprintf("Locality team %02d", i))
		if err != nil {
			return nil, nil, err
		}
		teams = append(teams, team)
	}
	first := time.Date(2021, 1, 4, 9, 0, 0, 0, time.UTC)
	var ids []string
	for n := 0; n < largeSessions; n += largeSessionsPerTx {
		err := s.db.Update(func(tx *bolt.Tx) error {
			sessions, entries, actions := tx.Bucket([]byte(bucketSessions)), tx.Bucket([]byte(bucketEntries)), tx.Bucket([]byte(bucketActions))
			entries.FillPercent = entriesFillPercent // as PutEntry does
			for i := n; i < n+largeSessionsPerTx; i++ {
				started := first.Add(time.Duration(i) * 7 * time.Hour)
				team := teams[i%len(teams)]
				sess := model.Session{ID: model.NewID(started, uint64(i+1)), Kind: model.SessionWorkshop, TeamID: team.ID,
					TeamName: team.Name, Facilitator: "Facilitator", Title: fmt.Sprintf("Module %d with %s", i%3+1, team.Name),
					Started: started, Ended: started.Add(2 * time.Hour), Modules: []string{"intro", "m1", "m2"},
					Exercises: []string{"I-A", "M1-E1", "M1-E3", "M2-E4"}}
				if _, err := s.putSession(tx, sessions, sess, nil); err != nil {
					return err
				}
				ids = append(ids, sess.ID)
				for j := 0; j < largeEntriesPerSession; j++ {
					e := model.Entry{ID: model.NewID(started.Add(time.Duration(j)*20*time.Second), uint64(i*1000+j)),
						SessionID: sess.ID, ExerciseID: "M1-E3", Group: fmt.Sprintf("Group %d", j%4+1), Field: "benefits",
						Text:    fmt.Sprintf("Line %d: the social care worker joins the daily huddle and the team hears about the person's home life (%d)", j, i),
						Created: started.Add(time.Duration(j) * 20 * time.Second)}
					if j%5 == 0 {
						e.Tag, e.Weight = model.TagPositive, 2
					}
					key, err := entryKey(e.SessionID, e.ID)
					if err != nil {
						return err
					}
					if err := putRecord(entries, key, e); err != nil {
						return err
					}
				}
				for j := 0; j < largeActionsPerSession; j++ {
					a := model.Action{ID: model.NewID(started, uint64(i*10+j)), SessionID: sess.ID, TeamID: team.ID,
						Text: "Invite the social care worker to the MDT", Owner: "Manager", Status: model.ActionOpen}
					if err := putRecord(actions, actionKey(a.SessionID, a.ID), a); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			s.Close()
			return nil, nil, err
		}
	}
	return s, ids, nil
}

// reportPercentiles reports the median, 99th percentile and maximum of
// per-operation timings, in milliseconds.
func reportPercentiles(b *testing.B, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	at := func(q float64) time.Duration {
		return durs[int(math.Ceil(q*float64(len(durs))))-1]
	}
	ms := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
	b.ReportMetric(ms(at(0.50)), "p50-ms")
	b.ReportMetric(ms(at(0.99)), "p99-ms")
	b.ReportMetric(ms(durs[len(durs)-1]), "max-ms")
}

// timed runs op b.N times, timing each run.
func timed(b *testing.B, op func(i int)) {
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		op(i)
		durs = append(durs, time.Since(t0))
	}
	b.StopTimer()
	reportPercentiles(b, durs)
}

func benchPutEntry(b *testing.B, s *Store, sessionID string) {
	timed(b, func(i int) {
		_, err := s.PutEntry(model.Entry{SessionID: sessionID, ExerciseID: "M1-E3", Group: "Group 2", Field: "benefits",
			Text: fmt.Sprintf("Shared visits with the district nurses, line %d", i)})
		if err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPutEntry: one entry committed durably (its own transaction,
// fsync) into a new store.
func BenchmarkPutEntry(b *testing.B) {
	s, _ := openTemp(b)
	sess := mustSession(b, s, model.Session{Title: "bench"})
	benchPutEntry(b, s, sess.ID)
}

// BenchmarkPutEntryLargeStore: the same into the generated large store.
func BenchmarkPutEntryLargeStore(b *testing.B) {
	s, _ := largeStore(b)
	sess := mustSession(b, s, model.Session{Title: "bench", TeamName: "Locality team 01"})
	benchPutEntry(b, s, sess.ID)
}

// BenchmarkListSessions lists all 5,000 sessions, newest first.
func BenchmarkListSessions(b *testing.B) {
	s, _ := largeStore(b)
	timed(b, func(int) {
		list, err := s.ListSessions()
		if err != nil || len(list) < largeSessions {
			b.Fatalf("%d sessions, %v", len(list), err)
		}
	})
}

// BenchmarkOpenSession reads one session with its entries and actions.
func BenchmarkOpenSession(b *testing.B) {
	s, ids := largeStore(b)
	timed(b, func(i int) {
		id := ids[(i*7919)%len(ids)]
		if _, err := s.GetSession(id); err != nil {
			b.Fatal(err)
		}
		entries, err := s.Entries(id)
		if err != nil || len(entries) != largeEntriesPerSession {
			b.Fatalf("%d entries, %v", len(entries), err)
		}
		if _, err := s.Actions(id); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkOpenLargeStore opens (validating first) and closes the large store.
func BenchmarkOpenLargeStore(b *testing.B) {
	s, _ := largeStore(b)
	path := s.Path()
	s.Close()
	timed(b, func(int) {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	})
	var err error
	if large.s, err = Open(path, Options{}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCheckLargeStore times `huddle doctor`'s record walk over the
// large store. It is slow: run it alone with -benchtime 1x.
func BenchmarkCheckLargeStore(b *testing.B) {
	if b.N > 3 {
		b.Skip("run with -bench CheckLargeStore -benchtime 1x")
	}
	s, _ := largeStore(b)
	path := s.Path()
	s.Close()
	timed(b, func(int) {
		r, err := Check(path)
		if err != nil || !r.OK() {
			b.Fatalf("%v\n%s", err, r)
		}
	})
	var err error
	if large.s, err = Open(path, Options{}); err != nil {
		b.Fatal(err)
	}
}

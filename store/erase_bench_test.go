package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// eraseBenchSessions and eraseBenchEntries size the store of
// BenchmarkDeleteSession: a team that has met weekly for ten years, with
// a hundred lines a session.
const (
	eraseBenchSessions = 520
	eraseBenchEntries  = 100
	eraseBenchBackups  = 3
)

// BenchmarkDeleteSession times one complete erasure: the deletion, the
// rewrite of the database file and of each backup that holds the session.
func BenchmarkDeleteSession(b *testing.B) {
	path := filepath.Join(b.TempDir(), "huddle.db")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	team, err := s.EnsureTeam("North")
	if err != nil {
		b.Fatal(err)
	}
	first := time.Date(2016, 1, 4, 9, 0, 0, 0, time.UTC)
	var ids []string
	err = s.db.Update(func(tx *bolt.Tx) error {
		sessions, entries := tx.Bucket([]byte(bucketSessions)), tx.Bucket([]byte(bucketEntries))
		for i := range eraseBenchSessions {
			started := first.AddDate(0, 0, 7*i)
			sess := model.Session{ID: model.NewID(started, uint64(i+1)), Kind: model.SessionWorkshop, TeamID: team.ID,
				TeamName: team.Name, Title: fmt.Sprintf("Week %d", i), Started: started}
			if _, err := s.putSession(tx, sessions, sess, nil); err != nil {
				return err
			}
			ids = append(ids, sess.ID)
			for j := range eraseBenchEntries {
				e := model.Entry{ID: model.NewID(started.Add(time.Duration(j)*time.Second), uint64(j+1)), SessionID: sess.ID,
					ExerciseID: "M1-E3", Text: fmt.Sprintf("Line %d of week %d: the social care worker joins the daily huddle", j, i)}
				key, err := entryKey(e.SessionID, e.ID)
				if err != nil {
					return err
				}
				if err := putRecord(entries, key, e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for i := range eraseBenchBackups {
		if _, err := s.BackupIfDue(time.Date(2026, 11, 20+i, 9, 0, 0, 0, time.UTC)); err != nil {
			b.Fatal(err)
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	if b.N > len(ids) {
		b.N = len(ids)
	}
	b.ResetTimer()
	b.Logf("database file %.1f MB, %d backups", float64(info.Size())/1e6, eraseBenchBackups)
	timed(b, func(i int) {
		if err := s.DeleteSession(ids[i]); err != nil {
			b.Fatal(err)
		}
	})
}

package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// rowsAgree fails the test unless every session has exactly one list row,
// holding what decoding its record gives and the number of its entries,
// and there is no other row; and the whole-file check passes.
func rowsAgree(t *testing.T, s *Store) {
	t.Helper()
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := s.buckets(tx, bucketSessions, bucketRows, bucketEntries)
		if err != nil {
			return err
		}
		sessions, rows, entries := bs[0], bs[1], bs[2]
		n := 0
		err = sessions.ForEach(func(k, v []byte) error {
			n++
			var want model.Session
			if err := decodeRecord(bucketSessions, k, v, &want); err != nil {
				return err
			}
			count := 0
			scanPrefix(entries, prefixKey(want.ID), func(_, _ []byte) error { count++; return nil })
			key := rowKey(want)
			val := rows.Get(key)
			if val == nil {
				t.Errorf("session %s has no row", want.ID)
				return nil
			}
			got, gotCount, reason := decodeRow(key, val)
			if reason != "" || !reflect.DeepEqual(got, want) || gotCount != count {
				t.Errorf("row of session %s:\n got %+v (%d entries, %q)\nwant %+v (%d entries)", want.ID, got, gotCount, reason, want, count)
			}
			return nil
		})
		if got := rows.Stats().KeyN; got != n {
			t.Errorf("%d rows for %d sessions", got, n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := verifyFile(s.path, true, nil); err != nil || r.Indexed[bucketRows] == 0 && r.Records[bucketSessions] > 0 {
		t.Fatalf("the check: %v\n%s", err, r)
	}
}

// TestListRowsFollowEveryWrite: after each way of writing a session or
// its entries, every row equals what decoding its session's record gives,
// with the session's number of entries, and no row is left over.
func TestListRowsFollowEveryWrite(t *testing.T) {
	s, _ := openTemp(t)
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.FixedZone("BST", 3600)
	}
	var a, b model.Session
	var e1, e2 model.Entry
	steps := []struct {
		name  string
		write func() error
	}{
		{"create a session", func() (err error) {
			a, err = s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: "Module 1", TeamName: "North",
				Facilitator: "Zoë", Modules: []string{"m1"}, Exercises: []string{"M1-E3", "M1-E4"}})
			return err
		}},
		{"create one with a zone, a monotonic clock and empty lists", func() (err error) {
			b, err = s.CreateSession(model.Session{Kind: model.SessionReflection, Started: time.Now().In(london),
				Modules: []string{}, Position: "m3/2"})
			return err
		}},
		{"add an entry", func() (err error) {
			e1, err = s.PutEntry(model.Entry{SessionID: a.ID, ExerciseID: "M1-E3", Text: "joint visits"})
			return err
		}},
		{"add entries together", func() error {
			es, err := s.PutEntries([]model.Entry{{SessionID: a.ID, ExerciseID: "M1-E3", Text: "one"},
				{SessionID: b.ID, ExerciseID: "M3-E1", Text: "two"}, {SessionID: a.ID, ExerciseID: "M1-E4", Text: "three"}})
			if len(es) > 0 {
				e2 = es[0]
			}
			return err
		}},
		{"edit an entry", func() error {
			e1.Text = "joint visits, weekly"
			_, err := s.PutEntry(e1)
			return err
		}},
		{"merge an entry", func() error {
			e2.MergedInto = e1.ID
			_, err := s.PutEntry(e2)
			return err
		}},
		{"delete an entry", func() error { return s.DeleteEntry(a.ID, e1.ID) }},
		{"end a session and rename it", func() error {
			a.Ended, a.Title = a.Started.Add(time.Hour), "Module 1, done"
			return s.UpdateSession(a)
		}},
		{"move a session's start", func() error {
			a.Started = a.Started.Add(-48 * time.Hour)
			return s.UpdateSession(a)
		}},
		{"move a session to another team", func() error {
			a.TeamID, a.TeamName = "", "South"
			return s.UpdateSession(a)
		}},
		{"update a session whose record is damaged", func() error {
			err := s.update(func(tx *bolt.Tx) error {
				return tx.Bucket([]byte(bucketSessions)).Put([]byte(b.ID), []byte(`{"v":1,"crc":1,"data":{}}`))
			})
			if err != nil {
				return err
			}
			b.Title, b.Started = "Mended", b.Started.Add(time.Minute)
			return s.UpdateSession(b)
		}},
		{"import a session", func() error {
			src, sess := importSource(t)
			d, err := src.SessionData(sess.ID)
			if err != nil {
				return err
			}
			_, err = s.ImportSession(d)
			return err
		}},
		{"delete a session", func() error { return s.DeleteSession(b.ID) }},
	}
	for _, step := range steps {
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		t.Run(step.name, func(t *testing.T) { rowsAgree(t, s) })
	}
	// The list reads the rows: what it shows is the records' sessions.
	rows, _, err := s.ListRows(SearchFilter{}, "", 10)
	if err != nil || len(rows) != 2 {
		t.Fatalf("list: %+v, %v", rows, err)
	}
	for _, r := range rows {
		if got, err := s.GetSession(r.Session.ID); err != nil || !reflect.DeepEqual(got, r.Session) {
			t.Errorf("listed %+v, saved %+v (%v)", r.Session, got, err)
		}
	}
}

// TestCheckFindsListRowsOutOfStep: the whole-file check reports a row that
// is damaged, disagrees with its record or its entries, is missing, is
// left without its session, or is one of two.
func TestCheckFindsListRowsOutOfStep(t *testing.T) {
	cases := []struct {
		name   string
		change func(rows *bolt.Bucket, sess model.Session) error
		want   string
	}{
		{"a damaged row", func(rows *bolt.Bucket, sess model.Session) error {
			v := bytes.Clone(rows.Get(rowKey(sess)))
			v[len(v)-2] ^= 1
			return rows.Put(rowKey(sess), v)
		}, "checksum mismatch"},
		{"a row of another title", func(rows *bolt.Bucket, sess model.Session) error {
			sess.Title = "Not the title"
			return rows.Put(rowKey(sess), encodeRow(rowKey(sess), sess, 1))
		}, "does not match its record"},
		{"a row of another count", func(rows *bolt.Bucket, sess model.Session) error {
			return rows.Put(rowKey(sess), encodeRow(rowKey(sess), sess, 5))
		}, "counts 5 entries, not 1"},
		{"a missing row", func(rows *bolt.Bucket, sess model.Session) error {
			return rows.Delete(rowKey(sess))
		}, "has no list row"},
		{"a row of no session", func(rows *bolt.Bucket, sess model.Session) error {
			sess.ID = "20250101-000000-gone"
			return rows.Put(rowKey(sess), encodeRow(rowKey(sess), sess, 0))
		}, "which does not exist"},
		{"two rows of one session", func(rows *bolt.Bucket, sess model.Session) error {
			sess.Started = sess.Started.Add(time.Hour)
			return rows.Put(rowKey(sess), encodeRow(rowKey(sess), sess, 1))
		}, "2 list rows"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "huddle.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			sess := mustSession(t, s, model.Session{Title: "Okapi day", TeamName: "North"})
			mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "an okapi"})
			sess, _ = s.GetSession(sess.ID)
			s.Close()
			checkFindsAfter(t, path, func(tx *bolt.Tx) error { return c.change(tx.Bucket([]byte(bucketRows)), sess) }, c.want)
		})
	}
}

// downgradeToV2 turns a closed file of schema 3 into the file schema 2
// would have held: the same records, without the list rows.
func downgradeToV2(t *testing.T, path string, leave func(rows *bolt.Bucket) error) {
	t.Helper()
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		if leave != nil {
			return errors.Join(leave(tx.Bucket([]byte(bucketRows))), putSchema(tx, 2))
		}
		return errors.Join(tx.DeleteBucket([]byte(bucketRows)), putSchema(tx, 2))
	})
}

// TestMigrationToSchema3BuildsRows: a file of schema 2, whole or with the
// rows of a migration cut short, is announced, backed up and given a row
// for every session, equal to its record, in batches.
func TestMigrationToSchema3BuildsRows(t *testing.T) {
	saved := rowsBatch
	rowsBatch = 3 // several transactions
	defer func() { rowsBatch = saved }()
	for _, c := range []struct {
		name  string
		leave func(rows *bolt.Bucket) error
	}{
		{"no rows", nil},
		{"a migration cut short", func(rows *bolt.Bucket) error {
			// One row out of date and one of no session, as a crash
			// could not leave them but a rebuild must not keep them.
			k, _ := rows.Cursor().First()
			if err := rows.Put(k, []byte("stale")); err != nil {
				return err
			}
			return rows.Put(append(timeBytes(time.Unix(0, 0)), "nobody"...), []byte("x"))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "huddle.db")
			writeManySessions(t, path, 8, 3)
			downgradeToV2(t, path, c.leave)
			var told []int
			s, err := Open(path, Options{Upgrading: func(from, to int) { told = append(told, from, to) }})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if fmt.Sprint(told) != "[2 3]" {
				t.Errorf("told %v, want [2 3]", told)
			}
			if len(migrationBackups(t, path)) != 1 {
				t.Errorf("backups before the upgrade: %v", migrationBackups(t, path))
			}
			rowsAgree(t, s)
			if rows, _, err := s.ListRows(SearchFilter{}, "", 100); err != nil || len(rows) != 8 {
				t.Errorf("listed %d, %v", len(rows), err)
			}
			// The file was written just now: the check before the
			// migration cannot vouch for it, and a full one follows.
			if r, err := s.Verify(context.Background()); err != nil || r.Remembered {
				t.Errorf("after the migration of an unsettled file: %+v, %v", r, err)
			}
		})
	}
}

// TestMigrationOfASettledFileIsNotCheckedTwice: the check before the
// migration of a settled file, and the migration's own commits, vouch for
// the file: no second check of the whole file follows, the note is
// written, and the next start trusts it.
func TestMigrationOfASettledFileIsNotCheckedTwice(t *testing.T) {
	needChangeTimes(t)
	settleAtOnce(t)
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeManySessions(t, path, 8, 3)
	downgradeToV2(t, path, nil)
	os.Remove(path + checkedTail)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := s.Verify(context.Background()); err != nil || !r.Remembered {
		t.Errorf("after the migration: %+v, %v", r, err)
	}
	rowsAgree(t, s) // a real check: the file is whole
	mustSession(t, s, model.Session{Title: "after the upgrade"})
	s.Close()
	if !nextStartTrusts(t, path) {
		t.Error("the next start checked the whole file again")
	}
}

// FuzzDecodeRow: any bytes under any key decode without a panic, and a
// row that decodes encodes again to a row that decodes to the same.
func FuzzDecodeRow(f *testing.F) {
	started := time.Date(2025, 3, 4, 10, 0, 0, 5, time.FixedZone("", 3600))
	for _, sess := range []model.Session{
		{ID: "20250304-100000-1", Kind: model.SessionWorkshop, TeamID: "t1", TeamName: "Café", Facilitator: "Zoë",
			Title: "Module 1", Started: started, Ended: started.Add(time.Hour), Modules: []string{"m1"}, Exercises: []string{"M1-E3", ""}},
		{ID: "x", Kind: model.SessionReflection, Started: started.UTC(), Modules: []string{}},
	} {
		key := rowKey(sess)
		f.Add(key, encodeRow(key, sess, 42))
	}
	f.Fuzz(func(t *testing.T, key, val []byte) {
		sess, n, reason := decodeRow(key, val)
		if reason != "" {
			return
		}
		again := encodeRow(key, sess, n)
		sess2, n2, reason := decodeRow(key, again)
		if reason != "" || n2 != n || !reflect.DeepEqual(sess, sess2) {
			t.Fatalf("%+v (%d) encodes to a row that decodes to %+v (%d, %q)", sess, n, sess2, n2, reason)
		}
	})
}

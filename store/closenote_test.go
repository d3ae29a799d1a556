package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// noteBytes is the note beside path, or nil if there is none.
func noteBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path + checkedTail)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// trustedStore makes a file whose check is remembered (settleTime is 0
// for the test), and opens it for writing: the store trusts the note.
func trustedStore(t *testing.T) (*Store, string) {
	t.Helper()
	needChangeTimes(t)
	settleAtOnce(t)
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeSampleStore(t, path, 5)
	if _, err := verifyOpen(t, path); err != nil || noteBytes(t, path) == nil {
		t.Fatalf("the first check: %v", err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if r, err := s.Verify(context.Background()); err != nil || !r.Remembered {
		t.Fatalf("the store did not trust the note: %+v, %v", r, err)
	}
	return s, path
}

// nextStartChecks opens path read-only and reports whether it trusted a
// note (true) or checked the whole file (false); the file must be whole.
func nextStartTrusts(t *testing.T, path string) bool {
	t.Helper()
	r, err := verifyOpen(t, path)
	if err != nil {
		t.Fatalf("the file is not whole: %v", err)
	}
	return r.Remembered
}

// TestCleanCloseRemembersItsOwnWrites: a store that trusted the note,
// then saved, writes the note again at Close; the next start trusts it,
// and the next store to save and close does the same.
func TestCleanCloseRemembersItsOwnWrites(t *testing.T) {
	s, path := trustedStore(t)
	sess := mustSession(t, s, model.Session{Title: "After the check", TeamName: "North"})
	mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "saved after the check"})
	if err := s.UpdateSession(model.Session{ID: "20250101-000000-none", Kind: model.SessionWorkshop}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an update of no session: %v", err) // an error that writes nothing keeps the note
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !nextStartTrusts(t, path) {
		t.Fatal("the next start checked the whole file after a clean close")
	}
	// A store trusted through that note goes on the same way.
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustEntry(t, s2, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "and the next day"})
	s2.Close()
	if !nextStartTrusts(t, path) {
		t.Fatal("the second clean close was not remembered")
	}
}

// TestNoNoteWithoutFollowingEveryChange: the note is not written again
// when another program wrote the file while the store had it open
// (between two of its commits, or after the last), when the store saw
// damage or a write that panicked, or when the store never checked the
// file; the next start then checks the whole file.
func TestNoNoteWithoutFollowingEveryChange(t *testing.T) {
	foreign := func(t *testing.T, path string) {
		// The same byte written back: only the file's times move. The
		// wait crosses a step of the file clock.
		time.Sleep(30 * time.Millisecond)
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b := make([]byte, 1)
		if _, err := f.ReadAt(b, 4096+100); err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt(b, 4096+100); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name string
		run  func(t *testing.T, s *Store, path string)
	}{
		{"another writer between two commits", func(t *testing.T, s *Store, path string) {
			mustSession(t, s, model.Session{Title: "one"})
			foreign(t, path)
			mustSession(t, s, model.Session{Title: "two"})
		}},
		{"another writer after the last commit", func(t *testing.T, s *Store, path string) {
			mustSession(t, s, model.Session{Title: "one"})
			foreign(t, path)
		}},
		{"damage found by a read", func(t *testing.T, s *Store, path string) {
			sess := mustSession(t, s, model.Session{Title: "one"})
			// A record that fails its checksum, committed by the store
			// itself, as decay would leave it: the read that finds it
			// must stop the note.
			err := s.update(func(tx *bolt.Tx) error {
				return tx.Bucket([]byte(bucketSessions)).Put([]byte(sess.ID), []byte(`{"v":1,"crc":1,"data":{}}`))
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.GetSession(sess.ID); !errors.Is(err, ErrRecordDamaged) {
				t.Fatalf("the damaged record was read: %v", err)
			}
		}},
		{"a write that panicked", func(t *testing.T, s *Store, path string) {
			err := s.update(func(tx *bolt.Tx) error { panic("a fault in a write") })
			if err == nil {
				t.Fatal("the panic was not reported")
			}
			mustSession(t, s, model.Session{Title: "after it"}) // the store goes on
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, path := trustedStore(t)
			c.run(t, s, path)
			before := noteBytes(t, path)
			s.Close()
			if !bytes.Equal(noteBytes(t, path), before) {
				t.Error("the note was written again")
			}
			if c.name != "damage found by a read" && nextStartTrusts(t, path) {
				t.Error("the next start trusted the file")
			}
		})
	}
}

// TestNoNoteFromAStoreThatDidNotCheck: a read-only store writes no note at
// Close, nor does a store whose check has not passed (still running when
// closed, or failed on a damaged file).
func TestNoNoteFromAStoreThatDidNotCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeSampleStore(t, path, 5) // written just now: its check is not remembered
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if noteBytes(t, path) != nil {
		t.Fatal("a read-only store of an unsettled file left a note")
	}

	// A writable store whose check has not passed: writes wait for the
	// check, and a Close before its end stops it.
	rw, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rw.Close()
	if noteBytes(t, path) != nil {
		t.Fatal("a store closed before its check passed left a note")
	}

	// A damaged file: its check fails, and no Close makes a note.
	settleAtOnce(t)
	flipBytes(t, path, findAll(t, path, "sample text")[:1])
	bad, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bad.Verify(context.Background()); !errors.Is(err, ErrDamaged) {
		t.Fatalf("the damage was not found: %v", err)
	}
	if _, err := bad.CreateSession(model.Session{Kind: model.SessionWorkshop}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a write to a damaged file: %v", err)
	}
	bad.Close()
	if noteBytes(t, path) != nil {
		t.Fatal("a damaged file got a note")
	}
}

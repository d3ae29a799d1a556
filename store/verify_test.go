package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// writeManySessions writes sessions of several teams, each with entries
// and an action, then deletes some entries, so that the file has branch
// pages, overflow-free leaves and a free list.
func writeManySessions(t testing.TB, path string, sessions, entries int) {
	t.Helper()
	s, err := Open(path, Options{Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < sessions; i++ {
		sess := mustSession(t, s, model.Session{Title: fmt.Sprintf("Session %d", i), TeamName: fmt.Sprintf("Team %d", i%4)})
		es := make([]model.Entry, entries)
		for j := range es {
			es[j] = model.Entry{SessionID: sess.ID, Text: fmt.Sprintf("line %d of session %d: %s", j, i, strings.Repeat("words ", j%9))}
		}
		saved, err := s.PutEntries(es)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutAction(model.Action{SessionID: sess.ID, Text: "follow up " + sess.Title}); err != nil {
			t.Fatal(err)
		}
		if i%5 == 0 {
			if err := s.DeleteEntry(sess.ID, saved[0].ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.SaveDraft("draft/one", "typed but not entered"); err != nil {
		t.Fatal(err)
	}
}

// treePages returns the ids of the branch and leaf pages the tree uses.
func treePages(t testing.TB, path string) (branches, leaves []uint64, pageSize int64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	meta, err := readMetas(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	w := &pageWalk{r: f, meta: meta, problem: func(string, ...any) {}, leaf: func([][]byte, []byte, []byte) {}}
	w.walkPages()
	head := make([]byte, pageHeaderSize)
	for id := uint64(2); id < meta.hwm; id++ {
		f.ReadAt(head, int64(id)*int64(meta.pageSize))
		if w.state[id] != pageUsed || binary.LittleEndian.Uint64(head) != id {
			continue
		}
		switch binary.LittleEndian.Uint16(head[8:]) {
		case branchPageFlag:
			branches = append(branches, id)
		case leafPageFlag:
			leaves = append(leaves, id)
		}
	}
	return branches, leaves, int64(meta.pageSize)
}

func writeAt(t testing.TB, path string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyPassesAWholeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeManySessions(t, path, 60, 40)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Verify(context.Background())
	if err != nil || !rep.OK() {
		t.Fatalf("a whole file failed its check: %v\n%s", err, rep)
	}
	if rep.Records[bucketSessions] != 60 || rep.Records[bucketEntries] != 60*40-12 || rep.Records[bucketActions] != 60 {
		t.Errorf("records counted: %v", rep.Records)
	}
	if err := s.Writable(); err != nil {
		t.Errorf("Writable after a passed check: %v", err)
	}
	branches, _, _ := treePages(t, path)
	if len(branches) == 0 {
		t.Fatal("the test file has no branch page")
	}
}

// TestVerifyFindsDamage: each damage that once hid sessions or entries,
// or hung the check, is found; the store then writes nothing and makes no
// backup, and the file's bytes stay as they were.
func TestVerifyFindsDamage(t *testing.T) {
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   string
	}{
		{"branch page element count to 1", func(t *testing.T, path string) {
			b, _, ps := treePages(t, path)
			writeAt(t, path, int64(b[0])*ps+10, []byte{1, 0})
		}, "page"},
		{"branch page overflow 0x86000000", func(t *testing.T, path string) {
			b, _, ps := treePages(t, path)
			writeAt(t, path, int64(b[0])*ps+12, []byte{0, 0, 0, 0x86})
		}, "past the end of the file"},
		{"leaf page element count lowered", func(t *testing.T, path string) {
			_, l, ps := treePages(t, path)
			writeAt(t, path, int64(l[len(l)/2])*ps+10, []byte{2, 0})
		}, "page"},
		{"a leaf key byte", func(t *testing.T, path string) {
			s, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			list, _ := s.ListSessions()
			s.Close()
			_, leaves, ps := treePages(t, path)
			live := map[int64]bool{}
			for _, l := range leaves {
				live[int64(l)] = true
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// The greatest entry key of the session: its last sequence
			// byte raised, which keeps the keys in order (the next key is
			// another session's) but breaks the record's checksum.
			last := int64(-1)
			for _, off := range findAll(t, path, list[30].ID+"\x00") {
				rec := off + int64(len(list[30].ID)) + 17
				if live[off/ps] && bytes.HasPrefix(data[rec:], []byte(`{"v":`)) {
					last = off
				}
			}
			if seq := last + int64(len(list[30].ID)) + 16; last >= 0 && data[seq] != 0xff {
				writeAt(t, path, seq, []byte{0xff})
				return
			}
			t.Fatal("no live key found")
		}, "checksum mismatch"},
		{"a value byte", func(t *testing.T, path string) {
			flipBytes(t, path, findAll(t, path, "line 3 of session 12:")[:1])
		}, "checksum mismatch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "huddle.db")
			writeManySessions(t, path, 60, 40)
			c.damage(t, path)
			before := fileHash(t, path)
			start := time.Now()
			s, err := Open(path, Options{})
			if err != nil {
				if !errors.Is(err, ErrDamaged) {
					t.Fatalf("Open: %v", err)
				}
				t.Logf("Open refused it: %v", err)
			} else {
				_, verr := s.Verify(context.Background())
				if !errors.Is(verr, ErrDamaged) || !strings.Contains(verr.Error(), c.want) {
					t.Errorf("Verify: %v, want ErrDamaged saying %q", verr, c.want)
				}
				if _, err := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: "new"}); !errors.Is(err, ErrDamaged) {
					t.Errorf("CreateSession on a damaged file: %v", err)
				}
				if name, err := s.BackupIfDue(time.Now()); err == nil || name != "" {
					t.Errorf("BackupIfDue on a damaged file: %q %v", name, err)
				}
				s.Close()
			}
			if time.Since(start) > 10*time.Second {
				t.Errorf("the check took %s", time.Since(start))
			}
			r, err := Check(path)
			if !errors.Is(err, ErrDamaged) || r.OK() {
				t.Errorf("Check: %v\n%s", err, r)
			}
			if fileHash(t, path) != before {
				t.Error("the damaged file was changed")
			}
			if list, _ := dailyBackups(path); len(list) != 0 {
				t.Errorf("backups of a damaged file: %v", list)
			}
		})
	}
}

// BenchmarkVerify measures the full check on the review database (5,000
// sessions, 500,000 entries).
func BenchmarkVerify(b *testing.B) {
	s, _, err := reviewStore()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := verifyFile(s.Path(), false, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestVerifyCycleRefusesReads: a branch page that points back to itself
// would make bbolt loop for ever; the check finds it and every read then
// returns the damage instead of hanging.
func TestVerifyCycleRefusesReads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeManySessions(t, path, 60, 40)
	b, _, ps := treePages(t, path)
	var id [8]byte
	binary.LittleEndian.PutUint64(id[:], b[0])
	writeAt(t, path, int64(b[0])*ps+pageHeaderSize+8, id[:]) // element 0's child: the page itself
	before := fileHash(t, path)
	s, err := Open(path, Options{})
	if err != nil {
		// The page is on the way to the schema (the root's pages, which
		// bbolt's map iteration lays out differently from run to run):
		// Open itself refuses the file, before bbolt reads it.
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "leads back to itself") {
			t.Fatalf("Open: %v", err)
		}
		if fileHash(t, path) != before {
			t.Error("the file was changed")
		}
		return
	}
	t.Cleanup(func() { s.Close() })
	rep, err := s.Verify(context.Background())
	if !errors.Is(err, ErrDamaged) || !rep.Unreadable || !strings.Contains(err.Error(), "leads back to itself") {
		t.Fatalf("Verify: %v (unreadable %v)", err, rep.Unreadable)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.ListSessions()
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("ListSessions on a cyclic file: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ListSessions hung on a cyclic file")
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Error("the file was changed")
	}
}

// TestNewIDsNeverOverwrite: with a bucket's sequence number gone back, a
// new entry or team still gets an id of its own.
func TestNewIDsNeverOverwrite(t *testing.T) {
	s, _ := openTemp(t)
	sess := mustSession(t, s, model.Session{Title: "seq", TeamName: "North"})
	at := time.Date(2025, 5, 6, 10, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		mustEntry(t, s, model.Entry{SessionID: sess.ID, Created: at, Text: fmt.Sprint("line ", i)})
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket([]byte(bucketEntries)).SetSequence(0); err != nil {
			return err
		}
		if err := tx.Bucket([]byte(bucketSessions)).SetSequence(0); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketTeams)).SetSequence(0)
	})
	if err != nil {
		t.Fatal(err)
	}
	mustEntry(t, s, model.Entry{SessionID: sess.ID, Created: at, Text: "line 3"})
	if list, err := s.Entries(sess.ID); err != nil || len(list) != 4 {
		t.Fatalf("entries after the sequence went back: %d, %v", len(list), err)
	}
	if _, err := s.EnsureTeam("South"); err != nil {
		t.Fatal(err)
	}
	if teams, err := s.Teams(); err != nil || len(teams) != 2 {
		t.Fatalf("teams after the sequence went back: %+v, %v", teams, err)
	}
	if _, err := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Started: sess.Started}); err != nil {
		t.Fatalf("a session after the sequence went back: %v", err)
	}
}

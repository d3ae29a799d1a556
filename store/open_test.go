package store

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// TestSecondProcessGetsErrLocked: while this process has the store open, a
// second process, read-write or read-only, is told so within two seconds.
func TestSecondProcessGetsErrLocked(t *testing.T) {
	s, path := openTemp(t)
	_ = s
	for _, mode := range []string{"open", "open-ro"} {
		out, err := helperCmd(mode, path).Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", mode, err, out)
		}
		text := string(out)
		want := "error=huddle: the database " + path + " is in use by another huddle (close it first)"
		if !strings.Contains(text, want) {
			t.Errorf("%s: child said %q, want %q", mode, text, want)
		}
		ms := childElapsed(t, text)
		if ms >= 2000 {
			t.Errorf("%s: the child waited %d ms, want under 2000", mode, ms)
		}
	}
}

// childElapsed reads the child's elapsed-ms line.
func childElapsed(t *testing.T, text string) int {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, "elapsed-ms="); ok {
			ms, err := strconv.Atoi(v)
			if err != nil {
				t.Fatal(err)
			}
			return ms
		}
	}
	t.Fatalf("no elapsed time in %q", text)
	return 0
}

// TestOpenWhileAnotherProcessHoldsIt: the typed error, from this side.
func TestOpenWhileAnotherProcessHoldsIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	startHelper(t, "hold", path, "open")
	start := time.Now()
	s, err := Open(path, Options{})
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded while another process holds the file")
	}
	if elapsed := time.Since(start); elapsed >= 2*time.Second {
		t.Errorf("Open took %s, want under 2s", elapsed)
	}
	var locked *LockedError
	if !errors.Is(err, ErrLocked) || !errors.As(err, &locked) || locked.Path != path {
		t.Fatalf("error %v (%T), want a LockedError for %s", err, err, path)
	}
}

// damagedCase prepares a damaged file in dir and returns its path.
type damagedCase struct {
	name    string
	prepare func(t *testing.T, path string)
	reason  string // part of the expected message
}

func TestDamagedFileIsReportedAndUntouched(t *testing.T) {
	cases := []damagedCase{
		{"truncated to 100 bytes", func(t *testing.T, path string) {
			writeSampleStore(t, path, 10)
			if err := os.Truncate(path, 100); err != nil {
				t.Fatal(err)
			}
		}, "too short"},
		{"64 KiB of garbage", func(t *testing.T, path string) {
			garbage := make([]byte, 64<<10)
			rand.New(rand.NewSource(1)).Read(garbage)
			if err := os.WriteFile(path, garbage, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a meta page"},
		{"truncated mid-file", func(t *testing.T, path string) {
			writeSampleStore(t, path, 400)
			if err := os.Truncate(path, 16<<10); err != nil {
				t.Fatal(err)
			}
		}, "truncated"},
		{"both meta pages flipped", func(t *testing.T, path string) {
			writeSampleStore(t, path, 10)
			flipBytes(t, path, []int64{4096 + 40, 40})
		}, "fails its checksum"},
		{"another program's bbolt file", func(t *testing.T, path string) {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
			db.Close()
		}, "not a huddle database"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "huddle.db")
			c.prepare(t, path)
			before := fileHash(t, path)
			for _, ro := range []bool{false, true} {
				s, err := Open(path, Options{ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatalf("read-only %v: Open succeeded on a damaged file", ro)
				}
				if !errors.Is(err, ErrDamaged) {
					t.Fatalf("read-only %v: error %v, want ErrDamaged", ro, err)
				}
				msg := err.Error()
				for _, want := range []string{path, "left untouched", "huddle doctor", "backup", c.reason} {
					if !strings.Contains(msg, want) {
						t.Errorf("message %q does not say %q", msg, want)
					}
				}
			}
			if _, err := Check(path); !errors.Is(err, ErrDamaged) {
				t.Errorf("Check: %v, want ErrDamaged", err)
			}
			if after := fileHash(t, path); after != before {
				t.Fatal("the damaged file was modified")
			}
		})
	}
}

// TestDamagedRecordIsReportedNotShown: a record whose bytes were flipped
// gives ErrRecordDamaged naming bucket and key; the rest is still readable;
// the file is unchanged.
func TestDamagedRecordIsReportedNotShown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	s, err := Open(path, Options{Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	sess := mustSession(t, s, model.Session{Title: "flip"})
	good := mustEntry(t, s, model.Entry{SessionID: sess.ID, Text: "an intact line"})
	bad := mustEntry(t, s, model.Entry{SessionID: sess.ID, Text: "MARKER-TO-BE-DAMAGED"})
	s.Close()
	offsets := findAll(t, path, "MARKER-TO-BE-DAMAGED")
	flipBytes(t, path, offsets)
	before := fileHash(t, path)

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("Open of a file with one damaged record: %v", err)
	}
	list, err := s.Entries(sess.ID)
	var rd *RecordDamagedError
	if !errors.Is(err, ErrRecordDamaged) || !errors.As(err, &rd) {
		t.Fatalf("Entries error %v, want ErrRecordDamaged", err)
	}
	if rd.Bucket != "entries" || !strings.Contains(rd.Key, sess.ID) || !strings.Contains(err.Error(), "entries") {
		t.Errorf("damage reported as %+v / %q, want bucket entries and the session's key", rd, err)
	}
	if len(list) != 1 || list[0].ID != good.ID {
		t.Errorf("Entries returned %+v, want only the intact entry", list)
	}
	if _, err := s.GetEntry(sess.ID, bad.ID); !errors.Is(err, ErrRecordDamaged) {
		t.Errorf("GetEntry of the damaged entry: %v, want ErrRecordDamaged", err)
	}
	// The file failed its check: nothing is written into it.
	if _, err := s.PutEntry(model.Entry{SessionID: sess.ID, Text: "more"}); !errors.Is(err, ErrDamaged) {
		t.Errorf("PutEntry on a damaged file: %v, want ErrDamaged", err)
	}
	if err := s.Writable(); !errors.Is(err, ErrDamaged) {
		t.Errorf("Writable on a damaged file: %v, want ErrDamaged", err)
	}
	s.Close()
	report, err := Check(path)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Check: %v, want ErrDamaged", err)
	}
	if report.OK() || len(report.Damaged) != 1 || report.Damaged[0].Bucket != "entries" || report.Records["entries"] != 1 {
		t.Errorf("Check report:\n%s", report)
	}
	if after := fileHash(t, path); after != before {
		t.Fatal("the file was modified")
	}
}

func TestNewerSchemaIsRefusedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeSampleStore(t, path, 3)
	rawUpdate(t, path, func(tx *bolt.Tx) error { return putSchema(tx, 99) })
	before := fileHash(t, path)
	for _, ro := range []bool{false, true} {
		s, err := Open(path, Options{ReadOnly: ro})
		if err == nil {
			s.Close()
			t.Fatal("Open accepted a newer schema")
		}
		var ns *NewerSchemaError
		if !errors.Is(err, ErrNewerSchema) || !errors.As(err, &ns) || ns.Found != 99 || ns.Supported != SchemaVersion {
			t.Fatalf("error %v, want ErrNewerSchema 99", err)
		}
		if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "schema 99") || !strings.Contains(msg, "untouched") {
			t.Errorf("message %q", msg)
		}
	}
	if after := fileHash(t, path); after != before {
		t.Fatal("the newer file was modified")
	}
}

// writeSampleStore writes a store with n entries and closes it.
func writeSampleStore(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sess := mustSession(t, s, model.Session{Title: "sample", TeamName: "North"})
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = model.Entry{SessionID: sess.ID, Text: strings.Repeat("sample text ", 10)}
	}
	if _, err := s.PutEntries(es); err != nil {
		t.Fatal(err)
	}
}

// findAll returns the offsets of every copy of text in the file.
func findAll(t *testing.T, path, text string) []int64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(text))
		if j < 0 {
			break
		}
		out = append(out, int64(i+j))
		i += j + 1
	}
	if len(out) == 0 {
		t.Fatalf("%q not found in %s", text, path)
	}
	return out
}

// flipBytes inverts one bit of the byte at each offset.
func flipBytes(t *testing.T, path string, offsets []int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, off := range offsets {
		b := make([]byte, 1)
		if _, err := f.ReadAt(b, off); err != nil {
			t.Fatal(err)
		}
		b[0] ^= 0x01
		if _, err := f.WriteAt(b, off); err != nil {
			t.Fatal(err)
		}
	}
}

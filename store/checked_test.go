package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// verifyOpen opens path read-only and returns what its check said.
func verifyOpen(t *testing.T, path string) (Report, error) {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.Verify(context.Background())
}

// TestCheckRememberedOnlyWhileNothingChanged: a check that passed is
// remembered beside the file and trusted at the next open; any write to
// the file, a damaged note, or a note of another file means a full check
// again, and damage found that way is never trusted.
func TestCheckRememberedOnlyWhileNothingChanged(t *testing.T) {
	needChangeTimes(t)
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeSampleStore(t, path, 50)

	// A file written just now is not remembered: its times could still
	// miss a write.
	if r, err := verifyOpen(t, path); err != nil || r.Remembered {
		t.Fatalf("first open: %+v, %v", r, err)
	}
	if _, err := os.Stat(path + checkedTail); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a check of a file written just now was remembered: %v", err)
	}

	settleAtOnce(t)
	if r, err := verifyOpen(t, path); err != nil || r.Remembered || r.Records[bucketEntries] != 50 {
		t.Fatalf("full check: %+v, %v", r, err)
	}
	if r, err := verifyOpen(t, path); err != nil || !r.Remembered {
		t.Fatalf("second open did not trust the check that passed: %+v, %v", r, err)
	}

	// A damaged note, or one of another file, is not trusted.
	good, err := os.ReadFile(path + checkedTail)
	if err != nil {
		t.Fatal(err)
	}
	bad := append([]byte(nil), good...)
	bad[len(bad)-3] ^= 1
	other := filepath.Join(t.TempDir(), "other.db")
	writeSampleStore(t, other, 50)
	for _, note := range []struct {
		name string
		data []byte
		to   string
	}{{"damaged note", bad, path}, {"another file's note", good, other}} {
		if err := os.WriteFile(note.to+checkedTail, note.data, 0o600); err != nil {
			t.Fatal(err)
		}
		if r, err := verifyOpen(t, note.to); err != nil || r.Remembered {
			t.Errorf("%s: %+v, %v", note.name, r, err)
		}
	}
	if r, err := verifyOpen(t, path); err != nil || !r.Remembered {
		t.Fatalf("the note was not written again: %+v, %v", r, err)
	}

	// Damage after the check passed: the file's change time moves (past
	// the clock's step), the check runs again, finds it, and the note goes.
	time.Sleep(50 * time.Millisecond)
	flipBytes(t, path, findAll(t, path, "sample text")[:1])
	if r, err := verifyOpen(t, path); !errors.Is(err, ErrDamaged) || r.Remembered {
		t.Fatalf("damaged file: %+v, %v", r, err)
	}
	if _, err := os.Stat(path + checkedTail); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the note of a damaged file is kept: %v", err)
	}
	if r, err := verifyOpen(t, path); !errors.Is(err, ErrDamaged) || r.Remembered {
		t.Fatalf("damaged file, opened again: %+v, %v", r, err)
	}
}

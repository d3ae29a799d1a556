package store

import (
	"os"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TestBackupSkippedWhileNothingChanged: a day's backup is not copied
// again from a database unchanged since the newest backup; it is copied
// after any write, and when the newest backup is no longer as it was
// written (or is gone).
func TestBackupSkippedWhileNothingChanged(t *testing.T) {
	s, path := openTemp(t)
	mustSession(t, s, model.Session{Title: "first"})
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	backupOn := func(d int) string {
		t.Helper()
		name, err := s.BackupIfDue(day.AddDate(0, 0, d))
		if err != nil {
			t.Fatal(err)
		}
		return name
	}
	if backupOn(0) == "" {
		t.Fatal("no first backup")
	}
	if name := backupOn(1); name != "" {
		t.Fatalf("an unchanged database was copied again: %s", name)
	}
	mustSession(t, s, model.Session{Title: "second"})
	if backupOn(2) == "" {
		t.Fatal("a changed database was not backed up")
	}
	if name := backupOn(3); name != "" {
		t.Fatalf("copied again the next day: %s", name)
	}
	// The newest backup changed after it was checked: copy again.
	list, _ := s.Backups()
	newest := list[len(list)-1]
	time.Sleep(20 * time.Millisecond) // past the clock's step, so the change time moves
	if err := os.Chtimes(newest, time.Now(), time.Now()); err != nil {
		t.Fatal(err)
	}
	if backupOn(4) == "" {
		t.Fatal("a backup touched since it was checked was trusted")
	}
	// The newest backup is gone: copy again.
	list, _ = s.Backups()
	if err := os.Remove(list[len(list)-1]); err != nil {
		t.Fatal(err)
	}
	if backupOn(5) == "" {
		t.Fatal("no copy after the newest backup was removed")
	}
	list, _ = s.Backups()
	if len(list) != 3 {
		t.Fatalf("backups %v", list)
	}
	b, err := Open(list[len(list)-1], Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got, _ := b.ListSessions(); len(got) != 2 {
		t.Fatalf("the newest backup holds %d sessions", len(got))
	}
	_ = path
}

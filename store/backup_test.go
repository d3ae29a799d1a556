package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// TestBackupIsCheckedAfterCopying: a copy that does not pass the check
// never takes a backup's name, and no temporary file is left behind.
func TestBackupIsCheckedAfterCopying(t *testing.T) {
	s, path := openTemp(t)
	mustSession(t, s, model.Session{Title: "COPY-MARKER"})
	saved := copyFile
	t.Cleanup(func() { copyFile = saved })
	copyFile = func(tx *bolt.Tx, name string) error {
		if err := tx.CopyFile(name, 0o600); err != nil {
			return err
		}
		data, _ := os.ReadFile(name)
		i := bytes.Index(data, []byte("COPY-MARKER"))
		data[i] ^= 0x20 // the copy goes bad on its way to the disk
		return os.WriteFile(name, data, 0o600)
	}
	name, err := s.BackupIfDue(time.Date(2025, 2, 3, 9, 0, 0, 0, time.Local))
	if err == nil || name != "" || !errors.Is(err, ErrDamaged) {
		t.Fatalf("a bad copy: %q, %v", name, err)
	}
	if left, _ := filepath.Glob(path + ".*"); len(left) != 0 {
		t.Fatalf("left behind: %v", left)
	}
	copyFile = saved
	if name, err := s.BackupIfDue(time.Date(2025, 2, 3, 9, 0, 0, 0, time.Local)); err != nil || name == "" {
		t.Fatalf("a good copy: %q, %v", name, err)
	}
}

// TestBackupsKeptByAge: the backups of the last seven days that have one
// are kept, however far apart those days are; files that only look like
// backups are left alone.
func TestBackupsKeptByAge(t *testing.T) {
	s, path := openTemp(t)
	mustSession(t, s, model.Session{Title: "kept"})
	stray := path + ".backup-2025013" // not a date: not a backup
	os.WriteFile(stray, []byte("x"), 0o600)
	var days []time.Time
	for _, d := range []int{1, 2, 9, 30, 31, 45, 60, 61, 90, 120} {
		day := time.Date(2025, 1, 1, 12, 0, 0, 0, time.Local).AddDate(0, 0, d)
		days = append(days, day)
		mustSession(t, s, model.Session{Title: "changed"}) // an unchanged file is not copied again
		if _, err := s.BackupIfDue(day); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != KeepBackups {
		t.Fatalf("kept %d: %v", len(list), list)
	}
	for i, name := range list {
		if want := path + ".backup-" + days[3+i].Format(dailyLayout); name != want {
			t.Errorf("kept %s, want %s", name, want)
		}
	}
	if _, err := os.Stat(stray); err != nil {
		t.Error("a file that is not a backup was deleted")
	}
	infos, newest, err := CheckBackups(path)
	if err != nil || newest != len(infos)-1 || infos[newest].Err != nil {
		t.Errorf("CheckBackups: newest %d of %d, %v", newest, len(infos), err)
	}
}

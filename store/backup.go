package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backups sit beside the database:
//
//	huddle.db.backup-YYYYMMDD                 daily, kept by age (below)
//	huddle.db.before-upgrade-from-schema-N-YYYYMMDD-HHMMSS
//	                                          before a migration from schema N, kept
//
// Each is a consistent copy made with Tx.CopyFile inside a read
// transaction, written to a temporary name, synced, checked as a whole
// (verifyFile) and only then renamed, so that a crash or a bad copy never
// leaves a half-written or damaged file under a backup's name. Only a
// database that passed its check is copied: a damaged file never enters
// the rotation.
//
// Daily backups are kept by age: those of the last KeepBackups days that
// have a backup, by the date in their names (days huddle was not used do
// not count). Older ones are deleted.

// KeepBackups is how many days with a backup are kept.
const KeepBackups = 7

const (
	dailyInfix     = ".backup-"
	dailyLayout    = "20060102"
	migrateInfix   = ".before-upgrade-from-schema-"
	migrateLayout  = "20060102-150405"
	tempBackupTail = ".tmp"
)

// BackupIfDue makes the day's backup if there is none yet for now's date
// (at most one a day), unless the database has not changed since the
// newest backup was made and that backup is still as it was written
// (backupCurrent): a copy of an unchanged file adds nothing, and on a
// large file it costs seconds of reading and writing. Then it deletes the
// daily backups older than the last KeepBackups days with one. It returns the path of the backup it
// made, or "" if one was already there. It waits for the check of the
// file and makes no backup of a file that failed it. It works on a
// read-only store too.
func (s *Store) BackupIfDue(now time.Time) (string, error) {
	if err := s.waitVerified(); err != nil {
		return "", fmt.Errorf("huddle: no backup was made: %w", err)
	}
	name := s.path + dailyInfix + now.Format(dailyLayout)
	if _, err := os.Stat(name); err == nil {
		return "", s.pruneBackups()
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	if backupCurrent(s.path) {
		return "", s.pruneBackups()
	}
	before, stamped := stampOf(s.path)
	if err := s.copyTo(name); err != nil {
		return "", err
	}
	if stamped {
		rememberBackup(s.path, before, name)
	}
	return name, s.pruneBackups()
}

// Backups lists the daily backups of the database, oldest first.
func (s *Store) Backups() ([]string, error) {
	return dailyBackups(s.path)
}

// dailyBackups lists the daily backups beside the database at path.
func dailyBackups(path string) ([]string, error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		date, ok := strings.CutPrefix(e.Name(), base+dailyInfix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if _, err := time.Parse(dailyLayout, date); err != nil || len(date) != len(dailyLayout) {
			continue
		}
		out = append(out, filepath.Join(dir, e.Name()))
	}
	sort.Strings(out)
	return out, nil
}

// pruneBackups deletes the daily backups older than the last KeepBackups
// days that have one (one backup a day: the newest KeepBackups files, in
// the order of the dates in their names).
func (s *Store) pruneBackups() error {
	list, err := dailyBackups(s.path)
	if err != nil {
		return err
	}
	var errs []error
	for len(list) > KeepBackups {
		if err := os.Remove(list[0]); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
		list = list[1:]
	}
	return errors.Join(errs...)
}

// backupBeforeMigration copies the database before a migration.
func (s *Store) backupBeforeMigration(from int) (string, error) {
	name := fmt.Sprintf("%s%s%d-%s", s.path, migrateInfix, from, s.now().Format(migrateLayout))
	if err := s.copyTo(name); err != nil {
		return "", err
	}
	return name, nil
}

// copyTo writes a consistent copy of the database to name (mode 0600).
func (s *Store) copyTo(name string) error {
	tmp := name + tempBackupTail
	err := s.view(func(tx *bolt.Tx) error { return copyFile(tx, tmp) })
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		// The copy must be whole before it takes a backup's name.
		_, err = verifyFile(tmp, false, nil)
	}
	if err == nil {
		err = os.Chmod(tmp, 0o600)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("huddle: backup to %s failed: %w", name, err)
	}
	syncDir(filepath.Dir(name))
	return nil
}

// copyFile writes a consistent copy of the database in tx to name; tests
// replace it to make a bad copy.
var copyFile = func(tx *bolt.Tx, name string) error { return tx.CopyFile(name, 0o600) }

// syncFile flushes a file's contents to disk.
func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a directory's entries (a rename) where the platform
// allows it; failures are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// BackupInfo is one daily backup as `huddle doctor` lists it.
type BackupInfo struct {
	Path string
	Size int64
	Err  error // nil: the backup passed the same check as the database
}

// CheckBackups checks every daily backup of the database at path, oldest
// first, reading each as verifyFile does (bounded, never through bbolt).
// newest is the index of the newest one that passed, or -1.
func CheckBackups(path string) (list []BackupInfo, newest int, err error) {
	names, err := dailyBackups(path)
	if err != nil {
		return nil, -1, err
	}
	newest = -1
	for i, name := range names {
		info := BackupInfo{Path: name}
		if st, err := os.Stat(name); err == nil {
			info.Size = st.Size()
		}
		if _, info.Err = verifyFile(name, false, nil); info.Err == nil {
			newest = i
		}
		list = append(list, info)
	}
	return list, newest, nil
}

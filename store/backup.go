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
//	huddle.db.backup-YYYYMMDD                 daily, the last KeepBackups kept
//	huddle.db.before-upgrade-from-schema-N-YYYYMMDD-HHMMSS
//	                                          before a migration from schema N, kept
//
// Each is a consistent copy made with Tx.CopyFile inside a read
// transaction, written to a temporary name, synced, then renamed, so that a
// crash never leaves a half-written file under a backup's name.

// KeepBackups is how many daily backups are kept.
const KeepBackups = 7

const (
	dailyInfix     = ".backup-"
	dailyLayout    = "20060102"
	migrateInfix   = ".before-upgrade-from-schema-"
	migrateLayout  = "20060102-150405"
	tempBackupTail = ".tmp"
)

// BackupIfDue makes the day's backup if there is none yet for now's date
// (at most one a day) and then deletes all but the newest KeepBackups daily
// backups. It returns the path of the backup it made, or "" if one was
// already there. It works on a read-only store too.
func (s *Store) BackupIfDue(now time.Time) (string, error) {
	name := s.path + dailyInfix + now.Format(dailyLayout)
	if _, err := os.Stat(name); err == nil {
		return "", s.pruneBackups()
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	if err := s.copyTo(name); err != nil {
		return "", err
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

// pruneBackups deletes all but the newest KeepBackups daily backups.
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
	err := s.view(func(tx *bolt.Tx) error { return tx.CopyFile(tmp, 0o600) })
	if err == nil {
		err = syncFile(tmp)
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

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/carehuddle/huddle/store"
)

// doctorTimeout bounds bbolt's page check in doctor's child process; a
// check that runs past it is reported as damage.
const doctorTimeout = 2 * time.Minute

// damagedOKUsage is the help of the --damaged-ok flag.
const damagedOKUsage = "on a damaged database, give what can still be read (it may be incomplete) instead of failing"

// checkWhole waits for the check of the open database. On a damaged file
// it says so on stderr and returns false, unless damagedOK: then it warns
// that what follows may be incomplete and returns true.
func checkWhole(s *store.Store, cmd string, damagedOK bool, stderr io.Writer) bool {
	_, err := s.Verify(context.Background())
	if err == nil {
		return true
	}
	fmt.Fprintln(stderr, storeError(err))
	if !errors.Is(err, store.ErrDamaged) {
		return false
	}
	if damagedOK {
		fmt.Fprintf(stderr, "huddle %s: --damaged-ok: what follows is what could still be read, and may be incomplete\n", cmd)
		return true
	}
	fmt.Fprintf(stderr, "huddle %s: stopped (give --damaged-ok for what can still be read)\n", cmd)
	return false
}

// checkExportTarget refuses an -o that names the database itself, one of
// its backups, or a folder, before anything is read or written.
func checkExportTarget(out, dbPath string) error {
	if out == "" || out == "-" {
		return nil
	}
	target, err := os.Stat(out)
	if err != nil {
		return nil // a new file
	}
	if target.IsDir() {
		return fmt.Errorf("huddle export: -o %s is a folder: give a file name, for example %s",
			out, filepath.Join(out, "minutes.md"))
	}
	if db, err := os.Stat(dbPath); err == nil && os.SameFile(db, target) {
		return fmt.Errorf("huddle export: -o %s is the database itself: choose another file", out)
	}
	absOut, err1 := filepath.Abs(out)
	absDB, err2 := filepath.Abs(dbPath)
	if err1 == nil && err2 == nil && filepath.Dir(absOut) == filepath.Dir(absDB) &&
		strings.HasPrefix(filepath.Base(absOut), filepath.Base(absDB)+".") {
		return fmt.Errorf("huddle export: -o %s is a backup of the database: choose another file", out)
	}
	return nil
}

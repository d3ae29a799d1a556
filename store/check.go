package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// maxListed bounds the damaged records and problems a Report lists.
const maxListed = 1000

// Report is what Check found. Check never changes the file.
type Report struct {
	Path     string
	Size     int64
	Schema   int
	Records  map[string]int // records that verified, per bucket
	Indexed  map[string]int // keys per index bucket
	Damaged  []RecordDamagedError
	Problems []string // index keys pointing nowhere, orphans, unknown buckets
	Omitted  int      // damaged records and problems beyond maxListed
	Stopped  string   // why the check could not walk the file (its meta pages), if so
	Backups  []string // daily backups beside the file, oldest first
	Pages    uint64   // pages the file uses
	// BrokenPages counts the pages found out of place (0: the page
	// structure is sound, whatever the records hold).
	BrokenPages int
	// Unreadable is set when the file's pages lead back to themselves:
	// nothing can be read from it safely.
	Unreadable bool
	// Remembered is set when the check was not run again because one had
	// passed and nothing has changed the file since (checked.go); the
	// counts are then empty.
	Remembered bool
}

// OK reports whether Check walked the whole file and found nothing wrong.
func (r Report) OK() bool {
	return len(r.Damaged) == 0 && len(r.Problems) == 0 && r.Omitted == 0 && r.Stopped == ""
}

// String renders the report for `huddle doctor`.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "database: %s (%d bytes, schema %d)\n", r.Path, r.Size, r.Schema)
	names := make([]string, 0, len(r.Records))
	for name := range r.Records {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "  %-10s %d records\n", name, r.Records[name])
	}
	for _, d := range r.Damaged {
		fmt.Fprintf(&b, "damaged: bucket %s, key %s: %s\n", d.Bucket, d.Key, d.Reason)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "problem: %s\n", p)
	}
	if r.Omitted > 0 {
		fmt.Fprintf(&b, "... and %d more\n", r.Omitted)
	}
	if r.Stopped != "" {
		fmt.Fprintf(&b, "the check stopped early: %s\n", r.Stopped)
	}
	if r.OK() {
		fmt.Fprintf(&b, "result: every page and record verified (%d pages)\n", r.Pages)
	} else {
		b.WriteString("result: damaged; nothing was changed\n")
	}
	return b.String()
}

// Check verifies the database at path as Open's background check does
// (see verify.go), and also decodes every record. It opens the file
// read-only, under a shared lock, and never changes it; it reports and
// never repairs. The error is a *DamagedError when the file is not whole
// (the report says why), or another error when it could not be checked
// (locked, missing, a folder, newer schema). An empty path means
// DefaultPath().
func Check(path string) (Report, error) {
	if path == "" {
		def, err := DefaultPath()
		if err != nil {
			return Report{}, err
		}
		path = def
	}
	r := Report{Path: path, Records: map[string]int{}, Indexed: map[string]int{}}
	if abs, err := filepath.Abs(path); err == nil {
		r.Path = abs
	}
	info, err := os.Stat(r.Path)
	switch {
	case err != nil:
		return r, err
	case info.IsDir():
		return r, folderError(r.Path)
	}
	r.Size = info.Size()
	r.Backups, _ = dailyBackups(r.Path)
	if r.Size == 0 {
		r.Stopped = "the file is empty (0 bytes)"
		return r, emptyFileError(r.Path)
	}
	// bbolt's read-only open takes the shared lock (no huddle writes
	// meanwhile) and reads only the checksummed meta pages.
	db, err := openBolt(r.Path, &bolt.Options{ReadOnly: true, Timeout: defaultTimeout})
	if err != nil {
		return r, err
	}
	defer db.Close()
	backups := r.Backups
	r, err = verifyFile(r.Path, true, nil)
	r.Backups = backups
	if err == nil && r.Schema > schemaVersion() {
		return r, &NewerSchemaError{Path: r.Path, Found: r.Schema, Supported: schemaVersion()}
	}
	return r, err
}

// damaged adds a damaged record to the report.
func (r *Report) damaged(err error) {
	var d *RecordDamagedError
	if !errors.As(err, &d) {
		r.problem("%v", err)
		return
	}
	if len(r.Damaged)+len(r.Problems) >= maxListed {
		r.Omitted++
		return
	}
	r.Damaged = append(r.Damaged, *d)
}

// problem adds a problem to the report.
func (r *Report) problem(format string, args ...any) {
	if len(r.Damaged)+len(r.Problems) >= maxListed {
		r.Omitted++
		return
	}
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

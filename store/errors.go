package store

import (
	"errors"
	"fmt"
	"path/filepath"
)

// Sentinel errors. Every error the store returns for these conditions
// matches one of them with errors.Is; its message, from the typed errors
// below, names the file or record and says what to do.
var (
	// ErrLocked: another process holds the database open.
	ErrLocked = errors.New("huddle: the database is in use by another huddle")
	// ErrDamaged: the file is not a readable huddle database. It was not modified.
	ErrDamaged = errors.New("huddle: the database is damaged")
	// ErrNewerSchema: the file was written by a newer huddle. It was not modified.
	ErrNewerSchema = errors.New("huddle: the database was written by a newer huddle")
	// ErrRecordDamaged: one record failed its checksum or could not be decoded.
	ErrRecordDamaged = errors.New("huddle: a record of the database is damaged")
	// ErrNotFound: no record with that id.
	ErrNotFound = errors.New("huddle: not found")
	// ErrReadOnly: a write on a store opened with Options.ReadOnly.
	ErrReadOnly = errors.New("huddle: the database was opened read-only")
)

// LockedError is returned by Open when another process holds the file.
type LockedError struct {
	Path string
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("huddle: the database %s is in use by another huddle (close it first)", e.Path)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// DamagedError is returned by Open (and by reads that hit a damaged page)
// when the file cannot be trusted. The file is left as it was.
type DamagedError struct {
	Path   string
	Reason string
	Err    error // the underlying error, if any
	Empty  bool  // the file has no bytes at all
}

func (e *DamagedError) Error() string {
	if e.Empty {
		return fmt.Sprintf("huddle: the database %s is damaged: %s. It was left untouched; backups are in %s (%s.backup-YYYYMMDD)",
			e.Path, e.Reason, filepath.Dir(e.Path), filepath.Base(e.Path))
	}
	return fmt.Sprintf("huddle: the database %s is damaged (%s). It was left untouched. "+
		"Run `huddle doctor` for details, or restore one of the backups in %s "+
		"(%s.backup-YYYYMMDD) by copying it over the damaged file",
		e.Path, e.Reason, filepath.Dir(e.Path), filepath.Base(e.Path))
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// Unwrap returns the underlying error.
func (e *DamagedError) Unwrap() error { return e.Err }

// NewerSchemaError is returned by Open when the file's schema version is
// newer than this build understands. The file is left as it was.
type NewerSchemaError struct {
	Path      string
	Found     int
	Supported int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("huddle: the database %s was written by a newer huddle (schema %d; this huddle understands up to %d). "+
		"It was left untouched: use the newer huddle, or choose another file with --db",
		e.Path, e.Found, e.Supported)
}

// Is makes errors.Is(err, ErrNewerSchema) true.
func (e *NewerSchemaError) Is(target error) bool { return target == ErrNewerSchema }

// RecordDamagedError names a record that failed its checksum or could not
// be decoded. The record is never returned as if it were good.
type RecordDamagedError struct {
	Bucket string
	Key    string // printable form of the key, see formatKey
	Reason string
}

func (e *RecordDamagedError) Error() string {
	return fmt.Sprintf("huddle: the record %s in bucket %q is damaged (%s) and is not shown; run `huddle doctor`",
		e.Key, e.Bucket, e.Reason)
}

// Is makes errors.Is(err, ErrRecordDamaged) true.
func (e *RecordDamagedError) Is(target error) bool { return target == ErrRecordDamaged }

// folderError is the error for a database path that names a folder.
func folderError(path string) error {
	return fmt.Errorf("huddle: %s is a folder, not a database file: give the path of a file, for example %s",
		path, filepath.Join(path, "huddle.db"))
}

// notFound wraps ErrNotFound with what was looked for.
func notFound(what, id string) error {
	return fmt.Errorf("%w: %s %q", ErrNotFound, what, id)
}

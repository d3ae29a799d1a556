// Package store keeps huddle's sessions, captured entries, actions,
// drafts and timers in one bbolt file.
//
// Every value is a checksummed JSON record (record.go), verified on every
// read. Every write is its own transaction, committed with fsync before the
// call returns. A damaged file, or one written by a newer huddle, is never
// written to: Open validates the meta pages and schema read-only before it
// opens the file for writing, and starts a check of the whole file that
// every write waits for (verify.go).
//
// A Store is safe for use by several goroutines; callers should still call
// it off the UI's update loop, since each write waits for the disk.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// defaultTimeout is how long Open waits for another process's lock.
const defaultTimeout = time.Second

// Options tune Open.
type Options struct {
	// ReadOnly opens the file for reading only: nothing is created,
	// migrated or written, and write methods return ErrReadOnly. Another
	// read-only huddle may have the file open at the same time; a
	// read-write one may not.
	ReadOnly bool
	// Timeout is how long Open waits for another process to let go of the
	// file before it returns ErrLocked. Zero means one second.
	Timeout time.Duration
	// Now is the clock used to stamp records. Nil means time.Now.
	Now func() time.Time
	// Upgrading, when set, is told before an older file is checked,
	// backed up and upgraded to this huddle's schema: on a large file
	// that takes a while, once, and the person waiting should know why.
	Upgrading func(from, to int)
}

// Store is an open huddle database.
type Store struct {
	mu       sync.RWMutex // held for reading by every transaction, for writing while the file is swapped (erase.go)
	db       *bolt.DB
	path     string
	readOnly bool
	now      func() time.Time
	ver      *verification // the check of the whole file; nil while Open creates a new file
	wmu      sync.Mutex    // held across each write transaction (closenote.go)
	follow   follow        // whether every change since the check was this store's own (closenote.go)
}

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database, waiting for transactions in progress; a check
// still running is stopped. A store that has followed every change of the
// file since its check writes the note that lets the next open trust it
// (closenote.go).
func (s *Store) Close() error {
	s.stopVerify()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rememberAtClose()
	return s.db.Close()
}

// Open opens the huddle database at path, creating it (folder 0700, file
// 0600) if it does not exist. An empty path means DefaultPath().
//
// Errors: ErrLocked if another process has the file open (after
// opts.Timeout); ErrDamaged if it is not a readable huddle database;
// ErrNewerSchema if a newer huddle wrote it. In all three cases the file is
// left exactly as it was. An older schema is migrated, after a backup copy
// is written beside the file (see migrate).
func Open(path string, opts Options) (*Store, error) {
	if path == "" {
		def, err := DefaultPath()
		if err != nil {
			return nil, err
		}
		path = def
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	path = abs
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if !opts.ReadOnly {
		if err := ensureDir(filepath.Dir(path)); err != nil {
			return nil, err
		}
	}
	info, err := os.Stat(path)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, err
	case exists && info.IsDir():
		return nil, folderError(path)
	case exists && !info.Mode().IsRegular():
		return nil, &DamagedError{Path: path, Reason: "it is not a regular file"}
	case exists && info.Size() == 0:
		return nil, emptyFileError(path)
	case opts.ReadOnly && !exists:
		return nil, fmt.Errorf("huddle: there is no database at %s yet: %w", path, os.ErrNotExist)
	}
	version := 0
	if exists && info.Size() > 0 {
		// Validate with a read-only file handle first: nothing below can
		// write to a file that is damaged or too new.
		if version, err = inspect(path, opts.Timeout); err != nil {
			return nil, err
		}
	}
	if opts.ReadOnly {
		if version < schemaVersion() {
			return nil, fmt.Errorf("huddle: the database %s has schema %d and needs an upgrade to %d: open it once without read-only",
				path, version, schemaVersion())
		}
		db, err := openBolt(path, &bolt.Options{ReadOnly: true, Timeout: opts.Timeout})
		if err != nil {
			return nil, err
		}
		s := &Store{db: db, path: path, readOnly: true, now: opts.Now}
		s.startVerify()
		return s, nil
	}
	db, err := openBolt(path, &bolt.Options{Timeout: opts.Timeout})
	if err != nil {
		return nil, err
	}
	if err := tightenFile(path); err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, path: path, now: opts.Now}
	if exists && version > 0 && version < schemaVersion() {
		if opts.Upgrading != nil {
			opts.Upgrading(version, schemaVersion())
		}
		// A migration writes: the whole file is checked first.
		began := time.Now()
		before, stamped := stampOf(path)
		if _, err := verifyFile(path, false, nil); err != nil {
			db.Close()
			return nil, err
		}
		if after, ok := stampOf(path); stamped && ok && after == before && settled(after, began) {
			// The migration's own commits are followed from this check, so
			// that the file need not be checked again after it (closenote.go).
			s.followFrom(after)
		}
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	s.startVerify()
	return s, nil
}

// openBolt opens the file with bbolt, turning its errors and panics into
// the store's typed errors.
func openBolt(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	err = protect(path, func() error {
		var openErr error
		db, openErr = bolt.Open(path, 0o600, opts)
		return openErr
	})
	if err == nil {
		return db, nil
	}
	var pathErr *os.PathError
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, &LockedError{Path: path}
	case errors.Is(err, ErrDamaged), errors.As(err, &pathErr):
		return nil, err
	case errors.Is(err, berrors.ErrVersionMismatch):
		return nil, &DamagedError{Path: path, Reason: "not a bbolt file of a version huddle reads", Err: err}
	default:
		return nil, &DamagedError{Path: path, Reason: "not a readable database: " + err.Error(), Err: err}
	}
}

// protect runs fn, turning a panic or a memory fault (a damaged page, a
// file shorter than its pages) into a *DamagedError.
func protect(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{Path: path, Reason: fmt.Sprintf("a page could not be read: %v", r)}
		}
	}()
	return fn()
}

// view runs fn in a read transaction, guarded by protect, once the check
// of the file has shown it can be read safely.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	if err := s.waitReadable(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.seen(protect(s.path, func() error { return s.db.View(fn) }))
}

// update runs fn in one write transaction, committed with fsync before it
// returns, guarded by protect. It waits for the check of the file and
// writes nothing into a file that failed it.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if err := s.waitVerified(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.write(fn)
}

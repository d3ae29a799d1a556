package store

import (
	"errors"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// A note (checked.go) vouches for a file only while nothing has written it
// since its check. On its own, that rule would check the whole file again
// at the start after every session that saved anything: seconds on a
// large file, with the review's list waiting. So a store opened for
// writing follows the file from its check to its Close, and on a clean
// Close writes the note again, with the file's new stamp, when every
// change since the check was one of its own committed transactions:
//
//   - it starts following only from a check that passed on a settled file
//     (the rule of checked.go: its content was read whole, and no write
//     can hide in the check's step of the file clock), the background one
//     or the one before a migration, or from a note it trusted, and only
//     in a store opened for writing: a read-only store writes no note but
//     the check's own. After a migration so followed, the file is not
//     checked again: the note is written at once;
//   - before each of its transactions it compares the file's stamp with
//     the one it took after its last commit (or the check): another
//     writer in between moves the change time, the size or bbolt's
//     transaction id, and the store stops following for good;
//   - after each commit it takes the stamp again. A commit that failed, a
//     panic, damage found by any read or write, or a rewrite of the file
//     (erase.go) stops it for good too;
//   - at Close the stamp must still be the last one taken. The note is
//     written while the store still holds the file's lock, and atomically
//     (a rename), so another huddle cannot write between the two.
//
// The content the note then vouches for is the checked content changed
// only by bbolt's commits in this process, each synced before it
// returned. A kill -9, or any exit without Close, writes no note, and the
// note from before no longer matches the file (its commits moved the
// change time and the transaction id): the next start checks the whole
// file.
//
// What it cannot see, beyond what checked.go says: a program that ignores
// huddle's lock and writes the file within the same step of the file
// clock as one of this store's commits (a few milliseconds), changing
// neither its size nor bbolt's meta pages: the file's times then do not
// move. The settle time cannot help there, since the store itself has
// just written. Such a writer could damage any file under any rule short
// of a full check at every start; `huddle doctor` always checks the whole
// file, and every record is checksummed on every read.

// follow is what a store knows of its file since the check.
type follow struct {
	mu   sync.Mutex
	on   bool      // every change since the check was this store's own
	last fileStamp // the file's stamp after the check or the last commit
}

// followFrom starts following the file from stamp st, which a check that
// passed, or a note, vouches for.
func (s *Store) followFrom(st fileStamp) {
	if s.readOnly {
		return
	}
	s.follow.mu.Lock()
	defer s.follow.mu.Unlock()
	s.follow.on, s.follow.last = true, st
}

// unfollow stops following the file for the rest of the store's life.
func (s *Store) unfollow() {
	s.follow.mu.Lock()
	defer s.follow.mu.Unlock()
	s.follow.on = false
}

// seen notes damage that err reports, and returns err.
func (s *Store) seen(err error) error {
	if err != nil && (errors.Is(err, ErrRecordDamaged) || errors.Is(err, ErrDamaged)) {
		s.unfollow()
	}
	return err
}

// beforeWrite compares the file with its stamp after the last commit.
// The caller holds s.wmu, so that no other transaction of this store
// commits meanwhile.
func (s *Store) beforeWrite() {
	s.follow.mu.Lock()
	defer s.follow.mu.Unlock()
	if !s.follow.on {
		return
	}
	if now, ok := stampOf(s.path); !ok || now != s.follow.last {
		s.follow.on = false
	}
}

// afterWrite takes the file's stamp after a commit; err is the
// transaction's error, and wrote whether it committed.
func (s *Store) afterWrite(wrote bool, err error) {
	s.follow.mu.Lock()
	defer s.follow.mu.Unlock()
	if !s.follow.on {
		return
	}
	if err != nil {
		s.follow.on = false
		return
	}
	if wrote {
		now, ok := stampOf(s.path)
		s.follow.on, s.follow.last = ok, now
	}
}

// followed reports whether the store has followed every change of the
// file since a check, and the file is still as it left it, with its
// stamp.
func (s *Store) followed() (fileStamp, bool) {
	s.follow.mu.Lock()
	on, last := s.follow.on, s.follow.last
	s.follow.mu.Unlock()
	if !on {
		return fileStamp{}, false
	}
	now, ok := stampOf(s.path)
	return now, ok && now == last
}

// rememberAtClose writes the note if the store followed every change of
// the file since its check. The caller holds s.mu for writing, and the
// file open.
func (s *Store) rememberAtClose() {
	if s.readOnly || s.ver == nil {
		return
	}
	select {
	case <-s.ver.done:
		if s.ver.err != nil {
			return
		}
	default:
		return
	}
	if now, ok := s.followed(); ok {
		rememberCheck(s.path, now)
	}
}

// write runs fn in one write transaction of its own, committed (with
// fsync) if fn returns nil, and follows the file across it. An error of
// fn's own rolls back and leaves the file as it was, unless it reports
// damage; a failed commit or a panic leaves the file unknown.
func (s *Store) write(fn func(tx *bolt.Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.beforeWrite()
	var fnErr error
	wrote := false
	err := protect(s.path, func() error {
		tx, err := s.db.Begin(true)
		if err != nil {
			return err
		}
		done := false
		defer func() {
			if !done {
				tx.Rollback() // fn panicked
			}
		}()
		if fnErr = fn(tx); fnErr != nil {
			done = true
			tx.Rollback()
			return fnErr
		}
		done = true
		if err := tx.Commit(); err != nil { // bbolt rolls back a failed commit
			return err
		}
		wrote = true
		return nil
	})
	switch {
	case err == nil:
		s.afterWrite(true, nil)
	case fnErr != nil && errors.Is(err, fnErr):
		s.seen(fnErr) // rolled back: the file is as it was, unless fn found it damaged
	default:
		s.afterWrite(wrote, err)
	}
	return err
}

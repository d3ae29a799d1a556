package store

// Verification: a file is trusted only once it is known to be whole.
//
//	s, err := store.Open(path, opts) // quick: meta pages, length, schema
//	rep, err := s.Verify(ctx)        // waits for the full check, started by Open
//
// Open starts the full check in the background and returns at once, so
// that the first frame is never held up by it. Until the check has
// passed, every read and write of the store waits for it. If it fails:
//
//   - every write returns the *DamagedError (errors.Is(err, ErrDamaged)),
//     and Writable says so: the store is read-only, and the file's bytes
//     are never changed;
//   - BackupIfDue makes no backup: a damaged file never enters the backup
//     rotation;
//   - reads still return what can be read (every record is checksummed),
//     unless the file's pages lead back to themselves, where bbolt would
//     loop for ever: then reads return the *DamagedError too.
//
// The check (verifyFile) reads the file's pages itself, never through
// bbolt, so a damaged page cannot crash it, hang it or make it allocate
// without bound: it reads each page at most once. It proves that
//
//   - both meta pages carry their checksum and agree with the file's length;
//   - every page of the tree is in the file, of the right kind, reached
//     once, with its elements laid out exactly as bbolt writes them and its
//     keys in order within the range its parent gives (a damaged element
//     count, overflow count or child pointer is found);
//   - every page is in the tree, in the free list, or a meta page: data that
//     the tree no longer reaches is found, not silently lost;
//   - every record passes its checksum, which covers its key (a damaged key
//     that would end a prefix scan early is found);
//   - the buckets are huddle's, and the indexes and the sessions agree.
//
// `huddle doctor` (Doctor) runs the same check, decoding every record as
// well, and then bbolt's own page check in a child process bounded in time
// and memory.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

// errVerifyStopped: the store was closed while its check ran.
var errVerifyStopped = errors.New("huddle: the check was stopped because the database was closed")

// verification is the background check of an open store.
type verification struct {
	done   chan struct{}
	stop   atomic.Bool
	report Report
	err    error
}

// startVerify starts the check of the store's file.
func (s *Store) startVerify() {
	v := &verification{done: make(chan struct{})}
	s.ver = v
	if st, ok := s.followed(); ok {
		// A check passed when Open began, and every change since was
		// this store's own (a migration's commits): closenote.go.
		rememberCheck(s.path, st)
		v.report = Report{Path: s.path, Remembered: true}
		close(v.done)
		return
	}
	if st, ok := rememberedStamp(s.path); ok {
		// A check passed and nothing has changed the file since (checked.go).
		v.report = Report{Path: s.path, Remembered: true}
		s.followFrom(st)
		close(v.done)
		return
	}
	go func() {
		defer close(v.done)
		began := time.Now()
		before, stamped := stampOf(s.path)
		v.report, v.err = verifyFile(s.path, false, &v.stop)
		switch {
		case v.err == nil && stamped:
			if after, ok := stampOf(s.path); ok && after == before && settled(after, began) {
				rememberCheck(s.path, after)
				s.followFrom(after)
			}
		case errors.Is(v.err, ErrDamaged):
			forgetCheck(s.path)
		}
	}()
}

// Verify waits for the check that Open started and returns what it found.
// err is nil when the file is whole, a *DamagedError (errors.Is(err,
// ErrDamaged)) naming the file and what was found when it is not, or
// ctx's error if ctx ends first.
func (s *Store) Verify(ctx context.Context) (Report, error) {
	if s.ver == nil {
		return Report{Path: s.path}, nil
	}
	select {
	case <-s.ver.done:
		return s.ver.report, s.ver.err
	case <-ctx.Done():
		return Report{Path: s.path}, ctx.Err()
	}
}

// Writable reports whether a write would go ahead now: nil once the check
// has passed; ErrReadOnly for a store opened read-only; the *DamagedError
// when the check failed; ErrNotVerified while it still runs (writes then
// wait for it).
func (s *Store) Writable() error {
	if s.readOnly {
		return ErrReadOnly
	}
	if s.ver == nil {
		return nil
	}
	select {
	case <-s.ver.done:
		return s.ver.err
	default:
		return ErrNotVerified
	}
}

// ErrNotVerified: the check of the file has not finished yet.
var ErrNotVerified = errors.New("huddle: the database is still being checked")

// waitVerified waits for the check; it returns its error, if any.
func (s *Store) waitVerified() error {
	if s.ver == nil {
		return nil
	}
	<-s.ver.done
	return s.ver.err
}

// waitReadable waits for the check and returns an error only when the
// file cannot be read safely at all.
func (s *Store) waitReadable() error {
	if err := s.waitVerified(); err != nil && (s.ver.report.Unreadable || errors.Is(err, errVerifyStopped)) {
		return err
	}
	return nil
}

// stopVerify stops a check still running and waits for it to end.
func (s *Store) stopVerify() {
	if s.ver != nil {
		s.ver.stop.Store(true)
		<-s.ver.done
	}
}

// verifyFile checks the database file at path (see the top of this file)
// and returns what it found; the error is a *DamagedError when the file is
// not whole. decode also decodes every record into its type. stop, if not
// nil, ends the check early when set. The caller should hold the file's
// lock (an open store or bbolt handle), so that nobody writes meanwhile.
func verifyFile(path string, decode bool, stop *atomic.Bool) (r Report, err error) {
	r = Report{Path: path, Records: map[string]int{}, Indexed: map[string]int{}}
	f, err := os.Open(path)
	if err != nil {
		return r, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return r, err
	}
	r.Size = info.Size()
	defer func() {
		// The walk checks every field before use; should it still fail,
		// the file is not called whole.
		if p := recover(); p != nil {
			r.Stopped = fmt.Sprintf("the check failed: %v", p)
			err = &DamagedError{Path: path, Reason: r.Stopped}
		}
	}()
	if r.Size == 0 {
		r.Stopped = "the file is empty (0 bytes)"
		return r, emptyFileError(path)
	}
	meta, err := readMetas(f, r.Size)
	if err != nil {
		r.Stopped = err.Error()
		r.Unreadable = true
		return r, &DamagedError{Path: path, Reason: r.Stopped}
	}
	rc := newRecordCheck(&r, decode)
	w := &pageWalk{r: stopReader{f, stop}, meta: meta, problem: r.problem, leaf: rc.leaf, bucket: rc.bucket}
	w.walkPages()
	if stop != nil && stop.Load() {
		return r, errVerifyStopped
	}
	if w.broken == 0 {
		// With pages out of place, missing records would only echo them.
		rc.finish()
	}
	r.Pages = meta.hwm
	r.Unreadable = w.cyclic
	r.BrokenPages = w.broken
	if !r.OK() {
		return r, &DamagedError{Path: path, Reason: r.Summary()}
	}
	return r, nil
}

// stopReader fails every read once stop is set.
type stopReader struct {
	f    *os.File
	stop *atomic.Bool
}

func (s stopReader) ReadAt(p []byte, off int64) (int, error) {
	if s.stop != nil && s.stop.Load() {
		return 0, errVerifyStopped
	}
	return s.f.ReadAt(p, off)
}

// emptyFileError is the error for a database file of no bytes. huddle
// never leaves one (bbolt writes a new file's first pages at once), so the
// file is treated as damaged: huddle does not silently start a new
// database over what might have been a lost one.
func emptyFileError(path string) error {
	return &DamagedError{Path: path, Empty: true,
		Reason: "the file is empty (0 bytes): whatever it held is gone. If it held sessions, restore a backup; " +
			"if it never did, delete the file and huddle will start a new database"}
}

// Summary is a one-line account of what a failed check found.
func (r Report) Summary() string {
	first := r.Stopped
	n := len(r.Damaged) + len(r.Problems) + r.Omitted
	switch {
	case first != "":
	case len(r.Problems) > 0:
		first = r.Problems[0]
	case len(r.Damaged) > 0:
		d := r.Damaged[0]
		first = fmt.Sprintf("the record %s in bucket %s is damaged (%s)", d.Key, d.Bucket, d.Reason)
	default:
		return "no problems found"
	}
	if n > 1 {
		first += fmt.Sprintf("; and %d more problems", n-1)
	}
	return first
}

package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// Deleting a session must leave no trace of it. bbolt does not overwrite
// the pages a deletion frees: they stay in the file, with the deleted text,
// until they are reused. So after the deletion is committed the whole file
// is rewritten: bolt.Compact copies every live key into a new file beside
// the database, which is synced and then renamed over the old one. The new
// file is opened (and locked) before the rename, so that no other huddle
// can open the database between the two; the Store's lock keeps every
// transaction out while the handle is swapped. A crash before the rename
// leaves the old file whole (and the new one under a temporary name, which
// the next erasure removes); after it, the new file is whole, since it was
// synced first.
//
// Backups are copies of the file, so each one is rewritten the same way:
// the sessions are deleted from it and it is compacted. A backup that cannot
// be rewritten (it is damaged, or of a schema before 2) is removed if it
// holds a deleted session's id anywhere in its bytes.

// eraseStep, when set (by tests), is called at each step of a rewrite:
// "compacted" before the new file is renamed over the old, "renamed" after.
var eraseStep func(step string)

func reachStep(step string) {
	if eraseStep != nil {
		eraseStep(step)
	}
}

// compactTail is appended to a file's name for the copy being compacted.
const compactTail = ".compact.tmp"

// Erasure says what deleting sessions did besides deleting them.
type Erasure struct {
	// Deleted is how many sessions were deleted.
	Deleted int
	// TeamsRemoved names the teams removed because no session was left.
	TeamsRemoved []string
	// BackupsRewritten are the backups the sessions were erased from.
	BackupsRewritten []string
	// BackupsRemoved are backups that held a deleted session but could
	// not be rewritten, and were deleted instead.
	BackupsRemoved []string
}

// String says in a sentence what the erasure did.
func (e Erasure) String() string {
	parts := []string{fmt.Sprintf("%d session(s) deleted; the database file was rewritten so that no page keeps them", e.Deleted)}
	if len(e.TeamsRemoved) > 0 {
		parts = append(parts, fmt.Sprintf("teams with no session left removed: %s", model.SanitizeLine(strings.Join(e.TeamsRemoved, ", "))))
	}
	if len(e.BackupsRewritten) > 0 {
		parts = append(parts, fmt.Sprintf("%d backup(s) rewritten without them", len(e.BackupsRewritten)))
	}
	if len(e.BackupsRemoved) > 0 {
		parts = append(parts, fmt.Sprintf("%d backup(s) that could not be rewritten were deleted: %s",
			len(e.BackupsRemoved), model.SanitizeLine(strings.Join(baseNames(e.BackupsRemoved), ", "))))
	}
	return strings.Join(parts, "; ")
}

// DeleteSessions removes sessions completely, in one transaction: their
// records, index keys, entries, actions, drafts and timers, and every team
// left with no session. The deletion log keeps each one's date and title
// only. Then the database file and every backup are rewritten so that no
// page of any of them holds the deleted sessions (see above). It returns
// ErrNotFound, and deletes nothing, if one of the sessions does not exist.
//
// If the deletion is committed but a rewrite fails, the error says so and
// the Erasure reports what was done; deleting again (any session) retries
// the rewrite of the file.
func (s *Store) DeleteSessions(ids ...string) (Erasure, error) {
	var e Erasure
	seen := map[string]bool{}
	unique := ids[:0:0]
	for _, id := range ids {
		if err := checkID("session", id); err != nil {
			return e, err
		}
		if !seen[id] {
			seen[id] = true
			unique = append(unique, id)
		}
	}
	ids = unique
	now := s.now()
	err := s.update(func(tx *bolt.Tx) error {
		teams, err := s.deleteSessionsTx(tx, ids, now, true)
		e.TeamsRemoved = teams
		return err
	})
	if err != nil {
		return Erasure{}, err
	}
	e.Deleted = len(ids)
	if err := s.rewrite(); err != nil {
		return e, fmt.Errorf("huddle: the session was deleted, but the file could not be rewritten to clear its free pages: %w", err)
	}
	if err := s.eraseFromBackups(ids, &e); err != nil {
		return e, fmt.Errorf("huddle: the session was deleted, but not from every backup: %w", err)
	}
	return e, nil
}

// Scrub rewrites the database file (as a deletion does) so that no free
// page keeps text that was overwritten or deleted: a draft replaced by its
// edited version, say. Backups are not touched. Call it off the UI's
// update loop; it holds every other transaction back while it runs.
func (s *Store) Scrub() error { return s.rewrite() }

// rewrite compacts the database into a new file and puts it in the old
// one's place (see above).
func (s *Store) rewrite() error {
	if s.readOnly {
		return ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.unfollow() // a new file, whose note only a check may write (closenote.go)
	fresh, tmp, err := compactInto(s.path, s.db)
	if err != nil {
		return err
	}
	reachStep("compacted")
	if err := os.Rename(tmp, s.path); err != nil {
		fresh.Close()
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(s.path))
	reachStep("renamed")
	old := s.db
	s.db = fresh
	return old.Close()
}

// compactInto copies the live keys of src into a new file beside path,
// synced, and returns it open (and so locked) with its name.
func compactInto(path string, src *bolt.DB) (*bolt.DB, string, error) {
	tmp := path + compactTail
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, "", err
	}
	// Mapping the new file as large as the old one from the start spares
	// bbolt a remap (which copies every node in memory) each time it grows.
	var size int64
	src.View(func(tx *bolt.Tx) error { size = tx.Size(); return nil })
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: defaultTimeout, InitialMmapSize: int(min(size, 1<<30))})
	if err != nil {
		return nil, "", err
	}
	err = protect(path, func() error { return bolt.Compact(dst, src, 0) })
	if err == nil {
		err = dst.Sync()
	}
	if err != nil {
		dst.Close()
		os.Remove(tmp)
		return nil, "", err
	}
	return dst, tmp, nil
}

// eraseFromBackups rewrites every backup of the database without the
// sessions ids, recording what it did in e.
func (s *Store) eraseFromBackups(ids []string, e *Erasure) error {
	daily, err := dailyBackups(s.path)
	if err != nil {
		return err
	}
	// Other copies beside the database (before an upgrade, a backup left
	// half-written by a crash) are looked at too: every file whose name
	// starts with the database's and a dot.
	ents, err := os.ReadDir(filepath.Dir(s.path))
	if err != nil {
		return err
	}
	list := append([]string(nil), daily...)
	for _, ent := range ents {
		name := filepath.Join(filepath.Dir(s.path), ent.Name())
		if ent.Type().IsRegular() && strings.HasPrefix(ent.Name(), filepath.Base(s.path)+".") &&
			!slices.Contains(daily, name) && name != s.path+compactTail {
			list = append(list, name)
		}
	}
	sort.Strings(list)
	var errs []error
	for _, name := range list {
		rewritten, err := s.eraseFromBackup(name, ids)
		switch {
		case err == nil && rewritten:
			e.BackupsRewritten = append(e.BackupsRewritten, name)
		case err == nil:
		default:
			held, rerr := fileHoldsAny(name, ids)
			switch {
			case rerr != nil:
				errs = append(errs, rerr)
			case held:
				if rmErr := os.Remove(name); rmErr != nil {
					errs = append(errs, rmErr)
				} else {
					e.BackupsRemoved = append(e.BackupsRemoved, name)
				}
			}
		}
	}
	syncDir(filepath.Dir(s.path))
	return errors.Join(errs...)
}

// eraseFromBackup deletes the sessions from the backup at name, if any of
// their ids is anywhere in its bytes (in a live record or a free page: a
// backup is a copy of the file's pages), and compacts it in place. It
// returns whether the backup was rewritten, or an error if it is not a
// readable huddle database of this schema.
func (s *Store) eraseFromBackup(name string, ids []string) (bool, error) {
	held, err := fileHoldsAny(name, ids)
	if err != nil || !held {
		return false, err
	}
	version, err := inspect(name, defaultTimeout)
	if err != nil {
		return false, err
	}
	// A backup of the schema before the list rows (schema 2) is rewritten
	// as it is: the days before an upgrade keep their backups through an
	// erasure.
	if version != schemaVersion() && version != 2 {
		return false, fmt.Errorf("huddle: the backup %s has schema %d", name, version)
	}
	db, err := openBolt(name, &bolt.Options{Timeout: defaultTimeout})
	if err != nil {
		return false, err
	}
	b := &Store{db: db, path: name, now: s.now}
	err = b.update(func(tx *bolt.Tx) error {
		_, err := b.deleteSessionsTx(tx, ids, s.now(), false)
		return err
	})
	if err != nil {
		db.Close()
		return false, err
	}
	fresh, tmp, err := compactInto(name, db)
	db.Close()
	if err != nil {
		return false, err
	}
	if err := fresh.Close(); err != nil {
		os.Remove(tmp)
		return false, err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return false, err
	}
	return true, nil
}

// fileHoldsAny reports whether the file's bytes contain any of ids: every
// record of a session (its entries, actions, drafts, index keys) holds
// its id, in its key or its value.
func fileHoldsAny(name string, ids []string) (bool, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return false, err
	}
	for _, id := range ids {
		if bytes.Contains(data, []byte(id)) {
			return true, nil
		}
	}
	return false, nil
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

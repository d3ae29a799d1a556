package store

import (
	"bytes"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// SearchFilter narrows Search and ListSessionsFiltered. Zero fields do not
// filter.
type SearchFilter struct {
	TeamID string    // sessions of this team only
	Kind   string    // sessions of this kind only (model.SessionWorkshop, model.SessionReflection)
	From   time.Time // sessions started at or after From
	To     time.Time // sessions started before To
	// Limit caps the results: 0 means DefaultSearchLimit, a negative
	// number no limit.
	Limit int
}

// DefaultSearchLimit is the cap on results when SearchFilter.Limit is 0.
const DefaultSearchLimit = 500

// limit is the effective cap, or -1 for none.
func (f SearchFilter) limit() int {
	switch {
	case f.Limit == 0:
		return DefaultSearchLimit
	case f.Limit < 0:
		return -1
	}
	return f.Limit
}

// ListSessionsFiltered lists the sessions that match f's team, kind and
// time range, newest first, at most f's limit of them. Damaged records are
// left out and reported in err (errors.Is(err, ErrRecordDamaged)); the
// rest are still listed.
func (s *Store) ListSessionsFiltered(f SearchFilter) ([]model.Session, error) {
	if f.TeamID != "" {
		if err := checkID("team", f.TeamID); err != nil {
			return nil, err
		}
	}
	var out []model.Session
	var damaged []error
	limit := f.limit()
	err := s.view(func(tx *bolt.Tx) error {
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		return s.walkSessions(tx, f, func(id string) (bool, error) {
			var sess model.Session
			found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
			switch {
			case !found:
				return true, nil
			case err != nil:
				damaged = append(damaged, err)
				return true, nil
			case f.Kind != "" && sess.Kind != f.Kind:
				return true, nil
			}
			out = append(out, sess)
			return limit < 0 || len(out) < limit, nil
		})
	})
	if err != nil {
		return out, err
	}
	return out, s.seen(errors.Join(damaged...))
}

// walkSessions calls fn with the id of every session in f's team and time
// range, newest first, reading only the index (fn checks the kind). The
// walk stops when fn returns false or an error.
func (s *Store) walkSessions(tx *bolt.Tx, f SearchFilter, fn func(id string) (bool, error)) error {
	return s.walkSessionsFrom(tx, f, nil, func(id string, _ []byte) (bool, error) { return fn(id) })
}

// walkSessionsFrom is walkSessions starting after the index key after (nil:
// from the newest); fn is also given each session's index key.
func (s *Store) walkSessionsFrom(tx *bolt.Tx, f SearchFilter, after []byte, fn func(id string, key []byte) (bool, error)) error {
	index, prefix, idOf := bucketSessionsByTime, []byte(nil), sessionIDFromTimeKey
	if f.TeamID != "" {
		index, prefix, idOf = bucketSessionsByTeam, prefixKey(f.TeamID), sessionIDFromTeamKey
	}
	ix, err := s.bucket(tx, index)
	if err != nil {
		return err
	}
	var ferr error
	walkTimeKeys(ix, prefix, f, after, func(k, _ []byte) bool {
		id, ok := idOf(k)
		if !ok {
			return true
		}
		more, err := fn(id, k)
		ferr = err
		return err == nil && more
	})
	return ferr
}

// walkTimeKeys walks the keys of b that are prefix, then time(8), then
// more, newest first, within f's time range, starting after the key after
// (nil: from the newest), until fn returns false.
func walkTimeKeys(b *bolt.Bucket, prefix []byte, f SearchFilter, after []byte, fn func(k, v []byte) bool) {
	c := b.Cursor()
	var k, v []byte
	switch {
	case after != nil:
		// The page before ended at after: go on from the key before it.
		if k, v = c.Seek(after); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	case !f.To.IsZero():
		// The first key at or after To, then one step back.
		if k, v = c.Seek(joinKey(prefix, timeBytes(f.To))); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	case prefix != nil:
		// Past the prefix, then one step back onto its last key.
		end := append(bytes.Clone(prefix[:len(prefix)-1]), 1)
		if k, v = c.Seek(end); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	default:
		k, v = c.Last()
	}
	var from []byte
	if !f.From.IsZero() {
		from = timeBytes(f.From)
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Prev() {
		t := k[len(prefix):]
		if len(t) < 8 {
			continue
		}
		if from != nil && bytes.Compare(t[:8], from) < 0 {
			return
		}
		if !fn(k, v) {
			return
		}
	}
}

// SessionData reads a session with its entries and actions in one read
// transaction. Damaged entries and actions are left out and reported in
// err (errors.Is(err, ErrRecordDamaged)) with the rest returned; a missing
// session gives ErrNotFound, a damaged one its *RecordDamagedError.
func (s *Store) SessionData(id string) (model.SessionData, error) {
	defer s.releaseMapped() // a read across many sessions: see release_linux.go
	var d model.SessionData
	if err := checkID("session", id); err != nil {
		return d, err
	}
	var damaged []error
	err := s.view(func(tx *bolt.Tx) error {
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		found, err := getRecord(sessions, bucketSessions, []byte(id), &d.Session)
		switch {
		case err != nil:
			return err
		case !found:
			return notFound("session", id)
		}
		entries, err := s.bucket(tx, bucketEntries)
		if err != nil {
			return err
		}
		err = decodeAll(entries, prefixKey(id), func(k, v []byte) error {
			var e model.Entry
			if err := decodeRecord(bucketEntries, k, v, &e); err != nil {
				return err
			}
			d.Entries = append(d.Entries, e)
			return nil
		})
		if err != nil && !errors.Is(err, ErrRecordDamaged) {
			return err
		}
		damaged = append(damaged, err)
		actions, err := s.bucket(tx, bucketActions)
		if err != nil {
			return err
		}
		d.Actions, err = sessionActions(actions, id, nil, false)
		if err != nil && !errors.Is(err, ErrRecordDamaged) {
			return err
		}
		damaged = append(damaged, err)
		return nil
	})
	if err != nil {
		return d, err
	}
	return d, s.seen(errors.Join(damaged...))
}

// LatestSession returns the most recently started session that can be
// read, or ErrNotFound if there is none.
func (s *Store) LatestSession() (model.Session, error) {
	list, err := s.ListSessionsFiltered(SearchFilter{Limit: 1})
	if len(list) == 1 {
		return list[0], nil
	}
	if err != nil {
		return model.Session{}, err
	}
	return model.Session{}, notFound("session", "latest")
}

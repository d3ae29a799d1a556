package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// Lists of sessions are read a page at a time, each page in its own read
// transaction, so that neither a list on screen nor `huddle sessions`
// holds more of a large database than it shows. A page is read from the
// list rows (rows.go), never from the session records: without a team in
// the filter it is one walk of the rows bucket, newest first; with one,
// a walk of the team's index, reading each session's row by its key.

// ListRow is one session of a list, with its number of entries (merged
// ones included).
type ListRow struct {
	Session model.Session
	Entries int
}

// SessionsPage returns up to n sessions that match f's team, kind and time
// range (f's limit is not used), newest first, starting after the place
// after; "" starts at the newest. next is the place to pass as after for
// the following page, "" when there is none. Damaged rows are left out
// and reported in err (errors.Is(err, ErrRecordDamaged)); the rest are
// still returned.
func (s *Store) SessionsPage(f SearchFilter, after string, n int) (page []model.Session, next string, err error) {
	rows, next, err := s.ListRows(f, after, n)
	if rows != nil {
		page = make([]model.Session, len(rows))
		for i, r := range rows {
			page[i] = r.Session
		}
	}
	return page, next, err
}

// ListRows is SessionsPage with each session's number of entries.
func (s *Store) ListRows(f SearchFilter, after string, n int) (page []ListRow, next string, err error) {
	if f.TeamID != "" {
		if err := checkID("team", f.TeamID); err != nil {
			return nil, "", err
		}
	}
	if n <= 0 {
		return nil, "", nil
	}
	var from []byte
	if after != "" {
		from = []byte(after)
	}
	var damaged []error
	page = make([]ListRow, 0, min(n, 1000))
	var in interner
	err = s.view(func(tx *bolt.Tx) error {
		rows, err := s.bucket(tx, bucketRows)
		if err != nil {
			return err
		}
		var last []byte // the key of the last session read
		add := func(key, val []byte) {
			sess, entries, reason := decodeRowIn(key, val, &in)
			switch {
			case reason != "":
				damaged = append(damaged, rowDamaged(key, reason))
			case f.Kind != "" && sess.Kind != f.Kind:
			default:
				page = append(page, ListRow{sess, entries})
			}
		}
		if f.TeamID == "" {
			// The rows are keyed as sessions_by_time is: the same walk.
			walkTimeKeys(rows, nil, f, from, func(key, val []byte) bool {
				if len(page) == n {
					next = string(last)
					return false
				}
				last = append(last[:0], key...)
				add(key, val)
				return true
			})
			return nil
		}
		prefix := prefixKey(f.TeamID)
		return s.walkSessionsFrom(tx, f, from, func(_ string, key []byte) (bool, error) {
			if len(page) == n {
				next = string(last)
				return false, nil
			}
			last = append(last[:0], key...)
			rk := key[len(prefix):] // time(8) id: the row's key
			if val := rows.Get(rk); val != nil {
				add(rk, val)
			}
			return true, nil
		})
	})
	s.releaseMapped()
	if err != nil {
		return page, "", err
	}
	return page, next, s.seen(errors.Join(damaged...))
}

package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// Lists of sessions are read a page at a time, each page in its own read
// transaction, so that neither a list on screen nor `huddle sessions`
// holds more of a large database than it shows.

// SessionsPage returns up to n sessions that match f's team, kind and time
// range (f's limit is not used), newest first, starting after the place
// after; "" starts at the newest. next is the place to pass as after for
// the following page, "" when there is none. Damaged records are left out
// and reported in err (errors.Is(err, ErrRecordDamaged)); the rest are
// still returned.
func (s *Store) SessionsPage(f SearchFilter, after string, n int) (page []model.Session, next string, err error) {
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
	err = s.view(func(tx *bolt.Tx) error {
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		var last []byte // the key of the last session read
		return s.walkSessionsFrom(tx, f, from, func(id string, key []byte) (bool, error) {
			if len(page) == n {
				next = string(last) // there is more: the next page starts after the last one read
				return false, nil
			}
			last = append(last[:0], key...)
			var sess model.Session
			found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
			switch {
			case !found:
			case err != nil:
				damaged = append(damaged, err)
			case f.Kind != "" && sess.Kind != f.Kind:
			default:
				page = append(page, sess)
			}
			return true, nil
		})
	})
	s.releaseMapped()
	if err != nil {
		return page, "", err
	}
	return page, next, errors.Join(damaged...)
}

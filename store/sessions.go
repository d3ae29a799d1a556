package store

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// CreateSession saves a new session and returns it as saved. The store
// fills in what is missing: Started (now), ID (model.NewID of Started and
// the bucket's sequence) and, when TeamName is set without TeamID, the team
// (found by name or created, see EnsureTeam).
func (s *Store) CreateSession(sess model.Session) (model.Session, error) {
	if !model.ValidSessionKind(sess.Kind) {
		return sess, fmt.Errorf("huddle: unknown session kind %q", sess.Kind)
	}
	if sess.Started.IsZero() {
		sess.Started = s.now()
	}
	err := s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		for given := sess.ID != ""; !given && (sess.ID == "" || b.Get([]byte(sess.ID)) != nil); {
			// A new id never lands on a saved session (see putEntry).
			seq, err := b.NextSequence()
			if err != nil {
				return err
			}
			sess.ID = model.NewID(sess.Started, seq)
		}
		if err := checkID("session", sess.ID); err != nil {
			return err
		}
		if b.Get([]byte(sess.ID)) != nil {
			return fmt.Errorf("huddle: a session with id %q exists already", sess.ID)
		}
		sess, err = s.putSession(tx, b, sess, nil)
		return err
	})
	return sess, err
}

// UpdateSession replaces a saved session (its end time, the modules and
// exercises run, its title...). It returns ErrNotFound if there is none.
func (s *Store) UpdateSession(sess model.Session) error {
	if err := checkID("session", sess.ID); err != nil {
		return err
	}
	if !model.ValidSessionKind(sess.Kind) {
		return fmt.Errorf("huddle: unknown session kind %q", sess.Kind)
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		var old model.Session
		found, err := getRecord(b, bucketSessions, []byte(sess.ID), &old)
		switch {
		case !found:
			return notFound("session", sess.ID)
		case err != nil:
			// The old record is damaged: find its index keys by scanning.
			if err := s.removeSessionIndex(tx, sess.ID); err != nil {
				return err
			}
			if sess, err = s.putSession(tx, b, sess, nil); err != nil {
				return err
			}
			// Its words are unknown too: the postings are rebuilt.
			return s.unindexAndIndex(tx, sess)
		}
		_, err = s.putSession(tx, b, sess, &old)
		return err
	})
}

// putSession writes a session and its index keys. old is the record being
// replaced, whose index keys are moved if need be, or nil if there are none.
// It returns the session as saved, with its team filled in.
func (s *Store) putSession(tx *bolt.Tx, b *bolt.Bucket, sess model.Session, old *model.Session) (model.Session, error) {
	if sess.TeamID == "" && sess.TeamName != "" {
		team, err := s.ensureTeam(tx, sess.TeamName)
		if err != nil {
			return sess, err
		}
		sess.TeamID, sess.TeamName = team.ID, team.Name
	}
	if sess.TeamID != "" {
		if err := checkID("team", sess.TeamID); err != nil {
			return sess, err
		}
	}
	byTime, err := s.bucket(tx, bucketSessionsByTime)
	if err != nil {
		return sess, err
	}
	byTeam, err := s.bucket(tx, bucketSessionsByTeam)
	if err != nil {
		return sess, err
	}
	if old != nil && (!old.Started.Equal(sess.Started) || old.TeamID != sess.TeamID) {
		if err := byTime.Delete(sessionTimeKey(*old)); err != nil {
			return sess, err
		}
		if err := byTeam.Delete(sessionTeamKey(*old)); err != nil {
			return sess, err
		}
	}
	if err := s.indexSessionRecord(tx, sess, old); err != nil {
		return sess, err
	}
	// Sessions arrive in time order (their ids begin with the time): pages
	// filled nearly full hold twice the sessions, which a list reads.
	b.FillPercent, byTime.FillPercent = entriesFillPercent, entriesFillPercent
	if err := byTime.Put(sessionTimeKey(sess), nil); err != nil {
		return sess, err
	}
	if sess.TeamID != "" {
		if err := byTeam.Put(sessionTeamKey(sess), nil); err != nil {
			return sess, err
		}
	}
	// The record, and the list row of the session as decoding the record
	// gives it (rows.go).
	data, saved, err := encodeSessionRecord(sess)
	if err != nil {
		return sess, err
	}
	var oldKey []byte
	if old != nil {
		oldKey = rowKey(*old)
	}
	if err := s.putRow(tx, saved, oldKey); err != nil {
		return sess, err
	}
	return sess, b.Put([]byte(sess.ID), sealRecord([]byte(sess.ID), data))
}

// removeSessionIndex deletes every index key and list row of session id,
// found by scanning the indexes, so that it works when its record cannot
// be read.
func (s *Store) removeSessionIndex(tx *bolt.Tx, id string) error {
	for _, ix := range []struct {
		name   string
		idFrom func([]byte) (string, bool)
	}{{bucketSessionsByTime, sessionIDFromTimeKey}, {bucketSessionsByTeam, sessionIDFromTeamKey}, {bucketRows, sessionIDFromTimeKey}} {
		if ix.name == bucketRows && tx.Bucket([]byte(bucketRows)) == nil {
			continue // a backup of schema 2, being erased from (erase.go)
		}
		b, err := s.bucket(tx, ix.name)
		if err != nil {
			return err
		}
		var keys [][]byte
		err = b.ForEach(func(k, _ []byte) error {
			if got, ok := ix.idFrom(k); ok && got == id {
				keys = append(keys, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
	return nil
}

// GetSession returns the session with id.
func (s *Store) GetSession(id string) (model.Session, error) {
	var sess model.Session
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		found, err := getRecord(b, bucketSessions, []byte(id), &sess)
		if err == nil && !found {
			err = notFound("session", id)
		}
		return err
	})
	return sess, err
}

// ListSessions lists every session, newest first (by start time).
// Damaged records are left out and reported in err
// (errors.Is(err, ErrRecordDamaged)); the rest are still listed.
func (s *Store) ListSessions() ([]model.Session, error) {
	return s.sessionsNewestFirst(bucketSessionsByTime, nil, sessionIDFromTimeKey, nil)
}

// TeamSessions lists the sessions of a team, newest first, like ListSessions.
func (s *Store) TeamSessions(teamID string) ([]model.Session, error) {
	if err := checkID("team", teamID); err != nil {
		return nil, err
	}
	return s.sessionsNewestFirst(bucketSessionsByTeam, prefixKey(teamID), sessionIDFromTeamKey, nil)
}

// LastUnfinished returns the most recently started session of kind that
// has not been ended; ok is false if there is none.
func (s *Store) LastUnfinished(kind string) (sess model.Session, ok bool, err error) {
	_, err = s.sessionsNewestFirst(bucketSessionsByTime, nil, sessionIDFromTimeKey, func(x model.Session) bool {
		if x.Kind == kind && !x.Finished() {
			sess, ok = x, true
			return false
		}
		return true
	})
	if ok && errors.Is(err, ErrRecordDamaged) {
		err = nil // found a good one before any damage mattered
	}
	return sess, ok, err
}

// sessionsNewestFirst walks an index bucket backwards under prefix and
// decodes each session it points to. If each is not nil it is called for
// every session instead of collecting them, and the walk stops when it
// returns false. Index keys that point nowhere are skipped (Check reports
// them).
func (s *Store) sessionsNewestFirst(index string, prefix []byte, idOf func([]byte) (string, bool),
	each func(model.Session) bool) ([]model.Session, error) {
	var out []model.Session
	var damaged []error
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := s.buckets(tx, index, bucketSessions)
		if err != nil {
			return err
		}
		ix, b := bs[0], bs[1]
		c := ix.Cursor()
		k, _ := c.Last()
		if prefix != nil {
			// Seek past the prefix, then step back onto its last key.
			end := append(append([]byte(nil), prefix[:len(prefix)-1]...), 1)
			if k, _ = c.Seek(end); k == nil {
				k, _ = c.Last()
			} else {
				k, _ = c.Prev()
			}
		}
		for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
			id, ok := idOf(k)
			if !ok {
				continue
			}
			var sess model.Session
			found, err := getRecord(b, bucketSessions, []byte(id), &sess)
			switch {
			case !found:
				continue
			case err != nil:
				damaged = append(damaged, err)
				continue
			}
			if each != nil {
				if !each(sess) {
					return nil
				}
				continue
			}
			out = append(out, sess)
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	return out, s.seen(errors.Join(damaged...))
}

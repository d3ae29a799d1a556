package store

import (
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// DeleteSession removes a session completely, in one transaction: its
// record, index keys, entries, actions, and the drafts and timers keyed
// under model.DraftKey(id). It appends a DeletionRecord holding the date
// and the session's title only. A session whose record is damaged can be
// deleted too; its title is then logged as "(damaged record)". It returns
// ErrNotFound if there is no such session.
//
// Freed pages of the file and the daily backups may still hold the old
// bytes until they are reused or pruned.
func (s *Store) DeleteSession(id string) error {
	if err := checkID("session", id); err != nil {
		return err
	}
	now := s.now()
	return s.update(func(tx *bolt.Tx) error {
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		var sess model.Session
		found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
		if !found {
			return notFound("session", id)
		}
		title := sess.Title
		if err != nil {
			title = "(damaged record)"
		}
		if err := s.removeSessionIndex(tx, id); err != nil {
			return err
		}
		for _, p := range []struct {
			bucket string
			prefix []byte
		}{
			{bucketEntries, prefixKey(id)},
			{bucketActions, prefixKey(id)},
			{bucketDrafts, []byte(model.DraftKey(id))},
			{bucketTimers, []byte(model.DraftKey(id))},
		} {
			b, err := s.bucket(tx, p.bucket)
			if err != nil {
				return err
			}
			if _, err := deletePrefix(b, p.prefix); err != nil {
				return err
			}
		}
		if err := sessions.Delete([]byte(id)); err != nil {
			return err
		}
		log, err := s.bucket(tx, bucketDeletions)
		if err != nil {
			return err
		}
		seq, err := log.NextSequence()
		if err != nil {
			return err
		}
		key := joinKey(timeBytes(now), seqBytes(seq))
		return putRecord(log, key, model.DeletionRecord{When: now, SessionTitle: title})
	})
}

// Deletions lists the deletion log, oldest first. Damaged records are left
// out and reported in err.
func (s *Store) Deletions() ([]model.DeletionRecord, error) {
	var out []model.DeletionRecord
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketDeletions)
		if err != nil {
			return err
		}
		return decodeAll(b, nil, func(k, v []byte) error {
			var d model.DeletionRecord
			if err := decodeRecord(bucketDeletions, k, v, &d); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	})
	return out, err
}

// SessionsOlderThan lists the sessions started before cutoff, oldest
// first: the sessions past a retention period, for the user to confirm
// their deletion. Damaged records are left out and reported in err.
func (s *Store) SessionsOlderThan(cutoff time.Time) ([]model.Session, error) {
	var out []model.Session
	var damaged []error
	err := s.view(func(tx *bolt.Tx) error {
		byTime, err := s.bucket(tx, bucketSessionsByTime)
		if err != nil {
			return err
		}
		b, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		c := byTime.Cursor()
		for k, _ := c.First(); k != nil && len(k) > 8 && timeFromBytes(k[:8]).Before(cutoff); k, _ = c.Next() {
			id, _ := sessionIDFromTimeKey(k)
			var sess model.Session
			found, err := getRecord(b, bucketSessions, []byte(id), &sess)
			switch {
			case !found:
			case err != nil:
				damaged = append(damaged, err)
			default:
				out = append(out, sess)
			}
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	return out, errors.Join(damaged...)
}

package store

import (
	"errors"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// DeleteSession removes a session completely (see DeleteSessions): from
// the database, the file's free pages and every backup. It returns
// ErrNotFound if there is no such session.
func (s *Store) DeleteSession(id string) error {
	_, err := s.DeleteSessions(id)
	return err
}

// deleteSessionsTx removes sessions in tx: each one's record, index keys,
// entries, actions, and the drafts and timers keyed under
// model.DraftKey(id), then every team left with no session. It appends a
// DeletionRecord holding the date and the session's title only; a session
// whose record is damaged is logged as "(damaged record)". A missing
// session is ErrNotFound when mustExist, and skipped otherwise. It returns
// the names of the teams removed.
func (s *Store) deleteSessionsTx(tx *bolt.Tx, ids []string, now time.Time, mustExist bool) (teamsRemoved []string, err error) {
	sessions, err := s.bucket(tx, bucketSessions)
	if err != nil {
		return nil, err
	}
	log, err := s.bucket(tx, bucketDeletions)
	if err != nil {
		return nil, err
	}
	teams := map[string]bool{}
	for _, id := range ids {
		var sess model.Session
		found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
		if !found {
			if mustExist {
				return nil, notFound("session", id)
			}
			continue
		}
		title, readable := sess.Title, &sess
		if err != nil {
			title, readable = "(damaged record)", nil
		}
		if sess.TeamID != "" {
			teams[sess.TeamID] = true
		}
		byTeam, err := s.teamsOfSession(tx, id)
		if err != nil {
			return nil, err
		}
		for _, t := range byTeam {
			teams[t] = true
		}
		if err := s.removeSessionIndex(tx, id); err != nil {
			return nil, err
		}
		if err := s.unindexSession(tx, id, readable); err != nil {
			return nil, err
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
				return nil, err
			}
			if _, err := deletePrefix(b, p.prefix); err != nil {
				return nil, err
			}
		}
		if err := sessions.Delete([]byte(id)); err != nil {
			return nil, err
		}
		seq, err := log.NextSequence()
		if err != nil {
			return nil, err
		}
		key := joinKey(timeBytes(now), seqBytes(seq))
		if err := putRecord(log, key, model.DeletionRecord{When: now, SessionTitle: title}); err != nil {
			return nil, err
		}
	}
	for id := range teams {
		name, removed, err := s.removeTeamIfEmpty(tx, id)
		if err != nil {
			return nil, err
		}
		if removed {
			teamsRemoved = append(teamsRemoved, name)
		}
	}
	sort.Strings(teamsRemoved)
	return teamsRemoved, nil
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
	defer s.releaseMapped() // a read across many sessions: see release_linux.go
	var out []model.Session
	var damaged []error
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := s.buckets(tx, bucketSessionsByTime, bucketSessions)
		if err != nil {
			return err
		}
		byTime, b := bs[0], bs[1]
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
	return out, s.seen(errors.Join(damaged...))
}

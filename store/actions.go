package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// PutAction inserts (ID empty) or replaces one action, in its own write
// transaction. A new action gets an ID, status open if none is given, and
// the TeamID of its session if none is given. The session must exist.
func (s *Store) PutAction(a model.Action) (model.Action, error) {
	if err := checkID("session", a.SessionID); err != nil {
		return a, err
	}
	if a.Status == "" {
		a.Status = model.ActionOpen
	}
	if !model.ValidActionStatus(a.Status) {
		return a, fmt.Errorf("huddle: unknown action status %q", a.Status)
	}
	err := s.update(func(tx *bolt.Tx) error {
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		var sess model.Session
		found, err := getRecord(sessions, bucketSessions, []byte(a.SessionID), &sess)
		switch {
		case !found:
			return notFound("session", a.SessionID)
		case err != nil:
			return err
		}
		if a.TeamID == "" {
			a.TeamID = sess.TeamID
		}
		b, err := s.bucket(tx, bucketActions)
		if err != nil {
			return err
		}
		if a.ID == "" {
			seq, err := b.NextSequence()
			if err != nil {
				return err
			}
			a.ID = model.NewID(s.now(), seq)
		}
		if err := checkID("action", a.ID); err != nil {
			return err
		}
		key := actionKey(a.SessionID, a.ID)
		var oldTexts []string
		if raw := b.Get(key); raw != nil {
			var old model.Action
			if err := decodeRecord(bucketActions, key, raw, &old); err != nil {
				return err
			}
			oldTexts = textsOfAction(old)
		}
		ix, err := s.wordIndex(tx)
		if err != nil {
			return err
		}
		if err := ix.change(a.SessionID, sess.Started, actionRef(a.ID), oldTexts, textsOfAction(a)); err != nil {
			return err
		}
		return putRecord(b, key, a)
	})
	return a, err
}

// DeleteAction removes one action of a session. It returns ErrNotFound if
// there is no such action.
func (s *Store) DeleteAction(sessionID, id string) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketActions)
		if err != nil {
			return err
		}
		key := actionKey(sessionID, id)
		raw := b.Get(key)
		if raw == nil {
			return notFound("action", id)
		}
		var old model.Action
		if err := decodeRecord(bucketActions, key, raw, &old); err != nil {
			return err
		}
		if err := s.unindexRecord(tx, sessionID, actionRef(id), textsOfAction(old)); err != nil {
			return err
		}
		return b.Delete(key)
	})
}

// Actions lists the actions of one session in the order they were made.
// Damaged records are left out and reported in err.
func (s *Store) Actions(sessionID string) ([]model.Action, error) {
	if err := checkID("session", sessionID); err != nil {
		return nil, err
	}
	var out []model.Action
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketActions)
		if err != nil {
			return err
		}
		out, err = sessionActions(b, sessionID, out, false)
		return err
	})
	return out, err
}

// OpenActions lists the open actions of every session of a team, oldest
// session first: what the team's next session opens with. Call it before
// creating that session, or leave out the actions of the current one by
// their SessionID. Damaged records are left out and reported in err.
func (s *Store) OpenActions(teamID string) ([]model.Action, error) {
	if err := checkID("team", teamID); err != nil {
		return nil, err
	}
	var out []model.Action
	var damaged []error
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := s.buckets(tx, bucketSessionsByTeam, bucketActions)
		if err != nil {
			return err
		}
		byTeam, b := bs[0], bs[1]
		return scanPrefix(byTeam, prefixKey(teamID), func(k, _ []byte) error {
			id, ok := sessionIDFromTeamKey(k)
			if !ok {
				return nil
			}
			out, err = sessionActions(b, id, out, true)
			if errors.Is(err, ErrRecordDamaged) {
				damaged = append(damaged, err)
				err = nil
			}
			return err
		})
	})
	if err != nil {
		return out, err
	}
	return out, s.seen(errors.Join(damaged...))
}

// sessionActions appends the actions of one session (only open ones if
// openOnly) to out.
func sessionActions(b *bolt.Bucket, sessionID string, out []model.Action, openOnly bool) ([]model.Action, error) {
	err := decodeAll(b, prefixKey(sessionID), func(k, v []byte) error {
		var a model.Action
		if err := decodeRecord(bucketActions, k, v, &a); err != nil {
			return err
		}
		if !openOnly || a.Status == model.ActionOpen {
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

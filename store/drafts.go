package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// Drafts and timers are keyed by where they belong. Keys should start with
// the session id and "/" (model.DraftKey does this): DeleteSession removes
// the drafts and timers under that prefix.

// maxKeyLen bounds draft and timer keys (bbolt allows 32 KiB).
const maxKeyLen = 1024

// checkKey rejects empty and oversized keys.
func checkKey(what, key string) error {
	if key == "" || len(key) > maxKeyLen {
		return errors.New("huddle: a " + what + " key must be 1 to 1024 bytes")
	}
	return nil
}

// SaveDraft keeps the text being typed at key, in its own write
// transaction; saving empty text clears the draft.
func (s *Store) SaveDraft(key, text string) error {
	if err := checkKey("draft", key); err != nil {
		return err
	}
	if text == "" {
		return s.ClearDraft(key)
	}
	d := model.Draft{Key: key, Text: text, Saved: s.now()}
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketDrafts)
		if err != nil {
			return err
		}
		return putRecord(b, []byte(key), d)
	})
}

// Draft returns the draft at key; ok is false if there is none.
func (s *Store) Draft(key string) (d model.Draft, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketDrafts)
		if err != nil {
			return err
		}
		ok, err = getRecord(b, bucketDrafts, []byte(key), &d)
		return err
	})
	if err != nil {
		return model.Draft{}, false, err
	}
	return d, ok, nil
}

// Drafts lists the drafts whose keys start with prefix, in key order: for
// example every draft of a session, model.DraftKey(sessionID). Damaged
// records are left out and reported in err.
func (s *Store) Drafts(prefix string) ([]model.Draft, error) {
	var out []model.Draft
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketDrafts)
		if err != nil {
			return err
		}
		return decodeAll(b, []byte(prefix), func(k, v []byte) error {
			var d model.Draft
			if err := decodeRecord(bucketDrafts, k, v, &d); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	})
	return out, err
}

// ClearDraft removes the draft at key, if there is one.
func (s *Store) ClearDraft(key string) error {
	return s.deleteKey(bucketDrafts, "draft", key)
}

// timerRecord is how a timer's state is stored. The state's format belongs
// to the caller (the timer's saved deadline); the store keeps it verbatim.
type timerRecord struct {
	Key   string `json:"key"`
	State []byte `json:"state"`
}

// SaveTimer keeps a timer's state at key, in its own write transaction.
func (s *Store) SaveTimer(key string, state []byte) error {
	if err := checkKey("timer", key); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketTimers)
		if err != nil {
			return err
		}
		return putRecord(b, []byte(key), timerRecord{Key: key, State: state})
	})
}

// LoadTimer returns the state saved at key; ok is false if there is none.
func (s *Store) LoadTimer(key string) (state []byte, ok bool, err error) {
	var rec timerRecord
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketTimers)
		if err != nil {
			return err
		}
		ok, err = getRecord(b, bucketTimers, []byte(key), &rec)
		return err
	})
	if err != nil || !ok {
		return nil, false, err
	}
	return rec.State, true, nil
}

// ClearTimer removes the timer state at key, if there is one.
func (s *Store) ClearTimer(key string) error {
	return s.deleteKey(bucketTimers, "timer", key)
}

// deleteKey deletes one key of a bucket in its own transaction.
func (s *Store) deleteKey(bucket, what, key string) error {
	if err := checkKey(what, key); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucket)
		if err != nil {
			return err
		}
		return b.Delete([]byte(key))
	})
}

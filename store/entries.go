package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// entriesFillPercent is how full bbolt fills the entries bucket's pages
// when they split. Entries arrive in key order (a session's lines in time
// order, the newest session last), so pages are filled nearly full instead
// of bbolt's default half, which halves the size of a large file.
const entriesFillPercent = 0.9

// PutEntry inserts or updates one captured entry, in its own write
// transaction, synced to disk before it returns.
//
// With ID empty the entry is new: Created is set to now if zero, and the
// ID is model.NewID(Created, the bucket's next sequence). With ID set, the
// entry at that ID is replaced and Updated set to now; an ID in NewID's
// form that is not stored yet is inserted as given (so a caller may assign
// ids ahead of the write; it must keep them unique within the session).
// The entry's session must exist.
func (s *Store) PutEntry(e model.Entry) (model.Entry, error) {
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		e, err = s.putEntry(tx, e)
		return err
	})
	return e, err
}

// PutEntries saves several entries in one transaction: all or none, for
// changes that touch more than one line at once (a merge, a move).
func (s *Store) PutEntries(es []model.Entry) ([]model.Entry, error) {
	out := make([]model.Entry, len(es))
	err := s.update(func(tx *bolt.Tx) error {
		for i, e := range es {
			saved, err := s.putEntry(tx, e)
			if err != nil {
				return err
			}
			out[i] = saved
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// putEntry is PutEntry inside tx.
func (s *Store) putEntry(tx *bolt.Tx, e model.Entry) (model.Entry, error) {
	if err := checkID("session", e.SessionID); err != nil {
		return e, err
	}
	if !model.ValidTag(e.Tag) {
		return e, fmt.Errorf("huddle: unknown entry tag %q", e.Tag)
	}
	started, err := s.sessionStarted(tx, e.SessionID)
	if err != nil {
		return e, err
	}
	b, err := s.bucket(tx, bucketEntries)
	if err != nil {
		return e, err
	}
	b.FillPercent = entriesFillPercent
	now := s.now()
	var key []byte
	if e.ID == "" {
		if e.Created.IsZero() {
			e.Created = now
		}
		// A new id never lands on a saved entry, even if the bucket's
		// sequence number went back (a damaged byte, a restored file).
		for key == nil || b.Get(key) != nil {
			seq, err := b.NextSequence()
			if err != nil {
				return e, err
			}
			e.ID = model.NewID(e.Created, seq)
			if key, err = entryKey(e.SessionID, e.ID); err != nil {
				return e, err
			}
		}
	}
	key, err = entryKey(e.SessionID, e.ID)
	if err != nil {
		return e, err
	}
	var oldTexts []string
	if raw := b.Get(key); raw != nil {
		e.Updated = now
		var old model.Entry
		if err := decodeRecord(bucketEntries, key, raw, &old); err != nil {
			return e, err
		}
		oldTexts = textsOfEntry(old)
	} else if err := s.bumpEntryCount(tx, e.SessionID, 1); err != nil {
		return e, err
	}
	if e.Created.IsZero() {
		e.Created = now
	}
	ix, err := s.wordIndex(tx)
	if err != nil {
		return e, err
	}
	if err := ix.change(e.SessionID, started, entryRef(key, prefixKey(e.SessionID)), oldTexts, textsOfEntry(e)); err != nil {
		return e, err
	}
	return e, putRecord(b, key, e)
}

// GetEntry returns one entry of a session.
func (s *Store) GetEntry(sessionID, id string) (model.Entry, error) {
	var e model.Entry
	key, err := entryKey(sessionID, id)
	if err != nil {
		return e, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketEntries)
		if err != nil {
			return err
		}
		found, err := getRecord(b, bucketEntries, key, &e)
		if err == nil && !found {
			err = notFound("entry", id)
		}
		return err
	})
	return e, err
}

// DeleteEntry removes one entry of a session, in its own transaction. It
// returns ErrNotFound if there is no such entry.
func (s *Store) DeleteEntry(sessionID, id string) error {
	key, err := entryKey(sessionID, id)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketEntries)
		if err != nil {
			return err
		}
		raw := b.Get(key)
		if raw == nil {
			return notFound("entry", id)
		}
		var old model.Entry
		if err := decodeRecord(bucketEntries, key, raw, &old); err != nil {
			return err
		}
		if err := s.unindexRecord(tx, sessionID, entryRef(key, prefixKey(sessionID)), textsOfEntry(old)); err != nil {
			return err
		}
		if err := s.bumpEntryCount(tx, sessionID, -1); err != nil {
			return err
		}
		return b.Delete(key)
	})
}

// Entries lists a session's entries in the order they were captured (by
// time to the second, then by the order they were first saved): a prefix
// scan that reads no other session's keys. Damaged records are left out
// and reported in err (errors.Is(err, ErrRecordDamaged)); the rest are
// still returned.
func (s *Store) Entries(sessionID string) ([]model.Entry, error) {
	if err := checkID("session", sessionID); err != nil {
		return nil, err
	}
	var out []model.Entry
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketEntries)
		if err != nil {
			return err
		}
		return decodeAll(b, prefixKey(sessionID), func(k, v []byte) error {
			var e model.Entry
			if err := decodeRecord(bucketEntries, k, v, &e); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// Each session's number of entries (merged ones included) is stored in
// entry_counts, and in the session's list row (rows.go), and kept in the
// same transaction as every put and delete of an entry, so that a list's
// count column reads no entry.

// bumpEntryCount adds delta to the entry count of session id.
func (s *Store) bumpEntryCount(tx *bolt.Tx, id string, delta int) error {
	b, err := s.bucket(tx, bucketEntryCounts)
	if err != nil {
		return err
	}
	_, n, err := bump(b, []byte(id), delta)
	if err != nil {
		return err
	}
	return s.setRowCount(tx, id, int(n))
}

// recountEntries sets the entry count of session id from its keys.
func (s *Store) recountEntries(tx *bolt.Tx, id string) error {
	bs, err := s.buckets(tx, bucketEntries, bucketEntryCounts)
	if err != nil {
		return err
	}
	n := 0
	prefix := prefixKey(id)
	c := bs[0].Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	if n == 0 {
		err = bs[1].Delete([]byte(id))
	} else {
		err = bs[1].Put([]byte(id), count4(uint32(n)))
	}
	if err != nil {
		return err
	}
	return s.setRowCount(tx, id, n)
}

// EntryCounts gives the number of entries (merged ones included) of every
// session that has any, from the stored counts: a figure for lists.
func (s *Store) EntryCounts() (map[string]int, error) {
	counts := map[string]int{}
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketEntryCounts)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			n, _ := countOf(v)
			counts[string(k)] = int(n)
			return nil
		})
	})
	return counts, err
}

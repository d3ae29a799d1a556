package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// Schema 2 adds the search index and the entry counts (wordindex.go,
// counts.go). A file of schema 1 gets them on its first open by a huddle
// that knows them, after the check of the whole file has passed and a
// copy was kept (migrate): buildSearchIndex reads every session's records
// and writes its postings and count, indexBatch sessions to a
// transaction, so that a large file is not one enormous transaction; the
// schema number moves to 2 only in the last one. An interrupted build
// leaves the file at schema 1 with part of the new buckets, which the
// next open throws away and builds again.

// indexBatch is how many sessions the migration indexes in one
// transaction.
var indexBatch = 200

// buildSearchIndex writes the new buckets of schema 2 from scratch.
func (s *Store) buildSearchIndex() error {
	if err := s.freshBuckets(countedBuckets...); err != nil {
		return err
	}
	return s.inBatches(bucketSessions, indexBatch, func(tx *bolt.Tx, k, v []byte) error {
		var sess model.Session
		if err := decodeRecord(bucketSessions, k, v, &sess); err != nil {
			return err // the check passed: a record cannot be damaged here
		}
		return s.indexSession(tx, sess, true)
	})
}

// freshBuckets makes the named buckets empty, in one transaction: what a
// migration does first, so that the part a cut-short one left is thrown
// away.
func (s *Store) freshBuckets(names ...string) error {
	return s.update(func(tx *bolt.Tx) error {
		for _, name := range names {
			if tx.Bucket([]byte(name)) != nil {
				if err := tx.DeleteBucket([]byte(name)); err != nil {
					return err
				}
			}
			if _, err := tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		return nil
	})
}

// inBatches calls fn for every key of bucket name in order, batch keys to
// a transaction, so that a migration of a large file is not one enormous
// transaction.
func (s *Store) inBatches(name string, batch int, fn func(tx *bolt.Tx, k, v []byte) error) error {
	var after []byte
	for done := false; !done; {
		err := s.update(func(tx *bolt.Tx) error {
			b, err := s.bucket(tx, name)
			if err != nil {
				return err
			}
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for n := 0; n < batch && k != nil; n++ {
				if err := fn(tx, k, v); err != nil {
					return err
				}
				after = bytes.Clone(k)
				k, v = c.Next()
			}
			done = k == nil
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// migrateV1toV2 makes sure the buckets of schema 2 exist (buildSearchIndex
// has filled them).
func migrateV1toV2(tx *bolt.Tx) error {
	for _, name := range countedBuckets {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}

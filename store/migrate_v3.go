package store

import (
	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// Schema 3 adds the list rows (rows.go). A file of schema 2 gets them on
// its first open by a huddle that knows them, after the check of the
// whole file has passed and a copy was kept (migrate), as schema 2's
// search index was built: buildRows reads every session's record and
// entry count and writes its row, rowsBatch sessions to a transaction; the
// schema number moves to 3 only in the last one. An interrupted build
// leaves the file at schema 2 with part of the rows, which the next open
// throws away and builds again.

// rowsBatch is how many sessions the migration writes rows for in one
// transaction.
var rowsBatch = 2000

// buildRows writes the rows bucket from scratch, in time order, as lists
// read them, so that their pages are filled and lie together.
func (s *Store) buildRows() error {
	if err := s.freshBuckets(bucketRows); err != nil {
		return err
	}
	return s.inBatches(bucketSessionsByTime, rowsBatch, func(tx *bolt.Tx, k, _ []byte) error {
		id, ok := sessionIDFromTimeKey(k)
		if !ok {
			return &DamagedError{Path: s.path, Reason: "index " + bucketSessionsByTime + " has a malformed key " + formatKey(k)}
		}
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		var sess model.Session
		found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
		switch {
		case err != nil:
			return err // the check passed: a record cannot be damaged here
		case !found:
			return &DamagedError{Path: s.path, Reason: "index " + bucketSessionsByTime + " points to session " + id + ", which does not exist"}
		}
		return s.putRow(tx, sess, nil)
	})
}

// migrateV2toV3 makes sure the rows bucket exists (buildRows has filled
// it).
func migrateV2toV3(tx *bolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists([]byte(bucketRows))
	return err
}

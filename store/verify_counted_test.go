package store

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// TestCheckFindsCountedBucketsOutOfStep: the check of the whole file
// finds an entry count, a word count or a posting that disagrees with the
// records, and a posting value that is not one.
func TestCheckFindsCountedBucketsOutOfStep(t *testing.T) {
	cases := []struct {
		name   string
		change func(tx *bolt.Tx, sess model.Session) error
		want   string
	}{
		{"an entry count", func(tx *bolt.Tx, sess model.Session) error {
			return tx.Bucket([]byte(bucketEntryCounts)).Put([]byte(sess.ID), count4(99))
		}, "counts 99 entries"},
		{"a word's count", func(tx *bolt.Tx, sess model.Session) error {
			return tx.Bucket([]byte(bucketWords)).Put([]byte("okapi"), count4(7))
		}, "counts 7 sessions for a word held by 1"},
		{"a posting of no session", func(tx *bolt.Tx, sess model.Session) error {
			return tx.Bucket([]byte(bucketPostings)).Put(postingKey("okapi", sess.Started, "no-such-session"), count4(1))
		}, "which does not exist"},
		{"a posting at another time", func(tx *bolt.Tx, sess model.Session) error {
			return tx.Bucket([]byte(bucketPostings)).Put(postingKey("zebra", sess.Started.Add(time.Hour), sess.ID), count4(1))
		}, "more than one time"},
		{"a posting value", func(tx *bolt.Tx, sess model.Session) error {
			return tx.Bucket([]byte(bucketPostings)).Put(postingKey("okapi", sess.Started, sess.ID), []byte{0, 0, 0, 2, 1, 'x'})
		}, "not a count"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "huddle.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			sess := mustSession(t, s, model.Session{Title: "Okapi day"})
			mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "an okapi and a zebra"})
			s.Close()
			checkFindsAfter(t, path, func(tx *bolt.Tx) error { return c.change(tx, sess) }, c.want)
		})
	}
}

package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// keyRetention is the meta key holding the retention period chosen in
// the review.
var keyRetention = []byte("retention")

type retentionRecord struct {
	Months int `json:"months"`
}

// RetentionMonths is the retention period last chosen in the review, in
// months, or model.DefaultRetentionMonths when none has been chosen (or
// the one saved is out of range).
func (s *Store) RetentionMonths() (int, error) {
	months := model.DefaultRetentionMonths
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		var rec retentionRecord
		found, err := getRecord(b, bucketMeta, keyRetention, &rec)
		if found && err == nil && model.ValidRetentionMonths(rec.Months) {
			months = rec.Months
		}
		return err
	})
	return months, err
}

// SetRetentionMonths remembers the retention period chosen in the review,
// in its own synced transaction.
func (s *Store) SetRetentionMonths(months int) error {
	if !model.ValidRetentionMonths(months) {
		return fmt.Errorf("huddle: a retention period of %d months is not offered (1 to %d)", months, model.MaxRetentionMonths)
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		return putRecord(b, keyRetention, retentionRecord{Months: months})
	})
}

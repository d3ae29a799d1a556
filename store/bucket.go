package store

import (
	"bytes"
	"errors"

	bolt "go.etcd.io/bbolt"
)

// bucket returns a top-level bucket, which every migrated database has;
// a missing one means the file is damaged.
func (s *Store) bucket(tx *bolt.Tx, name string) (*bolt.Bucket, error) {
	if b := tx.Bucket([]byte(name)); b != nil {
		return b, nil
	}
	return nil, &DamagedError{Path: s.path, Reason: "the bucket " + name + " is missing"}
}

// buckets opens several buckets of tx, in the order named.
func (s *Store) buckets(tx *bolt.Tx, names ...string) ([]*bolt.Bucket, error) {
	out := make([]*bolt.Bucket, len(names))
	for i, n := range names {
		b, err := s.bucket(tx, n)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// putRecord stores v as a checksummed record under key.
func putRecord(b *bolt.Bucket, key []byte, v any) error {
	val, err := encodeRecord(key, v)
	if err != nil {
		return err
	}
	return b.Put(key, val)
}

// getRecord reads and verifies the record at key into v. found is false if
// there is no such key.
func getRecord(b *bolt.Bucket, bucketName string, key []byte, v any) (found bool, err error) {
	val := b.Get(key)
	if val == nil {
		return false, nil
	}
	return true, decodeRecord(bucketName, key, val, v)
}

// scanPrefix calls fn for every key of b that starts with prefix, in key
// order. It stops at the first error fn returns.
func scanPrefix(b *bolt.Bucket, prefix []byte, fn func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// deletePrefix deletes every key of b that starts with prefix and returns
// how many it deleted.
func deletePrefix(b *bolt.Bucket, prefix []byte) (int, error) {
	var keys [][]byte
	err := scanPrefix(b, prefix, func(k, _ []byte) error {
		keys = append(keys, append([]byte(nil), k...))
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return 0, err
		}
	}
	return len(keys), nil
}

// decodeAll decodes every record of b under prefix with decode, which
// appends to the caller's slice. Damaged records are skipped and returned
// together as one error (errors.Is(err, ErrRecordDamaged)); any other
// error stops the scan.
func decodeAll(b *bolt.Bucket, prefix []byte, decode func(k, v []byte) error) error {
	var damaged []error
	err := scanPrefix(b, prefix, func(k, v []byte) error {
		if err := decode(k, v); err != nil {
			if !errors.Is(err, ErrRecordDamaged) {
				return err
			}
			damaged = append(damaged, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return errors.Join(damaged...)
}

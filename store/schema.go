package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the schema this huddle writes. Files with a lower
// version are migrated on Open; files with a higher one are refused.
const SchemaVersion = 3

// migration moves a database from one schema version to the next: step
// runs inside one write transaction, together with the new version
// number; prepare, if set, runs before it in transactions of its own (work
// too large for one), and must cope with a file where it was interrupted.
type migration struct {
	prepare func(s *Store) error
	step    func(tx *bolt.Tx) error
}

// migrations[n] migrates schema n to n+1; len(migrations) is the current
// schema version and must equal SchemaVersion (a test checks it). Version
// 0 is a file bbolt has initialised but huddle has not: no buckets.
var migrations = []migration{
	{step: migrateV0toV1},
	{prepare: (*Store).buildSearchIndex, step: migrateV1toV2},
	{prepare: (*Store).buildRows, step: migrateV2toV3},
}

// schemaVersion is the version the migrations lead to.
func schemaVersion() int { return len(migrations) }

// migrateV0toV1 creates the buckets of schema 1.
func migrateV0toV1(tx *bolt.Tx) error {
	for _, name := range []string{
		bucketMeta, bucketTeams, bucketSessions, bucketSessionsByTime, bucketSessionsByTeam,
		bucketEntries, bucketActions, bucketDrafts, bucketTimers, bucketDeletions,
	} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}

// schemaRecord is the value of the meta bucket's "schema" key.
type schemaRecord struct {
	Schema int `json:"schema"`
}

// errNotHuddle: the file is a bbolt database of some other program.
var errNotHuddle = errors.New("it is not a huddle database (it has no meta bucket)")

// readSchema returns the schema version of the database: 0 for a file
// with no buckets at all.
func readSchema(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil {
		if k, _ := tx.Cursor().First(); k == nil {
			return 0, nil
		}
		return 0, errNotHuddle
	}
	val := meta.Get(keySchema)
	if val == nil {
		return 0, errors.New("its schema version is missing")
	}
	var rec schemaRecord
	if err := decodeRecord(bucketMeta, keySchema, val, &rec); err != nil {
		return 0, fmt.Errorf("its schema version cannot be read: %w", err)
	}
	if rec.Schema < 1 {
		return 0, fmt.Errorf("its schema version %d is not valid", rec.Schema)
	}
	return rec.Schema, nil
}

// putSchema records the schema version.
func putSchema(tx *bolt.Tx, version int) error {
	meta, err := tx.CreateBucketIfNotExists([]byte(bucketMeta))
	if err != nil {
		return err
	}
	val, err := encodeRecord(keySchema, schemaRecord{Schema: version})
	if err != nil {
		return err
	}
	return meta.Put(keySchema, val)
}

// migrate brings the database up to the current schema. Before migrating a
// database that holds data (schema 1 or later) it writes a backup copy
// beside the file. Each step is its own transaction, so an interrupted
// migration leaves the file at the last completed version.
func (s *Store) migrate() error {
	from := 0
	err := s.view(func(tx *bolt.Tx) error {
		v, err := readSchema(tx)
		from = v
		return err
	})
	if err != nil {
		return asDamaged(s.path, err)
	}
	to := schemaVersion()
	switch {
	case from > to:
		return &NewerSchemaError{Path: s.path, Found: from, Supported: to}
	case from == to:
		return nil
	}
	backup := ""
	if from > 0 {
		if backup, err = s.backupBeforeMigration(from); err != nil {
			return fmt.Errorf("huddle: the database %s needs an upgrade from schema %d to %d, but the backup before it failed (nothing was changed): %w",
				s.path, from, to, err)
		}
	}
	for v := from; v < to; v++ {
		var err error
		if migrations[v].prepare != nil {
			err = migrations[v].prepare(s)
		}
		if err == nil {
			err = s.update(func(tx *bolt.Tx) error {
				if err := migrations[v].step(tx); err != nil {
					return err
				}
				return putSchema(tx, v+1)
			})
		}
		if err != nil {
			msg := fmt.Sprintf("huddle: upgrading the database %s from schema %d to %d failed; the file is at schema %d", s.path, v, v+1, v)
			if backup != "" {
				msg += "; the copy taken before the upgrade is " + backup
			}
			return fmt.Errorf("%s: %w", msg, err)
		}
	}
	return nil
}

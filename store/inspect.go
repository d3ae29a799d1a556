package store

import (
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// minFileSize is the least size of a file bbolt could have written: two
// meta pages of the smallest page size. Shorter non-empty files are damaged.
const minFileSize = 2 * 1024

// inspect validates an existing, non-empty database file without any
// possibility of writing to it: the file is opened O_RDONLY (bbolt's
// read-only mode, under a shared lock) and every read is guarded against
// panics and memory faults. It checks the meta pages (bbolt does, on open),
// the freelist (loaded eagerly), that the file is as long as its meta page
// says, and the schema record. It returns the schema version.
func inspect(path string, timeout time.Duration) (int, error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	if info.Size() < minFileSize {
		return 0, &DamagedError{Path: path, Reason: fmt.Sprintf("the file is too short to be a database: %d bytes", info.Size())}
	}
	db, err := openBolt(path, &bolt.Options{ReadOnly: true, Timeout: timeout, PreLoadFreelist: true})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	version := 0
	err = protect(path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			if tx.Size() > info.Size() {
				return &DamagedError{Path: path, Reason: fmt.Sprintf(
					"the file is %d bytes but its pages need %d: it was truncated", info.Size(), tx.Size())}
			}
			v, err := readSchema(tx)
			version = v
			return err
		})
	})
	if err != nil {
		return 0, asDamaged(path, err)
	}
	if version > schemaVersion() {
		return version, &NewerSchemaError{Path: path, Found: version, Supported: schemaVersion()}
	}
	return version, nil
}

// asDamaged turns a schema or record problem into a *DamagedError for path.
func asDamaged(path string, err error) error {
	if err == nil || errors.Is(err, ErrDamaged) || errors.Is(err, ErrLocked) || errors.Is(err, ErrNewerSchema) {
		return err
	}
	return &DamagedError{Path: path, Reason: err.Error(), Err: err}
}

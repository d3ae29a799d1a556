package store

import (
	"errors"
	"fmt"
	"os"
	"strings"
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
	if info.Size() == 0 {
		return 0, emptyFileError(path)
	}
	if info.Size() < minFileSize {
		return 0, &DamagedError{Path: path, Reason: fmt.Sprintf("the file is too short to be a database: %d bytes", info.Size())}
	}
	if err := checkHead(path, info.Size()); err != nil {
		return 0, err
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

// checkHead checks, reading the file itself, what bbolt reads when it
// opens a file for writing: both meta pages and the free list. bbolt
// would otherwise quietly fall back on an older meta page, or read a
// damaged free list count as it is.
func checkHead(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	meta, err := readMetas(f, size)
	if err != nil {
		return &DamagedError{Path: path, Reason: err.Error()}
	}
	var problems []string
	w := &pageWalk{r: f, meta: meta, problem: func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}}
	w.state = make([]uint8, meta.hwm)
	w.state[0], w.state[1] = pageMeta, pageMeta
	if meta.freelist != noFreelist {
		w.readFreelist(meta.freelist)
	}
	if len(problems) > 0 {
		return &DamagedError{Path: path, Reason: problems[0]}
	}
	// The schema is read through bbolt, from the root's pages and the meta
	// bucket's: pages there that lead back to themselves would send bbolt
	// round for ever (until the stack overflows, which no recover can
	// catch). The walk of those few pages finds them first. Other damage
	// is left to the check of the whole file.
	w.only, w.leaf = []byte(bucketMeta), func([][]byte, []byte, []byte) {}
	w.walkTree(meta.root, nil, nil, nil, 0, nil)
	if w.cyclic {
		for _, p := range problems {
			if strings.Contains(p, "leads back") {
				return &DamagedError{Path: path, Reason: p}
			}
		}
	}
	return nil
}

package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// maxListed bounds the damaged records and problems a Report lists.
const maxListed = 1000

// Report is what Check found. Check never changes the file.
type Report struct {
	Path     string
	Size     int64
	Schema   int
	Records  map[string]int // records that verified, per bucket
	Indexed  map[string]int // keys per index bucket
	Damaged  []RecordDamagedError
	Problems []string // index keys pointing nowhere, orphans, unknown buckets
	Omitted  int      // damaged records and problems beyond maxListed
	Stopped  string   // why the walk stopped early (a damaged page), if it did
	Backups  []string // daily backups beside the file, oldest first
}

// OK reports whether Check walked the whole file and found nothing wrong.
func (r Report) OK() bool {
	return len(r.Damaged) == 0 && len(r.Problems) == 0 && r.Omitted == 0 && r.Stopped == ""
}

// String renders the report for `huddle doctor`.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "database: %s (%d bytes, schema %d)\n", r.Path, r.Size, r.Schema)
	names := make([]string, 0, len(r.Records))
	for name := range r.Records {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "  %-10s %d records\n", name, r.Records[name])
	}
	for _, d := range r.Damaged {
		fmt.Fprintf(&b, "damaged: bucket %s, key %s: %s\n", d.Bucket, d.Key, d.Reason)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "problem: %s\n", p)
	}
	if r.Omitted > 0 {
		fmt.Fprintf(&b, "... and %d more\n", r.Omitted)
	}
	if r.Stopped != "" {
		fmt.Fprintf(&b, "the check stopped early: %s\n", r.Stopped)
	}
	if n := len(r.Backups); n > 0 {
		fmt.Fprintf(&b, "backups: %d, newest %s\n", n, filepath.Base(r.Backups[n-1]))
	} else {
		b.WriteString("backups: none\n")
	}
	if r.OK() {
		b.WriteString("result: every record verified\n")
	} else {
		b.WriteString("result: problems found; nothing was changed\n")
	}
	return b.String()
}

// Check verifies every record of the database at path (its checksum and
// that it decodes) and the consistency of the indexes, opening the file
// read-only. It reports and never repairs. The error is non-nil when the
// check could not be done (locked, damaged file, newer schema); the report
// then holds what is known. An empty path means DefaultPath().
func Check(path string) (Report, error) {
	if path == "" {
		def, err := DefaultPath()
		if err != nil {
			return Report{}, err
		}
		path = def
	}
	r := Report{Path: path, Records: map[string]int{}, Indexed: map[string]int{}}
	if abs, err := filepath.Abs(path); err == nil {
		r.Path = abs
	}
	info, err := os.Stat(r.Path)
	if err != nil {
		return r, err
	}
	r.Size = info.Size()
	r.Backups, _ = dailyBackups(r.Path)
	if r.Schema, err = inspect(r.Path, defaultTimeout); err != nil {
		return r, err
	}
	db, err := openBolt(r.Path, &bolt.Options{ReadOnly: true, Timeout: defaultTimeout})
	if err != nil {
		return r, err
	}
	defer db.Close()
	err = protect(r.Path, func() error {
		return db.View(func(tx *bolt.Tx) error { return r.walk(tx) })
	})
	var damaged *DamagedError
	if errors.As(err, &damaged) {
		r.Stopped = damaged.Reason
	}
	return r, err
}

// damaged adds a damaged record to the report.
func (r *Report) damaged(err error) {
	var d *RecordDamagedError
	if !errors.As(err, &d) {
		r.problem("%v", err)
		return
	}
	if len(r.Damaged)+len(r.Problems) >= maxListed {
		r.Omitted++
		return
	}
	r.Damaged = append(r.Damaged, *d)
}

// problem adds a problem to the report.
func (r *Report) problem(format string, args ...any) {
	if len(r.Damaged)+len(r.Problems) >= maxListed {
		r.Omitted++
		return
	}
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// walk checks every bucket of a huddle database.
func (r *Report) walk(tx *bolt.Tx) error {
	known := map[string]bool{}
	for _, name := range allBuckets() {
		known[name] = true
		if tx.Bucket([]byte(name)) == nil {
			r.problem("the bucket %s is missing", name)
		}
	}
	err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if !known[string(name)] {
			r.problem("unknown bucket %q", name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sessions := map[string]model.Session{}
	r.records(tx, bucketMeta, func(k, v []byte) error { return decodeRecord(bucketMeta, k, v, &schemaRecord{}) })
	r.records(tx, bucketTeams, func(k, v []byte) error { return decodeRecord(bucketTeams, k, v, &model.Team{}) })
	r.records(tx, bucketSessions, func(k, v []byte) error {
		var sess model.Session
		if err := decodeRecord(bucketSessions, k, v, &sess); err != nil {
			sessions[string(k)] = model.Session{} // exists, unreadable
			return err
		}
		if sess.ID != string(k) {
			r.problem("session %s is stored under key %s", sess.ID, formatKey(k))
		}
		sessions[string(k)] = sess
		return nil
	})
	r.records(tx, bucketEntries, func(k, v []byte) error {
		var e model.Entry
		if err := decodeRecord(bucketEntries, k, v, &e); err != nil {
			return err
		}
		if want, err := entryKey(e.SessionID, e.ID); err != nil || !bytes.Equal(want, k) {
			r.problem("entry %s of session %s is stored under key %s", e.ID, e.SessionID, formatKey(k))
		}
		if _, ok := sessions[e.SessionID]; !ok {
			r.problem("entry %s belongs to session %s, which does not exist", e.ID, e.SessionID)
		}
		return nil
	})
	r.records(tx, bucketActions, func(k, v []byte) error {
		var a model.Action
		if err := decodeRecord(bucketActions, k, v, &a); err != nil {
			return err
		}
		if _, ok := sessions[a.SessionID]; !ok {
			r.problem("action %s belongs to session %s, which does not exist", a.ID, a.SessionID)
		}
		return nil
	})
	r.records(tx, bucketDrafts, func(k, v []byte) error { return decodeRecord(bucketDrafts, k, v, &model.Draft{}) })
	r.records(tx, bucketTimers, func(k, v []byte) error { return decodeRecord(bucketTimers, k, v, &timerRecord{}) })
	r.records(tx, bucketDeletions, func(k, v []byte) error {
		return decodeRecord(bucketDeletions, k, v, &model.DeletionRecord{})
	})
	r.checkIndexes(tx, sessions)
	return nil
}

// records runs check on every key of a record bucket and counts the good ones.
func (r *Report) records(tx *bolt.Tx, name string, check func(k, v []byte) error) {
	b := tx.Bucket([]byte(name))
	if b == nil {
		return
	}
	r.Records[name] = 0
	_ = b.ForEach(func(k, v []byte) error {
		if v == nil {
			r.problem("bucket %s holds a nested bucket %s", name, formatKey(k))
			return nil
		}
		if err := check(k, v); err != nil {
			r.damaged(err)
			return nil
		}
		r.Records[name]++
		return nil
	})
}

// checkIndexes checks that the index buckets and the sessions agree.
func (r *Report) checkIndexes(tx *bolt.Tx, sessions map[string]model.Session) {
	for _, ix := range []struct {
		name string
		idOf func([]byte) (string, bool)
		want func(model.Session) []byte
	}{
		{bucketSessionsByTime, sessionIDFromTimeKey, sessionTimeKey},
		{bucketSessionsByTeam, sessionIDFromTeamKey, sessionTeamKey},
	} {
		b := tx.Bucket([]byte(ix.name))
		if b == nil {
			continue
		}
		seen := map[string]bool{}
		_ = b.ForEach(func(k, _ []byte) error {
			r.Indexed[ix.name]++
			id, ok := ix.idOf(k)
			sess, exists := sessions[id]
			switch {
			case !ok:
				r.problem("index %s has a malformed key %s", ix.name, formatKey(k))
			case !exists:
				r.problem("index %s points to session %s, which does not exist", ix.name, id)
			case sess.ID != "" && !bytes.Equal(ix.want(sess), k):
				r.problem("index %s has a stale key %s for session %s", ix.name, formatKey(k), id)
			default:
				seen[id] = true
			}
			return nil
		})
		ids := make([]string, 0, len(sessions))
		for id := range sessions {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if sess := sessions[id]; sess.ID == "" || seen[id] || (ix.name == bucketSessionsByTeam && sess.TeamID == "") {
				continue
			}
			r.problem("session %s is missing from index %s", id, ix.name)
		}
	}
}

package store

import (
	"bytes"
	"encoding/json"
	"sort"
	"time"

	"github.com/carehuddle/huddle/model"
)

// sessionKeys is what the check keeps of each session: what its index
// keys are made of, and no more (a large file has many sessions).
type sessionKeys struct {
	teamID  string
	started time.Time
	row     uint64  // the sum of what its list row should hold (verify_rows.go)
	indexed [2]bool // found under its key in each of sessionIndexes
}

// recordCheck checks the records and indexes that the page walk finds.
type recordCheck struct {
	r        *Report
	decode   bool
	present  map[string]bool
	sessions map[string]*sessionKeys // nil: the record exists but is damaged
	owners   map[string]string       // session ids that entries and actions name, with the bucket
	index    map[string][][]byte     // keys of an index bucket walked before the sessions (a damaged tree)
	counted  *countedCheck           // what the counted buckets hold
	rows     rowCheck                // what the rows bucket holds besides each session's figures
	name     string                  // the bucket of the last leaf
}

func newRecordCheck(r *Report, decode bool) *recordCheck {
	return &recordCheck{r: r, decode: decode, present: map[string]bool{},
		sessions: map[string]*sessionKeys{}, owners: map[string]string{}, index: map[string][][]byte{},
		counted: newCountedCheck()}
}

// bucket notes a bucket the walk found.
func (c *recordCheck) bucket(path [][]byte) {
	name := string(path[0])
	switch {
	case len(path) > 1:
		c.r.problem("bucket %s holds a nested bucket %s", name, formatKey(path[1]))
	case !isKnownBucket(name):
		c.r.problem("unknown bucket %q", name)
	default:
		c.present[name] = true
		if isIndexBucket(name) || isCountedBucket(name) {
			c.r.Indexed[name] += 0
		} else {
			c.r.Records[name] += 0
		}
	}
}

// leaf checks one key and value of a bucket.
func (c *recordCheck) leaf(path [][]byte, k, v []byte) {
	if c.name != string(path[0]) { // compared without a copy
		c.name = string(path[0])
	}
	name := c.name
	if len(path) != 1 || !isKnownBucket(name) {
		return // reported by bucket
	}
	if name == bucketRows {
		c.rowLeaf(k, v)
		return
	}
	if isCountedBucket(name) {
		c.countedLeaf(name, k, v)
		return
	}
	if isIndexBucket(name) {
		c.r.Indexed[name]++
		if len(v) != 0 {
			c.r.problem("index %s has a value under key %s", name, formatKey(k))
		}
		// The sessions come before their indexes in the walk (buckets in
		// name order): each key is checked as it comes, and none is kept.
		// Only a tree out of order keeps keys until the sessions are known.
		if c.present[bucketSessions] {
			c.indexKey(name, k)
		} else {
			c.index[name] = append(c.index[name], bytes.Clone(k))
		}
		return
	}
	if name == bucketEntries {
		// Counted whether or not the record verifies, as entry_counts is.
		if i := bytes.IndexByte(k, 0); i > 0 {
			c.counted.of(k[:i]).entries++
		}
	}
	data, reason := openRecord(k, v)
	if reason != "" {
		c.r.damaged(&RecordDamagedError{Bucket: name, Key: formatKey(k), Reason: reason})
		if name == bucketSessions {
			c.sessions[string(k)] = nil
		}
		return
	}
	var err error
	switch name {
	case bucketSessions:
		var sess model.Session
		if err = decodeSession(data, &sess); err != nil {
			c.sessions[string(k)] = nil
			break
		}
		if sess.ID != string(k) {
			c.r.problem("session %s is stored under key %s", sess.ID, formatKey(k))
		}
		// Only what the index keys are made of is kept.
		c.sessions[string(k)] = &sessionKeys{teamID: sess.TeamID, started: sess.Started, row: rowSum(sess)}
	case bucketMeta:
		var rec schemaRecord
		if err = json.Unmarshal(data, &rec); err == nil && bytes.Equal(k, keySchema) {
			c.r.Schema = rec.Schema
		}
	case bucketEntries, bucketActions:
		if i := bytes.IndexByte(k, 0); i > 0 {
			if _, ok := c.owners[string(k[:i])]; !ok {
				c.owners[string(k[:i])] = name
			}
		} else {
			c.r.problem("bucket %s has a key %s that names no session", name, formatKey(k))
		}
		if c.decode {
			err = c.decodeOwned(name, k, data)
		}
	default:
		if c.decode {
			err = json.Unmarshal(data, recordType(name))
		}
	}
	if err != nil {
		c.r.damaged(&RecordDamagedError{Bucket: name, Key: formatKey(k), Reason: "undecodable: " + err.Error()})
		return
	}
	c.r.Records[name]++
}

// decodeOwned decodes an entry or action and checks its key.
func (c *recordCheck) decodeOwned(name string, k, data []byte) error {
	if name == bucketActions {
		return json.Unmarshal(data, &model.Action{})
	}
	var e model.Entry
	if err := json.Unmarshal(data, &e); err != nil {
		return err
	}
	if want, err := entryKey(e.SessionID, e.ID); err != nil || !bytes.Equal(want, k) {
		c.r.problem("entry %s of session %s is stored under key %s", e.ID, e.SessionID, formatKey(k))
	}
	return nil
}

// recordType is a value of the type a bucket's records decode into.
func recordType(name string) any {
	switch name {
	case bucketTeams:
		return &model.Team{}
	case bucketDrafts:
		return &model.Draft{}
	case bucketTimers:
		return &timerRecord{}
	case bucketDeletions:
		return &model.DeletionRecord{}
	}
	return &json.RawMessage{}
}

// finish checks what needs the whole file: missing buckets, records that
// name a missing session, and the indexes.
func (c *recordCheck) finish() {
	for _, name := range allBuckets() {
		if isCountedBucket(name) && c.r.Schema < 2 || name == bucketRows && c.r.Schema < 3 {
			continue // older schemas have none (a migration that was cut short may have left some)
		}
		if !c.present[name] {
			c.r.problem("the bucket %s is missing", name)
		}
	}
	if c.present[bucketMeta] && c.r.Schema < 1 {
		c.r.problem("the schema version is missing or unreadable")
	}
	ids := make([]string, 0, len(c.owners))
	for id := range c.owners {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, ok := c.sessions[id]; !ok {
			c.r.problem("bucket %s has records of session %s, which does not exist", c.owners[id], id)
		}
	}
	c.checkIndexes()
	if c.r.Schema >= 2 && c.present[bucketPostings] && c.present[bucketWords] && c.present[bucketEntryCounts] {
		c.finishCounted()
	}
	if c.r.Schema >= 3 && c.present[bucketRows] {
		c.finishRows()
	}
}

// sessionIndexes are the index buckets of the sessions: how a key names
// its session, and the key a session should have.
var sessionIndexes = [2]struct {
	name string
	idOf func([]byte) (string, bool)
	want func(model.Session) []byte
}{
	{bucketSessionsByTime, sessionIDFromTimeKey, sessionTimeKey},
	{bucketSessionsByTeam, sessionIDFromTeamKey, sessionTeamKey},
}

// indexKey checks one key of index bucket name against the sessions: it
// names a session, and is the key that session should have.
func (c *recordCheck) indexKey(name string, k []byte) {
	for i, ix := range sessionIndexes {
		if ix.name != name {
			continue
		}
		id, ok := ix.idOf(k)
		sess, exists := c.sessions[id]
		switch {
		case !ok:
			c.r.problem("index %s has a malformed key %s", ix.name, formatKey(k))
		case !exists:
			c.r.problem("index %s points to session %s, which does not exist", ix.name, formatKey([]byte(id)))
		case sess == nil: // damaged: reported as such
		case !bytes.Equal(ix.want(model.Session{ID: id, TeamID: sess.teamID, Started: sess.started}), k):
			c.r.problem("index %s has a stale key %s for session %s", ix.name, formatKey(k), id)
		default:
			sess.indexed[i] = true
		}
	}
}

// checkIndexes finishes the check that the index buckets and the sessions
// agree: the keys of a tree out of order are checked now, and every
// readable session must be in every index it belongs in.
func (c *recordCheck) checkIndexes() {
	var ids []string
	for i, ix := range sessionIndexes {
		if !c.present[ix.name] {
			continue
		}
		for _, k := range c.index[ix.name] {
			c.indexKey(ix.name, k)
		}
		if ids == nil {
			ids = make([]string, 0, len(c.sessions))
			for id := range c.sessions {
				ids = append(ids, id)
			}
			sort.Strings(ids)
		}
		for _, id := range ids {
			sess := c.sessions[id]
			if sess == nil || sess.indexed[i] || (ix.name == bucketSessionsByTeam && sess.teamID == "") {
				continue
			}
			c.r.problem("session %s is missing from index %s", id, ix.name)
		}
	}
}

// knownBuckets holds the buckets of the current schema, true for index ones.
var knownBuckets = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range recordBuckets {
		m[name] = false
	}
	for _, name := range indexBuckets {
		m[name] = true
	}
	for _, name := range countedBuckets {
		m[name] = true
	}
	for _, name := range rowBuckets {
		m[name] = true
	}
	return m
}()

// isKnownBucket reports whether name is a bucket of the current schema.
func isKnownBucket(name string) bool {
	_, ok := knownBuckets[name]
	return ok
}

// isIndexBucket reports whether name is an index bucket.
func isIndexBucket(name string) bool { return knownBuckets[name] }

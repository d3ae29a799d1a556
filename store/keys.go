package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/carehuddle/huddle/model"
)

// Top-level buckets. Record buckets hold checksummed records (record.go);
// index buckets hold keys only, with empty values; counted buckets hold
// counts.
const (
	bucketMeta           = "meta"             // "schema" -> {"schema":N}; "retention" -> {"months":N}
	bucketTeams          = "teams"            // team id -> model.Team
	bucketSessions       = "sessions"         // session id -> model.Session
	bucketSessionsByTime = "sessions_by_time" // index: time(8) session id
	bucketSessionsByTeam = "sessions_by_team" // index: team id 0x00 time(8) session id
	bucketEntries        = "entries"          // session id 0x00 time(8) seq(8) -> model.Entry
	bucketActions        = "actions"          // session id 0x00 action id -> model.Action
	bucketDrafts         = "drafts"           // draft key -> model.Draft
	bucketTimers         = "timers"           // timer key -> timerRecord
	bucketDeletions      = "deletions"        // time(8) seq(8) -> model.DeletionRecord
	bucketWords          = "search_words"     // counted: folded word -> sessions holding it (wordindex.go)
	bucketPostings       = "search_postings"  // counted: word 0x00 time(8) session id -> records holding it
	bucketEntryCounts    = "entry_counts"     // counted: session id -> its entries (merged ones included)
)

// recordBuckets are the buckets whose values are checksummed records.
var recordBuckets = []string{
	bucketMeta, bucketTeams, bucketSessions, bucketEntries, bucketActions,
	bucketDrafts, bucketTimers, bucketDeletions,
}

// indexBuckets are the buckets whose keys are an index and values empty.
var indexBuckets = []string{bucketSessionsByTime, bucketSessionsByTeam}

// countedBuckets are the buckets whose values are 4-byte counts above
// zero (count4), kept in the same transaction as the records they count.
var countedBuckets = []string{bucketWords, bucketPostings, bucketEntryCounts}

// rowBuckets hold the list rows (rows.go), from schema 3.
var rowBuckets = []string{bucketRows}

// allBuckets lists every bucket of the current schema.
func allBuckets() []string {
	return append(append(append(append([]string(nil), recordBuckets...), indexBuckets...), countedBuckets...), rowBuckets...)
}

// keySchema is the meta key holding the schema version.
var keySchema = []byte("schema")

// checkID rejects ids that would break key prefixes: empty ones, and ones
// holding a NUL or "/" (drafts and timers are keyed "sessionID/...").
func checkID(what, id string) error {
	if id == "" {
		return fmt.Errorf("huddle: %s id is empty", what)
	}
	if len(id) > 200 || strings.ContainsAny(id, "\x00/") {
		return fmt.Errorf("huddle: %s id %q is not a valid id", what, id)
	}
	return nil
}

// timeBytes encodes t as 8 bytes that sort in time order (UnixNano, big
// endian, sign bit flipped so that times before 1970 sort first).
func timeBytes(t time.Time) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(t.UnixNano())^(1<<63))
	return b[:]
}

// timeFromBytes decodes timeBytes.
func timeFromBytes(b []byte) time.Time {
	return time.Unix(0, int64(binary.BigEndian.Uint64(b)^(1<<63)))
}

// seqBytes encodes a sequence number big endian.
func seqBytes(seq uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seq)
	return b[:]
}

// prefixKey is id followed by a NUL: the prefix of every key under id.
func prefixKey(id string) []byte {
	return append([]byte(id), 0)
}

// joinKey concatenates key parts.
func joinKey(parts ...[]byte) []byte {
	return bytes.Join(parts, nil)
}

// entryKey is the key of entry id of session sessionID: the session prefix,
// then the id's time (to the second) and sequence, so that one session's
// entries are a prefix scan in time order.
func entryKey(sessionID, id string) ([]byte, error) {
	t, seq, ok := model.ParseID(id)
	if !ok {
		return nil, fmt.Errorf("huddle: entry id %q is not a valid id", id)
	}
	return joinKey(prefixKey(sessionID), timeBytes(t), seqBytes(seq)), nil
}

// actionKey is the key of action id of session sessionID.
func actionKey(sessionID, id string) []byte {
	return joinKey(prefixKey(sessionID), []byte(id))
}

// sessionTimeKey is the sessions_by_time index key of a session.
func sessionTimeKey(s model.Session) []byte {
	return joinKey(timeBytes(s.Started), []byte(s.ID))
}

// sessionTeamKey is the sessions_by_team index key of a session.
func sessionTeamKey(s model.Session) []byte {
	return joinKey(prefixKey(s.TeamID), timeBytes(s.Started), []byte(s.ID))
}

// sessionIDFromTimeKey returns the session id of a sessions_by_time key.
func sessionIDFromTimeKey(k []byte) (string, bool) {
	if len(k) <= 8 {
		return "", false
	}
	return string(k[8:]), true
}

// sessionIDFromTeamKey returns the session id of a sessions_by_team key.
func sessionIDFromTeamKey(k []byte) (string, bool) {
	i := bytes.IndexByte(k, 0)
	if i < 0 || len(k) <= i+1+8 {
		return "", false
	}
	return string(k[i+1+8:]), true
}

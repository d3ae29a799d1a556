package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// A list of sessions shows, for each one, its fields and its number of
// entries. Read from the session records, a long list touches pages spread
// through the whole file (each record sits wherever its transaction put
// it) and decodes a JSON record for each row. So each session also has a
// list row in session_rows: under its sessions_by_time key (start time,
// then id), so that a list is one walk of one bucket in the order it is
// shown, with the session decoded from its record and its entry count, in
// a compact binary form of its own (below).
//
// A row is written in the same transaction as every write of its session
// record (putSession) and of its entry count (bumpEntryCount,
// recountEntries), and removed with the session (removeSessionIndex),
// so that it always equals what decoding the record and reading the count
// would give. The check of the whole file proves that (verify_rows.go).
//
// A row is
//
//	version (1 byte, 1)
//	CRC-32C (4 bytes, big endian) of the key, then of every byte after it
//	entries (uvarint)
//	kind, team id, team name, facilitator, title, position (uvarint
//	  length, then the bytes, each)
//	started, ended (uvarint length, then time.MarshalBinary; length 0 for
//	  the zero time)
//	modules, exercises (uvarint: 0 for none, else 1 + how many; then each
//	  one as a string above)
//
// The session id is the key's, after its 8 bytes of time.

const bucketRows = "session_rows" // row: time(8) session id -> list row (rows.go)

// rowVersion is the version byte of the rows the store writes.
const rowVersion = 1

// rowKey is the key of a session's row: its sessions_by_time key.
func rowKey(sess model.Session) []byte { return sessionTimeKey(sess) }

// encodeRow makes the row of sess with its entry count.
func encodeRow(key []byte, sess model.Session, entries int) []byte {
	buf := make([]byte, 5, 128)
	buf[0] = rowVersion
	buf = binary.AppendUvarint(buf, uint64(max(entries, 0)))
	buf = appendRowFields(buf, sess)
	binary.BigEndian.PutUint32(buf[1:5], rowCRC(key, buf[5:]))
	return buf
}

// appendRowFields appends what a row holds of sess (all but its id).
func appendRowFields(buf []byte, sess model.Session) []byte {
	for _, s := range []string{sess.Kind, sess.TeamID, sess.TeamName, sess.Facilitator, sess.Title, sess.Position} {
		buf = appendRowString(buf, s)
	}
	for _, t := range []time.Time{sess.Started, sess.Ended} {
		if t.IsZero() {
			buf = append(buf, 0)
			continue
		}
		b, err := t.MarshalBinary()
		if err != nil { // a year out of range: it cannot have come from a record
			b = nil
		}
		buf = binary.AppendUvarint(buf, uint64(len(b)))
		buf = append(buf, b...)
	}
	for _, list := range [][]string{sess.Modules, sess.Exercises} {
		if list == nil {
			buf = append(buf, 0)
			continue
		}
		buf = binary.AppendUvarint(buf, uint64(len(list))+1)
		for _, s := range list {
			buf = appendRowString(buf, s)
		}
	}
	return buf
}

func appendRowString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// rowCRC is the checksum of a row: its key, then its bytes after the
// checksum.
func rowCRC(key, rest []byte) uint32 {
	return crc32.Update(crc32.Update(0, castagnoli, key), castagnoli, rest)
}

// decodeRow verifies the row at key and decodes it; reason says what is
// wrong with it, if anything is.
func decodeRow(key, val []byte) (sess model.Session, entries int, reason string) {
	return decodeRowIn(key, val, nil)
}

// decodeRowIn is decodeRow with the strings made through in, if not nil:
// a list's rows repeat their kinds, teams, facilitators and exercise ids.
func decodeRowIn(key, val []byte, in *interner) (sess model.Session, entries int, reason string) {
	id, ok := sessionIDFromTimeKey(key)
	switch {
	case !ok:
		return sess, 0, "malformed key"
	case len(val) < 5:
		return sess, 0, "too short"
	case val[0] != rowVersion:
		return sess, 0, "unknown row version"
	case binary.BigEndian.Uint32(val[1:5]) != rowCRC(key, val[5:]):
		return sess, 0, "checksum mismatch"
	}
	p := rowScan{b: val[5:], ok: true, in: in}
	n := p.uvarint()
	for _, dst := range []*string{&sess.Kind, &sess.TeamID, &sess.TeamName, &sess.Facilitator, &sess.Title, &sess.Position} {
		*dst = p.string()
	}
	for _, dst := range []*time.Time{&sess.Started, &sess.Ended} {
		if b := p.bytes(); len(b) > 0 && p.ok {
			if err := dst.UnmarshalBinary(b); err != nil {
				p.ok = false
			}
		}
	}
	for _, dst := range []*[]string{&sess.Modules, &sess.Exercises} {
		m := p.uvarint()
		if m == 0 || !p.ok {
			continue
		}
		if m-1 > uint64(len(p.b)) { // each string takes a byte at least
			p.ok = false
			break
		}
		list := make([]string, m-1)
		for i := range list {
			list[i] = p.string()
		}
		*dst = list
	}
	switch {
	case !p.ok || n > 1<<31:
		return model.Session{}, 0, "undecodable"
	case len(p.b) != 0:
		return model.Session{}, 0, "trailing bytes"
	case !bytes.Equal(timeBytes(sess.Started), key[:8]):
		return model.Session{}, 0, "its start time is not its key's"
	}
	sess.ID = id
	return sess, int(n), ""
}

// rowScan reads a row's fields; ok turns false at the first one that
// does not fit, and stays so.
type rowScan struct {
	b  []byte
	ok bool
	in *interner
}

func (p *rowScan) uvarint() uint64 {
	n, w := binary.Uvarint(p.b)
	if w <= 0 {
		p.ok, p.b = false, nil
		return 0
	}
	p.b = p.b[w:]
	return n
}

func (p *rowScan) bytes() []byte {
	n := p.uvarint()
	if !p.ok || n > uint64(len(p.b)) {
		p.ok, p.b = false, nil
		return nil
	}
	out := p.b[:n]
	p.b = p.b[n:]
	return out
}

func (p *rowScan) string() string { return p.in.string(p.bytes()) }

// interner hands out one string for equal bytes, up to a bound, so that a
// page of rows holds each repeated text once.
type interner map[string]string

// internMax bounds an interner's strings.
const internMax = 4096

func (in *interner) string(b []byte) string {
	if in == nil {
		return string(b)
	}
	if s, ok := (*in)[string(b)]; ok { // no copy for the lookup
		return s
	}
	s := string(b)
	if *in == nil {
		*in = make(interner, 256)
	}
	if len(*in) < internMax {
		(*in)[s] = s
	}
	return s
}

// rowDamaged is the error for a row that cannot be read.
func rowDamaged(key []byte, reason string) error {
	return &RecordDamagedError{Bucket: bucketRows, Key: formatKey(key), Reason: reason}
}

// sessionAsSaved is the session that decoding data, its record's JSON,
// gives: what a row must hold, whatever the value written (a time's
// monotonic reading, an empty list) held.
func sessionAsSaved(data []byte) (model.Session, error) {
	var sess model.Session
	err := decodeSession(data, &sess)
	return sess, err
}

// putRow writes the row of sess (as saved) in tx, with the entry count
// stored for it, and removes the row under oldKey if that is another key.
func (s *Store) putRow(tx *bolt.Tx, sess model.Session, oldKey []byte) error {
	bs, err := s.buckets(tx, bucketRows, bucketEntryCounts)
	if err != nil {
		return err
	}
	rows, counts := bs[0], bs[1]
	key := rowKey(sess)
	if oldKey != nil && !bytes.Equal(oldKey, key) {
		if err := rows.Delete(oldKey); err != nil {
			return err
		}
	}
	n, _ := countOf(counts.Get([]byte(sess.ID)))
	rows.FillPercent = entriesFillPercent // rows arrive in time order, as sessions do
	return rows.Put(key, encodeRow(key, sess, int(n)))
}

// setRowCount puts n as the entry count in the row of session id. A file
// still being migrated to the schema of rows has no rows bucket yet: the
// migration writes them afterwards.
func (s *Store) setRowCount(tx *bolt.Tx, id string, n int) error {
	rows := tx.Bucket([]byte(bucketRows))
	if rows == nil {
		return nil
	}
	sessions, err := s.bucket(tx, bucketSessions)
	if err != nil {
		return err
	}
	var sess model.Session
	found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
	var key []byte
	switch {
	case !found:
		return nil // no session, no row (a deletion removes its count afterwards)
	case err == nil:
		key = rowKey(sess)
	default: // the record cannot be read: find the row by its id
		if key = findRowKey(rows, id); key == nil {
			return nil
		}
	}
	val := rows.Get(key)
	row, _, reason := decodeRow(key, val)
	if val == nil || reason != "" {
		return fmt.Errorf("huddle: the list row of session %q is missing or damaged: run huddle doctor: %w",
			id, rowDamaged(key, "missing or unreadable"))
	}
	return rows.Put(key, encodeRow(key, row, n))
}

// findRowKey finds the row of session id by scanning every row.
func findRowKey(rows *bolt.Bucket, id string) []byte {
	c := rows.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if got, ok := sessionIDFromTimeKey(k); ok && got == id {
			return bytes.Clone(k)
		}
	}
	return nil
}

// encodeSessionRecord is the JSON of a session record and the session as
// decoding it gives.
func encodeSessionRecord(sess model.Session) ([]byte, model.Session, error) {
	data, err := json.Marshal(sess)
	if err != nil {
		return nil, sess, err
	}
	saved, err := sessionAsSaved(data)
	return data, saved, err
}

package store

import (
	"bytes"
	"hash/fnv"

	"github.com/carehuddle/huddle/model"
)

// The check of the list rows (rows.go) keeps a 64-bit sum of what each
// session's row should hold, made from its record, and of what each row
// holds, with its entry count, never the rows themselves. It proves that
// every row passes its checksum, names an existing session, holds exactly
// what decoding that session's record gives and its number of entries,
// and that every session has one row.

// rowCheck is what the check keeps of the rows bucket besides each
// session's figures (rowFigures, kept with its counted figures, so that
// a large file's check holds no second map of every session). It is
// judged at the end, and only in a file of schema 3 or later: a file of
// schema 2 may hold the rows of a migration that was cut short, which the
// next one throws away.
type rowCheck struct {
	malformed [][]byte
	damaged   map[string]error // why a session's row cannot be read
}

// rowFigures are what the check keeps of a session's rows.
type rowFigures struct {
	rowSum     uint64
	rowEntries int32
	rows       int32 // rows found for the session (more than one is a problem)
}

// rowSum is the sum of what a row holds of sess, besides its count.
func rowSum(sess model.Session) uint64 {
	h := fnv.New64a()
	h.Write(appendRowFields(nil, sess))
	return h.Sum64()
}

// rowLeaf checks one row.
func (c *recordCheck) rowLeaf(k, v []byte) {
	c.r.Indexed[bucketRows]++
	id, ok := sessionIDFromTimeKey(k)
	if !ok {
		c.rows.malformed = append(c.rows.malformed, bytes.Clone(k))
		return
	}
	f := &c.counted.of([]byte(id)).rowFigures
	f.rows++
	sess, entries, reason := decodeRow(k, v)
	if reason != "" {
		if c.rows.damaged == nil {
			c.rows.damaged = map[string]error{}
		}
		c.rows.damaged[id] = rowDamaged(k, reason)
		return
	}
	f.rowSum, f.rowEntries = rowSum(sess), int32(min(entries, 1<<31-1))
}

// finishRows compares the rows with the sessions and their entries.
func (c *recordCheck) finishRows() {
	for _, k := range c.rows.malformed {
		c.r.problem("bucket %s has a malformed key %s", bucketRows, formatKey(k))
	}
	figures := c.counted.sessions
	for _, id := range sortedKeys(figures) {
		cf := figures[id]
		f := &cf.rowFigures
		sess, exists := c.sessions[id]
		switch {
		case f.rows == 0:
			if sess != nil {
				c.r.problem("session %s has no list row in bucket %s", formatKey([]byte(id)), bucketRows)
			}
		case c.rows.damaged[id] != nil:
			c.r.damaged(c.rows.damaged[id])
		case !exists:
			c.r.problem("bucket %s has a list row of session %s, which does not exist", bucketRows, formatKey([]byte(id)))
		case f.rows > 1:
			c.r.problem("bucket %s has %d list rows of session %s", bucketRows, f.rows, formatKey([]byte(id)))
		case sess == nil:
			// the record is damaged: reported as damage
		case f.rowSum != sess.row:
			c.r.problem("bucket %s has a list row of session %s that does not match its record", bucketRows, formatKey([]byte(id)))
		case int(f.rowEntries) != cf.entries:
			c.r.problem("bucket %s has a list row of session %s that counts %d entries, not %d", bucketRows,
				formatKey([]byte(id)), f.rowEntries, cf.entries)
		}
	}
	// Sessions with no figures at all have no row either.
	for _, id := range sortedKeys(c.sessions) {
		if c.sessions[id] != nil && figures[id] == nil {
			c.r.problem("session %s has no list row in bucket %s", formatKey([]byte(id)), bucketRows)
		}
	}
}

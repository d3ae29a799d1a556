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

// rowFigures are what the check keeps of one row.
type rowFigures struct {
	sum     uint64
	entries int
	rows    int   // rows found for the session (more than one is a problem)
	damage  error // why the row cannot be read, if it cannot
}

// rowCheck is what the check keeps of the rows bucket. It is judged at
// the end, and only in a file of schema 3 or later: a file of schema 2 may
// hold the rows of a migration that was cut short, which the next one
// throws away.
type rowCheck struct {
	figures   map[string]*rowFigures
	malformed [][]byte
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
	rc := &c.rows
	id, ok := sessionIDFromTimeKey(k)
	if !ok {
		rc.malformed = append(rc.malformed, bytes.Clone(k))
		return
	}
	if rc.figures == nil {
		rc.figures = map[string]*rowFigures{}
	}
	f := rc.figures[id]
	if f == nil {
		f = &rowFigures{}
		rc.figures[id] = f
	}
	f.rows++
	sess, entries, reason := decodeRow(k, v)
	if reason != "" {
		f.damage = rowDamaged(k, reason)
		return
	}
	f.sum, f.entries = rowSum(sess), entries
}

// finishRows compares the rows with the sessions and their entries.
func (c *recordCheck) finishRows() {
	rc := &c.rows
	for _, k := range rc.malformed {
		c.r.problem("bucket %s has a malformed key %s", bucketRows, formatKey(k))
	}
	for _, id := range sortedKeys(rc.figures) {
		f := rc.figures[id]
		sess, exists := c.sessions[id]
		entries := 0
		if cf := c.counted.sessions[id]; cf != nil {
			entries = cf.entries
		}
		switch {
		case f.damage != nil:
			c.r.damaged(f.damage)
		case !exists:
			c.r.problem("bucket %s has a list row of session %s, which does not exist", bucketRows, formatKey([]byte(id)))
		case f.rows > 1:
			c.r.problem("bucket %s has %d list rows of session %s", bucketRows, f.rows, formatKey([]byte(id)))
		case sess == nil:
			// the record is damaged: reported as damage
		case f.sum != sess.row:
			c.r.problem("bucket %s has a list row of session %s that does not match its record", bucketRows, formatKey([]byte(id)))
		case f.entries != entries:
			c.r.problem("bucket %s has a list row of session %s that counts %d entries, not %d", bucketRows,
				formatKey([]byte(id)), f.entries, entries)
		}
	}
	for _, id := range sortedKeys(c.sessions) {
		if c.sessions[id] != nil && rc.figures[id] == nil {
			c.r.problem("session %s has no list row in bucket %s", formatKey([]byte(id)), bucketRows)
		}
	}
}

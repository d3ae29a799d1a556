package store

import (
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
	rows    int // rows found for the session (more than one is a problem)
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
	sess, entries, reason := decodeRow(k, v)
	id, ok := sessionIDFromTimeKey(k)
	if !ok {
		c.r.problem("bucket %s has a malformed key %s", bucketRows, formatKey(k))
		return
	}
	if c.rows == nil {
		c.rows = map[string]*rowFigures{}
	}
	f := c.rows[id]
	if f == nil {
		f = &rowFigures{}
		c.rows[id] = f
	}
	f.rows++
	if reason != "" {
		c.r.damaged(rowDamaged(k, reason))
		f.sum = 0
		f.entries = -1 // damaged: reported once, as damage
		return
	}
	f.sum, f.entries = rowSum(sess), entries
}

// finishRows compares the rows with the sessions and their entries.
func (c *recordCheck) finishRows() {
	for _, id := range sortedKeys(c.rows) {
		f := c.rows[id]
		sess, exists := c.sessions[id]
		entries := 0
		if cf := c.counted.sessions[id]; cf != nil {
			entries = cf.entries
		}
		switch {
		case !exists:
			c.r.problem("bucket %s has a list row of session %s, which does not exist", bucketRows, formatKey([]byte(id)))
		case f.rows > 1:
			c.r.problem("bucket %s has %d list rows of session %s", bucketRows, f.rows, formatKey([]byte(id)))
		case f.entries < 0 || sess == nil:
			// a damaged row, or a damaged record: reported as damage
		case f.sum != sess.row:
			c.r.problem("bucket %s has a list row of session %s that does not match its record", bucketRows, formatKey([]byte(id)))
		case f.entries != entries:
			c.r.problem("bucket %s has a list row of session %s that counts %d entries, not %d", bucketRows,
				formatKey([]byte(id)), f.entries, entries)
		}
	}
	for _, id := range sortedKeys(c.sessions) {
		if c.sessions[id] != nil && c.rows[id] == nil {
			c.r.problem("session %s has no list row in bucket %s", formatKey([]byte(id)), bucketRows)
		}
	}
}

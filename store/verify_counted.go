package store

import (
	"bytes"
	"sort"
)

// The check of the counted buckets (search_words, search_postings,
// entry_counts) holds a few figures per word and per session, never the
// postings themselves, so that it stays small on a large file. It proves
// that every value is a count above zero; that every posting names an
// existing session at that session's start time; that search_words counts
// each word's postings exactly; and that entry_counts holds each
// session's number of entries exactly. That each posting matches the text
// of its records is not proved: a missing posting could only hide a
// session from a search, never show a wrong hit, since every hit is made
// from a verified record.

// countedCheck gathers what the check of the counted buckets needs.
type countedCheck struct {
	postingsPerWord map[string]uint32 // postings seen per word
	wordCounts      map[string]uint32 // search_words as stored
	sessions        map[string]*sessionFigures
}

// sessionFigures are one session's figures: its postings' time, its
// entries counted from their keys, and its count as stored.
type sessionFigures struct {
	postingTime  [8]byte // the time of the first posting seen
	postings     bool    // postings seen
	severalTimes bool    // postings at more than one time
	entries      int
	entryCount   uint32
	counted      bool // entry_counts holds the session
	rowFigures        // its list rows (verify_rows.go)
}

func newCountedCheck() *countedCheck {
	return &countedCheck{postingsPerWord: map[string]uint32{}, wordCounts: map[string]uint32{},
		sessions: map[string]*sessionFigures{}}
}

// of returns the figures of session id, made if need be.
func (cc *countedCheck) of(id []byte) *sessionFigures {
	f := cc.sessions[string(id)] // no copy of id when the session is known
	if f == nil {
		f = &sessionFigures{}
		cc.sessions[string(id)] = f
	}
	return f
}

// isCountedBucket reports whether name is a counted bucket.
func isCountedBucket(name string) bool {
	return name == bucketWords || name == bucketPostings || name == bucketEntryCounts
}

// countedLeaf checks one key and value of a counted bucket.
func (c *recordCheck) countedLeaf(name string, k, v []byte) {
	c.r.Indexed[name]++
	n, ok := countOf(v)
	if name == bucketPostings {
		p, valid := decodePosting(v)
		n, ok = p.n, valid
	}
	if !ok {
		c.r.problem("bucket %s has a value that is not a count under key %s", name, formatKey(k))
		return
	}
	cc := c.counted
	switch name {
	case bucketWords:
		cc.wordCounts[string(k)] = n
	case bucketEntryCounts:
		f := cc.of(k)
		f.entryCount, f.counted = n, true
	case bucketPostings:
		word, at, id, ok := splitPostingKey(k)
		if !ok {
			c.r.problem("index %s has a malformed key %s", name, formatKey(k))
			return
		}
		cc.postingsPerWord[string(word)]++
		var t [8]byte
		copy(t[:], at)
		f := cc.of(id)
		switch {
		case !f.postings:
			f.postingTime, f.postings = t, true
		case f.postingTime != t:
			f.severalTimes = true
		}
	}
}

// finishCounted compares the counted buckets with the sessions and
// entries the walk found.
func (c *recordCheck) finishCounted() {
	cc := c.counted
	ids := sortedKeys(cc.sessions)
	for _, id := range ids {
		f := cc.sessions[id]
		if !f.postings {
			continue
		}
		sess, exists := c.sessions[id]
		switch {
		case !exists:
			c.r.problem("index %s points to session %s, which does not exist", bucketPostings, formatKey([]byte(id)))
		case f.severalTimes:
			c.r.problem("index %s holds session %s at more than one time", bucketPostings, formatKey([]byte(id)))
		case sess != nil && !bytes.Equal(timeBytes(sess.started), f.postingTime[:]):
			c.r.problem("index %s has stale keys for session %s", bucketPostings, formatKey([]byte(id)))
		}
	}
	for _, w := range sortedKeys(cc.postingsPerWord) {
		if cc.wordCounts[w] != cc.postingsPerWord[w] {
			c.r.problem("index %s counts %d sessions for a word held by %d", bucketWords, cc.wordCounts[w], cc.postingsPerWord[w])
		}
	}
	for _, w := range sortedKeys(cc.wordCounts) {
		if _, ok := cc.postingsPerWord[w]; !ok {
			c.r.problem("index %s counts a word that no session holds", bucketWords)
		}
	}
	for _, id := range ids {
		f := cc.sessions[id]
		switch {
		case f.entries > 0 && int(f.entryCount) != f.entries:
			c.r.problem("bucket %s counts %d entries for session %s, which has %d", bucketEntryCounts,
				f.entryCount, formatKey([]byte(id)), f.entries)
		case f.entries == 0 && f.counted:
			c.r.problem("bucket %s counts entries for session %s, which has none", bucketEntryCounts, formatKey([]byte(id)))
		}
	}
}

// sortedKeys returns the keys of m in order, so that problems are listed
// the same way each time.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

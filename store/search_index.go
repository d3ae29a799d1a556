package store

import (
	"bytes"
	"container/heap"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// How Search uses the index. The query, folded, is cut into words as the
// index cuts text (wordindex.go). Wherever a text holds the query, each of
// the query's words lies inside one word of that text: a word in the
// middle of the query is a whole word there; the first may be the end of
// a longer word, the last its start, and a query of one word any part of
// one. So each query word is looked up in search_words as what it can
// be: equal, a prefix, a suffix or a part. The query word whose
// candidates are held by the fewest sessions leads: the postings of its
// candidate words are read newest session first, merged, and a session
// goes on to be searched only if it also holds a candidate of every other
// query word. A query with no word at all (only punctuation) reads every
// session, as before the index.

// maxLeadWords bounds the candidate words the lead query word may have;
// past it (a query of one or two common letters) reading every session
// costs no more than merging that many postings.
const maxLeadWords = 20000

// maxCheckWords bounds the candidates of a query word that is checked
// session by session; a word with more is not checked (the search of the
// session's records decides).
const maxCheckWords = 64

// queryWord is one word of the query and the index words it can be.
type queryWord struct {
	text           string
	atStart, atEnd bool // the word touches the start or end of the query
	words          [][]byte
	sessions       uint64 // postings of all its candidates
}

// searchPlan is the index's answer for one query: the lead word's
// candidates, and the other words to check.
type searchPlan struct {
	s        *Store
	postings *bolt.Bucket
	lead     *queryWord
	others   []*queryWord
}

// queryWords cuts the folded query into words.
func queryWords(query []rune) []*queryWord {
	var out []*queryWord
	start := -1
	for i := 0; i <= len(query); i++ {
		if i < len(query) && isWordRune(query[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, &queryWord{text: string(query[start:i]), atStart: start == 0, atEnd: i == len(query)})
			start = -1
		}
	}
	return out
}

// useIndex is false only in tests that compare the index's answers with
// those of reading every session.
var useIndex = true

// planSearch looks the query's words up in the index; nil means the
// search reads every session in range.
func (s *Store) planSearch(tx *bolt.Tx, m *matcher) *searchPlan {
	if !useIndex {
		return nil
	}
	words, postings := tx.Bucket([]byte(bucketWords)), tx.Bucket([]byte(bucketPostings))
	if words == nil || postings == nil {
		return nil
	}
	qs := queryWords(m.query)
	if len(qs) == 0 {
		return nil
	}
	long := words.Get([]byte(longWord))
	for _, q := range qs {
		q.words = candidates(words, q)
		if long != nil {
			// A word too long for the index may hold this one.
			q.words = append(q.words, []byte(longWord))
		}
		for _, w := range q.words {
			n, _ := countOf(words.Get(w))
			q.sessions += uint64(n)
		}
	}
	plan := &searchPlan{s: s, postings: postings}
	for _, q := range qs {
		if plan.lead == nil || q.sessions < plan.lead.sessions {
			plan.lead = q
		}
	}
	if len(plan.lead.words) > maxLeadWords {
		return nil
	}
	for _, q := range qs {
		if q != plan.lead && len(q.words) <= maxCheckWords {
			plan.others = append(plan.others, q)
		}
	}
	return plan
}

// candidates lists the index words that q can lie in.
func candidates(words *bolt.Bucket, q *queryWord) [][]byte {
	if len(q.text) > maxWordBytes {
		return nil // only in a long word
	}
	key := []byte(q.text)
	var out [][]byte
	switch {
	case !q.atStart && !q.atEnd:
		if words.Get(key) != nil {
			out = append(out, key)
		}
	case !q.atStart: // the last word: the start of a word
		c := words.Cursor()
		for k, _ := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, _ = c.Next() {
			out = append(out, bytes.Clone(k))
		}
	default: // the end of a word, or any part of one
		match := bytes.Contains
		if !q.atEnd {
			match = bytes.HasSuffix
		}
		c := words.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if match(k, key) && string(k) != longWord {
				out = append(out, bytes.Clone(k))
			}
		}
	}
	return out
}

// walk calls fn with every session in f's time range that holds a
// candidate of every query word, newest first, until fn returns false;
// refs are the session's records that hold a candidate of the lead word,
// or nil when they are not all listed (the whole session must be read).
func (p *searchPlan) walk(f SearchFilter, fn func(id string, refs [][]byte) (bool, error)) error {
	var to, from []byte
	if !f.To.IsZero() {
		to = timeBytes(f.To)
	}
	if !f.From.IsZero() {
		from = timeBytes(f.From)
	}
	h := &postingHeap{}
	for _, w := range p.lead.words {
		prefix := append(bytes.Clone(w), 0)
		c := p.postings.Cursor()
		// The first key past the range, then one step back.
		end := append(bytes.Clone(w), 1)
		if to != nil {
			end = append(bytes.Clone(prefix), to...)
		}
		k, v := c.Seek(end)
		if k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
		if k != nil && bytes.HasPrefix(k, prefix) {
			heap.Push(h, &postingCursor{c: c, prefix: prefix, key: k, val: v})
		}
	}
	for h.Len() > 0 {
		at := bytes.Clone((*h)[0].key[len((*h)[0].prefix):]) // time(8) session id
		if from != nil && bytes.Compare(at[:8], from) < 0 {
			return nil
		}
		// Every lead word's posting of this session: the records they list.
		var refs [][]byte
		listed := true
		for h.Len() > 0 && bytes.Equal((*h)[0].key[len((*h)[0].prefix):], at) {
			top := (*h)[0]
			if p, ok := decodePosting(top.val); ok && p.listed && listed {
				refs = append(refs, p.refs...)
			} else {
				listed = false
			}
			if k, v := top.c.Prev(); k != nil && bytes.HasPrefix(k, top.prefix) {
				top.key, top.val = k, v
				heap.Fix(h, 0)
			} else {
				heap.Pop(h)
			}
		}
		if listed {
			slices.SortFunc(refs, bytes.Compare)
			refs = slices.CompactFunc(refs, bytes.Equal)
		} else {
			refs = nil
		}
		if p.holdsOthers(at) {
			more, err := fn(string(at[8:]), refs)
			if err != nil || !more {
				return err
			}
		}
	}
	return nil
}

// holdsOthers reports whether the session at (time and id) holds a
// candidate of each of the other query words.
func (p *searchPlan) holdsOthers(at []byte) bool {
	for _, q := range p.others {
		found := false
		for _, w := range q.words {
			if p.postings.Get(joinKey(w, []byte{0}, at)) != nil {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// postingCursor reads one word's postings backwards.
type postingCursor struct {
	c      *bolt.Cursor
	prefix []byte // the word and its NUL
	key    []byte // the posting it stands on
	val    []byte // and its value
}

// postingHeap orders cursors newest posting first (time, then session id,
// as the sessions_by_time index does).
type postingHeap []*postingCursor

func (h postingHeap) Len() int { return len(h) }
func (h postingHeap) Less(i, j int) bool {
	return bytes.Compare(h[i].key[len(h[i].prefix):], h[j].key[len(h[j].prefix):]) > 0
}
func (h postingHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *postingHeap) Push(x any)   { *h = append(*h, x.(*postingCursor)) }
func (h *postingHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

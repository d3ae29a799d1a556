package store

import (
	"bytes"
	"encoding/binary"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// The search index maps words to the sessions whose text holds them, so
// that a search reads only the sessions that can match, however large the
// database grows. It is kept in the same write transaction as every
// record it covers, and it is a filter, never the answer: each session it
// names is searched as before (matcher.go), so a hit is always made from
// a verified record.
//
// A word is a run of letters and digits after folding each character as
// the search does (foldRune: case, and accents of Latin letters). Every
// word of a session's title and team name, of its entries' text and of
// its actions' text and owner is indexed:
//
//	search_words     word -> sessions(4)            how many sessions hold the word
//	search_postings  word 0x00 time(8) id -> n(4)   the session (started at time) holds
//	                                                the word in n of its records
//
// The counts make every change exact: a record's words are added when it
// is saved and taken away when it changes or goes, and a posting is
// deleted when its count falls to zero, so a deleted session leaves no
// word of its own behind (erase.go). A word longer than maxWordBytes is
// indexed as longWord, which every search also reads.

// maxWordBytes is the longest word the index keeps as it is.
const maxWordBytes = 64

// longWord stands for every word longer than maxWordBytes. It holds no
// letter or digit, so no real word is equal to it.
const longWord = "\x01"

// wordsOf calls add with every distinct folded word of texts.
func wordsOf(add func(w string), texts ...string) {
	var seen map[string]bool
	var buf []byte
	flush := func() {
		if len(buf) == 0 {
			return
		}
		w := longWord
		if len(buf) <= maxWordBytes {
			w = string(buf)
		}
		buf = buf[:0]
		if seen == nil {
			seen = map[string]bool{}
		}
		if !seen[w] {
			seen[w] = true
			add(w)
		}
	}
	for _, text := range texts {
		for _, r := range text {
			if f := foldRune(r); isWordRune(f) {
				buf = utf8.AppendRune(buf, f)
				continue
			}
			flush()
		}
		flush()
	}
}

// isWordRune reports whether a folded character is part of a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordRecs is how many of a session's records hold a word, and which
// (while there are at most maxRefs and each is known).
type wordRecs struct {
	n        uint32
	refs     [][]byte
	unlisted bool
}

// wordCounts counts, for each word, the records of a session that hold it.
type wordCounts map[string]*wordRecs

// add counts the words of one record, ref (nil if it cannot be named).
func (c wordCounts) add(ref []byte, texts ...string) {
	wordsOf(func(w string) {
		r := c[w]
		if r == nil {
			r = &wordRecs{}
			c[w] = r
		}
		r.n++
		switch {
		case r.unlisted:
		case ref == nil || len(r.refs) == maxRefs:
			r.refs, r.unlisted = nil, true
		default:
			r.refs = append(r.refs, ref)
		}
	}, texts...)
}

// Words of each kind of record.
func textsOfSession(s model.Session) []string { return []string{s.Title, s.TeamName} }
func textsOfEntry(e model.Entry) []string     { return []string{e.Text} }
func textsOfAction(a model.Action) []string   { return []string{a.Text, a.Owner} }

// postingKey is the search_postings key of word in session id.
func postingKey(word string, started time.Time, id string) []byte {
	return joinKey([]byte(word), []byte{0}, timeBytes(started), []byte(id))
}

// splitPostingKey returns the word, time bytes and session id of a
// posting key.
func splitPostingKey(k []byte) (word, at, id []byte, ok bool) {
	i := bytes.IndexByte(k, 0)
	if i < 1 || len(k) <= i+1+8 {
		return nil, nil, nil, false
	}
	return k[:i], k[i+1 : i+9], k[i+9:], true
}

// count4 encodes a count as the 4 bytes the counted buckets hold.
func count4(n uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], n)
	return b[:]
}

// countOf decodes a counted bucket's value; ok is false if it is not one.
func countOf(v []byte) (uint32, bool) {
	if len(v) != 4 {
		return 0, false
	}
	n := binary.BigEndian.Uint32(v)
	return n, n > 0
}

// wordIndex is the search index inside one write transaction.
type wordIndex struct {
	words, postings *bolt.Bucket
}

func (s *Store) wordIndex(tx *bolt.Tx) (*wordIndex, error) {
	bs, err := s.buckets(tx, bucketWords, bucketPostings)
	if err != nil {
		return nil, err
	}
	return &wordIndex{words: bs[0], postings: bs[1]}, nil
}

// bump adds delta to the count at key of b, deleting the key at zero; it
// returns the count before and after. A count that would go below zero
// stays at zero.
func bump(b *bolt.Bucket, key []byte, delta int) (before, after uint32, err error) {
	before, _ = countOf(b.Get(key))
	n := int64(before) + int64(delta)
	if n <= 0 {
		if before == 0 {
			return 0, 0, nil
		}
		return before, 0, b.Delete(key)
	}
	return before, uint32(n), b.Put(key, count4(uint32(n)))
}

// change moves session id's postings from the words of a record's old
// texts to those of its new ones; ref names the record.
func (ix *wordIndex) change(id string, started time.Time, ref []byte, old, new []string) error {
	before, after := wordCounts{}, wordCounts{}
	if old != nil {
		before.add(ref, old...)
	}
	if new != nil {
		after.add(ref, new...)
	}
	for w := range before {
		if after[w] != nil {
			delete(after, w)
			delete(before, w)
		}
	}
	if err := ix.apply(id, started, before, -1); err != nil {
		return err
	}
	return ix.apply(id, started, after, 1)
}

// apply adds (sign 1) or takes away (sign -1) counts of session id's
// postings, keeping search_words in step.
func (ix *wordIndex) apply(id string, started time.Time, counts wordCounts, sign int) error {
	for w, r := range counts {
		key := postingKey(w, started, id)
		var p posting
		if v := ix.postings.Get(key); v != nil {
			p, _ = decodePosting(v) // a malformed value counts from nothing
		}
		before := p.n
		if sign > 0 {
			p.addRefs(r.n, r.refs, r.unlisted)
		} else {
			p.removeRefs(r.n, r.refs, r.unlisted)
		}
		var err error
		switch {
		case p.n == 0 && before == 0:
		case p.n == 0:
			if err = ix.postings.Delete(key); err == nil {
				_, _, err = bump(ix.words, []byte(w), -1)
			}
		default:
			if err = ix.postings.Put(key, p.encode()); err == nil && before == 0 {
				_, _, err = bump(ix.words, []byte(w), 1)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// removeByScan deletes every posting of session id, found by reading the
// whole postings bucket: for a session whose records cannot all be read.
func (ix *wordIndex) removeByScan(id string) error {
	var keys [][]byte
	err := ix.postings.ForEach(func(k, _ []byte) error {
		if _, _, got, ok := splitPostingKey(k); ok && string(got) == id {
			keys = append(keys, bytes.Clone(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		word, _, _, _ := splitPostingKey(k)
		if err := ix.postings.Delete(k); err != nil {
			return err
		}
		if _, _, err := bump(ix.words, word, -1); err != nil {
			return err
		}
	}
	return nil
}

// sessionWords counts the words of every record of session sess. ok is
// false if a record could not be read (its words are then unknown).
func (s *Store) sessionWords(tx *bolt.Tx, sess model.Session) (counts wordCounts, ok bool, err error) {
	return s.recordWords(tx, sess, true)
}

// recordWords counts the words of session sess's entries and actions, and
// of its own record if withSession.
func (s *Store) recordWords(tx *bolt.Tx, sess model.Session, withSession bool) (counts wordCounts, ok bool, err error) {
	bs, err := s.buckets(tx, bucketEntries, bucketActions)
	if err != nil {
		return nil, false, err
	}
	counts, ok = wordCounts{}, true
	if withSession {
		counts.add(sessionRef(), textsOfSession(sess)...)
	}
	prefix := prefixKey(sess.ID)
	err = scanPrefix(bs[0], prefix, func(k, v []byte) error {
		var e model.Entry
		if decodeRecord(bucketEntries, k, v, &e) != nil {
			ok = false
			return nil
		}
		counts.add(entryRef(k, prefix), textsOfEntry(e)...)
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	err = scanPrefix(bs[1], prefixKey(sess.ID), func(k, v []byte) error {
		var a model.Action
		if decodeRecord(bucketActions, k, v, &a) != nil {
			ok = false
			return nil
		}
		counts.add(actionRef(a.ID), textsOfAction(a)...)
		return nil
	})
	return counts, ok, err
}

// indexSession writes the postings of a session's records that have none
// yet (its own record too if withSession), and its entry count: for a
// session added with its records at once (an import, the migration,
// generated data).
func (s *Store) indexSession(tx *bolt.Tx, sess model.Session, withSession bool) error {
	ix, err := s.wordIndex(tx)
	if err != nil {
		return err
	}
	counts, _, err := s.recordWords(tx, sess, withSession)
	if err != nil {
		return err
	}
	if err := ix.apply(sess.ID, sess.Started, counts, 1); err != nil {
		return err
	}
	return s.recountEntries(tx, sess.ID)
}

// unindexSession deletes every posting and the entry count of session id,
// whose record (nil if it cannot be read) is sess.
func (s *Store) unindexSession(tx *bolt.Tx, id string, sess *model.Session) error {
	ix, err := s.wordIndex(tx)
	if err != nil {
		return err
	}
	counts, ok := wordCounts(nil), false
	if sess != nil {
		if counts, ok, err = s.sessionWords(tx, *sess); err != nil {
			return err
		}
	}
	if ok {
		// Each posting goes whole, whatever its count says.
		for _, r := range counts {
			r.n, r.refs, r.unlisted = 1<<31, nil, true
		}
		err = ix.apply(id, sess.Started, counts, -1)
	} else {
		err = ix.removeByScan(id)
	}
	if err != nil {
		return err
	}
	counted, err := s.bucket(tx, bucketEntryCounts)
	if err != nil {
		return err
	}
	return counted.Delete([]byte(id))
}

// unindexRecord takes the words of one record of session sessionID (ref,
// with its texts) out of the search index, inside tx: what deleting an
// entry or an action does before the record goes.
func (s *Store) unindexRecord(tx *bolt.Tx, sessionID string, ref []byte, texts []string) error {
	started, err := s.sessionStarted(tx, sessionID)
	if err != nil {
		return err
	}
	ix, err := s.wordIndex(tx)
	if err != nil {
		return err
	}
	return ix.change(sessionID, started, ref, texts, nil)
}

// sessionStarted reads the start time of session id inside a write
// transaction, for the keys of its postings.
func (s *Store) sessionStarted(tx *bolt.Tx, id string) (time.Time, error) {
	sessions, err := s.bucket(tx, bucketSessions)
	if err != nil {
		return time.Time{}, err
	}
	var sess model.Session
	found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
	switch {
	case !found:
		return time.Time{}, notFound("session", id)
	case err != nil:
		return time.Time{}, err
	}
	return sess.Started, nil
}

// indexSessionRecord keeps the postings in step when a session's record
// is written over old (nil for a new session, whose postings are made
// here or, with its records, by indexSession). A new start time moves
// every posting of the session.
func (s *Store) indexSessionRecord(tx *bolt.Tx, sess model.Session, old *model.Session) error {
	ix, err := s.wordIndex(tx)
	if err != nil {
		return err
	}
	switch {
	case old == nil:
		return ix.change(sess.ID, sess.Started, sessionRef(), nil, textsOfSession(sess))
	case old.Started.Equal(sess.Started):
		return ix.change(sess.ID, sess.Started, sessionRef(), textsOfSession(*old), textsOfSession(sess))
	}
	counts, ok, err := s.sessionWords(tx, *old)
	if err != nil {
		return err
	}
	if !ok {
		return s.unindexAndIndex(tx, sess)
	}
	if err := ix.apply(sess.ID, old.Started, counts, -1); err != nil {
		return err
	}
	counts, _, err = s.sessionWords(tx, sess)
	if err != nil {
		return err
	}
	return ix.apply(sess.ID, sess.Started, counts, 1)
}

// unindexAndIndex rebuilds the postings of a session from its records.
func (s *Store) unindexAndIndex(tx *bolt.Tx, sess model.Session) error {
	if err := s.unindexSession(tx, sess.ID, nil); err != nil {
		return err
	}
	return s.indexSession(tx, sess, true)
}

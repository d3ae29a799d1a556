package store

import (
	"bytes"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// SearchHit is one place a search matched: a captured entry, an action
// (its text or owner), or a session's title or team name (EntryID and
// ActionID empty).
type SearchHit struct {
	SessionID    string
	EntryID      string // "" unless an entry matched
	ActionID     string // "" unless an action matched; Field is then FieldAction or FieldActionOwner
	ExerciseID   string
	Group        string
	Field        string
	Snippet      string // one sanitised line around the first match
	SessionTitle string
	TeamName     string
	Kind         string // the session's kind
	Started      time.Time
}

// Fields of an action's hit.
const (
	FieldAction      = "action"
	FieldActionOwner = "action owner"
)

// Search finds query, without regard to case or accents ("cafe" finds
// "Café"), in the text of every live (not merged) captured entry, in the
// text and owner of every action, and in session titles and team names.
// Hits come newest session first: the session's own hit first, then its
// entries in capture order, then its actions. At most f's limit of hits
// are returned.
//
// The search index (wordindex.go) names the sessions that hold every word
// of the query; only those are read (search_index.go). Within a session,
// each stored record is first tested, as raw bytes, for a piece
// of the query that JSON stores verbatim (matcher.go); only the records
// that pass are verified (checksum) and decoded, and a hit is only ever
// made from a verified record. Damaged records among those are left out
// and reported in err (errors.Is(err, ErrRecordDamaged)), with the hits
// still returned.
func (s *Store) Search(query string, f SearchFilter) ([]SearchHit, error) {
	m := newMatcher(query)
	if m == nil {
		return nil, nil
	}
	if f.TeamID != "" {
		if err := checkID("team", f.TeamID); err != nil {
			return nil, err
		}
	}
	limit := f.limit()
	var hits []SearchHit
	var damaged []error
	full := func() bool { return limit >= 0 && len(hits) >= limit }
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := s.buckets(tx, bucketSessions, bucketEntries, bucketActions)
		if err != nil {
			return err
		}
		sessions, entries, actions := bs[0], bs[1], bs[2]
		c, ac := entries.Cursor(), actions.Cursor()
		// The session being searched is decoded (and verified) only when
		// it is needed: for the kind filter, its own match, or a hit.
		var sessID string
		var sessRaw []byte
		var sess *model.Session
		load := func() bool {
			if sess == nil {
				var x model.Session
				if err := decodeRecord(bucketSessions, []byte(sessID), sessRaw, &x); err != nil {
					damaged = append(damaged, err)
					return false
				}
				sess = &x
			}
			return true
		}
		var prefix []byte
		entry := func(k, v []byte) {
			if !m.maybe(v) {
				return
			}
			var e model.Entry
			if err := decodeRecord(bucketEntries, k, v, &e); err != nil {
				damaged = append(damaged, err)
				return
			}
			if e.Live() && m.matches(e.Text) && load() {
				hits = append(hits, sessionHit(sess, e, m.snippet(e.Text)))
			}
		}
		action := func(k, v []byte) {
			if !m.maybe(v) {
				return
			}
			var a model.Action
			if err := decodeRecord(bucketActions, k, v, &a); err != nil {
				damaged = append(damaged, err)
				return
			}
			field, text := FieldAction, a.Text
			if !m.matches(text) {
				field, text = FieldActionOwner, a.Owner
			}
			if !m.matches(text) || !load() {
				return
			}
			h := sessionHit(sess, model.Entry{ExerciseID: a.ExerciseID, Field: field}, m.snippet(text))
			h.ActionID = a.ID
			hits = append(hits, h)
		}
		// scan searches one session: all of it (refs nil), or only the
		// records refs names (search_index.go), in the same order.
		scanned := 0
		scan := func(id string, refs [][]byte) (bool, error) {
			if scanned++; scanned%128 == 0 {
				releaseMappedIn(tx) // a search of many sessions does not pile up their pages
			}
			raw := sessions.Get([]byte(id))
			if raw == nil {
				return true, nil
			}
			sessID, sessRaw, sess = id, raw, nil
			if f.Kind != "" && (!load() || sess.Kind != f.Kind) {
				return true, nil
			}
			if f.TeamID != "" && (!load() || sess.TeamID != f.TeamID) {
				return true, nil // the index's sessions are of every team
			}
			if (refs == nil || hasRef(refs, 's')) && m.maybe(raw) && load() {
				for _, text := range []string{sess.Title, sess.TeamName} {
					if m.matches(text) {
						hits = append(hits, sessionHit(sess, model.Entry{}, m.snippet(text)))
						break
					}
				}
			}
			prefix = prefixKey(id)
			if refs == nil {
				for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && !full(); k, v = c.Next() {
					entry(k, v)
				}
				for k, v := ac.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && !full(); k, v = ac.Next() {
					action(k, v)
				}
				return !full(), nil
			}
			for _, kind := range []byte{'e', 'a'} {
				b, each := entries, entry
				if kind == 'a' {
					b, each = actions, action
				}
				for _, r := range refs {
					if r[0] != kind || full() {
						continue
					}
					k := joinKey(prefix, r[1:])
					if v := b.Get(k); v != nil {
						each(k, v)
					}
				}
			}
			return !full(), nil
		}
		if plan := s.planSearch(tx, m); plan != nil {
			return plan.walk(f, scan)
		}
		return s.walkSessions(tx, f, func(id string) (bool, error) { return scan(id, nil) })
	})
	s.releaseMapped()
	if err != nil {
		return hits, err
	}
	return hits, s.seen(errors.Join(damaged...))
}

// hasRef reports whether refs name a record of kind.
func hasRef(refs [][]byte, kind byte) bool {
	for _, r := range refs {
		if r[0] == kind {
			return true
		}
	}
	return false
}

// sessionHit makes a hit in sess, of entry e if it has an id.
func sessionHit(sess *model.Session, e model.Entry, snippet string) SearchHit {
	return SearchHit{
		SessionID: sess.ID, EntryID: e.ID, ExerciseID: e.ExerciseID, Group: e.Group, Field: e.Field,
		Snippet: snippet, SessionTitle: sess.Title, TeamName: sess.TeamName, Kind: sess.Kind, Started: sess.Started,
	}
}

// Snippet sizes, in characters: context kept before the match, and the
// longest snippet.
const (
	snippetBefore = 30
	snippetMax    = 90
)

// snippet is one sanitised line of text around the first match.
func (m *matcher) snippet(text string) string {
	line := []rune(strings.TrimSpace(model.SanitizeLine(text)))
	at := max(indexFolded(line, m.query), 0)
	start := max(0, at-snippetBefore)
	end := min(len(line), start+snippetMax)
	if end-start < snippetMax {
		start = max(0, end-snippetMax)
	}
	out := string(line[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(line) {
		out += "…"
	}
	return out
}

// matches reports whether text holds the query, without regard to case.
func (m *matcher) matches(text string) bool {
	if len(text) < m.minBytes {
		return false
	}
	return indexFolded([]rune(text), m.query) >= 0
}

// indexFolded is the index in runes of needle (already folded) in text
// compared folded, or -1.
func indexFolded(text, needle []rune) int {
	if len(needle) == 0 {
		return 0
	}
	for i := 0; i+len(needle) <= len(text); i++ {
		j := 0
		for j < len(needle) && foldRune(text[i+j]) == needle[j] {
			j++
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}

// minBytesOf is the fewest bytes a text matching the folded query can
// have: one byte per ASCII rune, two per other rune.
func minBytesOf(q []rune) int {
	n := 0
	for _, r := range q {
		if r < utf8.RuneSelf {
			n++
		} else {
			n += 2
		}
	}
	return n
}

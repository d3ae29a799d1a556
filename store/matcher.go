package store

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The search's fast path. Records are JSON, and encoding/json writes most
// characters of a string verbatim: every printable ASCII character except
// " \ < > & (escaped), and every valid non-ASCII character except U+2028
// and U+2029 (escaped; invalid bytes become an escaped \ufffd). So when a
// text holds the query, its record holds, byte for byte, every run of the
// query made of such characters, up to case. maybe tests a raw record for
// one such run and rejects most records without verifying or decoding
// them; a record that passes is verified and decoded, and matched for
// real.
//
// Case is folded by foldRune: unicode.ToLower, except that a non-ASCII
// character whose lower case is ASCII (the Kelvin sign, dotted capital I)
// is kept as it is; and accents are folded: a Latin letter with marks
// becomes its ASCII letter (fold.go). So an ASCII run of the query is in a
// matching record either byte for byte up to ASCII case, or, when the
// record holds Latin letters with marks, in the record's bytes folded
// (foldBytes): maybe looks the first way, then the second way only when
// the record has such letters.

// matcher holds a folded query and the piece of it used to reject records.
type matcher struct {
	query    []rune // folded
	minBytes int

	// token is the longest run of the query's verbatim ASCII characters,
	// lower case; anchor is the index of its rarest byte, lo and up that
	// byte's two cases.
	token              []byte
	anchor             int
	anchorLo, anchorUp byte
	useToken           bool
	variants           [][]byte // UTF-8 of every character folding to a non-ASCII query character
	useVariants        bool
	lowerASCIITab      [256]byte
}

// foldRune folds the case of r for searching.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToLower(r)
	}
	if b, ok := latinFold[r]; ok {
		return b
	}
	l := unicode.ToLower(r)
	if b, ok := latinFold[l]; ok {
		return b
	}
	if l < utf8.RuneSelf {
		return r
	}
	return l
}

// verbatimASCII reports whether encoding/json writes c as it is.
func verbatimASCII(c rune) bool {
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
}

// verbatimOther reports whether encoding/json writes the non-ASCII rune r
// as it is.
func verbatimOther(r rune) bool {
	return r >= utf8.RuneSelf && r != '\u2028' && r != '\u2029' && r != utf8.RuneError && utf8.ValidRune(r)
}

// newMatcher prepares a search for query; nil if there is nothing to
// search for.
func newMatcher(query string) *matcher {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	m := &matcher{}
	for _, r := range query {
		m.query = append(m.query, foldRune(r))
	}
	m.minBytes = minBytesOf(m.query)
	for i := range m.lowerASCIITab {
		c := byte(i)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		m.lowerASCIITab[i] = c
	}
	// The longest verbatim ASCII run, and a verbatim non-ASCII character.
	bestStart, bestLen, runStart := 0, 0, -1
	other := rune(-1)
	for i, r := range append(m.query, 0) {
		if verbatimASCII(r) {
			if runStart < 0 {
				runStart = i
			}
			continue
		}
		if runStart >= 0 && i-runStart > bestLen {
			bestStart, bestLen = runStart, i-runStart
		}
		runStart = -1
		if other < 0 && verbatimOther(r) {
			other = r
		}
	}
	if bestLen > 0 {
		m.token = []byte(string(m.query[bestStart : bestStart+bestLen]))
		m.anchor = rarestByte(m.token)
		m.anchorLo = m.token[m.anchor]
		m.anchorUp = m.anchorLo
		if m.anchorUp >= 'a' && m.anchorUp <= 'z' {
			m.anchorUp -= 'a' - 'A'
		}
	}
	switch {
	case bestLen >= 3 || (bestLen > 0 && other < 0):
		m.useToken = true
	case other >= 0:
		for _, v := range foldVariants(other) {
			m.variants = append(m.variants, []byte(string(v)))
		}
		m.useVariants = true
	}
	return m
}

// foldVariants lists every character that folds to r (r itself included):
// its case orbit, kept to those whose fold is r.
func foldVariants(r rune) []rune {
	out := []rune{r}
	for v := unicode.SimpleFold(r); v != r; v = unicode.SimpleFold(v) {
		if foldRune(v) == r {
			out = append(out, v)
		}
	}
	return out
}

// letterRank orders lower-case letters from the most to the least common
// in English text; the anchor of a token is its least common byte, so
// that the fewest places need a closer look.
const letterRank = " etaoinsrhldcumfpgwybvkxjqz"

// rarestByte is the index of the least common byte of token.
func rarestByte(token []byte) int {
	best, bestRank := 0, -1
	for i, c := range token {
		rank := strings.IndexByte(letterRank, c)
		if rank < 0 {
			rank = len(letterRank) // digits and punctuation: rare
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// maybe reports whether a raw record could hold the query: false only if
// it certainly does not.
func (m *matcher) maybe(raw []byte) bool {
	switch {
	case m.useToken:
		if m.containsToken(raw) {
			return true
		}
		return m.containsFoldedToken(raw)
	case m.useVariants:
		for _, v := range m.variants {
			if bytes.Contains(raw, v) {
				return true
			}
		}
		return false
	}
	return true // nothing verbatim to look for: decode and see
}

// containsToken reports whether h holds the token, with ASCII case
// folded. It finds the anchor byte in either case with bytes.IndexByte,
// remembering the next place of each case, and compares the token there.
func (m *matcher) containsToken(h []byte) bool {
	tok, k := m.token, m.anchor
	n := len(tok)
	end := len(h) - (n - k) // the last place the anchor can stand
	nextLo, nextUp := -1, -1
	if m.anchorUp == m.anchorLo {
		nextUp = len(h)
	}
	for i := k; i <= end; {
		if nextLo < i {
			if j := bytes.IndexByte(h[i:end+1], m.anchorLo); j < 0 {
				nextLo = len(h)
			} else {
				nextLo = i + j
			}
		}
		if nextUp < i {
			if j := bytes.IndexByte(h[i:end+1], m.anchorUp); j < 0 {
				nextUp = len(h)
			} else {
				nextUp = i + j
			}
		}
		p := min(nextLo, nextUp)
		if p > end {
			return false
		}
		if m.equalToken(h[p-k : p-k+n]) {
			return true
		}
		i = p + 1
	}
	return false
}

// equalToken compares b with the token, folding ASCII case.
func (m *matcher) equalToken(b []byte) bool {
	for i, c := range m.token {
		if m.lowerASCIITab[b[i]] != c {
			return false
		}
	}
	return true
}

// foldLeads are the UTF-8 lead bytes of the characters latinFold maps.
var foldLeads = []byte{0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xE1}

// containsFoldedToken is the second look of maybe, for a record whose
// bytes do not hold the token: a match of the folded query there holds at
// least one letter that folds to ASCII, so it lies within the token's
// length (in characters, at most 3 bytes each) of such a letter. Each
// such letter is found by its lead byte and the bytes around it folded
// and searched.
func (m *matcher) containsFoldedToken(raw []byte) bool {
	reach := 3 * len(m.token)
	var buf []byte
	for _, lead := range foldLeads {
		for i := 0; ; {
			j := bytes.IndexByte(raw[i:], lead)
			if j < 0 {
				break
			}
			p := i + j
			lo, hi := max(p-reach, 0), min(p+reach+3, len(raw))
			// Start and end on character boundaries.
			for lo > 0 && !utf8.RuneStart(raw[lo]) {
				lo--
			}
			for hi < len(raw) && !utf8.RuneStart(raw[hi]) {
				hi++
			}
			buf = foldBytes(buf, raw[lo:hi])
			if bytes.Contains(buf, m.token) {
				return true
			}
			i = p + 1
		}
	}
	return false
}

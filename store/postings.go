package store

import (
	"bytes"
	"encoding/binary"
	"slices"
)

// A posting's value says how many of the session's records hold its word
// and, while that is at most maxRefs, which ones:
//
//	n(4) [len(1) ref]...   ref: 's' (the session's own record),
//	                            'e' time(8) seq(8) (an entry: its key after the session's prefix),
//	                            'a' action id (an action)
//
// With the records listed, a search reads only those records of the
// session instead of all its entries: a word that is rare within a
// session (a name, a place, a topic) is found in a few reads. A value of
// four bytes lists nothing: the search then reads the whole session. A
// list is kept only while it stays exact; once a word is in more than
// maxRefs records of a session, its list is dropped for good (until the
// session is indexed again).

// maxRefs is the most records a posting lists.
const maxRefs = 4

// Record references.
func sessionRef() []byte                 { return []byte{'s'} }
func entryRef(key, prefix []byte) []byte { return append([]byte{'e'}, key[len(prefix):]...) }
func actionRef(id string) []byte         { return append([]byte{'a'}, id...) }

// posting is a decoded posting value.
type posting struct {
	n      uint32
	refs   [][]byte
	listed bool
}

// decodePosting reads a posting value; ok is false if it is malformed.
func decodePosting(v []byte) (p posting, ok bool) {
	if len(v) < 4 {
		return p, false
	}
	p.n = binary.BigEndian.Uint32(v)
	if p.n == 0 {
		return p, false
	}
	rest := v[4:]
	if len(rest) == 0 {
		return p, true
	}
	p.listed = true
	for len(rest) > 0 {
		l := int(rest[0])
		if l == 0 || len(rest) < 1+l || !validRef(rest[1:1+l]) {
			return p, false
		}
		p.refs = append(p.refs, rest[1:1+l])
		rest = rest[1+l:]
	}
	return p, len(p.refs) == int(p.n) && int(p.n) <= maxRefs
}

// validRef reports whether ref has one of the three forms.
func validRef(ref []byte) bool {
	switch ref[0] {
	case 's':
		return len(ref) == 1
	case 'e':
		return len(ref) == 17
	case 'a':
		return len(ref) > 1
	}
	return false
}

// encode writes a posting value.
func (p posting) encode() []byte {
	out := count4(p.n)
	if !p.listed {
		return out
	}
	for _, r := range p.refs {
		out = append(append(out, byte(len(r))), r...)
	}
	return out
}

// addRefs adds n records (refs, or unknown ones if unlisted) to p.
func (p *posting) addRefs(n uint32, refs [][]byte, unlisted bool) {
	fresh := p.n == 0
	p.n += n
	switch {
	case fresh && !unlisted && int(p.n) <= maxRefs:
		p.listed, p.refs = true, append([][]byte(nil), refs...)
	case p.listed && !unlisted && int(p.n) <= maxRefs:
		p.refs = append(p.refs, refs...)
	default:
		p.listed, p.refs = false, nil
	}
}

// removeRefs takes n records (refs, if known) away from p.
func (p *posting) removeRefs(n uint32, refs [][]byte, unlisted bool) {
	if n >= p.n {
		p.n, p.listed, p.refs = 0, false, nil
		return
	}
	p.n -= n
	if !p.listed || unlisted {
		p.listed, p.refs = false, nil
		return
	}
	kept := slices.Clone(p.refs)
	for _, r := range refs {
		i := slices.IndexFunc(kept, func(k []byte) bool { return bytes.Equal(k, r) })
		if i < 0 {
			p.listed, p.refs = false, nil // not as recorded: list nothing rather than something wrong
			return
		}
		kept = slices.Delete(kept, i, i+1)
	}
	p.refs = kept
}

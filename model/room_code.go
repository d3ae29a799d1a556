package model

import (
	"crypto/subtle"
	"errors"
	"io"
	"strings"
)

// A join code lets a participant into a live room: 40 random bits written
// as 8 Crockford base32 characters and shown in two halves, "K7QX-M3PA".
// Typed codes are read case-insensitively, with or without the dash (and
// spaces), I and L read as 1 and O as 0, as Crockford base32 says, so a
// code read off a projector and typed back in still matches.

// crockford is the Crockford base32 alphabet: digits and upper-case
// letters without I, L, O and U.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// JoinCodeLen is the number of characters of a join code (5 bytes, 40 bits).
const JoinCodeLen = 8

// JoinCode is a join code in its canonical form: 8 upper-case characters
// of the Crockford alphabet, no dash. The zero value is no code.
type JoinCode string

// ErrShortRandom is returned when the random source gives too few bytes.
var ErrShortRandom = errors.New("room: not enough random bytes")

// NewJoinCode draws a join code from rnd (crypto/rand.Reader in use; a
// fixed reader in tests).
func NewJoinCode(rnd io.Reader) (JoinCode, error) {
	var b [5]byte
	if _, err := io.ReadFull(rnd, b[:]); err != nil {
		return "", ErrShortRandom
	}
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	out := make([]byte, JoinCodeLen)
	for i := JoinCodeLen - 1; i >= 0; i-- {
		out[i] = crockford[v&31]
		v >>= 5
	}
	return JoinCode(out), nil
}

// String shows the code in two halves: "K7QX-M3PA".
func (c JoinCode) String() string {
	if len(c) != JoinCodeLen {
		return string(c)
	}
	return string(c[:4]) + "-" + string(c[4:])
}

// ParseJoinCode reads a typed code: case-insensitive, dashes and spaces
// ignored, I and L read as 1, O as 0. It reports false for anything that
// is not 8 characters of the alphabet.
func ParseJoinCode(s string) (JoinCode, bool) {
	if len(s) > 4*JoinCodeLen { // nothing this long is a code; bounded work
		return "", false
	}
	out := make([]byte, 0, JoinCodeLen)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == ' ':
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		switch c {
		case 'I', 'L':
			c = '1'
		case 'O':
			c = '0'
		}
		if strings.IndexByte(crockford, c) < 0 || len(out) == JoinCodeLen {
			return "", false
		}
		out = append(out, c)
	}
	if len(out) != JoinCodeLen {
		return "", false
	}
	return JoinCode(out), true
}

// Matches reports whether typed is this code, comparing in constant time
// (the time taken does not tell how much of the code was right). The zero
// code matches nothing.
func (c JoinCode) Matches(typed string) bool {
	got, ok := ParseJoinCode(typed)
	if !ok {
		got = "--------" // compared all the same, so a malformed code takes as long
	}
	want := string(c)
	if len(want) != JoinCodeLen {
		want = "________"
		ok = false
	}
	eq := subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
	return eq && ok
}

// LooksLikeJoinCode reports whether a name has the shape of a join code as
// it is shown: eight letters and digits of Crockford's base32 alphabet (no
// I, L, O or U), with or without a dash in the middle, in either case. A
// door uses it to tell a code given as a user name from a person's login
// name (which it then does not take as a wrong code); whether the code is
// right is ParseJoinCode's and the room's to say.
func LooksLikeJoinCode(name string) bool {
	name = strings.ToUpper(name)
	if len(name) == 2*4+1 && name[4] == '-' {
		name = name[:4] + name[5:]
	}
	if len(name) != JoinCodeLen {
		return false
	}
	for _, r := range name {
		switch {
		case r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z' && !strings.ContainsRune("ILOU", r):
		default:
			return false
		}
	}
	return true
}

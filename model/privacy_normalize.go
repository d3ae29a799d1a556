package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The privacy guard scans a normalised copy of the text, because people
// paste from Word, Outlook and web pages, whose text looks the same on
// screen but is not the same characters: a non-breaking space between the
// groups of an NHS number, an en dash instead of a hyphen, a zero-width
// space, full-width digits.
//
// The normalisation is the part of Unicode NFKC that matters for the
// identifiers the guard looks for, done here because model uses the
// standard library only (which has no NFKC):
//
//   - full-width forms U+FF01 to U+FF5E become their ASCII letters, digits
//     and signs (NFKC does the same);
//   - superscript and subscript digits, circled digits and the
//     mathematical digits (U+1D7CE to U+1D7FF) become ASCII digits (NFKC);
//   - every Unicode space and line break (non-breaking, thin, ideographic,
//     tab, newline...) becomes a space, and a run of spaces becomes one
//     space (a double-spaced number is still a number);
//   - every dash (hyphen, non-breaking hyphen, figure dash, en and em dash,
//     minus sign, small and full-width hyphen-minus) becomes '-';
//   - typographic apostrophes and primes become '\'' (O’Neil is O'Neil);
//   - zero-width and invisible format characters (zero-width space and
//     joiners, word joiner, soft hyphen, byte order mark, direction marks,
//     bidirectional controls) and control characters are removed.
//
// Everything else, accented letters included, is kept as it is; the
// rules match ASCII patterns, so other characters cannot form one.

// normalized is text prepared for scanning, with a map back to the
// original: byte i of text was produced by the original's rune at
// [from[i], to[i]).
type normalized struct {
	text     string
	from, to []int
}

// NormalizeForScan returns the text as the privacy guard scans it (see
// the rules above).
func NormalizeForScan(s string) string { return normalizeForScan(s).text }

func normalizeForScan(s string) normalized {
	var b strings.Builder
	b.Grow(len(s))
	n := normalized{from: make([]int, 0, len(s)), to: make([]int, 0, len(s))}
	emit := func(piece string, start, end int) {
		b.WriteString(piece)
		for range len(piece) {
			n.from = append(n.from, start)
			n.to = append(n.to, end)
		}
	}
	lastSpace := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		switch m := scanRune(r); {
		case r == utf8.RuneError && size == 1:
			emit("\ufffd", i, end) // an invalid byte must not join the next ones into a rune
			lastSpace = false
		case m == dropRune:
		case m == ' ':
			if !lastSpace {
				emit(" ", i, end)
			}
			lastSpace = true
		case m == keepRune:
			emit(s[i:end], i, end)
			lastSpace = false
		default:
			emit(string(m), i, end)
			lastSpace = false
		}
		i = end
	}
	n.text = b.String()
	return n
}

// Results of scanRune besides a replacement rune.
const (
	dropRune rune = -1
	keepRune rune = -2
)

// scanRune says what the normalisation does with r: drop it, keep it, or
// replace it with the rune returned.
func scanRune(r rune) rune {
	switch {
	case r < 0x80:
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' {
			return ' '
		}
		if r < 0x20 || r == 0x7f {
			return dropRune
		}
		return keepRune
	case r >= 0xff01 && r <= 0xff5e: // full-width ASCII
		return mapDash(r - 0xfee0)
	case r >= 0x1d7ce && r <= 0x1d7ff: // mathematical digits, five sets of ten
		return '0' + (r-0x1d7ce)%10
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return ' '
	case isInvisible(r):
		return dropRune
	}
	if d, ok := digitForms[r]; ok {
		return d
	}
	return mapDash(r)
}

// mapDash turns dashes into '-' and apostrophes into '\”, and keeps any
// other rune.
func mapDash(r rune) rune {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2043', '\u2212',
		'\u2e3a', '\u2e3b', '\ufe58', '\ufe63':
		return '-'
	case '\u2018', '\u2019', '\u201b', '\u02bc', '\u2032', '\u00b4':
		return '\''
	case '\u2024', '\ufe52': // one dot leader, small full stop
		return '.'
	}
	if r < 0x80 {
		return r
	}
	return keepRune
}

// isInvisible reports characters that show nothing: zero-width spaces and
// joiners, the soft hyphen, direction marks, bidirectional controls, the
// byte order mark, invisible operators, and C1 controls.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f, r == 0xad, r == 0x34f, r == 0x61c, r == 0x180e,
		r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x206f, r == 0xfeff:
		return true
	}
	return false
}

// digitForms are the compatibility forms of the digits outside the blocks
// handled by range: superscripts, subscripts and circled digits.
var digitForms = map[rune]rune{
	'\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4',
	'\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9',
	'\u2080': '0', '\u2081': '1', '\u2082': '2', '\u2083': '3', '\u2084': '4',
	'\u2085': '5', '\u2086': '6', '\u2087': '7', '\u2088': '8', '\u2089': '9',
	'\u24ea': '0', '\u2460': '1', '\u2461': '2', '\u2462': '3', '\u2463': '4',
	'\u2464': '5', '\u2465': '6', '\u2466': '7', '\u2467': '8', '\u2468': '9',
}

// span maps a match at text[start:end] of the normalised text back to the
// original's offsets.
func (n normalized) span(start, end int) (int, int) {
	return n.from[start], n.to[end-1]
}

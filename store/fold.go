package store

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Search folds accents as well as case: "cafe" finds "Café" and "ZOE"
// finds "Zoë". A Latin letter with marks folds to its plain ASCII letter
// (its canonical decomposition without the combining marks), and a few
// letters that have no decomposition but are read as a plain letter with
// a stroke do too (ø, ł, đ, ħ, ı). Other characters fold their case only.

// latinFoldLo and latinFoldHi bound the characters latinFold covers: the
// Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional.
const (
	latinFoldLo = 0x00C0
	latinFoldHi = 0x024F
	latinAddLo  = 0x1E00
	latinAddHi  = 0x1EFF
)

// latinFold maps a Latin letter with marks to its ASCII letter (lower
// case); 0 where there is none.
var latinFold = buildLatinFold()

func buildLatinFold() map[rune]rune {
	m := map[rune]rune{}
	strokes := map[rune]rune{'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'ħ': 'h', 'Ħ': 'h', 'ı': 'i'}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if b, ok := strokes[r]; ok {
				m[r] = b
				continue
			}
			d := norm.NFD.String(string(r))
			base, size := utf8.DecodeRuneInString(d)
			if base >= utf8.RuneSelf || !unicode.IsLetter(base) || size == len(d) {
				continue
			}
			marks := true
			for _, c := range d[size:] {
				marks = marks && unicode.Is(unicode.Mn, c)
			}
			if marks {
				m[r] = unicode.ToLower(base)
			}
		}
	}
	add(latinFoldLo, latinFoldHi)
	add(latinAddLo, latinAddHi)
	return m
}

// foldBytes folds raw bytes for the prefilter's second look: ASCII
// letters to lower case, every character latinFold maps to its ASCII
// letter, the rest as they are. dst is reused.
func foldBytes(dst, raw []byte) []byte {
	dst = dst[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if b, ok := latinFold[r]; ok {
			dst = append(dst, byte(b))
		} else {
			dst = append(dst, raw[i:i+size]...)
		}
		i += size
	}
	return dst
}

package model

import (
	"strings"
	"unicode/utf8"
)

// tabSpaces replaces a tab: lipgloss draws a tab as four spaces too, so the
// width of sanitised text is what the layout code measures.
const tabSpaces = "    "

// Sanitize makes text typed by participants (or read from a custom deck)
// safe to show on a terminal and to write into an export:
//
//   - escape sequences are removed whole, not just their ESC byte: CSI
//     (ESC [ or U+009B) up to its final byte, OSC, DCS, SOS, PM and APC
//     strings (ESC ] P X ^ _ or U+009D U+0090 U+0098 U+009E U+009F) up to
//     BEL, ST, CAN, SUB or the end of the line, and two-byte and nF escapes;
//   - other C0 controls, DEL and C1 controls (U+0080 to U+009F) are
//     dropped; a raw 8-bit byte 0x80 to 0x9f is invalid UTF-8 and becomes
//     U+FFFD, and the sequence it would introduce on an 8-bit terminal
//     (CSI 0x9b, OSC 0x9d, ...) is removed;
//   - CR LF and a lone CR become LF (a lone CR would let text overwrite the
//     start of its line), as do U+2028 and U+2029; LF is kept;
//   - a tab becomes four spaces;
//   - the bidirectional embedding, override and isolate characters
//     (U+202A to U+202E, U+2066 to U+2069), which can disguise text, are
//     dropped;
//   - invalid UTF-8 becomes U+FFFD.
//
// The result holds no byte below 0x20 other than LF, and Sanitize is
// idempotent.
func Sanitize(s string) string {
	if isPlainText(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := decodeRaw(s, i)
		next := i + size
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\r':
			b.WriteByte('\n')
			if next < len(s) && s[next] == '\n' {
				next++
			}
		case r == '\t':
			b.WriteString(tabSpaces)
		case r == 0x1b:
			next = skipEscape(s, next)
		case r >= 0x80 && r <= 0x9f:
			if size == 1 { // a raw 8-bit byte: invalid UTF-8
				b.WriteRune(utf8.RuneError)
			}
			next = skipC1(s, next, r)
		case r < 0x20 || r == 0x7f:
			// other C0 controls and DEL: dropped
		case isBidiControl(r):
			// dropped
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		default:
			b.WriteRune(r) // utf8.RuneError is written as U+FFFD
		}
		i = next
	}
	return b.String()
}

// SanitizeLine is Sanitize for one-line places (titles, list rows, CSV
// columns meant to stay on one line): newlines become spaces as well.
func SanitizeLine(s string) string {
	return strings.ReplaceAll(Sanitize(s), "\n", " ")
}

// CSVCell prepares one cell of a CSV export: the text is sanitised and, if
// its first character after leading spaces and newlines is one that a
// spreadsheet reads as the start of a formula (= + - @, tab or carriage
// return), a leading apostrophe makes it inert text. The CSV writer still
// quotes the cell as needed.
func CSVCell(s string) string {
	s = Sanitize(s)
	t := strings.TrimLeft(s, " \n")
	if t != "" && strings.IndexByte("=+-@\t\r", t[0]) >= 0 {
		return "'" + s
	}
	return s
}

// isPlainText reports whether s is printable ASCII and newlines only, which
// Sanitize returns unchanged.
func isPlainText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

// decodeRaw decodes the rune at s[i]. An invalid byte decodes as
// utf8.RuneError with size 1, except a raw byte 0x80 to 0x9f, which decodes
// (with size 1) as the C1 control it stands for on 8-bit terminals, so that
// an 8-bit CSI is removed with its parameters. A valid C1 rune has size 2.
func decodeRaw(s string, i int) (rune, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 && s[i] >= 0x80 && s[i] <= 0x9f {
		return rune(s[i]), 1
	}
	return r, size
}

// isBidiControl reports the explicit embedding, override and isolate
// characters.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// skipEscape returns the offset just after the escape sequence whose ESC
// byte ends just before j.
func skipEscape(s string, j int) int {
	if j >= len(s) {
		return j
	}
	c := s[j]
	switch {
	case c == '[':
		return skipCSI(s, j+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipControlString(s, j+1)
	case c >= 0x20 && c <= 0x2f: // nF: intermediates, then a final byte
		k := j
		for k < len(s) && s[k] >= 0x20 && s[k] <= 0x2f {
			k++
		}
		if k < len(s) && s[k] >= 0x30 && s[k] <= 0x7e {
			return k + 1
		}
		return k
	case c >= 0x30 && c <= 0x7e: // two-byte escape (Fp, Fe, Fs)
		return j + 1
	default: // a lone ESC: only it goes
		return j
	}
}

// skipC1 returns the offset just after the sequence introduced by the C1
// control r, which ends just before j.
func skipC1(s string, j int, r rune) int {
	switch r {
	case 0x9b: // CSI
		return skipCSI(s, j)
	case 0x90, 0x98, 0x9d, 0x9e, 0x9f: // DCS, SOS, OSC, PM, APC
		return skipControlString(s, j)
	default:
		return j
	}
}

// skipCSI skips a control sequence's parameter and intermediate bytes and
// its final byte. A byte that cannot belong to the sequence ends it without
// being consumed, so that it is handled on its own (an ESC starts a new
// sequence, text stays text).
func skipCSI(s string, k int) int {
	for k < len(s) {
		c := s[k]
		switch {
		case c >= 0x20 && c <= 0x3f:
			k++
		case c >= 0x40 && c <= 0x7e:
			return k + 1
		default:
			return k
		}
	}
	return k
}

// skipControlString skips the body of an OSC, DCS, SOS, PM or APC string
// and its terminator: BEL, ST (ESC \ or U+009C), CAN or SUB. An ESC that
// is not ST, a newline or a carriage return ends the string without being
// consumed, so that an unterminated string cannot swallow the lines after
// it.
func skipControlString(s string, k int) int {
	for k < len(s) {
		r, size := decodeRaw(s, k)
		switch r {
		case 0x07, 0x18, 0x1a, 0x9c:
			return k + size
		case '\n', '\r':
			return k
		case 0x1b:
			if k+1 < len(s) && s[k+1] == '\\' {
				return k + 2
			}
			return k
		}
		k += size
	}
	return k
}

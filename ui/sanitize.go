package ui

import "strings"

// sanitizeDeckText neutralises control characters in deck text before it
// is rendered (a custom deck is untrusted input).
func sanitizeDeckText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}

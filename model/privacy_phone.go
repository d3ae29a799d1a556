package model

import "strings"

// ---- phone numbers

func scanPhones(text string) []Finding {
	var out []Finding
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '0' && c != '+' && c != '(' {
			continue
		}
		if i > 0 && (isDigitByte(text[i-1]) || text[i-1] == '+') {
			continue
		}
		if end, ok := phoneAt(text, i); ok {
			out = append(out, newFinding(text, FindingPhone, i, end))
			i = end - 1
		}
	}
	return out
}

// phoneAt reads a UK phone number at text[i:]: national 01, 02, 03 or 07
// numbers of 10 or 11 digits (mobiles 11), with single spaces, dots or
// hyphens between digits and the area code optionally in brackets, or
// international forms (+44, 0044 or (+44)) with an optional (0) or 0.
func phoneAt(text string, i int) (end int, ok bool) {
	rest := text[i:]
	if n := intlPrefix(rest); n > 0 {
		j := skipNumberSep(text, i+n)
		switch {
		case strings.HasPrefix(text[j:], "(0)"):
			j = skipNumberSep(text, j+3)
		case strings.HasPrefix(text[j:], "0") && j+1 < len(text) && isPhoneLead(text[j+1]):
			j++ // +44 07700...: a national number after the country code
		}
		if j >= len(text) || !isPhoneLead(text[j]) {
			return 0, false
		}
		ends := collectDigits(text, j, 10, false)
		return phoneEnd(text, ends, text[j] == '7', 9)
	}
	switch {
	case strings.HasPrefix(rest, "(0"):
		if len(rest) < 3 || !isPhoneLead(rest[2]) {
			return 0, false
		}
		ends := collectDigits(text, i+1, 11, true)
		return phoneEnd(text, ends, rest[2] == '7', 10)
	case rest[0] == '0':
		if len(rest) < 2 || !isPhoneLead(rest[1]) {
			return 0, false
		}
		ends := collectDigits(text, i, 11, false)
		return phoneEnd(text, ends, rest[1] == '7', 10)
	}
	return 0, false
}

// intlPrefix returns the length of the UK country code at the start of
// rest, or 0.
func intlPrefix(rest string) int {
	for _, p := range []string{"+44", "0044", "(+44)", "(0044)"} {
		if strings.HasPrefix(rest, p) {
			return len(p)
		}
	}
	return 0
}

func isPhoneLead(c byte) bool { return c == '1' || c == '2' || c == '3' || c == '7' }

func skipNumberSep(text string, j int) int {
	if j < len(text) && isNumberSep(text[j]) {
		return j + 1
	}
	return j
}

// phoneEnd checks the digits read: short is the least count (the longest
// is one more, and mobiles need the longest), and no digit may follow.
func phoneEnd(text string, ends []int, mobile bool, short int) (int, bool) {
	n := len(ends)
	if n != short && n != short+1 || (mobile && n != short+1) {
		return 0, false
	}
	end := ends[n-1]
	if end < len(text) && isDigitByte(text[end]) {
		return 0, false
	}
	return end, true
}

// collectDigits reads up to limit digits from text[j:], allowing one space
// or hyphen between two digits, or (when bracket is set, once) a closing
// bracket with an optional space. It returns the offset after each digit.
func collectDigits(text string, j, limit int, bracket bool) []int {
	var ends []int
	for j < len(text) && len(ends) < limit {
		if isDigitByte(text[j]) {
			j++
			ends = append(ends, j)
			continue
		}
		if len(ends) == 0 {
			break
		}
		k := j
		switch {
		case bracket && text[k] == ')':
			bracket = false
			k = skipNumberSep(text, k+1)
		case isNumberSep(text[k]):
			k++
		}
		if k == j || k >= len(text) || !isDigitByte(text[k]) {
			break
		}
		j = k
	}
	return ends
}

// isNumberSep reports the separators allowed inside a phone number: a
// space, a hyphen or a dot.
func isNumberSep(c byte) bool { return c == ' ' || c == '-' || c == '.' }

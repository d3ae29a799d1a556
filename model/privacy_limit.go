package model

import (
	"strings"
	"unicode/utf8"
)

// MaxFieldRunes is the most characters one captured field holds. A longer
// paste is cut to it, and the input says how much was cut.
const MaxFieldRunes = 2000

// CutToLimit cuts text to at most limit runes and returns the text kept
// and how many runes were cut (0 if none). It never splits a rune.
func CutToLimit(text string, limit int) (kept string, cut int) {
	n := utf8.RuneCountInString(text)
	if n <= limit {
		return text, 0
	}
	limit = max(limit, 0)
	i, count := 0, 0
	for i < len(text) && count < limit {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		count++
	}
	return text[:i], n - limit
}

// CleanInput prepares typed or pasted text for a one-line input: escape
// sequences are removed whole (so a pasted "\x1b[31m" leaves no "[31m"),
// control and bidirectional characters are dropped, and newlines and tabs
// become single spaces. Call it on the runes of a key or paste message
// before the input sees them: the input's own filter drops only the ESC
// byte of a sequence and keeps the rest as text.
func CleanInput(text string) string {
	s := Sanitize(strings.ReplaceAll(text, "\t", " "))
	return strings.ReplaceAll(s, "\n", " ")
}

// MaxNameRunes is the most characters a team's or facilitator's name
// keeps.
const MaxNameRunes = 200

// CleanName prepares a name given by the user (a team, a facilitator)
// like any other text: escape sequences and control characters removed
// (CleanInput), spaces trimmed, cut to MaxNameRunes.
func CleanName(name string) string {
	name, _ = CutToLimit(strings.TrimSpace(CleanInput(name)), MaxNameRunes)
	return strings.TrimSpace(name)
}

// DescribeFindings lists findings for a message: `NHS number "943 476
// 5919", postcode "NG1 5AA"`, each match sanitised for one line.
func DescribeFindings(fs []Finding) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Kind + " “" + SanitizeLine(f.Match) + "”"
	}
	return strings.Join(parts, ", ")
}

// ScanName runs the privacy guard on a name the user gives for a team or,
// with staff set, for a member of staff (the facilitator). A member of
// staff's name is expected to look like a name, so the warning for a
// likely name is not given for it; every other finding is.
func ScanName(name string, staff bool) []Finding {
	var out []Finding
	for _, f := range ScanIdentifiers(name) {
		if !staff || f.Kind != FindingName {
			out = append(out, f)
		}
	}
	return out
}

// DraftMayHoldIdentifier reports whether text being typed should stay out
// of the autosaved draft: it holds a likely identifier, or a run of six or
// more digits (spaces, dots and dashes between them allowed) that may be
// one being typed, such as the first digits of an NHS or phone number.
// Such a draft stays in memory until the privacy guard has asked.
func DraftMayHoldIdentifier(text string) bool {
	if HoldsIdentifier(text) {
		return true
	}
	run := 0
	for _, r := range NormalizeForScan(text) {
		switch {
		case r >= '0' && r <= '9':
			run++
			if run >= 6 {
				return true
			}
		case r == ' ' || r == '.' || r == '-':
		default:
			run = 0
		}
	}
	return false
}

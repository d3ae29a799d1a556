package model

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Kinds of finding of the privacy guard.
const (
	FindingNHSNumber   = "NHS number"
	FindingCHINumber   = "CHI number"
	FindingNINumber    = "National Insurance number"
	FindingPostcode    = "postcode"
	FindingDateOfBirth = "date of birth"
	FindingAge         = "age"
	FindingPhone       = "phone number"
	FindingEmail       = "e-mail address"
	FindingName        = "name"
	FindingAddress     = "address"
)

// Finding is one likely identifier of a person in a text: its kind, the
// matched text and its byte offsets in the text as given (not as
// normalised), text[Start:End] == Match.
type Finding struct {
	Kind  string
	Match string
	Start int
	End   int
}

// Warning reports a finding that is only a likely identifier, found by the
// shape of the words around it (a title and a surname, a house number and
// a street), rather than a number or code with a known format.
func (f Finding) Warning() bool { return f.Kind == FindingName || f.Kind == FindingAddress }

// ScanIdentifiers looks for information that could identify a service
// user, as of today's date (see ScanIdentifiersAt).
func ScanIdentifiers(text string) []Finding { return ScanIdentifiersAt(text, time.Now()) }

// HoldsIdentifier reports whether text holds anything the privacy guard
// would ask about. A draft that does is not saved to disk until the
// question has been answered.
func HoldsIdentifier(text string) bool { return len(ScanIdentifiers(text)) > 0 }

// ScanIdentifiersAt looks for information that could identify a service
// user, in the text as normalised by NormalizeForScan (so that what was
// pasted from Word or Outlook is seen as what it looks like):
//
//   - NHS numbers: ten digits, together or in any grouping with spaces,
//     dots or hyphens, passing the modulus 11 check (or, after the word NHS,
//     failing it: a mistyped number is still a number);
//   - CHI numbers (Scotland): ten digits starting with a date of birth
//     DDMMYY, passing the same check;
//   - National Insurance numbers: two letters, six digits and a letter A to
//     D, with or without spaces;
//   - UK postcodes in any case;
//   - UK phone numbers, national or with +44, 0044 or +44 (0);
//   - e-mail addresses;
//   - dates of birth: a date after a cue (DOB, d.o.b., date of birth, born),
//     where a year or a month and year is enough, and a full date without a
//     cue when it is old (see oldDateYears), never a recent or future one
//     such as a meeting date; ages ("aged 84", "84-year-old");
//   - warnings: likely names (a title and a capitalised word: Mrs Jones,
//     Mr O'Neil, Dr J. Patel) and addresses (a house number and a street:
//     14 Elm Road; "lives at" and what follows).
//
// Findings are ordered by Start and never overlap: where two kinds match
// the same text, the more specific one wins (e-mail, NHS or CHI number,
// National Insurance number, phone number, date, postcode, address, name).
func ScanIdentifiersAt(text string, today time.Time) []Finding {
	n := normalizeForScan(text)
	t := n.text
	var all []Finding
	all = append(all, scanEmails(t)...)
	all = append(all, scanHealthNumbers(t)...)
	all = append(all, scanNINumbers(t)...)
	all = append(all, scanPhones(t)...)
	all = append(all, scanDates(t, today)...)
	all = append(all, scanPostcodes(t)...)
	all = append(all, scanAddresses(t)...)
	all = append(all, scanNames(t)...)
	var kept []Finding // sorted by Start, never overlapping: so sorted by End too
	for _, f := range all {
		i := sort.Search(len(kept), func(i int) bool { return kept[i].End > f.Start })
		if i == len(kept) || kept[i].Start >= f.End {
			kept = slices.Insert(kept, i, f)
		}
	}
	for i, f := range kept {
		start, end := n.span(f.Start, f.End)
		kept[i] = newFinding(text, f.Kind, start, end)
	}
	return kept
}

func newFinding(text, kind string, start, end int) Finding {
	return Finding{Kind: kind, Match: text[start:end], Start: start, End: end}
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isLetterByte(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// digitRunStarts calls fn at every offset where a run of digits begins.
func digitRunStarts(text string, fn func(i int)) {
	for i := 0; i < len(text); i++ {
		if isDigitByte(text[i]) && (i == 0 || !isDigitByte(text[i-1])) {
			fn(i)
		}
	}
}

// ---- e-mail addresses

var emailRE = lazyRegexp(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`)

func scanEmails(text string) []Finding {
	var out []Finding
	for _, m := range emailRE().FindAllStringIndex(text, -1) {
		start := m[0]
		for start < m[1] && (text[start] == '.' || text[start] == '\'') {
			start++
		}
		if text[start] == '@' {
			continue
		}
		out = append(out, newFinding(text, FindingEmail, start, m[1]))
	}
	return out
}

// ---- NHS and CHI numbers

// maxNumberGroups bounds how many groups of digits one number is read
// from, so that a long list of small numbers costs little.
const maxNumberGroups = 10

// scanHealthNumbers finds ten digits written together or in groups
// separated by a space, a dot or a hyphen (with spaces around it or not):
// every run of whole groups holding exactly ten digits is a candidate.
func scanHealthNumbers(text string) []Finding {
	var out []Finding
	for i := 0; i < len(text); i++ {
		if !isDigitByte(text[i]) || (i > 0 && isDigitByte(text[i-1])) {
			continue
		}
		groups := digitGroups(text, i)
		for a := range groups {
			n := 0
			for b := a; b < len(groups) && n < 10; b++ {
				n += groups[b][1] - groups[b][0]
				if n != 10 {
					continue
				}
				start, end := groups[a][0], groups[b][1]
				if kind := healthNumberKind(text, start, end); kind != "" {
					out = append(out, newFinding(text, kind, start, end))
				}
			}
		}
		last := groups[len(groups)-1][1]
		i = last - 1
	}
	return out
}

// digitGroups reads the groups of digits from text[i:], a digit that
// starts a run: each group's start and end.
func digitGroups(text string, i int) [][2]int {
	var groups [][2]int
	for len(groups) < maxNumberGroups {
		j := i
		for j < len(text) && isDigitByte(text[j]) {
			j++
		}
		groups = append(groups, [2]int{i, j})
		k := skipGroupSep(text, j)
		if k == j || k >= len(text) || !isDigitByte(text[k]) {
			break
		}
		i = k
	}
	return groups
}

// skipGroupSep skips a separator between groups of a number: a space, a
// dot or a hyphen, or a dot or hyphen with spaces around it.
func skipGroupSep(text string, j int) int {
	k := j
	if k < len(text) && text[k] == ' ' {
		k++
	}
	if k < len(text) && (text[k] == '.' || text[k] == '-') {
		k++
		if k < len(text) && text[k] == ' ' {
			k++
		}
	}
	return k
}

// healthNumberKind says whether the ten digits of text[start:end] are a
// CHI number, an NHS number or neither ("").
func healthNumberKind(text string, start, end int) string {
	var d strings.Builder
	for i := start; i < end; i++ {
		if isDigitByte(text[i]) {
			d.WriteByte(text[i])
		}
	}
	digits := d.String()
	valid := ValidNHSNumber(digits)
	switch {
	case valid && validDate(smallAtoi(digits[:2]), smallAtoi(digits[2:4]), smallAtoi(digits[4:6]), true):
		return FindingCHINumber
	case valid && digits[0] != '0': // ten digits from 0 with no date: a phone number
		return FindingNHSNumber
	case cueBefore(text, start, healthNumberCues):
		return FindingNHSNumber
	}
	return ""
}

// healthNumberCues are the words after which ten digits are taken for an
// NHS or CHI number even if the check digit is wrong.
var healthNumberCues = []string{"nhs", "chi"}

// cueBefore reports whether one of cues (lower case) appears as a word in
// the few words before offset i.
func cueBefore(text string, i int, cues []string) bool {
	window := strings.ToLower(text[max(0, i-cueWindow):i])
	for _, c := range cues {
		for k := 0; ; {
			j := strings.Index(window[k:], c)
			if j < 0 {
				break
			}
			j += k
			if j == 0 || !isLetterByte(window[j-1]) {
				if e := j + len(c); e == len(window) || !isLetterByte(window[e]) {
					return true
				}
			}
			k = j + 1
		}
	}
	return false
}

// cueWindow is how far back, in bytes, a cue word is looked for.
const cueWindow = 24

// ValidNHSNumber reports whether digits, ten ASCII digits, pass the NHS
// number's modulus 11 check: the first nine weighted 10 down to 2, the
// check digit 11 minus the sum modulo 11 (11 counts as 0, 10 is never
// valid). CHI numbers use the same check. Numbers of one repeated digit,
// used as placeholders, are not counted as valid.
func ValidNHSNumber(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	sum, same := 0, true
	for i := 0; i < 10; i++ {
		if !isDigitByte(digits[i]) {
			return false
		}
		if digits[i] != digits[0] {
			same = false
		}
		if i < 9 {
			sum += int(digits[i]-'0') * (10 - i)
		}
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return !same && check != 10 && check == int(digits[9]-'0')
}

// lazyRegexp compiles pattern the first time it is used. The privacy
// scan's patterns are needed once text is typed, saved or exported,
// never to start: compiled at start they took about 2 ms of every one.
// The privacy tables test every pattern, so a bad one still fails there.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

package model

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Kinds of finding of the privacy guard.
const (
	FindingNHSNumber   = "NHS number"
	FindingPostcode    = "postcode"
	FindingDateOfBirth = "date of birth"
	FindingPhone       = "phone number"
	FindingEmail       = "e-mail address"
)

// Finding is one likely identifier of a person in a text: its kind, the
// matched text and its byte offsets, text[Start:End] == Match.
type Finding struct {
	Kind  string
	Match string
	Start int
	End   int
}

// ScanIdentifiers looks for information that could identify a service
// user (SPEC section 10): NHS numbers (10 digits, plain or spaced 3-3-4
// with spaces or hyphens, passing the modulus 11 check), UK postcodes,
// full dates (a full date next to a person's story is as good as a date
// of birth, so every plausible day-month-year is flagged, but not times,
// years alone or durations), UK phone numbers and e-mail addresses.
//
// Findings are ordered by Start and never overlap: where two kinds match
// the same text, the more specific one wins (e-mail, then NHS number, then
// phone number, then date, then postcode).
func ScanIdentifiers(text string) []Finding {
	var all []Finding
	all = append(all, scanEmails(text)...)
	all = append(all, scanNHSNumbers(text)...)
	all = append(all, scanPhones(text)...)
	all = append(all, scanDates(text)...)
	all = append(all, scanPostcodes(text)...)
	var kept []Finding // sorted by Start, never overlapping: so sorted by End too
	for _, f := range all {
		i := sort.Search(len(kept), func(i int) bool { return kept[i].End > f.Start })
		if i == len(kept) || kept[i].Start >= f.End {
			kept = slices.Insert(kept, i, f)
		}
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

var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`)

func scanEmails(text string) []Finding {
	var out []Finding
	for _, m := range emailRE.FindAllStringIndex(text, -1) {
		start := m[0]
		for start < m[1] && text[start] == '.' {
			start++
		}
		if text[start] == '@' {
			continue
		}
		out = append(out, newFinding(text, FindingEmail, start, m[1]))
	}
	return out
}

// ---- NHS numbers

func scanNHSNumbers(text string) []Finding {
	var out []Finding
	digitRunStarts(text, func(i int) {
		if end, digits, ok := nhsAt(text, i); ok && ValidNHSNumber(digits) {
			out = append(out, newFinding(text, FindingNHSNumber, i, end))
		}
	})
	return out
}

// nhsAt reads ten digits at text[i:], either contiguous or grouped 3-3-4
// with single spaces or hyphens, not followed by another digit.
func nhsAt(text string, i int) (end int, digits string, ok bool) {
	rest := text[i:]
	if len(rest) >= 10 && allDigitBytes(rest[:10]) && !digitAt(rest, 10) {
		return i + 10, rest[:10], true
	}
	if len(rest) >= 12 && isNumberSep(rest[3]) && isNumberSep(rest[7]) &&
		allDigitBytes(rest[:3]) && allDigitBytes(rest[4:7]) && allDigitBytes(rest[8:12]) && !digitAt(rest, 12) {
		return i + 12, rest[:3] + rest[4:7] + rest[8:12], true
	}
	return 0, "", false
}

// isNumberSep reports the separators allowed inside a number: a space or a hyphen.
func isNumberSep(c byte) bool { return c == ' ' || c == '-' }

func allDigitBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// digitAt reports whether s has a digit at offset i.
func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && isDigitByte(s[i]) }

// ValidNHSNumber reports whether digits, ten ASCII digits, pass the NHS
// number's modulus 11 check: the first nine weighted 10 down to 2, the
// check digit 11 minus the sum modulo 11 (11 counts as 0, 10 is never
// valid). Numbers of one repeated digit, used as placeholders, are not
// counted as valid.
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
// numbers of 10 or 11 digits (mobiles 11), with single spaces or hyphens
// between digits and the area code optionally in brackets, or +44 forms
// with an optional (0).
func phoneAt(text string, i int) (end int, ok bool) {
	rest := text[i:]
	switch {
	case strings.HasPrefix(rest, "+44"):
		j := skipNumberSep(text, i+3)
		if strings.HasPrefix(text[j:], "(0)") {
			j = skipNumberSep(text, j+3)
		}
		if j >= len(text) || !isPhoneLead(text[j]) {
			return 0, false
		}
		ends := collectDigits(text, j, 10, false)
		return phoneEnd(text, ends, text[j] == '7', 9)
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

// ---- dates

const monthPattern = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

// The date patterns are anchored and tried only where a number or a word
// begins, on a short window of the text, so a scan stays linear.
var (
	numericDateRE = regexp.MustCompile(`^(\d{1,4})([/.-])(\d{1,2})([/.-])(\d{1,4})`)
	dayMonthRE    = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+(` + monthPattern + `)\.?,?[\s-]+(\d{4})`)
	monthDayRE    = regexp.MustCompile(`(?i)^(` + monthPattern + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
)

const dateWindow = 48

func scanDates(text string) []Finding {
	var out []Finding
	add := func(i, n int) {
		if !digitAt(text, i+n) {
			out = append(out, newFinding(text, FindingDateOfBirth, i, i+n))
		}
	}
	digitRunStarts(text, func(i int) {
		if i > 0 && isLetterByte(text[i-1]) {
			return
		}
		w := dateWindowAt(text, i)
		if n := numericDate(w); n > 0 && !(i > 1 && isDateSep(text[i-1]) && isDigitByte(text[i-2])) &&
			!(i+n < len(text) && isDateSep(text[i+n]) && digitAt(text, i+n+1)) {
			add(i, n)
			return
		}
		if m := dayMonthRE.FindStringSubmatch(w); m != nil &&
			validDate(smallAtoi(m[1]), monthNumber(m[2]), smallAtoi(m[3]), false) {
			add(i, len(m[0]))
		}
	})
	for i := 0; i < len(text); i++ {
		if !isLetterByte(text[i]) || (i > 0 && isLetterByte(text[i-1])) {
			continue
		}
		if m := monthDayRE.FindStringSubmatch(dateWindowAt(text, i)); m != nil &&
			validDate(smallAtoi(m[2]), monthNumber(m[1]), smallAtoi(m[3]), false) {
			add(i, len(m[0]))
		}
	}
	return out
}

func dateWindowAt(text string, i int) string {
	return text[i:min(len(text), i+dateWindow)]
}

func isDateSep(c byte) bool { return c == '/' || c == '.' || c == '-' }

// numericDate returns the length of a numeric full date at the start of w,
// or 0: d/m/y or m/d/y with a year of two or four digits, or y-m-d, with
// the same separator (/ . or -) twice. With dots and a two-digit year the
// day and month need two digits each, so that version numbers such as
// 1.2.10 do not count.
func numericDate(w string) int {
	m := numericDateRE.FindStringSubmatch(w)
	if m == nil || m[2] != m[4] {
		return 0
	}
	a, b, c := m[1], m[3], m[5]
	switch {
	case len(a) == 4:
		if len(c) <= 2 && validDate(smallAtoi(c), smallAtoi(b), smallAtoi(a), false) {
			return len(m[0])
		}
	case len(a) <= 2 && (len(c) == 2 || len(c) == 4):
		if m[2] == "." && len(c) == 2 && (len(a) != 2 || len(b) != 2) {
			return 0
		}
		short := len(c) == 2
		if validDate(smallAtoi(a), smallAtoi(b), smallAtoi(c), short) || validDate(smallAtoi(b), smallAtoi(a), smallAtoi(c), short) {
			return len(m[0])
		}
	}
	return 0
}

func smallAtoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 6; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func monthNumber(name string) int {
	prefix := strings.ToLower(name[:3])
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if m == prefix {
			return i + 1
		}
	}
	return 0
}

// validDate reports a plausible calendar date: a four-digit year from 1900
// to 2099, or any two-digit year (short).
func validDate(d, m, y int, short bool) bool {
	if m < 1 || m > 12 || d < 1 || (!short && (y < 1900 || y > 2099)) {
		return false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && !short && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 28
	}
	return d <= days
}

// ---- postcodes

// postcodeAreas are the UK postcode areas: matching only these keeps
// ordinary words and codes such as "A4" or "M2-E4" out.
const postcodeAreas = `AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|` +
	`EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|` +
	`ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|` +
	`TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE|B|E|G|L|M|N|S|W`

// Outward code: area, then a digit, then an optional digit or letter
// (A9, A99, AA9, AA99, A9A, AA9A). Inward code: a digit and two letters,
// never C I K M O V.
var postcodeRE = regexp.MustCompile(`(?i)\b(?:GIR ?0AA|(?:` + postcodeAreas + `)[0-9][0-9A-HJKMNP-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b`)

func scanPostcodes(text string) []Finding {
	var out []Finding
	for _, m := range postcodeRE.FindAllStringIndex(text, -1) {
		switch text[m[1]-2 : m[1]] {
		case "st", "nd", "rd", "th": // "M1 3rd", "B2 1st": ordinals, not postcodes
			continue
		}
		out = append(out, newFinding(text, FindingPostcode, m[0], m[1]))
	}
	return out
}

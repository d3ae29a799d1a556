package model

import (
	"strings"
	"time"
)

// oldDateYears: a full date without a cue word counts as a likely date of
// birth when it is at least this many years before today. The dates a team
// talks about (meetings, reviews, visits, deadlines) are mostly recent or
// ahead; a date further back is more likely someone's birthday. A young
// child's date of birth is caught only with a cue word (DOB, born).
const oldDateYears = 2

// twoDigitYearAhead: a two-digit year is read as 20yy when that is at most
// this many years after today, and as 19yy otherwise (so 58 is 1958 and
// 27, for a meeting next year, is 2027).
const twoDigitYearAhead = 5

const monthPattern = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

// The date patterns are anchored and tried only where a number or a word
// begins, on a short window of the text, so a scan stays linear.
var (
	numericDateRE = lazyRegexp(`^(\d{1,4})([/.-])(\d{1,2})([/.-])(\d{1,4})`)
	dayMonthRE    = lazyRegexp(`(?i)^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+(` + monthPattern + `)\.?,?[\s-]+(\d{4})`)
	monthDayRE    = lazyRegexp(`(?i)^(` + monthPattern + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)

	// After a cue word, a month and year, a numeric month and year, or a
	// year alone is a date of birth too.
	dobCueRE     = lazyRegexp(`(?i)\b(?:d\.o\.b\b\.?|dob\b|date of birth|birth ?date|born\b)(?:\s*(?:on|in|:|-))?(?:\s*the)?\s*`)
	partialDOBRE = lazyRegexp(`(?i)^(?:(` + monthPattern + `)\.?,?\s+(\d{4})|(\d{1,2})[/.-](\d{4})|(\d{4}))\b`)

	// Ages: "aged 84", "84-year-old", "84 years old", "84yo".
	agedRE    = lazyRegexp(`(?i)\baged\s+(\d{1,3})\b`)
	yearOldRE = lazyRegexp(`(?i)\b(\d{1,3})(?:[\s-]?(?:years?|yrs?)[\s-]?old\b|\s?y\.?o\b)`)
	rangeRE   = lazyRegexp(`(?i)^\s*(?:-|\+|to\b|and (?:over|under|above)\b|or (?:over|under|older|younger)\b|%)`)
)

// dobCues are the words after which a full date is a date of birth,
// however recent.
var dobCues = []string{"dob", "d.o.b", "born", "birth", "birthday", "birthdate"}

const dateWindow = 48

func scanDates(text string, today time.Time) []Finding {
	var out []Finding
	add := func(i, n, d, m, y int) {
		if digitAt(text, i+n) {
			return
		}
		if cueBefore(text, i, dobCues) || isOldDate(d, m, y, today) {
			out = append(out, newFinding(text, FindingDateOfBirth, i, i+n))
		}
	}
	digitRunStarts(text, func(i int) {
		if i > 0 && isLetterByte(text[i-1]) {
			return
		}
		w := dateWindowAt(text, i)
		if n, d, m, y := numericDate(w, today); n > 0 && !(i > 1 && isDateSep(text[i-1]) && isDigitByte(text[i-2])) &&
			!(i+n < len(text) && isDateSep(text[i+n]) && digitAt(text, i+n+1)) {
			add(i, n, d, m, y)
			return
		}
		if m := dayMonthRE().FindStringSubmatch(w); m != nil {
			d, mo, y := smallAtoi(m[1]), monthNumber(m[2]), smallAtoi(m[3])
			if validDate(d, mo, y, false) {
				add(i, len(m[0]), d, mo, y)
			}
		}
	})
	for i := 0; i < len(text); i++ {
		if !isLetterByte(text[i]) || (i > 0 && isLetterByte(text[i-1])) {
			continue
		}
		if m := monthDayRE().FindStringSubmatch(dateWindowAt(text, i)); m != nil {
			d, mo, y := smallAtoi(m[2]), monthNumber(m[1]), smallAtoi(m[3])
			if validDate(d, mo, y, false) {
				add(i, len(m[0]), d, mo, y)
			}
		}
	}
	out = append(out, scanPartialDOBs(text, today)...)
	return append(out, scanAges(text)...)
}

// scanPartialDOBs finds a month and year, or a year, after a cue word
// (born 1958, DOB March 1958, d.o.b. 03/1958). Full dates after a cue are
// found by scanDates.
func scanPartialDOBs(text string, today time.Time) []Finding {
	var out []Finding
	for _, c := range dobCueRE().FindAllStringIndex(text, -1) {
		m := partialDOBRE().FindStringSubmatch(dateWindowAt(text, c[1]))
		if m == nil || digitAt(text, c[1]+len(m[0])) || (c[1]+len(m[0]) < len(text) && isDateSep(text[c[1]+len(m[0])])) {
			continue
		}
		year := m[2] + m[4] + m[5]
		if y := smallAtoi(year); y < 1900 || y > today.Year() {
			continue
		}
		if m[3] != "" && (smallAtoi(m[3]) < 1 || smallAtoi(m[3]) > 12) {
			continue
		}
		out = append(out, newFinding(text, FindingDateOfBirth, c[1], c[1]+len(m[0])))
	}
	return out
}

// scanAges finds a person's age: "aged 84", "an 84-year-old", "84 years
// old", "84yo". A range or bound ("aged 18 to 65", "aged 65 and over",
// "aged 18+") describes a group, not a person, and is left out.
func scanAges(text string) []Finding {
	var out []Finding
	for _, m := range agedRE().FindAllStringSubmatchIndex(text, -1) {
		if rangeRE().MatchString(text[m[1]:]) || smallAtoi(text[m[2]:m[3]]) > 120 {
			continue
		}
		out = append(out, newFinding(text, FindingAge, m[0], m[1]))
	}
	for _, m := range yearOldRE().FindAllStringSubmatchIndex(text, -1) {
		if m[2] > 0 && (isDateSep(text[m[2]-1]) || text[m[2]-1] == '-') || smallAtoi(text[m[2]:m[3]]) > 120 {
			continue
		}
		out = append(out, newFinding(text, FindingAge, m[0], m[1]))
	}
	return out
}

// isOldDate reports a date at least oldDateYears before today.
func isOldDate(d, m, y int, today time.Time) bool {
	date := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	ty, tm, td := today.Date()
	cut := time.Date(ty-oldDateYears, tm, td, 0, 0, 0, 0, time.UTC)
	return !date.After(cut)
}

// fullYear turns a two-digit year into a four-digit one (see
// twoDigitYearAhead).
func fullYear(yy int, today time.Time) int {
	if 2000+yy <= today.Year()+twoDigitYearAhead {
		return 2000 + yy
	}
	return 1900 + yy
}

func dateWindowAt(text string, i int) string {
	return text[i:min(len(text), i+dateWindow)]
}

func isDateSep(c byte) bool { return c == '/' || c == '.' || c == '-' }

// digitAt reports whether s has a digit at offset i.
func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && isDigitByte(s[i]) }

// numericDate reads a numeric full date at the start of w: its length (0
// if there is none) and its day, month and four-digit year. It reads d/m/y
// or m/d/y with a year of two or four digits, or y-m-d, with the same
// separator (/ . or -) twice. With dots and a two-digit year the day and
// month need two digits each, so that version numbers such as 1.2.10 do
// not count.
func numericDate(w string, today time.Time) (n, d, m, y int) {
	g := numericDateRE().FindStringSubmatch(w)
	if g == nil || g[2] != g[4] {
		return 0, 0, 0, 0
	}
	a, b, c := g[1], g[3], g[5]
	switch {
	case len(a) == 4:
		if len(c) <= 2 && validDate(smallAtoi(c), smallAtoi(b), smallAtoi(a), false) {
			return len(g[0]), smallAtoi(c), smallAtoi(b), smallAtoi(a)
		}
	case len(a) <= 2 && (len(c) == 2 || len(c) == 4):
		if g[2] == "." && len(c) == 2 && (len(a) != 2 || len(b) != 2) {
			return 0, 0, 0, 0
		}
		year := smallAtoi(c)
		if len(c) == 2 {
			year = fullYear(year, today)
		}
		switch {
		case validDate(smallAtoi(a), smallAtoi(b), year, false):
			return len(g[0]), smallAtoi(a), smallAtoi(b), year
		case validDate(smallAtoi(b), smallAtoi(a), year, false):
			return len(g[0]), smallAtoi(b), smallAtoi(a), year
		}
	}
	return 0, 0, 0, 0
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

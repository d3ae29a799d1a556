package model

import (
	"strings"
)

// ---- postcodes

// postcodeAreas are the UK postcode areas: matching only these keeps
// ordinary words and codes such as "A4" or "M2-E4" out.
const postcodeAreas = `AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|` +
	`EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|` +
	`ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|` +
	`TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE|B|E|G|L|M|N|S|W`

// Outward code: area, then a digit, then an optional digit or letter
// (A9, A99, AA9, AA99, A9A, AA9A). Inward code: a digit and two letters,
// never C I K M O V. Any case: people type postcodes in lower case.
var postcodeRE = lazyRegexp(`(?i)\b(?:GIR ?0AA|(?:` + postcodeAreas + `)[0-9][0-9A-HJKMNP-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b`)

func scanPostcodes(text string) []Finding {
	var out []Finding
	for _, m := range postcodeRE().FindAllStringIndex(text, -1) {
		if isOrdinal(text[m[1]-3 : m[1]]) {
			continue // "M1 3rd", "B2 1st": ordinals, not postcodes
		}
		out = append(out, newFinding(text, FindingPostcode, m[0], m[1]))
	}
	return out
}

// isOrdinal reports a digit and a lower-case ordinal suffix that fits it:
// 1st, 2nd, 3rd, 0th and 4th to 9th. "ng7 2rd" is a postcode: no ordinal
// is written 2rd.
func isOrdinal(s string) bool {
	switch s[1:] {
	case "st":
		return s[0] == '1'
	case "nd":
		return s[0] == '2'
	case "rd":
		return s[0] == '3'
	case "th":
		return s[0] == '0' || s[0] >= '4'
	}
	return false
}

// ---- National Insurance numbers

// A National Insurance number is two letters, six digits and a letter A
// to D, often written in pairs: AB 12 34 56 C. The first letter is never
// D F I Q U V, the second never D F I O Q U V, and BG GB KN NK NT TN ZZ
// are not used. The final letter is often left out; then the letters
// must be capitals, so that ordinary words followed by numbers do not
// count.
var niRE = lazyRegexp(`(?i)\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?:[ -]?([A-D]))?\b`)

func scanNINumbers(text string) []Finding {
	var out []Finding
	for _, m := range niRE().FindAllStringSubmatchIndex(text, -1) {
		prefix := text[m[2]:m[3]]
		switch strings.ToUpper(prefix) {
		case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
			continue
		}
		if m[10] < 0 && prefix != strings.ToUpper(prefix) {
			continue
		}
		out = append(out, newFinding(text, FindingNINumber, m[0], m[1]))
	}
	return out
}

package model

import (
	"strings"
)

// Names and addresses have no fixed format, so the guard only warns about
// their likely shapes: a title before a capitalised word, a house number
// before a street, and what follows "lives at".

// titlePattern: the titles written before a surname.
const titlePattern = `Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Rev|Revd|Cllr|MR|MRS|MS|MISS|DR`

// A surname: Jones, O'Neil, McDonald, MacLeod, Smith-Jones, D'Souza, JONES,
// optionally after initials (J Smith, J. A. Smith).
var nameRE = lazyRegexp(`\b(?:` + titlePattern + `)\.? (?:[A-Z]\.? ){0,2}([A-Z](?:'[A-Z])?[a-z]*(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?|[A-Z]{2,}(?:'[A-Z]+)?)\b`)

// notSurnames are capitalised words that follow a title without being a
// name: "Dr Foster" is a name, "Miss Monday's meeting" is not.
var notSurnames = wordSet(`A An And As At But By For From I If In It Its No Not Of On Or So The Then This That To We With ` +
	`Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ` +
	`August September October November December NHS GP CQC`)

func scanNames(text string) []Finding {
	var out []Finding
	for _, m := range nameRE().FindAllStringSubmatchIndex(text, -1) {
		surname := text[m[2]:m[3]]
		if len(surname) < 2 || notSurnames[surname] || notSurnames[surname[:1]+strings.ToLower(surname[1:])] {
			continue
		}
		out = append(out, newFinding(text, FindingName, m[0], m[1]))
	}
	return out
}

// streetTypes are the last words of a street's name. Those in
// plainStreetTypes are unambiguous enough to count in lower case too.
var (
	streetTypes = wordSet(`Road Rd Street St Avenue Ave Close Cl Lane Ln Drive Dr Way Crescent Cres Court Ct Place Pl ` +
		`Gardens Gdns Terrace Terr Grove Gr Hill Walk Square Sq Mews Row Rise Parade Green View Park Vale Wharf ` +
		`Yard Croft Fold Gate Chase Meadow Meadows Boulevard Brow Bank Wynd Loan Brae Heights Approach Circus Mount`)
	plainStreetTypes = wordSet(`road rd street avenue ave lane crescent drive gardens terrace grove mews`)
	// addressStop are words that cannot be part of a street's name:
	// "3 people on the Close Support team" is no address.
	addressStop = wordSet(`a an and as at but by for from in into is it of on or our per so the their to we with ` +
		`more less new old other same very people staff members beds patients cases times hours minutes weeks ` +
		`days months years sessions visits calls`)
)

// houseNumberRE: a house number (14, 14a, "Flat 2, 14"), then a space;
// scanAddresses reads the words after it.
var houseNumberRE = lazyRegexp(`(?i)\b(?:(?:flat|apartment|apt|unit) \d{1,4}[a-z]?,? )?\d{1,4}[a-z]?\b,? `)

// livesAtRE: "lives at" and the like, then a place starting with a number
// or a capitalised word (not "lives at home").
var livesAtRE = lazyRegexp(`\b(?i:lives at|living at|lived at|resides at|residing at|staying at|address is|address:)[ ,:]*` +
	`((?:\d{1,4}[A-Za-z]?,? )?(?:[Tt]he )?[A-Z0-9][\w'-]*(?:,? [A-Z0-9][\w'-]*){0,4})`)

// maxStreetWords is how many words a street's name has before its type.
const maxStreetWords = 3

func scanAddresses(text string) []Finding {
	var out []Finding
	for _, m := range houseNumberRE().FindAllStringIndex(text, -1) {
		var words []string
		var ends []int
		for j := m[1]; len(words) <= maxStreetWords && j < len(text); {
			k := j
			for k < len(text) && (isLetterByte(text[k]) || text[k] == '\'' || text[k] == '-') {
				k++
			}
			if k == j || (k < len(text) && isDigitByte(text[k])) {
				break
			}
			words, ends = append(words, text[j:k]), append(ends, k)
			if k >= len(text) || text[k] != ' ' {
				break
			}
			j = k + 1
		}
		for n := 1; n < len(words); n++ {
			if isStreet(words[:n], words[n]) {
				out = append(out, newFinding(text, FindingAddress, m[0], ends[n]))
				break
			}
		}
	}
	for _, m := range livesAtRE().FindAllStringSubmatchIndex(text, -1) {
		if strings.EqualFold(strings.Fields(text[m[2]:m[3]])[0], "home") {
			continue
		}
		out = append(out, newFinding(text, FindingAddress, m[0], m[1]))
	}
	return out
}

// isStreet reports whether words and a street type make a likely street:
// a capitalised type after capitalised words (Elm Road, The Close), or a
// lower-case type of plainStreetTypes after ordinary words (elm road).
func isStreet(words []string, typ string) bool {
	capital := typ[0] >= 'A' && typ[0] <= 'Z'
	switch {
	case capital && !streetTypes[typ]:
		return false
	case !capital && !plainStreetTypes[typ]:
		return false
	}
	for i, w := range words {
		lower := strings.ToLower(w)
		if i == 0 && lower == "the" && capital && w == "The" {
			continue
		}
		if addressStop[lower] {
			return false
		}
		if capital && !(w[0] >= 'A' && w[0] <= 'Z') {
			return false
		}
	}
	return true
}

// wordSet makes a set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

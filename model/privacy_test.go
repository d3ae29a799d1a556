package model

import (
	"fmt"
	"strings"
	"testing"
)

// kinds returns "kind=match" for every finding, for compact comparisons.
func findingKinds(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind+"="+f.Match)
	}
	return out
}

func TestScanIdentifiers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// NHS numbers
		{"nhs spaced", "NHS 943 476 5919 seen", []string{"NHS number=943 476 5919"}},
		{"nhs plain", "id 9434765919.", []string{"NHS number=9434765919"}},
		{"nhs hyphens", "943-476-5919", []string{"NHS number=943-476-5919"}},
		{"nhs after letters", "NHS:9434765919", []string{"NHS number=9434765919"}},
		{"nhs bad check digit", "943 476 5918", nil},
		{"chi", "CHI 120358 1009", []string{"CHI number=120358 1009"}},
		{"chi leading zero", "0101451008", []string{"CHI number=0101451008"}},
		{"ni spaced", "NI QQ 12 34 56 C, AB 12 34 56 C", []string{"National Insurance number=AB 12 34 56 C"}},
		{"ni no suffix", "JG103759", []string{"National Insurance number=JG103759"}},
		{"ni lower with suffix", "jg103759a", []string{"National Insurance number=jg103759a"}},
		{"not ni lower no suffix", "on 12 34 56", nil},
		{"postcode lower rd", "ng7 2rd", []string{"postcode=ng7 2rd"}},
		{"phone 0044", "0044 7700 900123", []string{"phone number=0044 7700 900123"}},
		{"name", "Mrs Jones and Mr O'Neil", []string{"name=Mrs Jones", "name=Mr O'Neil"}},
		{"name curly apostrophe", "Mr O\u2019Neil", []string{"name=Mr O\u2019Neil"}},
		{"not name placeholder", "Mrs X said", nil},
		{"address", "Mrs Jones at 14 Elm Road", []string{"name=Mrs Jones", "address=14 Elm Road"}},
		{"address lives at", "she lives at Rose Cottage", []string{"address=lives at Rose Cottage"}},
		{"not address lives at home", "he lives at home with his wife", nil},
		{"age", "a man aged 84", []string{"age=aged 84"}},
		{"not age range", "people aged 18 to 65 and aged 65+", nil},
		{"not dob future meeting", "next meeting 14/01/2027", nil},
		{"dob cue recent", "DOB 03/02/2025", []string{"date of birth=03/02/2025"}},
		{"dob year", "born in 1944", []string{"date of birth=1944"}},
		{"nhs check 10 invalid", "1234567890", nil},
		{"nhs placeholder", "0000000000 and 1111111111", nil},
		{"nhs too long", "94347659190", nil},
		{"nhs inside longer run", "19434765919", nil},
		{"nhs uneven groups", "9434 765 919", []string{"NHS number=9434 765 919"}},
		{"nhs dotted", "943.476.5919", []string{"NHS number=943.476.5919"}},
		{"nhs nbsp", "943\u00a0476\u00a05919", []string{"NHS number=943\u00a0476\u00a05919"}},
		{"nhs en dash", "943\u2013476\u20135919", []string{"NHS number=943\u2013476\u20135919"}},
		{"nhs zero width", "943\u200b476\u200b5919", []string{"NHS number=943\u200b476\u200b5919"}},
		{"nhs full width", "\uff19\uff14\uff13 \uff14\uff17\uff16 \uff15\uff19\uff11\uff19", []string{"NHS number=\uff19\uff14\uff13 \uff14\uff17\uff16 \uff15\uff19\uff11\uff19"}},
		{"nhs double spaced", "943  476  5919", []string{"NHS number=943  476  5919"}},
		{"nhs cue wrong check", "NHS no 943 476 5918", []string{"NHS number=943 476 5918"}},

		// postcodes
		{"postcode", "lives at NG1 5AA now", []string{"postcode=NG1 5AA"}},
		{"postcode no space", "NG15AA", []string{"postcode=NG15AA"}},
		{"postcode lower", "sw1a 1aa", []string{"postcode=sw1a 1aa"}},
		{"postcode A9", "M1 1AE", []string{"postcode=M1 1AE"}},
		{"postcode A99", "B33 8TH", []string{"postcode=B33 8TH"}},
		{"postcode AA9", "CR2 6XH", []string{"postcode=CR2 6XH"}},
		{"postcode AA99", "DN55 1PT", []string{"postcode=DN55 1PT"}},
		{"postcode A9A", "W1A 0AX", []string{"postcode=W1A 0AX"}},
		{"postcode AA9A", "EC1A 1BB", []string{"postcode=EC1A 1BB"}},
		{"postcode GIR", "GIR 0AA", []string{"postcode=GIR 0AA"}},
		{"postcode GIR lower nospace", "gir0aa", []string{"postcode=gir0aa"}},
		{"postcode in brackets", "(LS1 4AP)", []string{"postcode=LS1 4AP"}},
		{"not postcode unknown area", "A4 2AB", nil},
		{"not postcode ordinal", "M1 3rd session, B2 1st floor", nil},
		{"not postcode inside word", "XNG1 5AAX", nil},
		{"not postcode exercise id", "M2-E4 and M1-E3", nil},
		{"not postcode bad inward", "NG1 5CA", nil},

		// dates
		{"date slashes", "born 12/03/1958", []string{"date of birth=12/03/1958"}},
		{"date hyphens", "12-03-1958", []string{"date of birth=12-03-1958"}},
		{"date dots short year", "12.03.58", []string{"date of birth=12.03.58"}},
		{"date single digits", "3/4/1958", []string{"date of birth=3/4/1958"}},
		{"date two digit year", "3/4/58", []string{"date of birth=3/4/58"}},
		{"date us order", "03/25/1958", []string{"date of birth=03/25/1958"}},
		{"date iso", "1958-03-12", []string{"date of birth=1958-03-12"}},
		{"date words", "3 March 1958", []string{"date of birth=3 March 1958"}},
		{"date ordinal abbr", "3rd Mar 1958", []string{"date of birth=3rd Mar 1958"}},
		{"date ordinal of", "the 21st of September 1944", []string{"date of birth=21st of September 1944"}},
		{"date abbr dot", "3 Sept. 1958", []string{"date of birth=3 Sept. 1958"}},
		{"date month first", "March 3rd, 1958", []string{"date of birth=March 3rd, 1958"}},
		{"date lower case", "dob 3 mar 1958", []string{"date of birth=3 mar 1958"}},
		{"date leap day", "29/02/2000", []string{"date of birth=29/02/2000"}},
		{"not date feb 29", "29/02/1958", nil},
		{"not date 31 april", "31/04/1958", nil},
		{"not date month 13", "13/13/1958", nil},
		{"not date version", "version 1.2.10", nil},
		{"not date one to one", "1-2-1 sessions", nil},
		{"not date mixed sep", "12/03-1958", nil},
		{"not date year range", "12/03/1850", nil},
		{"not date longer run", "1/12/03/1958", nil},
		{"not date month year", "March 2014", nil},
		{"not date day month", "3 March", nil},
		{"not date word", "3 Marchers 1958", nil},

		// phone numbers
		{"mobile", "call 07700 900123", []string{"phone number=07700 900123"}},
		{"mobile plain", "07700900123", []string{"phone number=07700900123"}},
		{"mobile grouped", "07700 900 123", []string{"phone number=07700 900 123"}},
		{"mobile intl", "+44 7700 900123", []string{"phone number=+44 7700 900123"}},
		{"mobile intl plain", "+447700900123", []string{"phone number=+447700900123"}},
		{"landline", "0115 496 0000", []string{"phone number=0115 496 0000"}},
		{"landline brackets", "(0115) 496 0000", []string{"phone number=(0115) 496 0000"}},
		{"london", "020 7946 0000", []string{"phone number=020 7946 0000"}},
		{"london intl zero", "+44 (0)20 7946 0000", []string{"phone number=+44 (0)20 7946 0000"}},
		{"ten digit landline", "016977 4321", []string{"phone number=016977 4321"}},
		{"hyphens", "0115-496-0000", []string{"phone number=0115-496-0000"}},
		{"non geographic", "0300 123 4567", []string{"phone number=0300 123 4567"}},
		{"not phone short mobile", "0770 090012", nil},
		{"not phone too long", "011549600001", nil},
		{"not phone 0800", "0800 123 4567", nil},
		{"not phone intl other", "+33 1 23 45 67 89", nil},

		// e-mail
		{"email", "write to jo.bloggs@nhs.net.", []string{"e-mail address=jo.bloggs@nhs.net"}},
		{"email plus", "(a+b@example.co.uk)", []string{"e-mail address=a+b@example.co.uk"}},
		{"email with digits", "jo07700900123@x.org", []string{"e-mail address=jo07700900123@x.org"}},
		{"not email no dot", "me@localhost", nil},
		{"not email at sign", "meet @ 10:30", nil},

		// several
		{"several", "Mrs X, 12/03/1958, NG1 5AA, 943 476 5919, 07700 900123",
			[]string{"date of birth=12/03/1958", "postcode=NG1 5AA", "NHS number=943 476 5919", "phone number=07700 900123"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findingKinds(ScanIdentifiers(tt.in))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ScanIdentifiers(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScanIdentifiersOrdinaryText(t *testing.T) {
	for _, s := range []string{
		"The team met 3 times",
		"Module 2 slide 14",
		"we saved £2,000 on 12 cases",
		"see page 4",
		"Care Act 2014",
		"20 minutes",
		"20m",
		"meet at 10:30 or 10.30 in room 2",
		"2014",
		"Knowledge and Skills Statement (2015)",
		"NAO 2018 and King's Fund 2016",
		"M2-E4: six positive attitudes, four challenges",
		"rated 3 out of 5; 1 in 4 people; 50%",
		"phase 2 of 3, 2nd meeting on the 3rd floor",
		"1-2-1 supervision every 4-6 weeks",
		"costs fell from £12,500 to £9,800 (2016/17 to 2017/18)",
		"Version 1.0.3, P1-P6, B-1..3",
		"score 10/10, ratio 3:1, 100 000 people",
		"we may 3 times",
		"ISO 9001 and GDPR Article 9",
	} {
		if fs := ScanIdentifiers(s); len(fs) != 0 {
			t.Errorf("ScanIdentifiers(%q) = %q, want none", s, findingKinds(fs))
		}
	}
}

func TestNHSExample(t *testing.T) {
	if fs := ScanIdentifiers("943 476 5919"); len(fs) != 1 || fs[0].Kind != FindingNHSNumber {
		t.Errorf("943 476 5919: got %q, want an NHS number", findingKinds(fs))
	}
	if fs := ScanIdentifiers("943 476 5918"); len(fs) != 0 {
		t.Errorf("943 476 5918: got %q, want none", findingKinds(fs))
	}
}

func TestValidNHSNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"9434765919", true},
		{"9434765918", false},
		{"4010232137", true},
		{"1234567890", false}, // check digit would be 10
		{"943476591", false},
		{"94347659190", false},
		{"943476591x", false},
		{"0000000000", false},
	}
	for _, tt := range tests {
		if got := ValidNHSNumber(tt.in); got != tt.want {
			t.Errorf("ValidNHSNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// Build numbers whose check digit comes out as 0 (sum mod 11 == 0).
	found := false
	for n := 100000000; n < 100000200 && !found; n++ {
		d := fmt.Sprint(n)
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(d[i]-'0') * (10 - i)
		}
		if sum%11 == 0 {
			found = true
			if !ValidNHSNumber(d + "0") {
				t.Errorf("ValidNHSNumber(%q): check digit 0 (11) not accepted", d+"0")
			}
		}
	}
	if !found {
		t.Fatal("no number with sum mod 11 == 0 found")
	}
}

func TestFindingOffsets(t *testing.T) {
	text := "né à NG1 5AA — 07700 900123"
	for _, f := range ScanIdentifiers(text) {
		if text[f.Start:f.End] != f.Match {
			t.Errorf("finding %+v: text[%d:%d] = %q", f, f.Start, f.End, text[f.Start:f.End])
		}
	}
}

func FuzzScanIdentifiers(f *testing.F) {
	for _, s := range []string{
		"", "943 476 5919", "NG1 5AA", "12/03/1958", "3rd of March 1958", "March 3, 1958",
		"+44 (0)20 7946 0000", "(0115) 496 0000", "jo@nhs.net", "...@x.co", "1958-03-12",
		"GIR 0AA", "0", "+44", "(0", "(0)", "12/", "3 mar", strings.Repeat("0", 40),
		"943\u00a0476\u20135919", "\uff19\uff14\uff13", "Mrs Jones at 14 Elm Road", "lives at Rose Cottage",
		"AB 12 34 56 C", "born in 1944", "aged 84", "0044 7700 900123", "1 2 3 4 5 6 7 8 9 0 1 2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fs := ScanIdentifiers(text)
		prevEnd := 0
		for _, f := range fs {
			if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
				t.Fatalf("finding %+v: bad offsets for text of %d bytes", f, len(text))
			}
			if text[f.Start:f.End] != f.Match {
				t.Fatalf("finding %+v: text[Start:End] = %q", f, text[f.Start:f.End])
			}
			if f.Start < prevEnd {
				t.Fatalf("findings overlap or are out of order: %+v", fs)
			}
			prevEnd = f.End
		}
	})
}

func TestNormalizeForScan(t *testing.T) {
	tests := []struct{ in, want string }{
		{"943\u00a0476\u202f5919", "943 476 5919"},
		{"943\u2013476\u20145919 \u2212 1", "943-476-5919 - 1"},
		{"9\u200b4\u200c3\u200d\ufeff\u2060\u00ad", "943"},
		{"\uff19\uff14\uff13\u3000\uff21\uff42", "943 Ab"},
		{"a \t\n  b", "a b"},
		{"O\u2019Neil", "O'Neil"},
		{"\u00b9\u00b2\u00b3\u2074 \u2460 \U0001d7d7", "1234 1 9"},
		{"\u202e\u2066x\u2069\x1b", "x"},
		{"café", "café"},
	}
	for _, tt := range tests {
		if got := NormalizeForScan(tt.in); got != tt.want {
			t.Errorf("NormalizeForScan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalizeForScan(f *testing.F) {
	for _, s := range []string{"", "943\u00a0476\u20135919", "\uff19 \u200b", "a  b", "\xff\xfe", "\u2019\u2460"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n := normalizeForScan(in)
		if len(n.from) != len(n.text) || len(n.to) != len(n.text) {
			t.Fatalf("map of %d and %d offsets for %d bytes", len(n.from), len(n.to), len(n.text))
		}
		for i := range n.text {
			if n.from[i] < 0 || n.to[i] > len(in) || n.from[i] >= n.to[i] || (i > 0 && n.from[i] < n.from[i-1]) {
				t.Fatalf("bad map at %d: %v %v", i, n.from, n.to)
			}
		}
		if strings.Contains(n.text, "  ") {
			t.Fatalf("NormalizeForScan(%q) = %q: a double space", in, n.text)
		}
		for _, r := range n.text {
			if isInvisible(r) || r == '\t' || r == '\n' || r == '\u2013' || r == '\u00a0' || (r >= 0xff01 && r <= 0xff5e) {
				t.Fatalf("NormalizeForScan(%q) = %q: %U left", in, n.text, r)
			}
		}
		if again := NormalizeForScan(n.text); again != n.text {
			t.Fatalf("not idempotent: %q then %q", n.text, again)
		}
	})
}

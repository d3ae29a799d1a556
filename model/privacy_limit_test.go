package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCutToLimit(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
		cut   int
	}{
		{"", 5, "", 0},
		{"hello", 5, "hello", 0},
		{"hello!", 5, "hello", 1},
		{"café au lait", 4, "café", 8},
		{"🏴🏴🏴", 1, "🏴", 2},
		{"abc", 0, "", 3},
	}
	for _, tt := range tests {
		got, cut := CutToLimit(tt.in, tt.limit)
		if got != tt.want || cut != tt.cut {
			t.Errorf("CutToLimit(%q, %d) = %q, %d; want %q, %d", tt.in, tt.limit, got, cut, tt.want, tt.cut)
		}
	}
	long := strings.Repeat("a long pasted paragraph ", 5000) // about 100 KB
	kept, cut := CutToLimit(long, MaxFieldRunes)
	if utf8.RuneCountInString(kept) != MaxFieldRunes || cut != utf8.RuneCountInString(long)-MaxFieldRunes {
		t.Errorf("100 KB paste: kept %d runes, cut %d", utf8.RuneCountInString(kept), cut)
	}
}

func TestCleanInput(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"\x1b]52;c;aGk=\x07 North", " North"},
		{"\x1b]52;c;aGk=\x1b\\ North", " North"},
		{"\x1b]0;title\x1b\\x", "x"},
		{"\x1bP1$r\x1b\\x", "x"},
		{"\u009b31mx", "x"},
		{"one\ntwo\r\nthree\tfour", "one two three four"},
		{"abc\u202edef", "abcdef"},
	}
	for _, tt := range tests {
		if got := CleanInput(tt.in); got != tt.want {
			t.Errorf("CleanInput(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCleanInput(f *testing.F) {
	for _, s := range []string{"", "\x1b[31mx", "\x1b]52;c;aGk=\x07 North", "a\tb\nc", "\x1b[", "\x9b1m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := CleanInput(in)
		checkSanitized(t, in, out)
		if strings.ContainsAny(out, "\n\t") {
			t.Fatalf("CleanInput(%q) = %q: a line break or tab", in, out)
		}
		if CleanInput(out) != out {
			t.Fatalf("CleanInput not idempotent on %q", out)
		}
		// A whole colour sequence around the text leaves the text only.
		if wrapped := CleanInput("\x1b[31m" + out + "\x1b[0m"); wrapped != CleanInput(out) {
			t.Fatalf("CleanInput of %q wrapped in SGR = %q", out, wrapped)
		}
	})
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  North  ", "North"},
		{"\x1b]52;c;aGk=\x07 North", "North"},
		{"\x1b]2;title\x1b\\South\x1b[0m", "South"},
		{"East\u202e team", "East team"},
		{"West\nLocality", "West Locality"},
		{strings.Repeat("é", 300), strings.Repeat("é", MaxNameRunes)},
	}
	for _, tt := range tests {
		if got := CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDescribeFindings(t *testing.T) {
	got := DescribeFindings(ScanIdentifiersAt("Team for 943 476 5919 at NG1 5AA", guardToday))
	if want := "NHS number “943 476 5919”, postcode “NG1 5AA”"; got != want {
		t.Errorf("DescribeFindings = %q, want %q", got, want)
	}
}

func TestDraftMayHoldIdentifier(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"NHS 943 476 5919", true},
		{"NHS 943 476", true}, // the number is being typed
		{"943.476", true},
		{"Ward 12, 3 staff, 20 minutes", false},
		{"met on 12 March", false},
		{"the team of 15", false},
	} {
		if got := DraftMayHoldIdentifier(c.text); got != c.want {
			t.Errorf("DraftMayHoldIdentifier(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

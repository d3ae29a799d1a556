package model

import (
	"bytes"
	"crypto/rand"
	"testing"
)

func TestNewJoinCode(t *testing.T) {
	tests := []struct {
		in   []byte
		want string
	}{
		{[]byte{0, 0, 0, 0, 0}, "0000-0000"},
		{[]byte{0xff, 0xff, 0xff, 0xff, 0xff}, "ZZZZ-ZZZZ"},
		{[]byte{0, 0, 0, 0, 1}, "0000-0001"},
		{[]byte{0x08, 0, 0, 0, 0}, "1000-0000"},
		{[]byte{0xa5, 0x5a, 0x0f, 0xf0, 0x3c}, "MND0-ZW1W"},
	}
	for _, tt := range tests {
		c, err := NewJoinCode(bytes.NewReader(tt.in))
		if err != nil || c.String() != tt.want {
			t.Errorf("NewJoinCode(% x) = %q, %v; want %q", tt.in, c.String(), err, tt.want)
		}
	}
	if _, err := NewJoinCode(bytes.NewReader([]byte{1, 2})); err == nil {
		t.Error("NewJoinCode with 2 bytes: no error")
	}
}

func TestJoinCodeRandomRoundTrip(t *testing.T) {
	seen := map[JoinCode]bool{}
	for range 200 {
		c, err := NewJoinCode(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != JoinCodeLen || seen[c] {
			t.Fatalf("code %q: wrong length or repeated", c)
		}
		seen[c] = true
		p, ok := ParseJoinCode(c.String())
		if !ok || p != c || !c.Matches(c.String()) || !c.Matches(string(c)) {
			t.Fatalf("code %q does not read back", c)
		}
	}
}

func TestParseJoinCode(t *testing.T) {
	tests := []struct {
		in   string
		want JoinCode
		ok   bool
	}{
		{"K7QX-M3PA", "K7QXM3PA", true},
		{"k7qx-m3pa", "K7QXM3PA", true},
		{"k7qxm3pa", "K7QXM3PA", true},
		{" K7QX M3PA ", "K7QXM3PA", true},
		{"IL0O-ilo0", "11001100", true}, // I and L read as 1, O as 0
		{"K7QX-M3P", "", false},         // 7 characters
		{"K7QX-M3PAA", "", false},       // 9 characters
		{"K7QX-M3PU", "", false},        // U is not in the alphabet
		{"K7QX_M3PA", "", false},
		{"", "", false},
		{"K7QX-M3PÄ", "", false},
		{"--------K7QXM3PA--------------------", "", false}, // too long to read at all
	}
	for _, tt := range tests {
		got, ok := ParseJoinCode(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseJoinCode(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestJoinCodeMatches(t *testing.T) {
	c := JoinCode("K7QXM3PA")
	tests := []struct {
		typed string
		want  bool
	}{
		{"K7QX-M3PA", true},
		{"k7qxm3pa", true},
		{"K7QX-M3PB", false},
		{"", false},
		{"K7QX", false},
		{"--------", false},
	}
	for _, tt := range tests {
		if got := c.Matches(tt.typed); got != tt.want {
			t.Errorf("Matches(%q) = %v, want %v", tt.typed, got, tt.want)
		}
	}
	if JoinCode("").Matches("--------") || JoinCode("").Matches("") {
		t.Error("the zero code matched")
	}
}

func FuzzParseJoinCode(f *testing.F) {
	for _, s := range []string{"K7QX-M3PA", "il0o-1234", "", "ÄÖ", "K7QX-M3PU"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := ParseJoinCode(s)
		if !ok {
			return
		}
		if len(c) != JoinCodeLen {
			t.Fatalf("ParseJoinCode(%q) = %q: not 8 characters", s, c)
		}
		if again, ok := ParseJoinCode(c.String()); !ok || again != c || !c.Matches(s) {
			t.Fatalf("ParseJoinCode(%q) = %q does not read back", s, c)
		}
	})
}

// TestLooksLikeJoinCode: which user names are taken as codes.
func TestLooksLikeJoinCode(t *testing.T) {
	for name, want := range map[string]bool{
		"K7QX-M3PA": true, "k7qx-m3pa": true, "K7QXM3PA": true, "00000000": true,
		"jsmith": false, "jsmith12": false, "K7QX-M3P": false, "K7QXM3PAX": false,
		"K7Q-XM3PA": false, "K7QX M3PA": false, "": false, "root": false, "participant": false,
	} {
		if got := LooksLikeJoinCode(name); got != want {
			t.Errorf("LooksLikeJoinCode(%q) = %v, want %v", name, got, want)
		}
	}
}

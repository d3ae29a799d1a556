package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "The team met 3 times", "The team met 3 times"},
		{"unicode kept", "café £2,000 — ok ✓ 🏴", "café £2,000 — ok ✓ 🏴"},
		{"newline kept", "one\ntwo", "one\ntwo"},
		{"tab to spaces", "a\tb", "a    b"},
		{"crlf", "one\r\ntwo", "one\ntwo"},
		{"lone cr", "secret\rshown", "secret\nshown"},
		{"sgr colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"sgr many params", "\x1b[1;38;5;196mX", "X"},
		{"csi private", "a\x1b[?1049hb", "ab"},
		{"csi clear screen", "\x1b[2J\x1b[Hhello", "hello"},
		{"csi unterminated", "a\x1b[12;3", "a"},
		{"csi aborted by text", "a\x1b[12\u00e9b", "a\u00e9b"},
		{"csi aborted by newline", "a\x1b[1\nb", "a\nb"},
		{"c1 csi rune", "a\u009b31mb", "ab"},
		{"c1 csi raw byte", "a\x9b31mb", "a\ufffdb"},
		{"osc title bel", "\x1b]0;pwned\x07after", "after"},
		{"osc title st", "\x1b]2;pwned\x1b\\after", "after"},
		{"osc hyperlink", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"osc 52 clipboard bel", "\x1b]52;c;aGk=\x07 North", " North"},
		{"osc 52 clipboard st", "\x1b]52;c;aGk=\x1b\\ North", " North"},
		{"sgr leaves no residue", "a\x1b[31mb\x1b[0mc", "abc"},
		{"dcs decrqss", "\x1bP$q\"p\x1b\\x", "x"},
		{"osc c1 st", "\x1b]0;x\u009cafter", "after"},
		{"osc raw c1", "\x9d0;x\x07after", "\ufffdafter"},
		{"osc unterminated stops at newline", "\x1b]0;title\nnext line", "\nnext line"},
		{"osc unterminated at end", "keep\x1b]0;title", "keep"},
		{"osc then new escape", "\x1b]0;t\x1b[31mred", "red"},
		{"dcs", "\x1bPq#0;2;0;0;0\x1b\\after", "after"},
		{"apc", "\x1b_Gf=24;AAAA\x1b\\after", "after"},
		{"pm sos", "\x1b^x\x1b\\\x1bXy\x1b\\z", "z"},
		{"two byte escape", "a\x1bcb", "ab"},
		{"charset designation", "a\x1b(Bb", "ab"},
		{"lone esc at end", "abc\x1b", "abc"},
		{"esc before control", "a\x1b\x01b", "ab"},
		{"bell and backspace", "ab\x08\x08cd\x07", "abcd"},
		{"nul", "a\x00b", "ab"},
		{"del", "a\x7fb", "ab"},
		{"c1 nel", "a\u0085b", "ab"},
		{"bidi override", "abc\u202egnp.exe", "abcgnp.exe"},
		{"bidi isolates", "\u2066x\u2069\u2067y\u2068", "xy"},
		{"lrm kept", "a\u200eb", "a\u200eb"},
		{"line separator", "a\u2028b\u2029c", "a\nb\nc"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"truncated utf8", "a\xe2\x82", "a\ufffd\ufffd"},
		{"surrogate", "\xed\xa0\x80", "\ufffd\ufffd\ufffd"},
		{"replacement char kept", "\ufffd", "\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitizeLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one\ntwo", "one two"},
		{"one\r\ntwo", "one two"},
		{"a\tb", "a    b"},
		{"\x1b[31mx\x1b[0m\n", "x "},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := SanitizeLine(tt.in); got != tt.want {
			t.Errorf("SanitizeLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"=SUM(A1:A2)", "'=SUM(A1:A2)"},
		{"+44 7700 900123", "'+44 7700 900123"},
		{"-2+3", "'-2+3"},
		{"@cmd", "'@cmd"},
		{"  =1+1", "'  =1+1"},
		{"\t=1+1", "'    =1+1"},
		{"\r=1+1", "'\n=1+1"},
		{"\n@x", "'\n@x"},
		{"a=b", "a=b"},
		{"it's -ok", "it's -ok"},
		{"\x1b[31m=1\x1b[0m", "'=1"},
		{"\x1b[31m", ""},
		{"   ", "   "},
	}
	for _, tt := range tests {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitizePlainUnchanged(t *testing.T) {
	s := "Module 2 slide 14: see page 4\nCare Act 2014"
	if got := Sanitize(s); got != s {
		t.Errorf("Sanitize changed plain text: %q", got)
	}
}

// checkSanitized reports what is wrong with out, the result of Sanitize.
func checkSanitized(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Sanitize(%q) = %q: invalid UTF-8", in, out)
	}
	for i := 0; i < len(out); i++ {
		c := out[i]
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			t.Fatalf("Sanitize(%q) = %q: control byte %#x at %d", in, out, c, i)
		}
	}
	for _, r := range out {
		if r >= 0x80 && r <= 0x9f {
			t.Fatalf("Sanitize(%q) = %q: C1 control %U", in, out, r)
		}
		if isBidiControl(r) {
			t.Fatalf("Sanitize(%q) = %q: bidi control %U", in, out, r)
		}
	}
	if again := Sanitize(out); again != out {
		t.Fatalf("Sanitize not idempotent on %q: %q then %q", in, out, again)
	}
}

func FuzzSanitize(f *testing.F) {
	seeds := []string{
		"",
		"plain",
		"\x1b[31mred\x1b[0m",
		"\x1b]0;title\x07",
		"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"\x1bPdata\x1b\\",
		"\u009b31m",
		"\x9b31m",
		"a\r\nb\rc\td",
		"\u202eabc\u2066",
		"\xff\xfe\xed\xa0\x80",
		"\x1b\x1b[\x1b]\x1b",
		"=1+1",
		"  -2",
		"\u2028\u2029\u0085",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in)
		checkSanitized(t, in, out)
		line := SanitizeLine(in)
		if strings.Contains(line, "\n") {
			t.Fatalf("SanitizeLine(%q) = %q: has a newline", in, line)
		}
		cell := CSVCell(in)
		if !utf8.ValidString(cell) {
			t.Fatalf("CSVCell(%q) = %q: invalid UTF-8", in, cell)
		}
		if trimmed := strings.TrimLeft(cell, " \n"); trimmed != "" && strings.IndexByte("=+-@\t\r", trimmed[0]) >= 0 {
			t.Fatalf("CSVCell(%q) = %q: starts a formula", in, cell)
		}
	})
}

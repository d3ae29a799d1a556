package toolkit

import "testing"

func TestJoinSoftBreaks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraph lines joined", "The toolkit rests on\nthe evaluation.", "The toolkit rests on the evaluation."},
		{"three paragraph lines joined", "one\ntwo\nthree", "one two three"},
		{"trailing single space dropped", "one \ntwo", "one two"},
		{"list item continuation joined", "- Built on the toolkit\n  for embedding the role\n- Next", "- Built on the toolkit for embedding the role\n- Next"},
		{"numbered item continuation joined", "1. First item\n   wraps here", "1. First item wraps here"},
		{"bold continuation joined", "- **bold\n  text**", "- **bold text**"},
		{"blank line keeps paragraphs apart", "one\n\ntwo", "one\n\ntwo"},
		{"hard break with two spaces kept", "line one  \nline two", "line one  \nline two"},
		{"hard break with backslash kept", "line one\\\nline two", "line one\\\nline two"},
		{"hard break after a join kept", "a\nb  \nc", "a b  \nc"},
		{"heading not joined into", "text\n# Heading", "text\n# Heading"},
		{"nothing joined onto a heading", "# Heading\ntext", "# Heading\ntext"},
		{"table rows kept", "| a | b |\n| --- | --- |\n| 1 | 2 |", "| a | b |\n| --- | --- |\n| 1 | 2 |"},
		{"table after paragraph kept", "text\n| a | b |", "text\n| a | b |"},
		{"quote not joined into", "text\n> quote", "text\n> quote"},
		{"nothing joined onto a quote", "> quote\ntext", "> quote\ntext"},
		{"new dash items kept", "- a\n- b\n- c", "- a\n- b\n- c"},
		{"new star and plus items kept", "* a\n+ b", "* a\n+ b"},
		{"nested item kept", "- a\n  - b", "- a\n  - b"},
		{"numbered items kept", "1. a\n2. b\n10. c", "1. a\n2. b\n10. c"},
		{"numbered items with parens kept", "1) a\n2) b", "1) a\n2) b"},
		{"year at line start joined", "in\n2017 the advice", "in 2017 the advice"},
		{"emphasis star line joined", "a\n*b*", "a *b*"},
		{"rule kept", "text\n***", "text\n***"},
		{"html kept", "text\n<br>", "text\n<br>"},
		{"fenced code untouched", "```\nline one\nline two\n```", "```\nline one\nline two\n```"},
		{"tilde code untouched", "~~~\na\nb\n~~~", "~~~\na\nb\n~~~"},
		{"fence not joined into text", "text\n```\ncode\n```", "text\n```\ncode\n```"},
		{"text not joined onto closing fence", "```\ncode\n```\ntext\nmore", "```\ncode\n```\ntext more"},
		{"code in a list untouched", "- item\n  ```\n  a\n  b\n  ```", "- item\n  ```\n  a\n  b\n  ```"},
		{"inner shorter fence stays inside", "````\n```\na\nb\n```\n````\nc\nd", "````\n```\na\nb\n```\n````\nc d"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinSoftBreaks(tt.in); got != tt.want {
				t.Errorf("joinSoftBreaks(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSlideBodyJoinsSoftBreaks(t *testing.T) {
	data := src("---", "id: a", "title: A", "---", "# Slide", "", "- a wrapped", "  bullet", "", "```", "keep", "lines", "```")
	mod, errs := ParseModule("s.md", data)
	if len(errs) > 0 {
		t.Fatalf("errors:\n%v", errs)
	}
	want := "# Slide\n\n- a wrapped bullet\n\n```\nkeep\nlines\n```"
	if got := mod.Slides[0].Body; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
}

package toolkit

import (
	"strings"
	"unicode"
)

// joinSoftBreaks joins the continuation lines of list items and
// paragraphs into one line, outside fenced code. Glamour keeps a soft line
// break inside a list item as a hard one, so a bullet wrapped in the deck
// file would otherwise break early on a wide screen instead of re-flowing.
func joinSoftBreaks(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	var fence string
	joinable := false // the previous output line may take a continuation
	for _, line := range lines {
		if f := fenceMarker(line); f != "" || fence != "" {
			switch {
			case fence == "":
				fence = f
			case isClosing(line, fence):
				fence = ""
			}
			out = append(out, line)
			joinable = false
			continue
		}
		t := strings.TrimSpace(line)
		if joinable && t != "" && !startsBlock(t) && !hardBreak(out[len(out)-1]) {
			// The joined line keeps its own ending: two trailing spaces
			// are a hard break that must survive the join.
			out[len(out)-1] = strings.TrimRight(out[len(out)-1], " ") + " " + strings.TrimLeft(line, " \t")
			continue
		}
		out = append(out, line)
		joinable = t != "" && (!startsBlock(t) || listItem(t))
	}
	return strings.Join(out, "\n")
}

// startsBlock reports whether a trimmed line begins a Markdown block of
// its own (a list item, heading, quote, table row, rule, setext underline
// or HTML), so that it is never joined onto the line before.
func startsBlock(t string) bool {
	if strings.Contains(t, "|") {
		return true // a table row, with or without a leading pipe
	}
	switch t[0] {
	case '#', '>', '<':
		return true
	case '-', '*', '+', '_', '=':
		return len(t) == 1 || t[1] == ' ' || strings.Trim(t, string(t[0])+" ") == ""
	}
	i := 0
	for i < len(t) && unicode.IsDigit(rune(t[i])) {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// hardBreak reports whether a line ends in a Markdown hard line break.
func hardBreak(line string) bool {
	return strings.HasSuffix(line, "  ") || strings.HasSuffix(line, "\\")
}

// listItem reports whether a trimmed line opens a list item, whose
// continuation lines are joined onto it.
func listItem(t string) bool {
	switch t[0] {
	case '-', '*', '+':
		return len(t) > 1 && t[1] == ' ' && strings.Trim(t, string(t[0])+" ") != ""
	}
	i := 0
	for i < len(t) && unicode.IsDigit(rune(t[i])) {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

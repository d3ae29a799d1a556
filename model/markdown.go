package model

import (
	"strconv"
	"strings"
	"time"
)

// Helpers that put captured text into Markdown safely: the text is
// sanitised (Sanitize, SanitizeLine) and every character that Markdown
// could read as structure is escaped with a backslash, so that a line
// typed as "# Heading", "---", "| a | b |" or "[link](x)" shows as typed
// and cannot break the document around it. Summaries (summary.go and the
// per-kind summary_*.go files) and Minutes use them for every piece of
// text that did not come from huddle itself.

// mdInlineSpecial are the characters escaped wherever they stand. Escaping
// them anywhere keeps emphasis, code spans, links, raw HTML, entities,
// tables, strikethrough and headings' closing marks from starting inside
// captured text.
const mdInlineSpecial = "\\`*_[]<>|~&#"

// MarkdownInline renders text for one line of Markdown (a bullet, a table
// cell, a heading): sanitised, newlines turned into spaces, surrounding
// space trimmed, and Markdown's special characters escaped.
func MarkdownInline(s string) string {
	return escapeMarkdownLine(strings.TrimSpace(SanitizeLine(s)))
}

// MarkdownText renders text that may hold several lines for the body of
// a list item: each line is escaped like MarkdownInline, empty lines are
// dropped, and the lines are joined with hard line breaks and indented by
// indent so that they stay inside the item.
func MarkdownText(s, indent string) string {
	var lines []string
	for _, l := range strings.Split(Sanitize(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, escapeMarkdownLine(l))
		}
	}
	return strings.Join(lines, "\\\n"+indent)
}

// escapeMarkdownLine escapes one line of sanitised text: the inline
// special characters anywhere, and at the start of the line whatever would
// begin a block (heading, list, thematic break, setext underline, block
// quote, ordered list).
func escapeMarkdownLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	if s != "" {
		switch s[0] {
		case '+', '-', '=': // '#' and '>' are escaped everywhere, below
			b.WriteByte('\\')
		default:
			// "1." or "1)" would start an ordered list.
			i := 0
			for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
				b.WriteString(s[:i])
				b.WriteByte('\\')
				s = s[i:]
			}
		}
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(mdInlineSpecial, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// MarkdownTable renders a table: a header row and rows of cells, every
// cell rendered with MarkdownInline. An empty cell shows as a space.
func MarkdownTable(header []string, rows [][]string) string {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for i := range header {
			c := ""
			if i < len(cells) {
				c = MarkdownInline(cells[i])
			}
			if c == "" {
				c = " "
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	row(header)
	b.WriteString("|")
	for range header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		row(r)
	}
	return b.String()
}

// MinutesTimeLayout is how Minutes shows a date and time.
const MinutesTimeLayout = "Mon 2 Jan 2006 15:04"

// DateLayout is how summaries show a date without a time (due dates).
const DateLayout = "2 Jan 2006"

// formatDate shows a date, or "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// plural is "1 vote", "2 votes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

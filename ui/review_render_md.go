package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// screenMarkdown prepares minutes written for export (model.Minutes) for
// glamour on a screen width cells wide. Two things glamour gets wrong are
// put right here, so that the screen shows what the export does:
//
//   - it shows the backslash of some escapes ("\=SUM(1,2)", "lunch \&
//     learn", "a\~b"): those characters are written as character
//     references instead, which no more start structure than the escapes;
//   - it squeezes a table that is wider than the screen until columns are
//     one or two characters wide ("28/De/c/20/26", "Sta…"): such a table
//     becomes a list, one item per row, its first cell whole, then the
//     other columns as "Header: value".
func screenMarkdown(md string, width int) string {
	lines := strings.Split(md, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if isTableRow(lines[i]) && i+1 < len(lines) && isTableRule(lines[i+1]) {
			j := i + 2
			for j < len(lines) && isTableRow(lines[j]) {
				j++
			}
			out = append(out, tableForScreen(lines[i], lines[i+2:j], width)...)
			i = j - 1
			continue
		}
		out = append(out, lines[i])
	}
	return fixEscapes(strings.Join(out, "\n"))
}

// fixEscapes writes the escapes glamour shows wrongly as character
// references, leaving every other escape (and an escaped backslash) as is.
func fixEscapes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case '&':
			b.WriteString("&amp;")
		case '=':
			b.WriteString("&#61;")
		case '~':
			b.WriteString("&#126;")
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i+1])
		}
		i++
	}
	return b.String()
}

func isTableRow(l string) bool {
	l = strings.TrimSpace(l)
	return len(l) > 1 && l[0] == '|' && l[len(l)-1] == '|'
}

func isTableRule(l string) bool {
	if !isTableRow(l) {
		return false
	}
	return strings.Trim(strings.TrimSpace(l), "|-: ") == ""
}

// tableCells splits a table row on its unescaped bars.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = row[1 : len(row)-1]
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			cur.WriteByte(row[i])
			cur.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// shownWidth is about how wide escaped Markdown text shows.
func shownWidth(s string) int {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return ansi.StringWidth(b.String())
}

// tableForScreen keeps a table that fits in width (with glamour's margins
// and column gaps) and turns a wider one into a list.
func tableForScreen(header string, rows []string, width int) []string {
	head := tableCells(header)
	widths := make([]int, len(head))
	cells := make([][]string, len(rows))
	for c, h := range head {
		widths[c] = shownWidth(h)
	}
	for r, row := range rows {
		cells[r] = tableCells(row)
		for c, v := range cells[r] {
			if c < len(widths) {
				widths[c] = max(widths[c], shownWidth(v))
			}
		}
	}
	total := 4 // glamour's margin
	for _, w := range widths {
		total += w + 3
	}
	if total <= width {
		rule := "|"
		for range head {
			rule += " --- |"
		}
		return append([]string{header, rule}, rows...)
	}
	var out []string
	for _, row := range cells {
		first := ""
		if len(row) > 0 {
			first = row[0]
		}
		if first == "" {
			first = "—"
		}
		var rest []string
		for c := 1; c < len(row) && c < len(head); c++ {
			if row[c] != "" {
				rest = append(rest, "**"+head[c]+":** "+row[c])
			}
		}
		item := "- " + first
		if len(rest) > 0 {
			item += "\\\n  " + strings.Join(rest, " · ")
		}
		out = append(out, item)
	}
	return out
}

package common

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// PackWith joins parts with sep in lines of at most w columns, never
// splitting a part across lines.
func PackWith(opts []string, sep string, w int) []string {
	var lines []string
	cur := ""
	for _, o := range opts {
		switch {
		case cur == "":
			cur = o
		case lipgloss.Width(cur)+lipgloss.Width(sep)+lipgloss.Width(o) <= w:
			cur += sep + o
		default:
			lines = append(lines, cur)
			cur = o
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// Clip shortens s to n runes with "…".
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Plural is "1 change", "3 changes": n and the word that fits it.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// FitLines cuts s to w columns (a cut row ends in "…") and pads or clips
// it to exactly h lines (a clipped body ends in a "more" line).
func FitLines(s string, w, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		more := len(lines) - h + 1
		lines = append(lines[:h-1], fmt.Sprintf("  … %d more %s below", more, pluralWord(more, "line")))
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// ListWindow shows the h rows of lines around cursor; rows cut off above
// or below are counted in a "more" line, so a cut list always says so.
func ListWindow(lines []string, cursor, h int) []string {
	if h <= 0 || len(lines) <= h {
		return lines
	}
	if h < 3 {
		start := min(max(cursor, 0), len(lines)-h)
		return lines[start : start+h]
	}
	start := min(max(cursor-h/2, 0), len(lines)-h)
	end := start + h
	above, below := start > 0, end < len(lines)
	if above {
		start++
	}
	if below {
		end--
	}
	if cursor < start && above { // keep the cursor in view
		start, end = cursor, cursor+(end-start)
	}
	out := []string{}
	if above {
		out = append(out, fmt.Sprintf("  ↑ %d more", start))
	}
	out = append(out, lines[start:end]...)
	if below {
		out = append(out, fmt.Sprintf("  ↓ %d more", len(lines)-end))
	}
	return out
}

// HelpBox is the ? view of a key map in w columns: its columns cut to at
// most seven keys, packed side by side as far as the width allows, in
// rows. Every screen's help is drawn by it.
func HelpBox(t Theme, hm help.Model, title string, groups [][]key.Binding, w int) string {
	var cols [][]key.Binding
	for _, g := range groups {
		var enabled []key.Binding
		for _, b := range g {
			if b.Enabled() {
				enabled = append(enabled, b)
			}
		}
		for len(enabled) > 7 {
			cols = append(cols, enabled[:7])
			enabled = enabled[7:]
		}
		if len(enabled) > 0 {
			cols = append(cols, enabled)
		}
	}
	hm.ShowAll = true
	hm.Width = 0 // measure whole columns; the packing keeps to w
	var rows []string
	for len(cols) > 0 {
		n := 1
		for n < len(cols) && lipgloss.Width(hm.FullHelpView(cols[:n+1])) <= w-4 {
			n++
		}
		rows = append(rows, hm.FullHelpView(cols[:n]))
		cols = cols[n:]
	}
	return t.Box.Render(t.Heading.Render(title) + "\n" + strings.Join(rows, "\n\n"))
}

// Smallest window the presenter draws in; below it a "make the window
// larger" screen is shown instead of a clipped slide.
const (
	MinWidth  = 40
	MinHeight = 12
)

// TooSmall is the screen shown when the window cannot hold a slide.
func TooSmall(t Theme, w, h int) string {
	msg := fmt.Sprintf("Make the window larger.\n\nhuddle needs at least %d×%d;\nthis window is %d×%d.", MinWidth, MinHeight, w, h)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, t.Warning.Render(msg))
}

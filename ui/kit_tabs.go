package ui

import "strings"

// paneTabs is the line naming an old-engine runner's panes, the current
// one bracketed (kept for the kinds still on ui/kit.go; it goes with it).
func paneTabs(t Theme, names []string, cur, w int) string {
	var parts []string
	for i, n := range names {
		if i == cur {
			parts = append(parts, t.Selected.Render("[ "+n+" ]"))
		} else {
			parts = append(parts, t.Dim.Render("  "+n+"  "))
		}
	}
	return strings.Join(parts, " ") + t.Dim.Render("   tab switches") + "\n" + t.Dim.Render(strings.Repeat("─", max(w, 1)))
}

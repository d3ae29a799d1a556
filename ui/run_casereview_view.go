package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// View implements tea.Model.
func (c *CaseReview) View() string {
	return c.frame("Case review", caseReviewHelp{k: c.keys, notes: c.onNotes}, c.body)
}

func (c *CaseReview) body(w, h int) string {
	t := c.env.Theme
	pane := 0
	if c.onNotes {
		pane = 1
	}
	cases := c.cases()
	tabs := paneTabs(t, []string{fmt.Sprintf("Cases (%d)", len(cases)), fmt.Sprintf("Supervision (%d)", c.notes.count(&c.kit))}, pane, w)
	if c.onNotes {
		return tabs + "\n" + c.notes.view(&c.kit, w, h-2, true)
	}
	ex := c.env.Ex
	if len(ex.Fields) == 0 {
		return tabs + "\n" + t.Dim.Render("This exercise has no columns.")
	}
	n := len(ex.Fields)
	cellW := max((w-n)/n, 6)
	fit := func(s string) string {
		if lipgloss.Width(s) > cellW {
			return lipgloss.NewStyle().MaxWidth(cellW-1).Render(s) + "…"
		}
		return s + strings.Repeat(" ", cellW-lipgloss.Width(s))
	}
	join := func(cells []string) string { return strings.Join(cells, t.Dim.Render("│")) }
	var head, totals []string
	for _, f := range ex.Fields {
		head = append(head, t.Accent.Render(fit(model.SanitizeLine(f.Label))))
		totals = append(totals, t.Dim.Render(fit(model.ReviewTotals(ex, &c.data, f))))
	}
	sep := t.Dim.Render(strings.Repeat("─", min(w, n*(cellW+1))))
	f := ex.Fields[min(c.col, n-1)]
	about := t.Dim.Render("Column: ") + model.SanitizeLine(f.Label)
	if f.Type == model.FieldChoice {
		about += t.Dim.Render("  (" + joinOptions(f.Options) + "; enter or space chooses)")
	}
	about += "\n" + t.Dim.Render("Totals: ") + model.ReviewTotals(ex, &c.data, f)
	lines := []string{join(head), sep}
	cur := 0
	for ri, g := range cases {
		var cells []string
		for ci, f := range ex.Fields {
			v := model.SanitizeLine(model.ReviewCell(ex, &c.data, g, f))
			if ri == c.row && ci == c.col {
				cells = append(cells, t.Selected.Render(fit("▶"+v)))
			} else {
				cells = append(cells, fit(" "+v))
			}
		}
		if ri == c.row {
			cur = len(lines)
		}
		lines = append(lines, join(cells))
	}
	if len(cases) == 0 {
		lines = append(lines, t.Dim.Render(" No cases yet: n adds one. Label cases (Case A, Case B), never by name."))
	}
	lines = append(lines, sep, join(totals))
	body := strings.Join(window(lines, cur, max(h-4, 3)), "\n")
	return tabs + "\n" + body + "\n\n" + lipgloss.NewStyle().MaxWidth(w).Render(about)
}

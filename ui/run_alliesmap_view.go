package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// View implements tea.Model.
func (a *AlliesMap) View() string {
	return a.frame("Allies map", alliesHelp{k: a.keys, notes: a.onNotes, moving: a.moving != ""}, a.body)
}

func (a *AlliesMap) body(w, h int) string {
	t := a.env.Theme
	pane := 0
	if a.onNotes {
		pane = 1
	}
	total := len(a.data.In(a.slot("", model.FieldAlly)))
	tabs := paneTabs(t, []string{fmt.Sprintf("Grid (%d)", total), fmt.Sprintf("Notes (%d)", a.notes.count(&a.kit))}, pane, w)
	if a.onNotes {
		return tabs + "\n" + a.notes.view(&a.kit, w, h-2, true)
	}
	grid := a.grid(w)
	rest := max(h-3-lipgloss.Height(grid), 1)
	return tabs + "\n" + grid + "\n\n" + a.cellList(w, rest)
}

// grid draws contact rows by stance columns: each cell its count and the
// roles in it; the cell under the cursor is marked ▶ and bracketed.
func (a *AlliesMap) grid(w int) string {
	t := a.env.Theme
	ex := a.env.Ex
	labelW := 6
	for _, r := range ex.Rows {
		labelW = max(labelW, lipgloss.Width(r)+1)
	}
	cols := max(len(ex.Columns), 1)
	cellW := max((w-labelW-cols-1)/cols, 8)
	fit := func(s string, n int) string {
		if lipgloss.Width(s) > n {
			return lipgloss.NewStyle().MaxWidth(n-1).Render(s) + "…"
		}
		return s + strings.Repeat(" ", n-lipgloss.Width(s))
	}
	sep := t.Dim.Render(strings.Repeat("─", labelW) + strings.Repeat("┼"+strings.Repeat("─", cellW), cols))
	head := strings.Repeat(" ", labelW)
	for _, c := range ex.Columns {
		head += t.Dim.Render("│") + t.Accent.Render(fit(" "+strings.ToUpper(model.SanitizeLine(c)), cellW))
	}
	lines := []string{head, sep}
	for ri, r := range ex.Rows {
		line := fit(model.SanitizeLine(r), labelW)
		for ci, c := range ex.Columns {
			es := model.AlliesIn(ex, &a.data, r, c)
			var roles []string
			for _, e := range es {
				roles = append(roles, model.SanitizeLine(e.Text))
			}
			text := fmt.Sprintf("(%d) %s", len(es), strings.Join(roles, ", "))
			if len(es) == 0 {
				text = "(0)"
			}
			if ri == a.row && ci == a.col {
				line += t.Dim.Render("│") + t.Selected.Render(fit("▶["+text+"]", cellW))
			} else {
				line += t.Dim.Render("│") + fit(" "+text, cellW)
			}
		}
		lines = append(lines, line, sep)
	}
	return strings.Join(lines, "\n")
}

// cellList lists the colleagues in the cell under the cursor in full.
func (a *AlliesMap) cellList(w, h int) string {
	t := a.env.Theme
	r, c := a.cell()
	es := a.inCell()
	head := t.Accent.Render(fmt.Sprintf("Contact %s, %s: %d", model.SanitizeLine(r), model.SanitizeLine(c), len(es)))
	lines := []string{head}
	if len(es) == 0 {
		lines = append(lines, t.Dim.Render("  enter adds a colleague here: their role, not their name"))
	}
	cur := 0
	for i, e := range es {
		sel := i == min(a.pick, len(es)-1)
		if sel {
			cur = len(lines)
		}
		text := model.SanitizeLine(e.Text)
		if e.ID == a.moving {
			text += "  (moving)"
		}
		lines = append(lines, a.mark(sel, "• "+text))
	}
	return strings.Join(window(lines, cur, h), "\n")
}

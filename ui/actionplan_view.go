package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// View draws the action plan in w×h: a line of counts, then each action
// with its status in words, owner and dates, scrolled to the cursor.
func (p *ActionPlan) View(data *model.SessionData, w, h int) string {
	t := p.env.Theme
	acts := p.actions(data)
	p.row = min(p.row, max(len(acts)-1, 0))
	n := map[string]int{}
	for _, a := range acts {
		n[actionStatus(a)]++
	}
	head := t.Accent.Render(fmt.Sprintf("Action plan (%d)", len(acts))) +
		t.Dim.Render(fmt.Sprintf("  open %d · done %d · dropped %d", n[model.ActionOpen], n[model.ActionDone], n[model.ActionDropped]))
	cut := lipgloss.NewStyle().MaxWidth(w)
	lines := []string{cut.Render(head)}
	if len(acts) == 0 {
		lines = append(lines, "", t.Dim.Render("No actions yet: a adds one (what, who by role, due date, review date)."))
		return strings.Join(lines, "\n")
	}
	cursor := 0
	for i, a := range acts {
		mark := "  "
		if i == p.row {
			mark = "▶ "
			cursor = len(lines)
		}
		status := fmt.Sprintf("[%-7s] ", actionStatus(a))
		text := model.SanitizeLine(a.Text)
		first := mark + status + text
		var block []string
		if i == p.row {
			wrapped := lipgloss.NewStyle().Width(max(w-12, 10)).Render(text)
			for j, l := range strings.Split(wrapped, "\n") {
				if j == 0 {
					block = append(block, t.Selected.Render(mark+status+l))
				} else {
					block = append(block, strings.Repeat(" ", 12)+t.Selected.Render(l))
				}
			}
		} else {
			block = append(block, cut.Render(first))
		}
		owner := model.SanitizeLine(a.Owner)
		if owner == "" {
			owner = "—"
		}
		detail := fmt.Sprintf("owner: %s · due: %s · review: %s", owner, model.DescribeActionDate(a.Due), model.DescribeActionDate(a.Review))
		block = append(block, cut.Render(strings.Repeat(" ", 12)+t.Dim.Render(detail)))
		lines = append(lines, block...)
	}
	if len(lines) > h && h > 0 {
		start := min(max(cursor-h/2, 0), len(lines)-h)
		lines = lines[start : start+h]
	}
	return strings.Join(lines, "\n")
}

// Footer is the input line or the section's last message, if any.
func (p *ActionPlan) Footer(w int) string {
	t := p.env.Theme
	switch {
	case p.input.Active() && p.status != "":
		return t.Warning.Width(w).Render(p.status) + "\n" + t.Dim.Render(apPrompts[p.step]) + "\n" + p.input.View(w)
	case p.input.Active():
		return lipgloss.NewStyle().MaxWidth(w).Render(t.Dim.Render(apPrompts[p.step])) + "\n" + p.input.View(w)
	case p.status != "":
		return t.Warning.Width(w).Render(p.status)
	}
	return ""
}

func actionStatus(a model.Action) string {
	if a.Status == "" {
		return model.ActionOpen
	}
	return a.Status
}

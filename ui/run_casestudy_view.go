package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// View implements tea.Model.
func (c *CaseStudy) View() string {
	return c.frame("Case study", caseStudyHelp{k: c.keys, vote: c.onVote()}, c.body)
}

func (c *CaseStudy) body(w, h int) string {
	t := c.env.Theme
	var names []string
	for _, cs := range c.env.Ex.Cases {
		names = append(names, "Case "+model.SanitizeLine(cs.Key))
	}
	names = append(names, fmt.Sprintf("Vote (%d)", len(c.data.In(c.slot("", model.FieldVote)))))
	tabs := paneTabs(t, names, c.tab, w)
	var top string
	if c.onVote() {
		top = c.voteCounts(w)
	} else {
		cs := c.env.Ex.Cases[c.tab]
		top = t.Heading.Render(model.SanitizeLine(cs.Title)) + "\n" + t.Dim.Render("The case is on the slides before this one; answer each question for this case.")
	}
	top = lipgloss.NewStyle().Width(max(w, 10)).Render(top)
	rest := max(h-3-lipgloss.Height(top), 1)
	return tabs + "\n" + top + "\n\n" + c.panes[c.tab].view(&c.kit, w, rest, true)
}

// voteCounts draws a bar per case with its count in numbers.
func (c *CaseStudy) voteCounts(w int) string {
	t := c.env.Theme
	counts := model.CaseVotes(c.env.Ex, &c.data)
	var lines []string
	for _, cs := range c.env.Ex.Cases {
		n := counts[cs.Key]
		bar := strings.Repeat("█", min(n, max(w-30, 1)))
		lines = append(lines, fmt.Sprintf("%-8s %s %d", "Case "+model.SanitizeLine(cs.Key), t.Accent.Render(bar), n))
	}
	lines = append(lines, t.Dim.Render("Press a case's number (1, 2…) to record a vote and its reason."))
	return strings.Join(lines, "\n")
}

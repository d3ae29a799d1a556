package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// View implements tea.Model.
func (a *Assessment) View() string {
	return a.frame("Assessment", assessmentHelp{k: a.keys, notes: a.onNotes}, a.body)
}

func (a *Assessment) body(w, h int) string {
	t := a.env.Theme
	pane := 0
	if a.onNotes {
		pane = 1
	}
	tabs := paneTabs(t, []string{"Factors", fmt.Sprintf("Notes (%d)", a.notes.count(&a.kit))}, pane, w)
	result := a.resultView(w)
	if a.onNotes {
		return tabs + "\n" + result + "\n\n" + a.notes.view(&a.kit, w, h-3-lipgloss.Height(result), true)
	}
	ex := a.env.Ex
	labelW := 0
	for _, f := range ex.Factors {
		labelW = max(labelW, lipgloss.Width(model.SanitizeLine(f.Label)))
	}
	labelW = min(labelW, max(w/2-4, 12))
	var lines []string
	for i, f := range ex.Factors {
		label := model.SanitizeLine(f.Label)
		if lipgloss.Width(label) > labelW {
			label = lipgloss.NewStyle().MaxWidth(labelW-1).Render(label) + "…"
		}
		cur := a.level(f)
		var opts []string
		for j, s := range f.Scale {
			if j == cur {
				opts = append(opts, t.Accent.Render("◉ "+strings.ToUpper(model.SanitizeLine(s))))
			} else {
				opts = append(opts, "○ "+model.SanitizeLine(s))
			}
		}
		line := fmt.Sprintf("%-*s  %s", labelW, label, strings.Join(opts, "  "))
		if i == a.cursor {
			lines = append(lines, t.Selected.Render("▶ ")+line)
		} else {
			lines = append(lines, "  "+line)
		}
	}
	rest := max(h-3-lipgloss.Height(result), 1)
	return tabs + "\n" + result + "\n\n" + strings.Join(window(lines, a.cursor, rest), "\n")
}

// resultView is the nearest profile, its distance and the gaps, in words
// (never colour alone), as the levels stand now.
func (a *Assessment) resultView(w int) string {
	t := a.env.Theme
	ex := a.env.Ex
	res := model.Score(ex, model.AssessmentAnswers(ex, &a.data))
	if res.Answered == 0 {
		return t.Dim.Render("Choose a level for each factor: the nearest profile (embedded / aligned / attached) shows here.")
	}
	var dist []string
	for _, p := range res.Distances {
		dist = append(dist, p.Profile+" "+model.FormatDistance(p.Distance))
	}
	first := t.Heading.Render("Nearest: "+strings.ToUpper(res.Nearest)) +
		fmt.Sprintf("  distance %s  (%s) · %d of %d answered",
			model.FormatDistance(res.Distances[0].Distance), strings.Join(dist, " · "), res.Answered, len(ex.Factors))
	var gaps []string
	for _, g := range res.Gaps {
		gaps = append(gaps, fmt.Sprintf("%s (%s, %s: %s)", model.SanitizeLine(g.Label), g.Answer, firstProfileName(ex), g.Target))
	}
	second := "Holding the team back: none."
	if len(gaps) > 0 {
		second = "Holding the team back: " + strings.Join(gaps, "; ")
	}
	body := lipgloss.NewStyle().Width(max(w, 10)).Render(first + "\n" + t.Warning.Render(second))
	return clipLines(body, 4)
}

func firstProfileName(ex *model.Exercise) string {
	if len(ex.Profiles) > 0 {
		return ex.Profiles[0]
	}
	return "target"
}

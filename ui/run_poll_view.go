package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// View implements tea.Model: the votes tab draws the bar chart; the
// prompts tab, the summary and the help are the capture form's.
func (p *Poll) View() string {
	w, h := p.width, p.height
	if w == 0 || h == 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return tooSmall(p.env.Theme, w, h)
	}
	t := p.env.Theme
	head := runnerHeader(t, p.env.Ex, p.save, w)
	if p.full {
		p.help.ShowAll = true
		body := t.Box.Render(t.Heading.Render("Poll keys") + "\n" + p.help.FullHelpView(p.pkeys.FullHelp()))
		return head + "\n" + lipgloss.Place(w, h-1, lipgloss.Center, lipgloss.Center, body)
	}
	if p.prompts {
		return p.captureForm.View()
	}
	var foot []string
	if p.status != "" {
		foot = append(foot, t.Warning.Width(w).Render(p.status))
	}
	p.help.ShowAll = false
	short := p.pkeys.ShortHelp()
	if p.summary {
		short = []key.Binding{p.pkeys.Up, p.pkeys.Down, p.pkeys.Summary, p.pkeys.Back}
	}
	foot = append(foot, p.help.ShortHelpView(short))
	footer := strings.Join(foot, "\n")
	bodyH := max(h-lipgloss.Height(head)-lipgloss.Height(footer), 1)
	var body string
	if p.summary {
		body = p.sum.view(t, w, bodyH)
	} else {
		body = p.tabLine(w) + "\n" + p.bars(w, bodyH-2)
	}
	body = lipgloss.NewStyle().Width(w).Height(bodyH).MaxHeight(bodyH).Render(body)
	return head + "\n" + body + "\n" + footer
}

// tabLine shows the two tabs, the votes tab chosen, and a rule.
func (p *Poll) tabLine(w int) string {
	t := p.env.Theme
	line := t.Selected.Render("[ Votes ]") + " " + t.Dim.Render("  Prompts  ") + t.Dim.Render("   tab switches")
	return lipgloss.NewStyle().MaxWidth(w).Render(line) + "\n" + t.Dim.Render(strings.Repeat("─", max(w, 1)))
}

// bars draws the question, then one bar per option: its number, label,
// a bar as long as its share of the largest count, and the count and
// share in numbers, so that nothing depends on colour.
func (p *Poll) bars(w, h int) string {
	t := p.env.Theme
	ex := p.env.Ex
	cut := lipgloss.NewStyle().MaxWidth(w)
	var lines []string
	if q := model.SanitizeLine(ex.Question); q != "" {
		lines = append(lines, lipgloss.NewStyle().Width(max(w, 10)).Render(t.Heading.Render(q)), "")
	}
	total, top := 0, 0
	for _, v := range p.votes {
		total += v
		top = max(top, v)
	}
	labelW := 0
	for _, o := range ex.Options {
		labelW = max(labelW, lipgloss.Width(model.SanitizeLine(o)))
	}
	labelW = min(labelW, max(w/3, 8))
	numW := len(fmt.Sprintf(" %d votes (100%%)", max(total, 10)))
	barW := max(w-labelW-6-numW, 4)
	spread := len(ex.Options) > 0 && len(lines)+2*len(ex.Options) <= h
	for i, o := range ex.Options {
		mark := "  "
		if i == p.sel {
			mark = "▶ "
		}
		label := lipgloss.NewStyle().MaxWidth(labelW).Render(model.SanitizeLine(o))
		label += strings.Repeat(" ", max(labelW-lipgloss.Width(label), 0))
		n := 0
		if top > 0 {
			n = (p.votes[i]*barW + top - 1) / top
		}
		bar := t.Accent.Render(strings.Repeat("█", n)) + t.Dim.Render(strings.Repeat("░", barW-n))
		share := 0
		if total > 0 {
			share = p.votes[i] * 100 / total
		}
		count := fmt.Sprintf(" %s (%d%%)", votesWord(p.votes[i]), share)
		line := fmt.Sprintf("%s%d %s ", mark, i+1, label)
		if i == p.sel {
			line = t.Selected.Render(line)
		}
		lines = append(lines, cut.Render(line+bar+count))
		if spread {
			lines = append(lines, "")
		}
	}
	lines = append(lines, t.Accent.Render(fmt.Sprintf("Total: %s", votesWord(total))))
	if len(lines) > h && h > 0 {
		lines = lines[len(lines)-h:]
	}
	return strings.Join(lines, "\n")
}

func votesWord(n int) string {
	if n == 1 {
		return "1 vote"
	}
	return fmt.Sprintf("%d votes", n)
}

package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// View implements tea.Model. It only lays out what Update prepared: it
// never renders Markdown.
func (p *Presenter) View() string {
	if p.width == 0 || p.height == 0 {
		return ""
	}
	if p.width < common.MinWidth || p.height < common.MinHeight {
		return common.TooSmall(p.theme, p.width, p.height)
	}
	var body string
	switch p.overlay {
	case overlayHelp:
		body = p.helpView()
	case overlayModules:
		body = lipgloss.Place(p.width, p.height-footerH, lipgloss.Center, lipgloss.Top, p.menu.View())
	default:
		body = p.slideView()
	}
	return body + "\n" + p.footer()
}

func (p *Presenter) slideView() string {
	if p.shown != p.cur {
		return lipgloss.Place(p.width, p.height-footerH, lipgloss.Center, lipgloss.Center, p.theme.Dim.Render("…"))
	}
	v := lipgloss.NewStyle().Height(p.vp.Height).MaxHeight(p.vp.Height).Render(p.vp.View())
	if pad := (p.slideW() - p.measure()) / 2; pad > 0 {
		v = lipgloss.NewStyle().PaddingLeft(pad).Render(v) // a readable measure, centred
	}
	v = p.withSide(v, p.vp.Height)
	if p.notes {
		v += "\n" + p.notesTxt
	}
	return v
}

func (p *Presenter) helpView() string {
	p.help.ShowAll = true
	cols := 3
	if p.width < 100 {
		cols = 2
	}
	var rows []string
	for _, r := range helpRows(p.keys.FullHelp(), cols) {
		rows = append(rows, p.help.FullHelpView(r))
	}
	box := p.theme.Box.Render(
		p.theme.Title.Render("huddle: presenter keys") + "\n" +
			strings.Join(rows, "\n\n") + "\n\n" +
			p.theme.Dim.Render("press any key to close"))
	return lipgloss.Place(p.width, p.height-footerH, lipgloss.Center, lipgloss.Center, box)
}

func (p *Presenter) helpHint() string { return p.theme.Footer.Render(" ? help") }

// footer is two lines: where we are (module, slide n/N, scroll and match
// state) or the active input, then a progress bar through the deck.
func (p *Presenter) footer() string {
	var line string
	switch p.overlay {
	case overlayGoTo, overlaySearch:
		line = p.input.View(p.theme)
	case overlayModules:
		line = p.theme.Footer.Render("↑/↓ choose · enter open · / filter · esc close")
	default:
		line = p.statusLine()
	}
	line = lipgloss.NewStyle().MaxWidth(p.width).Render(line)
	frac := 0.0
	if len(p.refs) > 1 {
		frac = float64(p.cur) / float64(len(p.refs)-1)
	}
	return line + "\n" + p.bar.ViewAs(frac) + p.helpHint()
}

func (p *Presenter) statusLine() string {
	ref := p.refs[p.cur]
	mod := p.deck.Modules[ref.Module]
	right := fmt.Sprintf("slide %d/%d", p.cur+1, len(p.refs))
	if p.vp.TotalLineCount() > p.vp.Height && p.shown == p.cur {
		right = fmt.Sprintf("%s · ↓ %d%%", right, int(p.vp.ScrollPercent()*100))
	}
	if p.notes {
		right = "notes · " + right
	}
	left := fmt.Sprintf(" %s · %d/%d", mod.Short, ref.Slide+1, len(mod.Slides))
	if p.opts.Team != "" {
		left += " · " + model.SanitizeLine(p.opts.Team)
	}
	if p.status != "" {
		left = " " + p.status
	} else if p.query != "" && len(p.matches) > 0 {
		left += fmt.Sprintf(" · %q %s", p.query, matchPosition(p.matches, p.cur))
	}
	gap := p.width - lipgloss.Width(left) - lipgloss.Width(right) - 1
	if gap < 1 {
		return p.theme.FooterKey.Render(left)
	}
	return p.theme.FooterKey.Render(left) + strings.Repeat(" ", gap) + p.theme.Footer.Render(right)
}

// matchPosition says "match i/n" when cur is a match, else "n matches".
func matchPosition(matches []int, cur int) string {
	for i, m := range matches {
		if m == cur {
			return fmt.Sprintf("match %d/%d ([ ])", i+1, len(matches))
		}
	}
	return fmt.Sprintf("%d matches ([ ])", len(matches))
}

// clipLines keeps the first n lines of s.
func clipLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	lines = lines[:n]
	lines[n-1] = strings.TrimRight(lines[n-1], " ") + " …"
	return strings.Join(lines, "\n")
}

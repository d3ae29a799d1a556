package ui

import (
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// summaryPanel is the summary view shared by the checklist, rating,
// framework, reflection, action plan and poll runners: the exercise's
// model.SummaryMarkdown (what the review and the minutes show), rendered
// with glamour in the theme's style. It renders only when the Markdown or
// the width changes, from Update, never from View.
type summaryPanel struct {
	md     string
	width  int
	lines  []string
	scroll int
}

// update renders the summary of ex in data for width w if it changed.
func (s *summaryPanel) update(t Theme, ex *model.Exercise, data *model.SessionData, w int) {
	md := model.SummaryMarkdown(ex, data)
	if md == s.md && w == s.width && s.lines != nil {
		return
	}
	s.md, s.width = md, w
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(t.Glamour),
		glamour.WithColorProfile(lipgloss.ColorProfile()),
		glamour.WithWordWrap(max(w-2, 20)),
	)
	out := md
	if err == nil {
		if rendered, err := r.Render(md); err == nil {
			out = rendered
		}
	}
	s.lines = strings.Split(strings.Trim(out, "\n"), "\n")
}

// scrollBy moves the view by n lines.
func (s *summaryPanel) scrollBy(n int) {
	s.scroll = min(max(s.scroll+n, 0), max(len(s.lines)-1, 0))
}

// view shows h lines from the scroll position, each cut to w columns.
func (s *summaryPanel) view(t Theme, w, h int) string {
	if h < 1 {
		return ""
	}
	head := t.Heading.Render("Summary") + t.Dim.Render("  (↑/↓ scroll · S back to capture)")
	lines := s.lines
	start := min(s.scroll, max(len(lines)-(h-1), 0))
	s.scroll = start // scrolling back up starts from what is shown
	lines = lines[start:min(start+h-1, len(lines))]
	cut := lipgloss.NewStyle().MaxWidth(w)
	out := []string{cut.Render(head)}
	for _, l := range lines {
		out = append(out, cut.Render(l))
	}
	return strings.Join(out, "\n")
}

package runner

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// summaryPanel is the runners' summary view: the exercise's Markdown
// summary (model.SummaryMarkdown, what the review and the exports show),
// rendered with glamour in the theme's style and scrolled to its last
// line. It renders only when the Markdown or the width changes, from
// Update, never from View; the renderer is built once per width.
type summaryPanel struct {
	md       string
	width    int
	lines    []string
	scroll   int
	renderer *glamour.TermRenderer
	rw       int // the renderer's width
}

// update renders md for width w if either changed.
func (s *summaryPanel) update(t common.Theme, _ *model.Exercise, md string, w int) {
	if md == s.md && w == s.width && s.lines != nil {
		return
	}
	s.md, s.width = md, w
	if s.renderer == nil || s.rw != w {
		s.renderer, _ = common.NewRenderer(t.Glamour, lipgloss.ColorProfile(), max(w, 22))
		s.rw = w
	}
	out := md
	if s.renderer != nil {
		if rendered, err := common.Render(s.renderer, md); err == nil {
			out = rendered
		}
	}
	s.lines = strings.Split(strings.Trim(out, "\n"), "\n")
}

// key scrolls by a key's name in a view h lines high.
func (s *summaryPanel) key(name string, h int) {
	page := max(h-2, 1)
	switch name {
	case "up", "k":
		s.scroll--
	case "down", "j":
		s.scroll++
	case "pgup", "b":
		s.scroll -= page
	case "pgdown", " ", "f":
		s.scroll += page
	case "home", "g":
		s.scroll = 0
	case "end", "G":
		s.scroll = len(s.lines)
	}
	s.scroll = min(max(s.scroll, 0), max(len(s.lines)-(h-1), 0))
}

// view shows h lines from the scroll position.
func (s *summaryPanel) view(t common.Theme, w, h int) string {
	if h < 1 {
		return ""
	}
	lines := s.lines
	start := min(s.scroll, max(len(lines)-(h-1), 0))
	s.scroll = start
	end := min(start+h-1, len(lines))
	where := "all shown"
	if len(lines) > h-1 {
		where = fmt.Sprintf("lines %d-%d of %d", start+1, end, len(lines))
	}
	head := t.Heading.Render("Summary") + t.Dim.Render("  "+where+" · ↑/↓ pgup/pgdn home/end · S or esc: back")
	return head + "\n" + strings.Join(lines[start:end], "\n")
}

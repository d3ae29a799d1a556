package common

import (
	"github.com/carehuddle/huddle/ui/memory"
	"github.com/charmbracelet/glamour"
	glamouransi "github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"
)

// NewRenderer builds a glamour renderer for width columns: the one way
// slides, summaries and minutes are rendered (built once per width by
// each cache that holds it).
func NewRenderer(style glamouransi.StyleConfig, profile termenv.Profile, width int) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(
		glamour.WithStyles(style),
		glamour.WithColorProfile(profile),
		// Two cells of slack for list bullets, which glamour does not count.
		glamour.WithWordWrap(max(width-2, 10)),
	)
}

// Render renders md with r: the one way Markdown is rendered, so that
// every render counts in the burst that keeps memory low (ui/memory).
func Render(r *glamour.TermRenderer, md string) (string, error) {
	memory.Rendered()
	return r.Render(md)
}

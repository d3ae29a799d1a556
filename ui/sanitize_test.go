package ui

import (
	"strings"
	"testing"
)

// TestDeckTextIsSanitised: a custom deck holding escape sequences and
// control characters must not reach the terminal raw.
func TestDeckTextIsSanitised(t *testing.T) {
	evil := "---\nid: ev\ntitle: Evil \x1b]0;pwned\x07deck\nshort: E\x1b[2J\n---\n# Title \x1b[31mred\n\nBody \x1b]52;c;Zm9v\x07 text \x9b2J and \u202eevil\n"
	d, p := presenterOn(t, parseDeck(t, evil), PresenterOptions{})
	d.Send(keyMsg("s"))
	views := []string{p.slideView(), p.statusLine()}
	d.Send(keyMsg("m"))
	views = append(views, p.menu.View())
	for _, view := range views {
		if strings.Contains(view, "]0;") || strings.Contains(view, "]52;") || strings.Contains(view, "[2J") || strings.Contains(view, "\x9b") || strings.Contains(view, "\u202e") {
			t.Errorf("raw escape reached the view: %q", view)
		}
	}
}

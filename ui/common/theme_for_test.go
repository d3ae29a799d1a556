package common

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// The theme's styles draw with the renderer given: colours with a colour
// profile, none with the plain one, whatever the default renderer is.
func TestThemeForUsesItsRenderer(t *testing.T) {
	for _, dark := range []bool{true, false} {
		plain := ThemeFor(renderer(termenv.Ascii), dark)
		color := ThemeFor(renderer(termenv.ANSI256), dark)
		if got := plain.Accent.Render("x"); got != "x" {
			t.Errorf("dark=%v: ASCII renderer drew %q", dark, got)
		}
		if got := color.Accent.Render("x"); !strings.Contains(got, "\x1b[") {
			t.Errorf("dark=%v: 256-colour renderer drew %q", dark, got)
		}
		if plain.Dark != dark {
			t.Errorf("dark=%v: theme says %v", dark, plain.Dark)
		}
		h := HelpFor(plain)
		if got := h.ShortHelpView([]key.Binding{key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "leave"))}); got != "q leave" {
			t.Errorf("help drew %q", got)
		}
		f := NewTextField(plain, "› ", 10)
		f.UseRenderer(renderer(termenv.Ascii), plain)
		f.SetPlaceholder("type")
		f.Open("")
		if got := f.View(plain); strings.Contains(got, "\x1b[") {
			t.Errorf("text field drew %q", got)
		}
	}
}

// renderer is a renderer with a fixed profile. termenv.WithProfile alone
// is not enough: lipgloss asks the output for its profile, which is Ascii
// for anything that is not a terminal, so the profile is set explicitly.
func renderer(p termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(&bytes.Buffer{})
	r.SetColorProfile(p)
	return r
}

package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/lipgloss"
)

// ThemeFor is the dark or light theme drawing through r: a live room's
// participant sees their screen on their own terminal, so every style
// must take its colour profile from their renderer, never from the
// facilitator's terminal (lipgloss's default renderer). The palette is the
// same as NewTheme's; Glamour is left empty (participants' screens draw
// no Markdown).
func ThemeFor(r *lipgloss.Renderer, dark bool) Theme {
	name := ThemeDark
	if !dark {
		name = ThemeLight
	}
	t := NewTheme(name)
	for _, s := range []*lipgloss.Style{
		&t.Footer, &t.FooterKey, &t.Dim, &t.Accent, &t.Warning, &t.Danger, &t.Box,
		&t.NotesBox, &t.Notice, &t.Greyed, &t.Selected, &t.Title, &t.Heading, &t.Input,
	} {
		*s = s.Renderer(r)
	}
	t.Glamour = ansi.StyleConfig{}
	return t
}

// HelpFor is a help model whose styles come from t (and so from t's
// renderer): the bubbles default resolves adaptive colours through the
// default renderer, which would ask the facilitator's terminal for its
// background.
func HelpFor(t Theme) help.Model {
	h := help.New()
	key, desc := t.FooterKey, t.Footer
	h.Styles = help.Styles{
		Ellipsis: desc, ShortKey: key, ShortDesc: desc, ShortSeparator: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc,
	}
	return h
}

// UseRenderer draws the field's own parts (text, placeholder, cursor)
// through r, with the prompt in t's input style.
func (f *TextField) UseRenderer(r *lipgloss.Renderer, t Theme) {
	f.ti.PromptStyle = t.Input
	f.ti.TextStyle = r.NewStyle()
	f.ti.PlaceholderStyle = t.Dim
	f.ti.CompletionStyle = t.Dim
	f.ti.Cursor.Style = r.NewStyle()
	f.ti.Cursor.TextStyle = r.NewStyle()
}

package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
)

// TestTextFieldsOpenSelected proves for every text field of the screens
// that an old value opens selected (typing replaces it, an arrow or end
// edits it) and that text read in one go is inserted as typed.
func TestTextFieldsOpenSelected(t *testing.T) {
	theme := common.NewTheme(common.ThemeDark)
	fields := map[string]func() (open func(string), key func(tea.KeyMsg), value func() string){
		"capture input": func() (func(string), func(tea.KeyMsg), func() string) {
			c := runner.NewCaptureInput(theme, nil)
			return func(v string) { c.Open("prompt", v, "") },
				func(m tea.KeyMsg) { c.Key(m, func(string) tea.Cmd { return nil }) },
				func() string { return c.Text() }
		},
		"presenter search and go to": func() (func(string), func(tea.KeyMsg), func() string) {
			d, p := newTestPresenter(t, PresenterOptions{})
			_ = d
			return func(v string) { p.openInput(overlaySearch, "search: ", v) },
				func(m tea.KeyMsg) { p.inputKey(m) },
				func() string { return p.input.Value() }
		},
	}
	for name, mk := range fields {
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct {
				old  string
				keys []tea.KeyMsg
				want string
			}{
				{"Scratch", []tea.KeyMsg{keyMsg("2")}, "2"},
				{"Scratch", []tea.KeyMsg{keyMsg("end"), keyMsg("2")}, "Scratch2"},
				{"Scratch", []tea.KeyMsg{keyMsg("backspace")}, ""},
				{"", []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("go home now")}}, "go home now"},
				{"", []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("end of the day"), Paste: true}}, "end of the day"},
				{"Scratch", []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("left home")}}, "left home"},
			} {
				open, key, value := mk()
				open(c.old)
				for _, k := range c.keys {
					key(k)
				}
				if got := value(); got != c.want {
					t.Errorf("open %q then %v: %q, want %q", c.old, c.keys, got, c.want)
				}
			}
		})
	}
}

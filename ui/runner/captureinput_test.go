package runner

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/ui/common"
)

// typeInto sends a string to a capture input as typed runes.
func typeInput(c *CaptureInput, s string) {
	for _, r := range s {
		c.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func TestCaptureInputFiltersControlCharacters(t *testing.T) {
	c := NewCaptureInput(common.NewTheme(common.ThemeDark), nil)
	c.Open("line", "", "")
	// A paste carrying an escape sequence, a bell, a bidi override and a newline.
	c.Update(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune("\x1b[2J\x1b]0;owned\x07red\u202eflip\nnext\x9b1m")})
	v := c.ti.Value()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\n", "\x9b"} {
		if strings.Contains(v, bad) {
			t.Errorf("value keeps %q: %q", bad, v)
		}
	}
	if !strings.Contains(v, "red") || !strings.Contains(v, "next") {
		t.Errorf("printable text lost: %q", v)
	}
	if view := c.View(80); strings.ContainsAny(view, "\x07\u202e") {
		t.Errorf("view carries control characters: %q", view)
	}
	res, _ := c.Update(keyMsg("enter"))
	if res != inputSubmit || strings.ContainsAny(c.Value(), "\x1b\x07") {
		t.Errorf("submit: %v %q", res, c.Value())
	}
}

func TestPrivacyGuardAsksBeforeSaving(t *testing.T) {
	cases := map[string]string{
		"NHS number":     "Mrs X, NHS no 943 476 5919, discharged",
		"postcode":       "lives near NG7 2UH with her son",
		"date of birth":  "born 14/03/1941",
		"e-mail address": "contact j.smith@example.org",
		"phone number":   "ring 07700 900123 after 5",
	}
	for kind, text := range cases {
		c := NewCaptureInput(common.NewTheme(common.ThemeDark), nil)
		c.Open("line", "", "")
		typeInput(&c, text)
		res, _ := c.Update(keyMsg("enter"))
		if res != inputTyping || !c.Confirming() {
			t.Errorf("%s: the guard did not ask (%v)", kind, res)
			continue
		}
		if v := plain(c.View(200)); !strings.Contains(v, "may identify a service user") || !strings.Contains(v, kind) {
			t.Errorf("%s: the question does not say what it found: %q", kind, v)
		}
		// Any key but y goes back to editing with the text intact.
		if res, _ := c.Update(keyMsg("e")); res != inputTyping || c.Confirming() || c.ti.Value() != text {
			t.Errorf("%s: editing again should keep the text", kind)
		}
		c.Update(keyMsg("enter"))
		if res, _ := c.Update(keyMsg("y")); res != inputSubmit {
			t.Errorf("%s: y should save anyway", kind)
		}
	}
	c := NewCaptureInput(common.NewTheme(common.ThemeDark), nil)
	c.Open("line", "", "")
	typeInput(&c, "Weekly MDT on Tuesdays at 10:30, 12 people, 3 cases reviewed in 2024")
	if res, _ := c.Update(keyMsg("enter")); res != inputSubmit {
		t.Errorf("ordinary text should save at once, got %v", res)
	}
}

package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/toolkit"
	"github.com/carehuddle/huddle/ui/common"
)

func setupKeys(t *testing.T, s *Setup, msgs ...tea.Msg) tea.Cmd {
	t.Helper()
	var cmd tea.Cmd
	for _, m := range msgs {
		_, cmd = s.Update(m)
	}
	return cmd
}

func typed(text string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)} }

func pasted(text string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true}
}

var enter = tea.KeyMsg{Type: tea.KeyEnter}

// TestSetupGuardsNames: a team name holding an NHS number (pasted with
// non-breaking spaces) stops the form with what was found; a pasted OSC 52
// sequence leaves nothing of itself in the name; the names the form
// starts with are clean.
func TestSetupGuardsNames(t *testing.T) {
	deck, err := toolkit.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	s := NewSetup(deck, common.NewTheme(common.ThemeDark), "", "")
	setupKeys(t, s, tea.WindowSizeMsg{Width: 120, Height: 40}, enter)
	if s.step != stepTeam {
		t.Fatalf("step %d after choosing the module", s.step)
	}
	setupKeys(t, s, pasted("Team for 943\u00a0476\u00a05919"), enter)
	if s.step != stepTeam || !strings.Contains(s.View(), "Privacy check: this may identify a service user (team: NHS number") {
		t.Fatalf("the guard did not stop the form (step %d):\n%s", s.step, s.View())
	}
	s.team.SetValue("")
	setupKeys(t, s, pasted("\x1b]52;c;aGk=\x07 North\x1b[31m"), enter)
	if s.step != stepFacilitator {
		t.Fatalf("a clean team name did not go on: step %d\n%s", s.step, s.View())
	}
	if strings.Contains(s.View(), "Privacy check") {
		t.Error("the privacy message stays after the name was changed")
	}
	setupKeys(t, s, typed("Sam 07700 900123"), enter)
	if s.step != stepFacilitator || !strings.Contains(s.View(), "phone number") {
		t.Fatalf("the guard did not stop the facilitator's phone number:\n%s", s.View())
	}
	s.facil.SetValue("")
	cmd := setupKeys(t, s, typed("Dr Patel"), enter)
	if cmd == nil {
		t.Fatalf("the form did not start:\n%s", s.View())
	}
	start, ok := cmd().(StartPresentMsg)
	if !ok || start.Team != "North" || start.Facilitator != "Dr Patel" {
		t.Fatalf("start %+v, want team North and facilitator Dr Patel", start)
	}
}

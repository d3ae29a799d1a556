package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// StartPresentMsg asks the app to present the deck from a module.
type StartPresentMsg struct {
	Module      int
	Team        string
	Facilitator string
}

// setupStep is where the workshop set-up form is.
type setupStep int

const (
	stepModule setupStep = iota
	stepTeam
	stepFacilitator
)

// Setup is the workshop set-up form: module, then team, then facilitator.
type Setup struct {
	theme  common.Theme
	step   setupStep
	menu   list.Model
	team   textinput.Model
	facil  textinput.Model
	width  int
	height int
	keys   InputKeys
	// problem is what the privacy guard found in a name, shown until the
	// name is edited; the form does not go on while there is one.
	problem string
}

// NewSetup builds the set-up form over deck, preset with what is known.
func NewSetup(deck *model.Deck, t common.Theme, team, facilitator string) *Setup {
	s := &Setup{theme: t, menu: newModuleMenu(deck, t), keys: DefaultInputKeys()}
	s.menu.Title = "Choose the module to start at"
	s.team = newInput(t, "Team: ", "e.g. North Locality Integrated Team", team)
	s.facil = newInput(t, "Facilitator: ", "your name or role", facilitator)
	return s
}

// newInput is a one-line text input with a steady cursor: a blinking one
// would wake the program twice a second for nothing.
func newInput(t common.Theme, prompt, placeholder, value string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.PromptStyle = t.Input
	in.Placeholder = placeholder
	in.CharLimit = 200
	in.Cursor.SetMode(cursor.CursorStatic)
	in.SetValue(value)
	return in
}

// Init implements tea.Model.
func (s *Setup) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (s *Setup) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.width, s.height = msg.Width, msg.Height
		s.menu.SetSize(min(msg.Width-4, 90), max(msg.Height-4, 3))
		s.team.Width = min(msg.Width-20, 60)
		s.facil.Width = s.team.Width
		return s, nil
	case tea.KeyMsg:
		if common.KeyName(msg) == "ctrl+c" {
			return s, tea.Quit
		}
		if s.step == stepModule && s.menu.FilterState() == list.Filtering {
			break
		}
		switch {
		case common.Matches(msg, s.keys.Cancel):
			if s.step == stepModule {
				return s, func() tea.Msg { return BackHomeMsg{} }
			}
			s.focus(s.step - 1)
			return s, nil
		case common.Matches(msg, s.keys.Accept):
			if s.step != stepModule && !s.namesClear() {
				return s, nil
			}
			if s.step == stepFacilitator {
				start := StartPresentMsg{
					Module:      s.menu.Index(),
					Team:        model.CleanName(s.team.Value()),
					Facilitator: model.CleanName(s.facil.Value()),
				}
				return s, func() tea.Msg { return start }
			}
			s.focus(s.step + 1)
			return s, nil
		}
		if s.step != stepModule && msg.Type == tea.KeyRunes {
			// Typed or pasted text is cleaned before the input sees it: its
			// own filter would drop an escape sequence's ESC and keep the rest.
			msg.Runes = []rune(model.CleanInput(string(msg.Runes)))
			if len(msg.Runes) == 0 {
				return s, nil
			}
		}
		s.problem = ""
		return s, s.updateStep(msg)
	}
	return s, s.updateStep(msg)
}

// updateStep passes msg to the menu or input of the current step.
func (s *Setup) updateStep(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch s.step {
	case stepModule:
		s.menu, cmd = s.menu.Update(msg)
	case stepTeam:
		s.team, cmd = s.team.Update(msg)
	case stepFacilitator:
		s.facil, cmd = s.facil.Update(msg)
	}
	return cmd
}

// namesClear runs the privacy guard on the names given so far and keeps
// what it found to show; names are text like any other, and a team name
// holding an NHS number would be shown and exported everywhere.
func (s *Setup) namesClear() bool {
	var found []string
	if fs := model.ScanName(model.CleanName(s.team.Value()), false); len(fs) > 0 {
		found = append(found, "team: "+model.DescribeFindings(fs))
	}
	if s.step == stepFacilitator {
		if fs := model.ScanName(model.CleanName(s.facil.Value()), true); len(fs) > 0 {
			found = append(found, "facilitator: "+model.DescribeFindings(fs))
		}
	}
	if len(found) == 0 {
		s.problem = ""
		return true
	}
	s.problem = "Privacy check: this may identify a service user (" + strings.Join(found, "; ") +
		"). Take it out of the name to go on."
	if s.step == stepFacilitator && !strings.HasPrefix(found[0], "facilitator") {
		s.focus(stepTeam)
	}
	return false
}

func (s *Setup) focus(step setupStep) {
	s.step = step
	s.team.Blur()
	s.facil.Blur()
	switch step {
	case stepTeam:
		s.team.Focus()
	case stepFacilitator:
		s.facil.Focus()
	}
}

// View implements tea.Model.
func (s *Setup) View() string {
	if s.width == 0 {
		return ""
	}
	if s.width < common.MinWidth || s.height < common.MinHeight {
		return common.TooSmall(s.theme, s.width, s.height)
	}
	if s.step == stepModule {
		return lipgloss.NewStyle().Padding(1, 2).Render(s.menu.View())
	}
	mod := s.menu.SelectedItem().(moduleItem)
	var b strings.Builder
	b.WriteString(s.theme.Title.Render("Present a workshop"))
	b.WriteString("\nModule: " + s.theme.Accent.Render(mod.title) + "\n\n")
	b.WriteString(s.team.View() + "\n")
	if s.step == stepFacilitator {
		b.WriteString(s.facil.View() + "\n")
	}
	if s.problem != "" {
		b.WriteString("\n" + s.theme.Danger.Render(s.problem) + "\n")
	}
	b.WriteString("\n" + s.theme.Dim.Render("Team and facilitator are optional. "+PrivacyNotice) + "\n\n")
	b.WriteString(s.theme.Footer.Render("enter next · esc back · ctrl+c quit"))
	return lipgloss.NewStyle().Padding(1, 2).Width(min(s.width, 100)).Render(b.String())
}

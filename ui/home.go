package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// PrivacyNotice is what the home screen says must never be typed in.
const PrivacyNotice = "Never type in anything that identifies a service user: no names, addresses, " +
	"postcodes, NHS numbers, dates of birth, phone numbers or e-mail addresses. " +
	"Speak of cases by label (Case A) and of colleagues by role (the district nurse)."

// homeEntry is one choice on the home screen. An entry whose feature is
// not built yet is shown greyed, and says what it will do when chosen.
type homeEntry struct {
	title, desc string
	later       string // non-empty: not available yet, and why
	action      tea.Msg
}

func (e homeEntry) Title() string       { return e.title }
func (e homeEntry) Description() string { return e.desc }
func (e homeEntry) FilterValue() string { return e.title }

// openSetupMsg asks the app for the workshop set-up form.
type openSetupMsg struct{}

// homeDelegate draws home entries, greying those that are not there yet.
type homeDelegate struct{ t common.Theme }

func (d homeDelegate) Height() int                         { return 2 }
func (d homeDelegate) Spacing() int                        { return 0 }
func (d homeDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }
func (d homeDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	e := item.(homeEntry)
	title, desc := e.title, e.desc
	marker := "  "
	if index == m.Index() {
		marker = "▶ "
	}
	switch {
	case e.later != "":
		title = d.t.Greyed.Render(title + " (not available)")
		desc = d.t.Greyed.Render(desc)
	case index == m.Index():
		title = d.t.Selected.Render(title)
	}
	fmt.Fprintf(w, "%s%s\n  %s", marker, title, d.t.Dim.Render(desc))
}

// Home is the home screen.
type Home struct {
	theme  common.Theme
	list   list.Model
	status string
	width  int
	height int
	quit   key.Binding
	choose key.Binding
}

// continueEntry is the home entry that continues the last unfinished
// workshop; it is greyed until one is found.
const continueIndex = 1

// NewHome builds the home screen; withStore is false when no database is
// open (nothing can be continued).
func NewHome(t common.Theme, withStore bool) *Home {
	cont := homeEntry{title: "Continue the last session", desc: "pick up an unfinished workshop where it stopped", later: "there is no unfinished workshop"}
	if !withStore {
		cont.later = "no database is open"
	}
	entries := []list.Item{
		homeEntry{title: "Present a workshop", desc: "choose a module, the team and the facilitator, then present the slides", action: openSetupMsg{}},
		cont,
		homeEntry{title: "Reflect alone", desc: "Module 3 on your own: values card sort, allies map, case review, embedding plan", action: startReflectMsg{}},
		homeEntry{title: "Review past sessions", desc: "minutes, the team's journey over time, actions and exports", action: openReviewMsg{}},
		homeEntry{title: "Quit", desc: "leave huddle", action: tea.QuitMsg{}},
	}
	l := list.New(entries, homeDelegate{t}, 80, 16)
	l.SetShowTitle(false)
	l.SetShowStatusBar(false)
	l.SetFilteringEnabled(false)
	l.SetShowPagination(false)
	l.SetShowHelp(false)
	l.DisableQuitKeybindings()
	return &Home{
		theme:  t,
		list:   l,
		quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
	}
}

// Init implements tea.Model.
func (h *Home) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (h *Home) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case homeDataMsg:
		h.setContinue(msg)
		return h, nil
	case tea.WindowSizeMsg:
		h.width, h.height = msg.Width, msg.Height
		h.list.SetSize(min(msg.Width-4, 100), max(msg.Height-13, 4))
		return h, nil
	case tea.KeyMsg:
		switch {
		case common.Matches(msg, h.quit):
			return h, tea.Quit
		case common.Matches(msg, h.choose):
			e := h.list.SelectedItem().(homeEntry)
			if e.later != "" {
				h.status = e.title + ": not available: " + e.later + "."
				return h, nil
			}
			if _, ok := e.action.(tea.QuitMsg); ok {
				return h, tea.Quit
			}
			action := e.action
			return h, func() tea.Msg { return action }
		}
	}
	h.status = ""
	var cmd tea.Cmd
	h.list, cmd = h.list.Update(msg)
	return h, cmd
}

// View implements tea.Model.
func (h *Home) View() string {
	if h.width == 0 {
		return ""
	}
	if h.width < common.MinWidth || h.height < common.MinHeight {
		return common.TooSmall(h.theme, h.width, h.height)
	}
	w := min(h.width-4, 100)
	var b strings.Builder
	b.WriteString(h.theme.Title.Render("huddle · team development sessions for integrated health and social care"))
	b.WriteString("\n")
	b.WriteString(h.list.View())
	b.WriteString("\n\n")
	b.WriteString(h.theme.Notice.Width(w).Render(h.theme.Warning.Render("Privacy") + "\n" + PrivacyNotice))
	b.WriteString("\n")
	if h.status != "" {
		b.WriteString(h.theme.Warning.Width(w).Render(h.status))
	} else {
		b.WriteString(h.theme.Footer.Render("↑/↓ choose · enter open · q quit"))
	}
	return lipgloss.NewStyle().Padding(1, 2).MaxHeight(h.height).Render(b.String())
}

// setContinue enables "Continue the last session" when there is one.
func (h *Home) setContinue(msg homeDataMsg) {
	e := h.list.Items()[continueIndex].(homeEntry)
	switch {
	case msg.err != nil:
		e.later = "the sessions could not be read: " + msg.err.Error()
	case !msg.ok:
		e.later = "there is no unfinished workshop"
	default:
		s := msg.last
		team := model.SanitizeLine(s.TeamName)
		if team == "" {
			team = "no team named"
		}
		e.later = ""
		e.desc = fmt.Sprintf("%s, started %s", team, s.Started.Local().Format("Mon 2 Jan 15:04"))
		e.action = continueMsg{id: s.ID}
	}
	h.list.SetItem(continueIndex, e)
}

package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
	"github.com/carehuddle/huddle/ui/session"
)

// CarriedKeys are the carried actions screen's bindings.
type CarriedKeys struct {
	Up, Down, Done, Drop, Reopen, Continue, Help, Quit key.Binding
}

// DefaultCarriedKeys returns the carried actions screen's bindings.
func DefaultCarriedKeys() CarriedKeys {
	return CarriedKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next")),
		Done:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "mark done")),
		Drop:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "mark dropped")),
		Reopen:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open again")),
		Continue: key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "continue to the slides")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the line under the screen.
func (k CarriedKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Done, k.Drop, k.Continue, k.Help}
}

// FullHelp is the screen's help view, with the timer's keys.
func (k CarriedKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Done, k.Drop, k.Reopen}, {k.Continue, k.Help, k.Quit}, common.DefaultTimerKeys().Bindings()}
}

// carriedInfoMsg brings the titles and dates of the sessions the carried
// actions came from.
type carriedInfoMsg struct{ from map[string]string }

// carriedSavedMsg reports a carried action saved with a new status.
type carriedSavedMsg struct {
	action model.Action
	err    error
}

// Carried shows a team's open actions from its earlier sessions when its
// next session starts. Marking one done or
// dropped saves it at once in the session it belongs to.
type Carried struct {
	live    *session.Live
	theme   common.Theme
	keys    CarriedKeys
	help    help.Model
	actions []model.Action
	from    map[string]string // session id → "title, date"
	cursor  int
	status  string
	full    bool
	width   int
	height  int
}

// NewCarried builds the carried actions screen.
func NewCarried(live *session.Live, theme common.Theme, actions []model.Action) *Carried {
	c := &Carried{live: live, theme: theme, keys: DefaultCarriedKeys(), help: help.New(), actions: actions, from: map[string]string{}}
	c.help.Styles.ShortKey = theme.FooterKey
	c.help.Styles.ShortDesc = theme.Footer
	c.help.Styles.FullKey = theme.Accent
	return c
}

// Init reads where each action came from.
func (c *Carried) Init() tea.Cmd {
	if c.live == nil {
		return nil
	}
	st := c.live.Store()
	ids := map[string]bool{}
	for _, a := range c.actions {
		ids[a.SessionID] = true
	}
	return func() tea.Msg {
		from := map[string]string{}
		for id := range ids {
			if s, err := st.GetSession(id); err == nil {
				from[id] = fmt.Sprintf("%s, %s", model.SanitizeLine(s.Title), s.Started.Local().Format(model.DateLayout))
			}
		}
		return carriedInfoMsg{from: from}
	}
}

// Typing is false: the app's timer keys work here.
func (c *Carried) Typing() bool { return false }

// Update implements tea.Model.
func (c *Carried) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		c.help.Width = msg.Width
	case carriedInfoMsg:
		c.from = msg.from
	case carriedSavedMsg:
		if msg.err != nil {
			c.status = "NOT SAVED: " + msg.err.Error()
			return c, nil
		}
		for i, a := range c.actions {
			if a.ID == msg.action.ID && a.SessionID == msg.action.SessionID {
				c.actions[i] = msg.action
			}
		}
		c.status = "saved: “" + model.SanitizeLine(msg.action.Text) + "” is " + msg.action.Status
	case common.StatusMsg:
		c.status = msg.Text
	case tea.KeyMsg:
		return c, c.key(msg)
	}
	return c, nil
}

func (c *Carried) key(msg tea.KeyMsg) tea.Cmd {
	k := c.keys
	switch {
	case common.Matches(msg, k.Quit):
		return tea.Quit
	case c.full && (common.Matches(msg, k.Help) || common.KeyName(msg) == "esc"):
		c.full = false
	case common.Matches(msg, k.Help):
		c.full = true
	case common.Matches(msg, k.Continue):
		return runner.CloseScreen
	case common.Matches(msg, k.Up):
		c.cursor = max(c.cursor-1, 0)
	case common.Matches(msg, k.Down):
		c.cursor = min(c.cursor+1, max(len(c.actions)-1, 0))
	case common.Matches(msg, k.Done):
		return c.setStatus(model.ActionDone)
	case common.Matches(msg, k.Drop):
		return c.setStatus(model.ActionDropped)
	case common.Matches(msg, k.Reopen):
		return c.setStatus(model.ActionOpen)
	}
	return nil
}

// setStatus saves the action under the cursor with a new status. The
// action belongs to an earlier session, so it is saved straight to the
// store (not through the live session, whose changes are its own).
func (c *Carried) setStatus(status string) tea.Cmd {
	if c.cursor >= len(c.actions) || c.live == nil {
		return nil
	}
	a := c.actions[c.cursor]
	if a.Status == status {
		return nil
	}
	a.Status = status
	st := c.live.Store()
	c.status = "saving…"
	return func() tea.Msg {
		saved, err := st.PutAction(a)
		return carriedSavedMsg{action: saved, err: err}
	}
}

// View implements tea.Model.
func (c *Carried) View() string {
	w, h := c.width, c.height
	if w == 0 || h == 0 {
		return ""
	}
	if w < common.MinWidth || h < common.MinHeight {
		return common.TooSmall(c.theme, w, h)
	}
	t := c.theme
	open := 0
	for _, a := range c.actions {
		if a.Status == model.ActionOpen || a.Status == "" {
			open++
		}
	}
	head := t.Heading.Render("Actions carried over from the team's earlier sessions") + "\n" +
		t.Dim.Render(fmt.Sprintf("%d still open of %d. Review them before the slides: d done · x dropped · enter continues.", open, len(c.actions)))
	if c.full {
		box := t.Box.Render(t.Heading.Render("Carried actions keys") + "\n" + c.help.FullHelpView(c.keys.FullHelp()))
		return head + "\n" + lipgloss.Place(w, max(h-2, 1), lipgloss.Center, lipgloss.Center, box)
	}
	var foot []string
	if c.status != "" {
		foot = append(foot, t.Warning.Width(w).Render(c.status))
	}
	foot = append(foot, lipgloss.NewStyle().MaxWidth(w).Render(c.help.ShortHelpView(c.keys.ShortHelp())))
	footer := strings.Join(foot, "\n")
	bodyH := max(h-lipgloss.Height(head)-lipgloss.Height(footer)-1, 1)
	var lines []string
	cur := 0
	for i, a := range c.actions {
		status := a.Status
		if status == "" {
			status = model.ActionOpen
		}
		mark := "[ open    ]"
		switch status {
		case model.ActionDone:
			mark = "[✓ done   ]"
		case model.ActionDropped:
			mark = "[✗ dropped]"
		}
		if i == c.cursor {
			cur = len(lines)
		}
		text := mark + " " + model.SanitizeLine(a.Text)
		if i == c.cursor {
			lines = append(lines, t.Selected.Render("▶ "+text))
		} else {
			lines = append(lines, "  "+text)
		}
		var meta []string
		if a.Owner != "" {
			meta = append(meta, "owner: "+model.SanitizeLine(a.Owner))
		}
		if !a.Due.IsZero() {
			meta = append(meta, "due: "+a.Due.Format(model.DateLayout))
		}
		src := c.from[a.SessionID]
		if src == "" {
			src = "an earlier session"
		}
		if a.ExerciseID != "" {
			src = a.ExerciseID + " in " + src
		}
		meta = append(meta, "from: "+src)
		lines = append(lines, t.Dim.Render("              "+strings.Join(meta, " · ")))
	}
	if len(lines) == 0 {
		lines = append(lines, t.Dim.Render("No open actions."))
	}
	body := common.FitLines(strings.Join(common.ListWindow(lines, cur, bodyH), "\n"), w, bodyH)
	return head + "\n\n" + body + "\n" + footer
}

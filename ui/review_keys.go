package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// ReviewKeys are the bindings of the review screens. Each view shows the
// ones it uses (listHelp, minutesHelp, teamHelp, retentionHelp).
type ReviewKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding

	NextTeam  key.Binding
	PrevTeam  key.Binding
	Kind      key.Binding
	Dates     key.Binding
	Clear     key.Binding
	Search    key.Binding
	Team      key.Binding
	Retention key.Binding
	Actions   key.Binding
	Teams     key.Binding
	Filter    key.Binding

	Export key.Binding
	Delete key.Binding

	Tab     key.Binding
	Cycle   key.Binding
	SetOpen key.Binding
	SetDone key.Binding
	SetDrop key.Binding

	Longer  key.Binding
	Shorter key.Binding

	Help key.Binding
	Back key.Binding
	Quit key.Binding
}

// DefaultReviewKeys returns the review screens' bindings.
func DefaultReviewKeys() ReviewKeys {
	return ReviewKeys{
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", "page down")),
		Top:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open minutes")),

		NextTeam:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e/E", "team filter")),
		PrevTeam:  key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "team filter back")),
		Kind:      key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "kind filter")),
		Dates:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "date range")),
		Clear:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "clear filters")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Team:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "team view")),
		Retention: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retention")),
		Actions:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "actions")),
		Teams:     key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "teams")),
		Filter:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "all/open/overdue")),

		Export: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
		Delete: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete…")),

		Tab:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "journey / actions")),
		Cycle:   key.NewBinding(key.WithKeys(" ", "enter"), key.WithHelp("space", "next status")),
		SetOpen: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open")),
		SetDone: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "done")),
		SetDrop: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "dropped")),

		Longer:  key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "longer period")),
		Shorter: key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "shorter period")),

		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// listHelp is the sessions list's help.
type listHelp struct {
	k    ReviewKeys
	back key.Binding // esc (and q): back home or quit
}

func (h listHelp) ShortHelp() []key.Binding {
	filters := key.NewBinding(key.WithKeys("e", "k", "d"), key.WithHelp("e/k/d", "team/kind/dates"))
	return []key.Binding{h.k.Open, h.k.Search, filters, h.k.Team, h.k.Actions, h.k.Teams, h.k.Help, h.back}
}

func (h listHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open},
		{k.NextTeam, k.PrevTeam, k.Kind, k.Dates, k.Clear, k.Search},
		{k.Team, k.Actions, k.Teams, k.Retention, k.Help, h.back, k.Quit},
	}
}

// minutesHelp is the minutes view's help.
type minutesHelp struct{ k ReviewKeys }

func (h minutesHelp) ShortHelp() []key.Binding {
	scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓/pgdn", "scroll"))
	return []key.Binding{scroll, h.k.Export, h.k.Delete, h.k.Team, h.k.Help, h.k.Back}
}

func (h minutesHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Export, k.Delete, k.Team},
		{k.Help, k.Back, k.Quit},
	}
}

// teamHelp is the team view's help.
type teamHelp struct{ k ReviewKeys }

func (h teamHelp) ShortHelp() []key.Binding {
	set := key.NewBinding(key.WithKeys("o", "d", "x"), key.WithHelp("o/d/x", "open/done/dropped"))
	return []key.Binding{h.k.Tab, h.k.Cycle, set, h.k.Help, h.k.Back}
}

func (h teamHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Tab, k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Cycle, k.SetOpen, k.SetDone, k.SetDrop},
		{k.Help, k.Back, k.Quit},
	}
}

// retentionHelp is the retention view's help.
type retentionHelp struct{ k ReviewKeys }

func (h retentionHelp) ShortHelp() []key.Binding {
	period := key.NewBinding(key.WithKeys("+", "-"), key.WithHelp("+/-", "period"))
	return []key.Binding{period, h.k.Delete, h.k.Help, h.k.Back}
}

func (h retentionHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Longer, k.Shorter, k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Delete, k.Help, k.Back, k.Quit},
	}
}

// actionsHelp is the actions screen's help.
type actionsHelp struct{ k ReviewKeys }

func (h actionsHelp) ShortHelp() []key.Binding {
	set := key.NewBinding(key.WithKeys("o", "d", "x"), key.WithHelp("o/d/x", "open/done/dropped"))
	team := key.NewBinding(key.WithKeys("e", "E"), key.WithHelp("e/E", "team"))
	return []key.Binding{h.k.Filter, team, set, h.k.Help, h.k.Back}
}

func (h actionsHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.NextTeam, k.PrevTeam, k.Cycle, k.SetOpen, k.SetDone, k.SetDrop},
		{k.Help, k.Back, k.Quit},
	}
}

// teamsHelp is the teams screen's help.
type teamsHelp struct{ k ReviewKeys }

func (h teamsHelp) ShortHelp() []key.Binding {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "team view"))
	return []key.Binding{open, h.k.Actions, h.k.Help, h.k.Back}
}

func (h teamsHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Actions, k.Help, k.Back, k.Quit},
	}
}

var (
	_ help.KeyMap = actionsHelp{}
	_ help.KeyMap = teamsHelp{}
	_ help.KeyMap = listHelp{}
	_ help.KeyMap = minutesHelp{}
	_ help.KeyMap = teamHelp{}
	_ help.KeyMap = retentionHelp{}
)

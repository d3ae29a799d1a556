package ui

import "github.com/charmbracelet/bubbles/key"

// AlliesMapKeys are the allies map runner's bindings.
type AlliesMapKeys struct {
	Pane   key.Binding
	Up     key.Binding
	Down   key.Binding
	Left   key.Binding
	Right  key.Binding
	Add    key.Binding
	Next   key.Binding
	Prev   key.Binding
	Edit   key.Binding
	Delete key.Binding
	Move   key.Binding
	notes  notesKeys
	kitKeys
}

// DefaultAlliesMapKeys returns the allies map runner's bindings.
func DefaultAlliesMapKeys() AlliesMapKeys {
	return AlliesMapKeys{
		Pane:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "grid / notes")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "more often")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "less often")),
		Left:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "stance left")),
		Right:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "stance right")),
		Add:     key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "add a colleague (by role)")),
		Next:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next colleague in cell")),
		Prev:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous colleague in cell")),
		Edit:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit colleague")),
		Delete:  key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove colleague")),
		Move:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move colleague (arrows, enter)")),
		notes:   defaultNotesKeys(),
		kitKeys: defaultKitKeys(),
	}
}

type alliesHelp struct {
	k      AlliesMapKeys
	notes  bool
	moving bool
}

// ShortHelp is the line under the runner.
func (h alliesHelp) ShortHelp() []key.Binding {
	k := h.k
	switch {
	case h.moving:
		return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Add, k.Back}
	case h.notes:
		return []key.Binding{k.Pane, k.notes.Add, k.notes.Edit, k.notes.Delete, k.Summary, k.Help, k.Back}
	}
	return []key.Binding{k.Add, k.Next, k.Edit, k.Delete, k.Move, k.Pane, k.Summary, k.Help, k.Back}
}

// FullHelp is the runner's help view, with the timer's keys.
func (h alliesHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Pane},
		{k.Add, k.Next, k.Prev, k.Edit, k.Delete, k.Move},
		append(k.notes.list(), k.kitKeys.list()...),
		DefaultTimerKeys().Bindings(),
	}
}

package ui

import "github.com/charmbracelet/bubbles/key"

// CardSortKeys are the card sort runner's bindings.
type CardSortKeys struct {
	Pane     key.Binding
	Up       key.Binding
	Down     key.Binding
	MoveUp   key.Binding
	MoveDown key.Binding
	Add      key.Binding
	Edit     key.Binding
	Delete   key.Binding
	Seed     key.Binding
	Narrow   key.Binding
	Toggle   key.Binding
	Confirm  key.Binding
	Reopen   key.Binding
	notes    notesKeys
	kitKeys
}

// DefaultCardSortKeys returns the card sort runner's bindings.
func DefaultCardSortKeys() CardSortKeys {
	return CardSortKeys{
		Pane:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "values / reflections")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous card")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next card")),
		MoveUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move card up")),
		MoveDown: key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move card down")),
		Add:      key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a/enter", "add values (esc stops)")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit value")),
		Delete:   key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove value")),
		Seed:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start from the toolkit's values")),
		Narrow:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "start narrowing")),
		Toggle:   key.NewBinding(key.WithKeys(" ", "space"), key.WithHelp("space", "keep / let go")),
		Confirm:  key.NewBinding(key.WithKeys("enter", "c"), key.WithHelp("enter/c", "confirm round")),
		Reopen:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "back a round")),
		notes:    defaultNotesKeys(),
		kitKeys:  defaultKitKeys(),
	}
}

// cardSortHelp is the help for the stage the sort is in.
type cardSortHelp struct {
	k     CardSortKeys
	stage int // -1 entering, else rounds confirmed
	done  bool
	notes bool
}

// ShortHelp is the line under the runner.
func (h cardSortHelp) ShortHelp() []key.Binding {
	k := h.k
	switch {
	case h.notes:
		return []key.Binding{k.Pane, k.notes.Add, k.notes.Edit, k.Summary, k.Help, k.Back}
	case h.stage < 0:
		return []key.Binding{k.Add, k.Edit, k.Delete, k.Narrow, k.Pane, k.Help, k.Back}
	case h.done:
		return []key.Binding{k.MoveUp, k.MoveDown, k.Reopen, k.Pane, k.Summary, k.Help, k.Back}
	}
	return []key.Binding{k.Toggle, k.Confirm, k.MoveUp, k.MoveDown, k.Reopen, k.Help, k.Back}
}

// FullHelp is the runner's help view, with the timer's keys.
func (h cardSortHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.MoveUp, k.MoveDown, k.Pane},
		{k.Add, k.Edit, k.Delete, k.Seed, k.Narrow},
		{k.Toggle, k.Confirm, k.Reopen},
		append(k.notes.list(), k.kitKeys.list()...),
		DefaultTimerKeys().Bindings(),
	}
}

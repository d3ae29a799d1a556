package ui

import "github.com/charmbracelet/bubbles/key"

// CaseReviewKeys are the case review runner's bindings.
type CaseReviewKeys struct {
	Pane    key.Binding
	Up      key.Binding
	Down    key.Binding
	Left    key.Binding
	Right   key.Binding
	Edit    key.Binding
	Cycle   key.Binding
	Clear   key.Binding
	NewCase key.Binding
	DelCase key.Binding
	notes   notesKeys
	kitKeys
}

// DefaultCaseReviewKeys returns the case review runner's bindings.
func DefaultCaseReviewKeys() CaseReviewKeys {
	return CaseReviewKeys{
		Pane:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "cases / supervision")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous case")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next case")),
		Left:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous column")),
		Right:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next column")),
		Edit:    key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "write / choose next option")),
		Cycle:   key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "choose next option")),
		Clear:   key.NewBinding(key.WithKeys("0", "backspace"), key.WithHelp("0", "clear cell")),
		NewCase: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new case (a label, never a name)")),
		DelCase: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "delete case")),
		notes:   defaultNotesKeys(),
		kitKeys: defaultKitKeys(),
	}
}

type caseReviewHelp struct {
	k     CaseReviewKeys
	notes bool
}

// ShortHelp is the line under the runner.
func (h caseReviewHelp) ShortHelp() []key.Binding {
	k := h.k
	if h.notes {
		return []key.Binding{k.Pane, k.notes.Add, k.notes.Edit, k.notes.Delete, k.Summary, k.Help, k.Back}
	}
	return []key.Binding{k.NewCase, k.Edit, k.Cycle, k.Left, k.Right, k.Pane, k.Summary, k.Help, k.Back}
}

// FullHelp is the runner's help view, with the timer's keys.
func (h caseReviewHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Pane},
		{k.NewCase, k.DelCase, k.Edit, k.Cycle, k.Clear},
		append(k.notes.list(), k.kitKeys.list()...),
		DefaultTimerKeys().Bindings(),
	}
}

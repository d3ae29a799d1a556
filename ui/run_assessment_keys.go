package ui

import "github.com/charmbracelet/bubbles/key"

// AssessmentKeys are the assessment runner's bindings.
type AssessmentKeys struct {
	Pane  key.Binding
	Up    key.Binding
	Down  key.Binding
	Left  key.Binding
	Right key.Binding
	Level key.Binding
	Clear key.Binding
	notes notesKeys
	kitKeys
}

// DefaultAssessmentKeys returns the assessment runner's bindings.
func DefaultAssessmentKeys() AssessmentKeys {
	return AssessmentKeys{
		Pane:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "factors / notes")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous factor")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next factor")),
		Left:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "level left")),
		Right:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "level right")),
		Level:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-3", "choose level by number")),
		Clear:   key.NewBinding(key.WithKeys("0", "backspace"), key.WithHelp("0", "clear the level")),
		notes:   defaultNotesKeys(),
		kitKeys: defaultKitKeys(),
	}
}

type assessmentHelp struct {
	k     AssessmentKeys
	notes bool
}

// ShortHelp is the line under the runner.
func (h assessmentHelp) ShortHelp() []key.Binding {
	k := h.k
	if h.notes {
		return []key.Binding{k.Pane, k.notes.Add, k.notes.Edit, k.notes.Delete, k.Summary, k.Help, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Level, k.Pane, k.Summary, k.Help, k.Back}
}

// FullHelp is the runner's help view, with the timer's keys.
func (h assessmentHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Level, k.Clear, k.Pane},
		append(k.notes.list(), k.kitKeys.list()...),
		DefaultTimerKeys().Bindings(),
	}
}

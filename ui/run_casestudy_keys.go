package ui

import "github.com/charmbracelet/bubbles/key"

// CaseStudyKeys are the case study runner's bindings.
type CaseStudyKeys struct {
	NextTab key.Binding
	PrevTab key.Binding
	Vote    key.Binding
	notes   notesKeys
	kitKeys
}

// DefaultCaseStudyKeys returns the case study runner's bindings.
func DefaultCaseStudyKeys() CaseStudyKeys {
	return CaseStudyKeys{
		NextTab: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next case / vote")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
		Vote:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "vote for case N, with a reason (vote tab)")),
		notes:   defaultNotesKeys(),
		kitKeys: defaultKitKeys(),
	}
}

type caseStudyHelp struct {
	k    CaseStudyKeys
	vote bool
}

// ShortHelp is the line under the runner.
func (h caseStudyHelp) ShortHelp() []key.Binding {
	k := h.k
	if h.vote {
		return []key.Binding{k.NextTab, k.Vote, k.notes.Add, k.notes.Edit, k.notes.Delete, k.Summary, k.Help, k.Back}
	}
	return []key.Binding{k.NextTab, k.notes.Up, k.notes.Down, k.notes.Add, k.notes.Edit, k.notes.Delete, k.Summary, k.Help, k.Back}
}

// FullHelp is the runner's help view, with the timer's keys.
func (h caseStudyHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.NextTab, k.PrevTab, k.Vote},
		append(k.notes.list(), k.kitKeys.list()...),
		DefaultTimerKeys().Bindings(),
	}
}

package ui

import "github.com/charmbracelet/bubbles/key"

// pollTakeKeys are shift+1..shift+9 on a UK or US keyboard: each takes a
// vote off option n.
var pollTakeKeys = []string{"!", "\"", "@", "£", "#", "$", "%", "^", "&", "*", "("}

// pollTakeIndex maps a shifted digit to its option (0-based), or -1.
func pollTakeIndex(s string) int {
	// UK: ! " £ $ % ^ & * (   US: ! @ # $ % ^ & * (
	uk := []string{"!", "\"", "£", "$", "%", "^", "&", "*", "("}
	us := []string{"!", "@", "#", "$", "%", "^", "&", "*", "("}
	for i := range uk {
		if s == uk[i] || s == us[i] {
			return i
		}
	}
	return -1
}

// PollKeys are the poll runner's bindings on its votes tab.
type PollKeys struct {
	Up      key.Binding
	Down    key.Binding
	Vote    key.Binding
	Unvote  key.Binding
	AddN    key.Binding
	TakeN   key.Binding
	Reset   key.Binding
	Tab     key.Binding
	Summary key.Binding
	Parking key.Binding
	Help    key.Binding
	Back    key.Binding
	Quit    key.Binding
}

// DefaultPollKeys returns the poll runner's bindings.
func DefaultPollKeys() PollKeys {
	return PollKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous option")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next option")),
		Vote:    key.NewBinding(key.WithKeys("right", "l", " ", "enter"), key.WithHelp("→/space", "add a vote")),
		Unvote:  key.NewBinding(key.WithKeys("left", "h", "backspace"), key.WithHelp("←/backspace", "take a vote off")),
		AddN:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "add a vote to option n")),
		TakeN:   key.NewBinding(key.WithKeys(pollTakeKeys...), key.WithHelp("shift+1-9", "take a vote off option n")),
		Reset:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear all votes")),
		Tab:     key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "votes ⇄ prompts")),
		Summary: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "summary")),
		Parking: key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "parking lot")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to slides")),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the line under the poll.
func (k PollKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.AddN, k.TakeN, k.Vote, k.Unvote, k.Tab, k.Summary, k.Help, k.Back}
}

// FullHelp is the poll's help view, with the prompts tab's and the
// timer's keys.
func (k PollKeys) FullHelp() [][]key.Binding {
	form := DefaultFormKeys(false, false)
	return [][]key.Binding{
		{k.Up, k.Down, k.Vote, k.Unvote, k.AddN, k.TakeN, k.Reset},
		{form.Add, form.Edit, form.Delete, form.Positive, form.Challenge, k.Tab},
		{k.Summary, k.Parking, k.Help, k.Back, k.Quit},
		DefaultTimerKeys().Bindings(),
	}
}

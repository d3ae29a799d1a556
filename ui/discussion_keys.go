package ui

import "github.com/charmbracelet/bubbles/key"

// DiscussionKeys are the discussion runner's bindings.
type DiscussionKeys struct {
	NextGroup  key.Binding
	PrevGroup  key.Binding
	Up         key.Binding
	Down       key.Binding
	Left       key.Binding
	Right      key.Binding
	Add        key.Binding
	Edit       key.Binding
	Delete     key.Binding
	Positive   key.Binding
	Challenge  key.Binding
	Weight     key.Binding
	Move       key.Binding
	Merge      key.Binding
	Vote       key.Binding
	NewGroup   key.Binding
	Rename     key.Binding
	Summary    key.Binding
	Seesaw     key.Binding
	FullSeesaw key.Binding
	Parking    key.Binding
	Help       key.Binding
	Back       key.Binding
	Quit       key.Binding
}

// DefaultDiscussionKeys returns the discussion runner's bindings.
func DefaultDiscussionKeys() DiscussionKeys {
	return DiscussionKeys{
		NextGroup:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next group")),
		PrevGroup:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous group")),
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous row")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next row")),
		Left:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "continuum / choice left")),
		Right:      key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "continuum / choice right")),
		Add:        key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "add a line")),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit line")),
		Delete:     key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete line")),
		Positive:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "tag positive")),
		Challenge:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "tag challenge")),
		Weight:     key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1-3", "weight")),
		Move:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "move line to group")),
		Merge:      key.NewBinding(key.WithKeys("G"), key.WithHelp("G", "merge with a similar line")),
		Vote:       key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "dot vote")),
		NewGroup:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "new group")),
		Rename:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename group")),
		Summary:    key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "summary")),
		Seesaw:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "see-saw beside")),
		FullSeesaw: key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "see-saw full screen")),
		Parking:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "parking lot")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to slides")),
		Quit:       key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the line under the runner.
func (k DiscussionKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.NextGroup, k.Add, k.Positive, k.Challenge, k.Weight, k.Summary, k.Help, k.Back}
}

// FullHelp is the runner's help view, with the timer's keys.
func (k DiscussionKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextGroup, k.PrevGroup, k.Up, k.Down, k.Left, k.Right, k.NewGroup, k.Rename},
		{k.Add, k.Edit, k.Delete, k.Positive, k.Challenge, k.Weight, k.Move, k.Merge, k.Vote},
		{k.Summary, k.Seesaw, k.FullSeesaw, k.Parking, k.Help, k.Back, k.Quit},
		DefaultTimerKeys().Bindings(),
	}
}

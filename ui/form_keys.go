package ui

import "github.com/charmbracelet/bubbles/key"

// FormKeys are the bindings of the runners built on captureForm:
// checklist, rating, framework and reflection (and their action plans).
type FormKeys struct {
	Up         key.Binding
	Down       key.Binding
	Left       key.Binding
	Right      key.Binding
	Pick       key.Binding
	Clear      key.Binding
	Add        key.Binding
	Note       key.Binding
	Edit       key.Binding
	Delete     key.Binding
	Positive   key.Binding
	Challenge  key.Binding
	Tab        key.Binding
	Summary    key.Binding
	Seesaw     key.Binding
	FullSeesaw key.Binding
	Parking    key.Binding
	Help       key.Binding
	Back       key.Binding
	Quit       key.Binding
	items      bool // the exercise has items with a status
	actions    bool // the exercise has an action plan tab
	plan       ActionPlanKeys
}

// DefaultFormKeys returns the form runners' bindings; items and actions
// say whether the status keys and the action plan's keys apply.
func DefaultFormKeys(items, actions bool) FormKeys {
	k := FormKeys{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous row")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next row")),
		Left:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "status / choice left")),
		Right:      key.NewBinding(key.WithKeys("right", "l", " "), key.WithHelp("→/l/space", "status / choice right")),
		Pick:       key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "pick status n · line weight")),
		Clear:      key.NewBinding(key.WithKeys("0", "backspace"), key.WithHelp("0", "clear status")),
		Add:        key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "add a line / write")),
		Note:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note on item")),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit line")),
		Delete:     key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete line / note")),
		Positive:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "tag positive")),
		Challenge:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "tag challenge")),
		Tab:        key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "capture ⇄ action plan")),
		Summary:    key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "summary")),
		Seesaw:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "see-saw beside")),
		FullSeesaw: key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "see-saw full screen")),
		Parking:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "parking lot")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to slides")),
		Quit:       key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		items:      items,
		actions:    actions,
		plan:       DefaultActionPlanKeys(),
	}
	k.Pick.SetEnabled(true)
	k.Note.SetEnabled(items)
	k.Clear.SetEnabled(items)
	k.Tab.SetEnabled(actions)
	if !items {
		k.Left.SetHelp("←/h", "choice left")
		k.Right.SetHelp("→/l/space", "choice right")
		k.Pick.SetHelp("1-3", "line weight")
	}
	return k
}

// ShortHelp is the line under the runner.
func (k FormKeys) ShortHelp() []key.Binding {
	if k.items {
		return []key.Binding{k.Up, k.Right, k.Pick, k.Note, k.Add, k.Tab, k.Summary, k.Help, k.Back}
	}
	return []key.Binding{k.Up, k.Add, k.Edit, k.Positive, k.Challenge, k.Tab, k.Summary, k.Help, k.Back}
}

// FullHelp is the runner's help view, with the action plan's and the
// timer's keys.
func (k FormKeys) FullHelp() [][]key.Binding {
	out := [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Pick, k.Clear, k.Note},
		{k.Add, k.Edit, k.Delete, k.Positive, k.Challenge, k.Tab},
		{k.Summary, k.Seesaw, k.FullSeesaw, k.Parking, k.Help, k.Back, k.Quit},
	}
	if k.actions {
		out = append(out, k.plan.Bindings())
	}
	return append(out, DefaultTimerKeys().Bindings())
}

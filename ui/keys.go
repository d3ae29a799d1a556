package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/carehuddle/huddle/ui/common"
)

// PresenterKeys are the presenter's key bindings. The help overlay is
// built from them, so every key listed there is a key that works.
type PresenterKeys struct {
	Next      key.Binding
	Prev      key.Binding
	Down      key.Binding
	Up        key.Binding
	First     key.Binding
	Last      key.Binding
	GoTo      key.Binding
	Modules   key.Binding
	Search    key.Binding
	NextMatch key.Binding
	PrevMatch key.Binding
	Notes     key.Binding
	Help      key.Binding
	Back      key.Binding
	Quit      key.Binding

	// Session keys: they need a session (one starts with present).
	Run        key.Binding
	Parking    key.Binding
	Seesaw     key.Binding
	FullSeesaw key.Binding
	End        key.Binding
}

// DefaultPresenterKeys returns the presenter's bindings. Next and previous
// include the keys that presentation clickers send (page down/up, arrows).
func DefaultPresenterKeys() PresenterKeys {
	return PresenterKeys{
		Next:      key.NewBinding(key.WithKeys("right", "l", " ", "n", "pgdown"), key.WithHelp("→/l/space/n/pgdn", "next slide")),
		Prev:      key.NewBinding(key.WithKeys("left", "h", "p", "pgup", "backspace"), key.WithHelp("←/h/p/pgup", "previous slide")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		First:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "first slide")),
		Last:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "last slide")),
		GoTo:      key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "go to slide N")),
		Modules:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "module menu")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search slides")),
		NextMatch: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous match")),
		Notes:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "speaker notes")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close / home")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit (session stays open)")),

		Run:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run this slide's exercise")),
		Parking:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "parking lot")),
		Seesaw:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "see-saw beside the slide")),
		FullSeesaw: key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "see-saw full screen")),
		End:        key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "end the session")),
	}
}

// ShortHelp is the one-line help under a slide.
func (k PresenterKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Modules, k.Search, k.Notes, k.Help, k.Quit}
}

// FullHelp is the help overlay, in columns of at most seven keys.
func (k PresenterKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Down, k.Up, k.First, k.Last, k.GoTo},
		{k.Modules, k.Search, k.NextMatch, k.PrevMatch, k.Notes, k.Help, k.Back},
		{k.Quit, k.Run, k.Parking, k.Seesaw, k.FullSeesaw, k.End, common.RoomKey},
		common.DefaultTimerKeys().Bindings(),
	}
}

// helpRows splits the full help into rows of at most n columns, so that
// the overlay fits a narrow window.
func helpRows(cols [][]key.Binding, n int) [][][]key.Binding {
	var rows [][][]key.Binding
	for len(cols) > n {
		rows = append(rows, cols[:n])
		cols = cols[n:]
	}
	return append(rows, cols)
}

// InputKeys are the keys of the one-line inputs (go to, search).
type InputKeys struct {
	Accept key.Binding
	Cancel key.Binding
}

// DefaultInputKeys returns the input bindings.
func DefaultInputKeys() InputKeys {
	return InputKeys{
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

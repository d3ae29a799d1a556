package live

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"

	"github.com/carehuddle/huddle/model"
)

// participantKeys are a participant's keys; the bindings are also the
// help line at the foot of their screen, so what is shown is what works.
type participantKeys struct {
	Up, Down, Left, Right key.Binding
	New, Share, Delete    key.Binding
	Vote, Give, Take      key.Binding
	Pick                  key.Binding // a scale column by its number
	Save, Cancel          key.Binding
	Leave                 key.Binding
}

func defaultParticipantKeys() participantKeys {
	return participantKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down")),
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "choose")),
		Right:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "higher")),
		New:    key.NewBinding(key.WithKeys("n", "enter"), key.WithHelp("n", "new note")),
		Share:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "share/unshare")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
		Vote:   key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter", "vote")),
		Give:   key.NewBinding(key.WithKeys(" ", "enter", "+"), key.WithHelp("space", "give a dot")),
		Take:   key.NewBinding(key.WithKeys("x", "backspace", "-"), key.WithHelp("x", "take it back")),
		Pick: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1-9", "rate")),
		Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep (private)")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Leave:  key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "leave")),
	}
}

// forScreen is the bindings that work on a screen, in help order.
func (k participantKeys) forScreen(v model.ParticipantView, typing bool) []key.Binding {
	switch {
	case typing:
		return []key.Binding{k.Save, k.Cancel}
	case v.Closed || v.Removed:
		return []key.Binding{k.Leave}
	}
	a := v.Activity
	if !a.Open {
		return []key.Binding{k.Leave}
	}
	switch a.Kind {
	case model.RoomWrite:
		return []key.Binding{k.New, k.Up, k.Down, k.Share, k.Delete, k.Leave}
	case model.RoomPoll:
		return []key.Binding{k.Up, k.Down, k.Vote, k.Leave}
	case model.RoomDots:
		return []key.Binding{k.Up, k.Down, k.Give, k.Take, k.Leave}
	case model.RoomRating:
		pick := k.Pick
		pick.SetHelp(fmt.Sprintf("1-%d", min(len(a.Scale), 9)), "rate")
		return []key.Binding{k.Up, k.Down, k.Left, pick, k.Leave}
	}
	return []key.Binding{k.Leave}
}

package common

import "github.com/charmbracelet/bubbles/key"

// RoomKey opens the live room in a workshop, and then shows its panel. It
// works on every screen of a workshop while nothing is being typed, like
// the timer's keys, and is listed in the same help views.
var RoomKey = key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "live room: open it / its panel"))

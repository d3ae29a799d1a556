package common

import "github.com/charmbracelet/bubbles/key"

// TimerKeys are the timer's bindings. They work on every screen of a
// session while nothing is being typed.
type TimerKeys struct {
	StartPause key.Binding
	Add        key.Binding
	Take       key.Binding
	Reset      key.Binding
	Mute       key.Binding
	Big        key.Binding
}

// DefaultTimerKeys returns the timer's bindings.
func DefaultTimerKeys() TimerKeys {
	return TimerKeys{
		StartPause: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "timer start / pause")),
		Add:        key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "timer: add a minute")),
		Take:       key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "timer: take a minute")),
		Reset:      key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "timer: reset")),
		Mute:       key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "timer: bell on / off")),
		Big:        key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "big timer full screen")),
	}
}

// Bindings lists the timer keys for help views.
func (k TimerKeys) Bindings() []key.Binding {
	return []key.Binding{k.StartPause, k.Add, k.Take, k.Reset, k.Mute, k.Big}
}

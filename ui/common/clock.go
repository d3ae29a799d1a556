package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Tick schedules a message after d; tests replace it so that nothing
// waits on the wall clock.
var Tick = tea.Tick

// Now is the wall clock without its monotonic reading, so that time spent
// suspended counts.
func Now() time.Time { return time.Now().Round(0) }

// StampClock gives the time shown as "saved ✓ hh:mm:ss"; tests fix it.
var StampClock = Now

package runner

// The helpers of this package's tests: the shared ones (ui/uitest), and
// ticks that fire at once.

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/uitest"
)

func init() {
	// Goldens must not depend on the terminal running the tests, and no
	// test may wait on a background-colour query.
	uitest.PinTerminal()
	common.StampClock = func() time.Time { return time.Date(2026, 3, 2, 10, 15, 0, 0, time.UTC) }
	// Ticks fire at once in tests: a draft is saved on the next keypress's
	// command, a timer tick is delivered when a test sends one.
	common.Tick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			if msg := fn(time.Time{}); isDraftTick(msg) {
				return msg
			}
			return nil
		}
	}
}

func isDraftTick(msg tea.Msg) bool { _, ok := msg.(DraftTickMsg); return ok }

// The shared test helpers (ui/uitest), under the names these tests use.
type driver = uitest.Driver

var (
	keyMsg      = uitest.KeyMsg
	plain       = uitest.Plain
	builtinDeck = uitest.BuiltinDeck
	testStore   = uitest.Store
	testLive    = uitest.StartLive
)

// typeText sends each rune of s as a keypress.
func typeText(d *driver, s string) { d.Type(s) }

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

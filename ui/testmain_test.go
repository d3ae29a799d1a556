package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/toolkit"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
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
			if msg := fn(time.Time{}); isDraftTick(msg) || isPositionSave(msg) || isBackupDue(msg) {
				return msg
			}
			return nil
		}
	}
}

func isDraftTick(msg tea.Msg) bool { _, ok := msg.(runner.DraftTickMsg); return ok }

func isPositionSave(msg tea.Msg) bool { _, ok := msg.(positionSaveMsg); return ok }

func isBackupDue(msg tea.Msg) bool { _, ok := msg.(backupDueMsg); return ok }

// parseDeck builds a deck from module sources, or fails the test.
func parseDeck(t testing.TB, sources ...string) *model.Deck {
	t.Helper()
	d := &model.Deck{}
	for i, src := range sources {
		m, errs := toolkit.ParseModule("test"+string(rune('a'+i))+".md", []byte(src))
		if len(errs) > 0 {
			t.Fatalf("test deck: %v", errs)
		}
		d.Modules = append(d.Modules, m)
	}
	return d
}

// testApp builds the app as main does, on the pinned ASCII profile.
func testApp(deck *model.Deck, cfg Config) *App {
	cfg.Deck = deck
	cfg.Theme = common.NewTheme(common.ThemeDark)
	cfg.Profile = termenv.Ascii
	return NewApp(cfg)
}

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

// selectedRow is the row of the view marked with the cursor, from the
// marker on ("" if none).
func selectedRow(view string) string {
	for _, l := range strings.Split(plain(view), "\n") {
		if i := strings.Index(l, "▶"); i >= 0 {
			return l[i:]
		}
	}
	return ""
}

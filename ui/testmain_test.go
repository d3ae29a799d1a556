package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/toolkit"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
)

func init() {
	// Goldens must not depend on the terminal running the tests, and no
	// test may wait on a background-colour query.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	common.StampClock = func() time.Time { return time.Date(2026, 3, 2, 10, 15, 0, 0, time.UTC) }
	// Ticks fire at once in tests: a draft is saved on the next keypress's
	// command, a timer tick is delivered when a test sends one.
	common.Tick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			if msg := fn(time.Time{}); isDraftTick(msg) || isPositionSave(msg) {
				return msg
			}
			return nil
		}
	}
}

func isDraftTick(msg tea.Msg) bool { _, ok := msg.(runner.DraftTickMsg); return ok }

func isPositionSave(msg tea.Msg) bool { _, ok := msg.(positionSaveMsg); return ok }

// builtinDeck loads the built-in deck or fails the test.
func builtinDeck(t testing.TB) *model.Deck {
	t.Helper()
	d, err := toolkit.Builtin()
	if err != nil {
		t.Fatalf("built-in deck: %v", err)
	}
	return d
}

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

// driver runs a model's commands synchronously, feeding their messages
// back, so that a unit test sees the state a real program would reach.
type driver struct {
	t     testing.TB
	m     tea.Model
	quit  bool
	sent  []tea.Msg // messages commands produced, in order
	depth int
}

func (d *driver) send(msg tea.Msg) {
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 50 {
		d.t.Fatal("command loop")
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.QuitMsg:
		d.quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	default:
		// tea.Sequence's message is unexported: a slice of commands, run
		// in order as the program would.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() {
				d.run(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		if isBlink(msg) {
			return
		}
		d.sent = append(d.sent, msg)
		d.send(msg)
	}
}

// isBlink drops cursor blink ticks, which would otherwise loop forever.
func isBlink(msg tea.Msg) bool {
	name := fmt.Sprintf("%T", msg)
	return name == "cursor.BlinkMsg" || name == "cursor.initialBlinkMsg" || name == "cursor.blinkCanceled"
}

// plain is a view without its escape sequences.
func plain(s string) string { return ansi.Strip(s) }

// key turns a key name as bubbles writes it ("right", "pgdown", "ctrl+c",
// " ", "n") into the message a terminal would produce.
func keyMsg(s string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"right": tea.KeyRight, "left": tea.KeyLeft, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "esc": tea.KeyEsc, "enter": tea.KeyEnter,
		"ctrl+c": tea.KeyCtrlC, " ": tea.KeySpace, "tab": tea.KeyTab,
		"shift+tab": tea.KeyShiftTab, "delete": tea.KeyDelete, "ctrl+r": tea.KeyCtrlR,
		"ctrl+x": tea.KeyCtrlX, "ctrl+z": tea.KeyCtrlZ,
	}
	if s == " " {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	if k, ok := named[s]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

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

// Package uitest holds what the screens' tests share, written once: a
// driver that runs a model's commands synchronously as a program would,
// key messages as a terminal sends them, the terminal pinned for
// goldens, a store in a temporary folder and a session started on the
// built-in deck. Only tests import it.
package uitest

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/toolkit"
	"github.com/carehuddle/huddle/ui/session"
)

// PinTerminal fixes the colour profile and the background, so that
// goldens do not depend on the terminal running the tests and no test
// waits on a background-colour query.
func PinTerminal() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

// Driver runs a model's commands synchronously, feeding their messages
// back, so that a unit test sees the state a real program would reach.
type Driver struct {
	T     testing.TB
	M     tea.Model
	Quit  bool
	Sent  []tea.Msg // messages commands produced, in order
	depth int
}

// Send updates the model with msg and runs what it returns.
func (d *Driver) Send(msg tea.Msg) {
	var cmd tea.Cmd
	d.M, cmd = d.M.Update(msg)
	d.Run(cmd)
}

// Run runs a command and feeds its message back; batches and sequences
// are run in order.
func (d *Driver) Run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 50 {
		d.T.Fatal("command loop")
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.QuitMsg:
		d.Quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			d.Run(c)
		}
	default:
		// tea.Sequence's message is unexported: a slice of commands, run
		// in order as the program would.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() {
				d.Run(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		if isBlink(msg) {
			return
		}
		d.Sent = append(d.Sent, msg)
		d.Send(msg)
	}
}

// Type sends each rune of s as a keypress.
func (d *Driver) Type(s string) {
	for _, r := range s {
		d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// isBlink drops cursor blink ticks, which would otherwise loop forever.
func isBlink(msg tea.Msg) bool {
	name := fmt.Sprintf("%T", msg)
	return name == "cursor.BlinkMsg" || name == "cursor.initialBlinkMsg" || name == "cursor.blinkCanceled"
}

// Plain is a view without its escape sequences.
func Plain(s string) string { return ansi.Strip(s) }

// KeyMsg turns a key name as bubbles writes it ("right", "pgdown",
// "ctrl+c", " ", "n") into the message a terminal would produce.
func KeyMsg(s string) tea.KeyMsg {
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

// BuiltinDeck loads the built-in deck or fails the test.
func BuiltinDeck(t testing.TB) *model.Deck {
	t.Helper()
	d, err := toolkit.Builtin()
	if err != nil {
		t.Fatalf("built-in deck: %v", err)
	}
	return d
}

// Store opens a store in a temporary folder, closed when the test ends.
func Store(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "huddle.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// StartLive starts a workshop session for team on deck.
func StartLive(t testing.TB, st *store.Store, deck *model.Deck, team string) *session.Live {
	t.Helper()
	msg := session.StartSessionCmd(st, deck, model.SessionWorkshop, team, "Sam", "m1")()
	ready, ok := msg.(session.LiveReadyMsg)
	if !ok {
		t.Fatalf("session did not start: %#v", msg)
	}
	return ready.Live
}

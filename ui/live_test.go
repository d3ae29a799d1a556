package ui

import (
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/session"
)

// testStore opens a store in a temporary folder, closed when the test ends.
func testStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "huddle.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// testLive starts a workshop session for team on the built-in deck.
func testLive(t testing.TB, st *store.Store, deck *model.Deck, team string) *session.Live {
	t.Helper()
	msg := session.StartSessionCmd(st, deck, model.SessionWorkshop, team, "Sam", "m1")()
	ready, ok := msg.(session.LiveReadyMsg)
	if !ok {
		t.Fatalf("session did not start: %#v", msg)
	}
	return ready.Live
}

// sessionApp is the app presenting deck with a session open, sized w×h.
func sessionApp(t *testing.T, w, h int, args ...string) (*driver, *App) {
	t.Helper()
	deck := builtinDeck(t)
	st := testStore(t)
	cfg := Config{Start: ScreenPresent, Module: deck.ModuleByID("m1"), ModuleID: "m1", Team: "North", Facilitator: "Sam", Store: st}
	app := testApp(deck, cfg)
	d := &driver{t: t, m: app}
	d.run(app.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	if app.Live() == nil {
		t.Fatal("no session started")
	}
	return d, app
}

// typeText sends each rune of s as a keypress.
func typeText(d *driver, s string) {
	for _, r := range s {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

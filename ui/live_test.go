package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// sessionApp is the app presenting deck with a session open, sized w×h.
func sessionApp(t *testing.T, w, h int, args ...string) (*driver, *App) {
	t.Helper()
	deck := builtinDeck(t)
	st := testStore(t)
	cfg := Config{Start: ScreenPresent, Module: deck.ModuleByID("m1"), ModuleID: "m1", Team: "North", Facilitator: "Sam", Store: st}
	app := testApp(deck, cfg)
	d := &driver{T: t, M: app}
	d.Run(app.Init())
	d.Send(tea.WindowSizeMsg{Width: w, Height: h})
	if app.Live() == nil {
		t.Fatal("no session started")
	}
	return d, app
}

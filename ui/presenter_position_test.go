package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/ui/common"
)

// TestAWalkWaitsOnceForItsPosition: moves made while the presenter waits
// for them to settle start no waits of their own (each wait is a
// goroutine asleep until it ends: one a keypress piled up hundreds on a
// fast walk). The wait that ends finds later moves and waits again, for
// the latest; when no move came during it, the position is saved.
func TestAWalkWaitsOnceForItsPosition(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	// Waits are held here, not run: the test ends them itself.
	var waits []tea.Cmd
	old := common.Tick
	common.Tick = func(dur time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		cmd := func() tea.Msg { return fn(time.Time{}) }
		if _, ok := fn(time.Time{}).(positionSaveMsg); ok {
			waits = append(waits, cmd)
			return nil
		}
		return old(dur, fn)
	}
	t.Cleanup(func() { common.Tick = old })

	for range 30 {
		d.Send(keyMsg("right"))
	}
	if len(waits) != 1 {
		t.Fatalf("30 moves started %d waits, want 1", len(waits))
	}
	want := app.screen.(*Presenter).position()
	if got := app.Live().Session().Position; got == want {
		t.Fatalf("position saved before the moves settled")
	}
	// The wait ends: moves came during it, so it waits again, once.
	d.Send(waits[0]())
	if len(waits) != 2 {
		t.Fatalf("after a wait with moves in it: %d waits, want 2", len(waits))
	}
	// Covered by the parking lot, the presenter still hears its wait end.
	d.Send(keyMsg("P"))
	if _, covered := app.screen.(*Presenter); covered {
		t.Fatal("the parking lot did not open over the presenter")
	}
	d.Send(waits[1]())
	if got := app.Live().Session().Position; got != want {
		t.Fatalf("position saved %q once settled, want %q", got, want)
	}
	// The next move starts a new wait.
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("right"))
	if len(waits) != 3 {
		t.Fatalf("a move after the save started %d waits in all, want 3", len(waits))
	}
}

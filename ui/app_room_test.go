package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/live"
)

// roomApp is a workshop at 120x40 with the room open (no door: the room's
// own Enter stands for a client) and its panel shown.
func roomApp(t *testing.T) (*driver, *App, *live.Room) {
	t.Helper()
	d, app := sessionApp(t, 120, 40)
	room, err := live.NewRoom(live.Config{Recorder: live.NewRecorder(app.Live())})
	if err != nil {
		t.Fatal(err)
	}
	app.room = roomHost{room: room, addr: "127.0.0.1:2222", print: "SHA256:test", panel: newRoomPanel(), askedOpen: true}
	app.room.snap = room.Snapshot()
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	return d, app, room
}

// wall tells the app the room changed, as its watch would (the command
// that waits for the next change is left unrun: it would block).
func wall(_ *driver, app *App) { app.Update(roomWallMsg{room: app.room.room}) }

// join seats a participant with the room's code.
func join(t *testing.T, room *live.Room) int {
	t.Helper()
	before := room.Participants()
	if _, err := room.Enter(room.Code().String(), "test"); err != nil {
		t.Fatal(err)
	}
	for _, n := range room.Participants() {
		if !slices.Contains(before, n) {
			return n
		}
	}
	t.Fatal("no new seat")
	return 0
}

func TestRoomPanel(t *testing.T) {
	d, app, room := roomApp(t)
	kaWant(t, d, "Live room — open", "ssh -p 2222 "+room.Code().String()+"@127.0.0.1", "Host key SHA256:test", "Nothing open")
	if last := lastLine(d.M.View()); !strings.Contains(last, "ROOM OPEN") || !strings.Contains(last, "0 joined") {
		t.Errorf("the foot of the screen does not say the room is open: %q", last)
	}
	a, b := join(t, room), join(t, room)
	wall(d, app)
	kaWant(t, d, "2 participants joined", "In the room:")

	// A poll, from its slide.
	kaKeys(d, "esc")
	kaGoTo(t, d, app, "B-1")
	kaKeys(d, "L")
	kaKeys(d, "o")
	kaWant(t, d, "is open to the room (poll)", "poll, open")
	if err := room.Vote(a, 1); err != nil {
		t.Fatal(err)
	}
	wall(d, app)
	kaWant(t, d, "1 answer")
	kaKeys(d, "m")
	kaWant(t, d, "participants see a tally once 3 have answered", "a tally shows from 3 answers")
	if v := room.View(a); v.Tally != nil {
		t.Errorf("a participant sees a tally after 1 answer of a minimum 3: %v", v.Tally)
	}
	kaKeys(d, "m", "m")
	kaWant(t, d, "participants see a tally from the first answer")
	if v := room.View(a); v.Tally == nil {
		t.Error("with no minimum the participant sees no tally")
	}
	kaKeys(d, "c")
	kaWant(t, d, "poll, closed")

	// Writing, approval, hiding and reveal, on the discussion's slide.
	kaKeys(d, "esc")
	kaGoTo(t, d, app, "M1-E3")
	kaKeys(d, "L", "o", "a")
	kaWant(t, d, "write, open", "shared notes now wait for your approval")
	for _, text := range []string{"one duty desk", "shared records"} {
		if _, err := room.AddNote(b, text); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range room.View(b).Notes {
		if err := room.ShareNote(b, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	wall(d, app)
	kaWant(t, d, "2 shared, 2 waiting for approval", "▸ [waiting] one duty desk", "[waiting] shared records")
	kaKeys(d, "h")
	kaWant(t, d, "▸ [hidden]  one duty desk")
	kaKeys(d, "down", "enter")
	kaWant(t, d, "▸ [ready]   shared records") // the selection stays on the note
	kaKeys(d, "r")
	kaWant(t, d, "1 note revealed into the Room group")
	data := app.Live().Data()
	group, ok := data.RoomGroup("M1-E3")
	lines := data.In(model.Slot{Exercise: "M1-E3", Group: group, Field: "benefits"})
	if !ok || len(lines) != 1 || lines[0].Text != "shared records" {
		t.Fatalf("revealed %+v (group %q): want only the approved note", lines, group)
	}

	// Lock, a new code, removal.
	kaKeys(d, "K")
	if _, err := room.Enter(room.Code().String(), "x"); err != live.ErrRoomLocked {
		t.Errorf("a locked room let someone in: %v", err)
	}
	kaKeys(d, "K")
	old := room.Code()
	kaKeys(d, "N")
	if room.Code() == old {
		t.Error("N did not give a new code")
	}
	kaWant(t, d, "ssh -p 2222 "+room.Code().String()+"@127.0.0.1")
	if _, err := room.Enter(old.String(), "y"); err == nil {
		t.Error("the old code still lets people in")
	}
	kaKeys(d, "x", "n")
	kaWant(t, d, "kept as it was")
	kaKeys(d, "x", "y")
	wall(d, app)
	if got := len(room.Participants()); got != 1 {
		t.Errorf("%d participants after removing one of 2", got)
	}

	// Closing the room: asked first, then gone from the wall.
	kaKeys(d, "Q", "y")
	if app.roomOpen() || !room.Snapshot().Closed {
		t.Fatal("Q y did not close the room")
	}
	if strings.Contains(plain(d.M.View()), "ROOM OPEN") {
		t.Error("the wall still says the room is open")
	}
}

// Ending the session closes the room for everyone.
func TestRoomClosesWithTheSession(t *testing.T) {
	d, app, room := roomApp(t)
	kaKeys(d, "esc", "E", "y")
	if app.Live() != nil {
		t.Fatal("the session did not end")
	}
	if app.roomOpen() || !room.Snapshot().Closed {
		t.Error("the room stayed open after the session ended")
	}
}

// kaGoTo goes to an exercise's slide without running it.
func kaGoTo(t *testing.T, d *driver, app *App, id string) {
	t.Helper()
	ref := app.cfg.Deck.Exercises()[id]
	d.Send(keyMsg(":"))
	typeText(d, app.cfg.Deck.Modules[ref.Module].ID+" "+strconv.Itoa(ref.Slide+1))
	d.Send(keyMsg("enter"))
	kaWant(t, d, "Exercise "+id)
}

func lastLine(v string) string {
	lines := strings.Split(strings.TrimRight(plain(v), "\n"), "\n")
	return lines[len(lines)-1]
}

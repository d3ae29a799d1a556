package live

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
)

// A participant's real program follows the room by itself (the room's
// wake, not a test, brings the new screen) and ends when they leave.
func TestParticipantProgramFollowsRoomAndEnds(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	g, err := r.Enter(r.Code().String(), "src")
	if err != nil {
		t.Fatal(err)
	}
	rd := lipgloss.NewRenderer(&bytes.Buffer{})
	rd.SetColorProfile(termenv.Ascii)
	tm := teatest.NewTestModel(t, g.Model(rd), teatest.WithInitialTermSize(80, 24))
	out := tm.Output()
	teatest.WaitFor(t, out, func(b []byte) bool { return bytes.Contains(b, []byte("Waiting for the facilitator")) },
		teatest.WithDuration(10*time.Second))
	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	teatest.WaitFor(t, out, func(b []byte) bool { return bytes.Contains(b, []byte("Which first?")) },
		teatest.WithDuration(10*time.Second))
	r.Close()
	teatest.WaitFor(t, out, func(b []byte) bool { return bytes.Contains(b, []byte("The room is closed.")) },
		teatest.WithDuration(10*time.Second))
	g.Leave()
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	if v := tm.FinalModel(t).View(); !strings.Contains(v, "The room is closed.") {
		t.Fatalf("final screen %q", v)
	}
	if walls, seats := r.watchers(); walls != 0 || seats != 0 {
		t.Fatalf("%d walls, %d seats still watching", walls, seats)
	}
}

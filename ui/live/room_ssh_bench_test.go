package live

import (
	"io"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/uitest"
)

// The whole path of a participant's vote, measured end to end with the
// real pieces: a Go SSH client's key, the SSH door, the participant's
// program, the room, the Recorder, the facilitator's live session (a
// synced write to a real database) and the wall's watch, which is what
// makes the projected screen redraw.
//
//	go test ./ui/live/ -run '^$' -bench RoomVoteToWall20 -benchtime 200x

// roomSeat is one participant of the benchmark: a Go client with its
// screen.
type roomSeat struct {
	c   *gossh.Client
	in  io.Writer
	scr *screen
	at  int // the option the participant has voted for
}

func joinRoom(tb testing.TB, addr string, code model.JoinCode) *roomSeat {
	tb.Helper()
	c, err := goJoin(addr, code.String(), "", nil)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := openShell(c, "xterm-256color")
	if err != nil {
		tb.Fatal(err)
	}
	p.screen.waitFor(tb, "Participant ", 10*time.Second)
	return &roomSeat{c: c, in: p.in, scr: p.screen}
}

// BenchmarkRoomVoteToWall20: 20 participants in a poll; one at a time
// moves their vote to the other option (a key, as a person presses it),
// and the time runs until the facilitator's session holds the new count
// and the wall's watch has fired.
func BenchmarkRoomVoteToWall20(b *testing.B) {
	deck := uitest.BuiltinDeck(b)
	l := uitest.StartLive(b, uitest.Store(b), deck, "North")
	room, err := NewRoom(Config{Recorder: NewRecorder(l)})
	if err != nil {
		b.Fatal(err)
	}
	defer room.Close()
	s := startSSH(b, room)
	ex := l.Exercises()["B-1"]
	if err := room.Open(ex, model.RoomPoll); err != nil {
		b.Fatal(err)
	}
	seats := make([]*roomSeat, 20)
	for i := range seats {
		seats[i] = joinRoom(b, s.Addr().String(), room.Code())
		defer seats[i].c.Close()
		seats[i].scr.waitFor(b, "You have not voted", 10*time.Second)
		if _, err := seats[i].in.Write([]byte("\r")); err != nil { // option 1
			b.Fatal(err)
		}
	}
	second := func() int { // the room's votes for the second option
		d := l.Data()
		e, _ := d.Value(model.Slot{Exercise: ex.ID, Field: model.OptionField(1)})
		return e.RoomVotes
	}
	first := func() int {
		d := l.Data()
		e, _ := d.Value(model.Slot{Exercise: ex.ID, Field: model.OptionField(0)})
		return e.RoomVotes
	}
	wait := func(ok func() bool, ch <-chan struct{}) {
		deadline := time.NewTimer(10 * time.Second)
		defer deadline.Stop()
		for !ok() {
			select {
			case <-ch:
			case <-deadline.C:
				b.Fatalf("the wall never showed the vote (first %d, second %d)", first(), second())
			}
		}
	}
	wallCh, stopWall := room.WatchWall()
	defer stopWall()
	liveCh, stopLive := l.Watch()
	defer stopLive()
	wait(func() bool { return first() == len(seats) }, liveCh)

	var ds []time.Duration
	want := 0
	i := 0
	for b.Loop() {
		p := seats[i%len(seats)]
		i++
		key := "j\r" // down to the second option, and vote
		if p.at == 1 {
			key = "k\r"
			want--
		} else {
			want++
		}
		p.at = 1 - p.at
		for len(wallCh) > 0 { // a wake from before this key is not its answer
			<-wallCh
		}
		start := time.Now()
		if _, err := p.in.Write([]byte(key)); err != nil {
			b.Fatal(err)
		}
		wait(func() bool { return second() == want }, liveCh)
		<-wallCh
		ds = append(ds, time.Since(start))
	}
	reportQuantiles(b, ds, "vote")
}

// TestRoomSilentClientFirstScreen: a client whose terminal never answers a
// query (a Go client) gets the real participant screen within 500 ms of
// opening its shell, with no key pressed.
func TestRoomSilentClientFirstScreen(t *testing.T) {
	deck := uitest.BuiltinDeck(t)
	l := uitest.StartLive(t, uitest.Store(t), deck, "North")
	room, err := NewRoom(Config{Recorder: NewRecorder(l)})
	if err != nil {
		t.Fatal(err)
	}
	defer room.Close()
	s := startSSH(t, room)
	c, err := goJoin(s.Addr().String(), room.Code().String(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	p, err := openShell(c, "xterm-256color")
	if err != nil {
		t.Fatal(err)
	}
	scr := p.screen
	if d := scr.waitFor(t, "You are Participant", 5*time.Second); d > 500*time.Millisecond {
		t.Errorf("the first screen took %v, want within 500 ms", d)
	}
}

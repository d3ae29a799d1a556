package live

import (
	"testing"

	"github.com/carehuddle/huddle/model"
)

// BenchmarkVoteReachesFiftyScreens is one vote changed in a room of 50,
// and every participant's screen taking its view and drawing it again, as
// the room's wake makes them do (the Recorder is the in-memory fake).
func BenchmarkVoteReachesFiftyScreens(b *testing.B) {
	r, _, _ := newTestRoom(b, Config{})
	screens := make([]*seatScreen, 50)
	for i := range screens {
		screens[i] = newSeatScreen(b, r, 80, 24)
	}
	r.Open(poll, model.RoomPoll)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := r.Vote(screens[0].g.seat, i%3); err != nil {
			b.Fatal(err)
		}
		for _, s := range screens {
			s.changed()
			_ = s.view()
		}
	}
}

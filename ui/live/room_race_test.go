package live

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// slowRecorder yields inside every Tally, so that the room's participants
// interleave as much as they can.
type slowRecorder struct{ *fakeRecorder }

func (s slowRecorder) Tally(ex, choice string, delta int) error {
	runtime.Gosched()
	return s.fakeRecorder.Tally(ex, choice, delta)
}

// 20 participants vote, change their votes and spend and move their dots
// all at once, while screens and the wall read the room: no vote and no
// dot is lost or counted twice, and the room's own counts agree with what
// was recorded. Run with -race.
func TestTwentyParticipantsAtOnce(t *testing.T) {
	rec := newFakeRecorder()
	r, _, _ := newTestRoom(t, Config{Recorder: slowRecorder{rec}})
	const n = 20
	seats := make([]int, n)
	for i := range seats {
		seats[i] = enter(t, r).seat
	}
	rec.lines = []Line{{"e1", "one"}, {"e2", "two"}, {"e3", "three"}}

	run := func(act func(i, seat int)) {
		var wg sync.WaitGroup
		stop := make(chan struct{})
		go func() { // screens and the wall read while votes go in
			for {
				select {
				case <-stop:
					return
				default:
					r.View(seats[0])
					r.Snapshot()
				}
			}
		}()
		for i, s := range seats {
			wg.Add(1)
			go func() {
				defer wg.Done()
				act(i, s)
			}()
		}
		wg.Wait()
		close(stop)
	}

	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	run(func(i, seat int) {
		for k := range 10 { // every participant changes their mind ten times
			if err := r.Vote(seat, (i+k)%3); err != nil {
				t.Error(err)
			}
		}
	})
	want := map[int]int{}
	for i := range n {
		want[(i+9)%3]++
	}
	total := 0
	for o := range 3 {
		got := rec.count("p1", model.OptionField(o))
		if got != want[o] {
			t.Errorf("option %d: %d votes recorded, want %d", o, got, want[o])
		}
		total += got
	}
	if total != n {
		t.Errorf("%d votes in all, want %d", total, n)
	}

	if err := r.Open(discussion, model.RoomDots); err != nil {
		t.Fatal(err)
	}
	run(func(i, seat int) {
		lines := []string{"e1", "e2", "e3"}
		for k := range 3 {
			if err := r.Dot(seat, lines[(i+k)%3], true); err != nil {
				t.Error(err)
			}
		}
		if err := r.Dot(seat, lines[i%3], true); err == nil {
			t.Error("a fourth dot was taken")
		}
		// move one dot: take back from the first line, give to the second
		if err := r.Dot(seat, lines[i%3], false); err != nil {
			t.Error(err)
		}
		if err := r.Dot(seat, lines[(i+1)%3], true); err != nil {
			t.Error(err)
		}
	})
	dots := 0
	r.mu.Lock()
	roomTally, _ := r.st.Tally()
	r.mu.Unlock()
	for _, l := range []string{"e1", "e2", "e3"} {
		got := rec.count("d1", model.DotChoice(l))
		if got != roomTally[model.DotChoice(l)] {
			t.Errorf("line %s: recorded %d, the room counts %d", l, got, roomTally[model.DotChoice(l)])
		}
		dots += got
	}
	if dots != n*model.DotsPerGroup {
		t.Errorf("%d dots recorded, want %d", dots, n*model.DotsPerGroup)
	}
	// Each participant i ends with dots on lines i+1 (two) and i+2 (one).
	wantDots := map[string]int{}
	for i := range n {
		wantDots[fmt.Sprintf("e%d", (i+1)%3+1)] += 2
		wantDots[fmt.Sprintf("e%d", (i+2)%3+1)]++
	}
	for l, w := range wantDots {
		if got := rec.count("d1", model.DotChoice(l)); got != w {
			t.Errorf("line %s: %d dots, want %d", l, got, w)
		}
	}
}

// Keys of one participant racing each other (two goroutines per seat) can
// neither spend a fourth dot nor leave two votes: each seat ends with one
// vote and three dots, and what was recorded is what the room counts.
func TestSameParticipantRacing(t *testing.T) {
	rec := newFakeRecorder()
	r, _, _ := newTestRoom(t, Config{Recorder: slowRecorder{rec}})
	const n = 20
	seats := make([]int, n)
	for i := range seats {
		seats[i] = enter(t, r).seat
	}
	rec.lines = []Line{{"e1", "one"}, {"e2", "two"}}
	twice := func(act func(k, seat int)) {
		var wg sync.WaitGroup
		for _, s := range seats {
			for k := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					act(k, s)
				}()
			}
		}
		wg.Wait()
	}
	r.Open(poll, model.RoomPoll)
	twice(func(k, seat int) {
		for j := range 5 {
			r.Vote(seat, (k+j)%3)
		}
	})
	total := 0
	for o := range 3 {
		total += rec.count("p1", model.OptionField(o))
	}
	if total != n {
		t.Errorf("%d votes recorded for %d participants", total, n)
	}
	r.Open(discussion, model.RoomDots)
	twice(func(k, seat int) {
		for range 3 {
			r.Dot(seat, fmt.Sprintf("e%d", k+1), true)
		}
	})
	dots := rec.count("d1", "dot/e1") + rec.count("d1", "dot/e2")
	if dots != n*model.DotsPerGroup {
		t.Errorf("%d dots recorded, want %d", dots, n*model.DotsPerGroup)
	}
	for _, s := range seats {
		if used := model.DotsUsed(r.View(s).Choices); used != model.DotsPerGroup {
			t.Errorf("participant %d holds %d dots", s, used)
		}
	}
}

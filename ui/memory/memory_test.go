package memory

import (
	"testing"
	"time"
)

// fakeRuntime replaces the runtime's hooks and the clock, and records
// what is asked of them: the hand-back's timer fires only when the test
// says, so nothing depends on how fast the machine runs.
type fakeRuntime struct {
	gogc      int
	sets      int
	handBacks int
	timers    []*fakeTimer
}

type fakeTimer struct {
	fire    func()
	resets  int
	stopped bool
}

func (t *fakeTimer) Reset(d time.Duration) bool {
	t.resets++
	t.stopped = false
	return true
}

func (t *fakeTimer) Stop() bool { t.stopped = true; return true }

func fake(t *testing.T) *fakeRuntime {
	t.Helper()
	f := &fakeRuntime{gogc: 100}
	oldSet, oldBack, oldAfter := setGCPercent, handBack, afterFunc
	setGCPercent = func(n int) int {
		before := f.gogc
		f.gogc = n
		f.sets++
		return before
	}
	handBack = func() { f.handBacks++ }
	afterFunc = func(d time.Duration, fn func()) timer {
		if d != handBackAfter {
			t.Errorf("a hand-back after %v, want %v", d, handBackAfter)
		}
		ft := &fakeTimer{fire: fn}
		f.timers = append(f.timers, ft)
		return ft
	}
	t.Cleanup(func() {
		Stop()
		setGCPercent, handBack, afterFunc = oldSet, oldBack, oldAfter
	})
	return f
}

func TestTheFirstRenderRunsAtTheDefaultTheRestAtHalf(t *testing.T) {
	f := fake(t)
	Rendered() // the first frame's slide
	if f.gogc != 100 || f.sets != 0 {
		t.Fatalf("after the first render GOGC = %d (%d sets), want Go's default untouched", f.gogc, f.sets)
	}
	Rendered() // the slides around it
	if f.gogc != gcPercent {
		t.Fatalf("after the second render GOGC = %d, want %d", f.gogc, gcPercent)
	}
	for range 5 {
		Rendered()
	}
	if f.sets != 1 {
		t.Fatalf("GOGC set %d times, want once", f.sets)
	}
	Stop()
	if f.gogc != 100 {
		t.Fatalf("after Stop GOGC = %d, want the one before (100)", f.gogc)
	}
}

func TestMemoryIsHandedBackOnceAfterTheLastRender(t *testing.T) {
	f := fake(t)
	// Renders in a row are one burst: one timer, pushed back by each.
	for range 6 {
		Rendered()
	}
	if len(f.timers) != 1 || f.timers[0].resets != 5 {
		t.Fatalf("6 renders made %d timers (%v), want 1 pushed back 5 times", len(f.timers), f.timers)
	}
	if f.handBacks != 0 {
		t.Fatalf("handed back %d times during the renders, want none yet", f.handBacks)
	}
	f.timers[0].fire() // rendering has paused
	if f.handBacks != 1 {
		t.Fatalf("handed back %d times once rendering paused, want 1", f.handBacks)
	}
	// A later render is a new burst on the same timer, handed back in its
	// turn; nothing runs between bursts.
	Rendered()
	if len(f.timers) != 1 || f.timers[0].resets != 6 {
		t.Fatalf("a later render: %d timers, %d resets; want the one timer pushed back again", len(f.timers), f.timers[0].resets)
	}
	f.timers[0].fire()
	if f.handBacks != 2 {
		t.Fatalf("handed back %d times after the second burst, want 2", f.handBacks)
	}
}

func TestStopDropsAPendingHandBack(t *testing.T) {
	f := fake(t)
	Rendered()
	Stop()
	if !f.timers[0].stopped {
		t.Fatal("Stop left the hand-back pending (the program has left)")
	}
	Rendered() // a new program's first render makes a new timer
	if len(f.timers) != 2 {
		t.Fatalf("%d timers after Stop and a render, want 2", len(f.timers))
	}
}

package memory

import (
	"sync"
	"testing"
	"time"
)

// fakeRuntime replaces the runtime's hooks and records what is asked of
// them.
type fakeRuntime struct {
	mu        sync.Mutex
	gogc      int
	sets      []int
	handBacks int
}

func fake(t *testing.T) *fakeRuntime {
	t.Helper()
	f := &fakeRuntime{gogc: 100}
	oldSet, oldBack, oldAfter := setGCPercent, handBack, handBackAfter
	setGCPercent = func(n int) int {
		f.mu.Lock()
		defer f.mu.Unlock()
		before := f.gogc
		f.gogc = n
		f.sets = append(f.sets, n)
		return before
	}
	handBack = func() { f.mu.Lock(); f.handBacks++; f.mu.Unlock() }
	handBackAfter = 40 * time.Millisecond
	t.Cleanup(func() {
		Stop()
		setGCPercent, handBack, handBackAfter = oldSet, oldBack, oldAfter
	})
	return f
}

func (f *fakeRuntime) state() (gogc, sets, handBacks int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gogc, len(f.sets), f.handBacks
}

// waitFor polls until ok holds, or fails after a generous deadline.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestTheFirstRenderRunsAtTheDefaultTheRestAtHalf(t *testing.T) {
	f := fake(t)
	Rendered() // the first frame's slide
	if gogc, sets, _ := f.state(); gogc != 100 || sets != 0 {
		t.Fatalf("after the first render GOGC = %d (%d sets), want Go's default untouched", gogc, sets)
	}
	Rendered() // the slides around it
	if gogc, _, _ := f.state(); gogc != gcPercent {
		t.Fatalf("after the second render GOGC = %d, want %d", gogc, gcPercent)
	}
	for range 5 {
		Rendered()
	}
	if _, sets, _ := f.state(); sets != 1 {
		t.Fatalf("GOGC set %d times, want once", sets)
	}
	Stop()
	if gogc, _, _ := f.state(); gogc != 100 {
		t.Fatalf("after Stop GOGC = %d, want the one before (100)", gogc)
	}
}

func TestMemoryIsHandedBackOnceAfterTheLastRender(t *testing.T) {
	f := fake(t)
	// Renders in a row are one burst: handed back once, after the last.
	for range 6 {
		Rendered()
		time.Sleep(10 * time.Millisecond)
	}
	if _, _, backs := f.state(); backs != 0 {
		t.Fatalf("handed back %d times during the renders, want none yet", backs)
	}
	waitFor(t, "the hand-back", func() bool { _, _, backs := f.state(); return backs == 1 })
	time.Sleep(3 * handBackAfter)
	if _, _, backs := f.state(); backs != 1 {
		t.Fatalf("handed back %d times, want once: nothing runs while idle", backs)
	}
	// A later render is a new burst, handed back in its turn.
	Rendered()
	waitFor(t, "the second burst's hand-back", func() bool { _, _, backs := f.state(); return backs == 2 })
}

func TestStopDropsAPendingHandBack(t *testing.T) {
	f := fake(t)
	Rendered()
	Stop()
	time.Sleep(3 * handBackAfter)
	if _, _, backs := f.state(); backs != 0 {
		t.Fatalf("%d hand-backs after Stop, want none (the program has left)", backs)
	}
}

package memory

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

func TestLimitFollowsTheLiveHeap(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, 10 * mb},          // before the first collection: the floor
		{3 * mb, 10 * mb},     // presenting the built-in deck: the floor
		{3*mb + 1, 10*mb + 2}, // past it: twice the heap and the slack
		{10 * mb, 24 * mb},
		{80 * mb, 164 * mb}, // a large review: far above what GOGC allows anyway
	} {
		if got := LimitFor(c.live); got != c.want {
			t.Errorf("LimitFor(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

// fakeRuntime replaces the runtime's hooks and records what is asked of
// them.
type fakeRuntime struct {
	mu        sync.Mutex
	limit     int64
	sets      []int64
	handBacks int
	live      uint64
}

func fake(t *testing.T, live uint64) *fakeRuntime {
	t.Helper()
	f := &fakeRuntime{limit: 1 << 62, live: live}
	oldSet, oldBack, oldLive, oldAfter := setLimit, handBack, liveBytes, handBackAfter
	setLimit = func(n int64) int64 {
		f.mu.Lock()
		defer f.mu.Unlock()
		before := f.limit
		if n >= 0 {
			f.limit = n
			f.sets = append(f.sets, n)
		}
		return before
	}
	handBack = func() { f.mu.Lock(); f.handBacks++; f.mu.Unlock() }
	liveBytes = func() (uint64, bool) { f.mu.Lock(); defer f.mu.Unlock(); return f.live, true }
	handBackAfter = 40 * time.Millisecond
	t.Cleanup(func() {
		Stop()
		burst.Lock()
		burst.timer = nil
		burst.Unlock()
		setLimit, handBack, liveBytes, handBackAfter = oldSet, oldBack, oldLive, oldAfter
	})
	return f
}

func (f *fakeRuntime) state() (limit int64, sets, handBacks int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.limit, len(f.sets), f.handBacks
}

// waitFor polls until ok holds, or fails after a generous deadline.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		runtime.GC() // the cleanup runs after a collection
		time.Sleep(5 * time.Millisecond)
	}
}

func TestABurstSetsTheLimitAndEndsHandingBack(t *testing.T) {
	f := fake(t, 3<<20)
	Rendered()
	if limit, sets, _ := f.state(); limit != LimitFor(3<<20) || sets != 1 {
		t.Fatalf("after the first render: limit %d (%d sets), want %d set once", limit, sets, LimitFor(3<<20))
	}
	// Renders in a row are one burst: the limit is set once, and the
	// memory handed back once, after the last.
	for range 5 {
		time.Sleep(10 * time.Millisecond)
		Rendered()
	}
	if _, _, backs := f.state(); backs != 0 {
		t.Fatalf("handed back %d times during the burst, want none", backs)
	}
	waitFor(t, "the burst to end", func() bool { _, _, backs := f.state(); return backs == 1 })
	limit, _, _ := f.state()
	if limit != 1<<62 {
		t.Fatalf("after the burst the limit is %d, want the one before (%d)", limit, int64(1<<62))
	}
}

func TestTheLimitFollowsTheHeapDuringABurst(t *testing.T) {
	f := fake(t, 3<<20)
	Rendered()
	f.mu.Lock()
	f.live = 48 << 20 // the next collection finds a large heap
	f.mu.Unlock()
	waitFor(t, "the limit to follow the heap", func() bool {
		limit, _, _ := f.state()
		if limit != LimitFor(48<<20) {
			Rendered() // keep the burst going until it does
			return false
		}
		return true
	})
}

func TestNothingIsSetBetweenBursts(t *testing.T) {
	f := fake(t, 3<<20)
	Rendered()
	waitFor(t, "the burst to end", func() bool { _, _, backs := f.state(); return backs == 1 })
	_, sets, _ := f.state()
	// The cleanup armed during the burst runs once more and disarms.
	waitFor(t, "the cleanup to disarm", func() bool {
		burst.Lock()
		defer burst.Unlock()
		return !burst.armed
	})
	for range 3 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if _, after, _ := f.state(); after != sets {
		t.Fatalf("the limit was set %d times between bursts, want none", after-sets)
	}
}

func TestStopEndsABurstAtOnce(t *testing.T) {
	f := fake(t, 3<<20)
	Rendered()
	Stop()
	if limit, _, backs := f.state(); limit != 1<<62 || backs != 1 {
		t.Fatalf("after Stop: limit %d, %d hand-backs; want the limit before and one", limit, backs)
	}
	time.Sleep(3 * handBackAfter)
	if _, _, backs := f.state(); backs != 1 {
		t.Fatalf("%d hand-backs after Stop, want 1 (the timer stopped)", backs)
	}
}

package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, 10 * mb},          // nothing live: the floor
		{3 * mb, 10 * mb},     // presenting the built-in deck: the floor
		{3*mb + 1, 10*mb + 2}, // just over: twice the heap and the slack
		{10 * mb, 24 * mb},
		{80 * mb, 164 * mb}, // a large review: far above the collector's own target
	} {
		if got := memLimitFor(c.live); got != c.want {
			t.Errorf("memLimitFor(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

// The tuner sets the limit from the heap each collection leaves live, and
// puts back the limit there was when it stops.
func TestTunerSetsTheLimitAfterEachCollection(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	stop := tuneMemory()
	if got := debug.SetMemoryLimit(-1); got != memLimitFloor {
		t.Fatalf("limit at start = %d, want the floor %d", got, memLimitFloor)
	}
	live := make([]byte, 48<<20) // a large live heap: the limit must rise with it
	for i := range live {
		live[i] = byte(i)
	}
	want := memLimitFor(48 << 20)
	deadline := time.Now().Add(10 * time.Second)
	got := debug.SetMemoryLimit(-1)
	for got < want && time.Now().Before(deadline) {
		runtime.GC() // the cleanup runs after a collection, on its own goroutine
		time.Sleep(10 * time.Millisecond)
		got = debug.SetMemoryLimit(-1)
	}
	runtime.KeepAlive(live)
	if got < want {
		t.Fatalf("limit with 48 MB live = %d, want at least %d", got, want)
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Fatalf("limit after stop = %d, want the one before, %d", got, before)
	}
	// Stopped, it sets nothing more.
	runtime.GC()
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Fatalf("limit after a collection once stopped = %d, want %d", got, before)
	}
	if before != math.MaxInt64 {
		t.Logf("the test process had a memory limit already (%d)", before)
	}
}

package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The full-screen program's memory.
//
// Its live heap is small (2 to 3 MB presenting the built-in deck, most of
// it glamour's syntax highlighter's tables) and its garbage comes in
// bursts: glamour allocates most of a megabyte a slide. Go hands freed
// pages back to the system slowly, at about one per cent of a core, so
// after a burst (the first frame and the slides rendered around it, a
// fast walk through a deck) 4 to 5 MB of freed pages stay resident for
// seconds, and that burst is the program's peak.
//
// A soft memory limit makes the runtime hand pages back as soon as its
// total passes the limit. A fixed limit would be wrong for a program
// whose live heap can grow (a review of ten years of sessions holds tens
// of megabytes; a room of 200 phones some more): with the live heap near
// the limit, the collector would run back to back. So the limit follows
// the heap: after every collection it is set to live×memLimitFactor plus
// memLimitSlack, never under memLimitFloor. With a small heap the limit
// keeps the freed pages handed back; with a large one it is far above
// what the collection target (GOGC) already allows, and changes nothing.
const (
	memLimitFloor  = 10 << 20
	memLimitFactor = 2
	memLimitSlack  = 4 << 20
)

// memLimitFor is the soft memory limit for a live heap of live bytes.
func memLimitFor(live uint64) int64 {
	limit := int64(live)*memLimitFactor + memLimitSlack
	return max(limit, memLimitFloor)
}

// memoryTuner sets the soft memory limit after each collection, from a
// cleanup attached to an object that only the collector frees: it runs
// once per collection and never wakes the program otherwise (an idle
// program collects once every two minutes at most).
type memoryTuner struct {
	stopped atomic.Bool
	set     func(int64) int64 // debug.SetMemoryLimit; tests watch it
	sample  []metrics.Sample
}

// collected is allocated once per collection for its cleanup. It holds a
// pointer so that it is never batched with other small objects (a batched
// object's cleanup may never run).
type collected struct{ _ *int }

// tuneMemory starts the tuner and returns the function that stops it and
// restores the limit there was before.
func tuneMemory() (stop func()) {
	t := &memoryTuner{
		set:    debug.SetMemoryLimit,
		sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}},
	}
	before := t.set(memLimitFloor)
	t.arm()
	return func() {
		t.stopped.Store(true)
		t.set(before)
	}
}

// arm attaches the cleanup to a new object that nothing refers to: the
// next collection frees it, and the cleanup sets the limit and arms again.
func (t *memoryTuner) arm() {
	runtime.AddCleanup(&collected{}, func(t *memoryTuner) {
		if t.stopped.Load() {
			return
		}
		t.adjust()
		t.arm()
	}, t)
}

// adjust sets the limit from the live heap the last collection found.
func (t *memoryTuner) adjust() {
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return // a runtime without the metric keeps the limit it has
	}
	t.set(memLimitFor(t.sample[0].Value.Uint64()))
}

// Package memory keeps the full-screen program's resident memory low
// through bursts of rendering, and costs nothing between them.
//
// The program's live heap is small (2 to 3 MB presenting the built-in
// deck, most of it glamour's syntax highlighter's tables) and its garbage
// comes in bursts: glamour allocates most of a megabyte a slide, and the
// start (the first slide, then the slides around it) or a fast walk
// through a deck renders dozens. Go hands freed pages back to the system
// slowly, so a burst leaves megabytes resident, and that is the program's
// peak.
//
// While a burst lasts, a soft memory limit makes the runtime collect
// sooner and hand freed pages back at once. The limit follows the live
// heap (set after every collection to live×burstFactor plus burstSlack,
// never under burstFloor), so a program whose heap has grown (a review of
// years of sessions, a room of phones) is not held to a small one. When
// rendering has paused for handBackAfter, the rest is handed back and the
// limit is lifted: between bursts (a timer ticking once a second, an idle
// slide) the collector runs only when its target says, and nothing wakes.
package memory

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

const (
	burstFloor  = 10 << 20
	burstFactor = 2
	burstSlack  = 4 << 20
)

// handBackAfter is how long after the last render a burst ends.
var handBackAfter = 500 * time.Millisecond

// LimitFor is the soft memory limit during a burst, for a live heap of
// live bytes.
func LimitFor(live uint64) int64 {
	return max(int64(live)*burstFactor+burstSlack, burstFloor)
}

// The runtime's hooks, replaced by tests.
var (
	setLimit  = debug.SetMemoryLimit
	handBack  = debug.FreeOSMemory
	liveBytes = func() (uint64, bool) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() != metrics.KindUint64 {
			return 0, false
		}
		return s[0].Value.Uint64(), true
	}
)

// burst is the one burst state of the process.
var burst struct {
	sync.Mutex
	on     bool        // a burst is under way: the limit is set
	armed  bool        // a cleanup waits for the next collection
	timer  *time.Timer // ends the burst handBackAfter after the last render
	before int64       // the limit there was before the burst
}

// Rendered says that a render has just run (or is about to): a burst
// begins if none is under way, and ends handBackAfter after the last
// call. The program's start is a burst too: main calls it before the
// first frame.
func Rendered() {
	burst.Lock()
	defer burst.Unlock()
	if !burst.on {
		burst.on = true
		burst.before = setLimit(LimitFor(live()))
		if !burst.armed {
			burst.armed = true
			arm()
		}
	}
	if burst.timer == nil {
		burst.timer = time.AfterFunc(handBackAfter, end)
		return
	}
	burst.timer.Reset(handBackAfter)
}

// end ends a burst: the limit there was before comes back, and what the
// burst left is handed back.
func end() {
	burst.Lock()
	if burst.on {
		burst.on = false
		setLimit(burst.before)
	}
	burst.Unlock()
	handBack()
}

// Stop ends any burst at once and puts the limit back (the program is
// leaving its full screen).
func Stop() {
	burst.Lock()
	if burst.timer != nil {
		burst.timer.Stop()
	}
	on := burst.on
	burst.Unlock()
	if on {
		end()
	}
}

// live is the heap the last collection found live (0 before the first).
func live() uint64 {
	n, _ := liveBytes()
	return n
}

// collected is allocated for its cleanup, which runs once the next
// collection has freed it. It holds a pointer so that it is never batched
// with other small objects (a batched object's cleanup may never run).
type collected struct{ _ *int }

// arm attaches the cleanup that follows the heap during a burst: after
// each collection it sets the limit from the live heap, and arms again
// while the burst lasts. Between bursts nothing is armed.
func arm() {
	runtime.AddCleanup(&collected{}, func(struct{}) {
		burst.Lock()
		defer burst.Unlock()
		if !burst.on {
			burst.armed = false
			return
		}
		if n, ok := liveBytes(); ok {
			setLimit(LimitFor(n))
		}
		arm()
	}, struct{}{})
}

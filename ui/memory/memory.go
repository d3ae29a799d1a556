// Package memory keeps the full-screen program's resident memory low
// through bursts of rendering, and costs nothing between them.
//
// The program's live heap is small (2 to 3 MB presenting the built-in
// deck, most of it glamour's syntax highlighter's tables) and its garbage
// comes in bursts: glamour allocates most of a megabyte a slide, and the
// start (the first slide, then the slides around it) or a fast walk
// through a deck renders dozens. Two things keep what a burst leaves
// resident small:
//
//   - From the second render on, the collector runs when the heap has
//     grown by half (GOGC 50) rather than doubled (Go's default). Not for
//     the first, which is the first frame's: collecting more on the way to
//     it would delay it. At the default, the slides rendered around the
//     first one took the program's peak 3 MB higher.
//   - When rendering has paused for handBackAfter, the memory the burst
//     freed is handed back to the system (Go hands it back slowly by
//     itself). One timer, pushed back by every render: a walk through a
//     deck pays for one collection at its end, and nothing runs while
//     idle.
package memory

import (
	"runtime/debug"
	"sync"
	"time"
)

// gcPercent is the collector's target from the second render on.
const gcPercent = 50

// handBackAfter is how long after the last render a burst ends.
const handBackAfter = 500 * time.Millisecond

// timer is what a pending hand-back needs of a *time.Timer.
type timer interface {
	Reset(time.Duration) bool
	Stop() bool
}

// The runtime's and the clock's hooks, replaced by tests.
var (
	setGCPercent = debug.SetGCPercent
	handBack     = debug.FreeOSMemory
	afterFunc    = func(d time.Duration, f func()) timer { return time.AfterFunc(d, f) }
)

// state is the process's one record of its renders.
var state struct {
	sync.Mutex
	renders int   // renders so far
	before  int   // the collector's target before the second render
	timer   timer // hands back handBackAfter after the last render
}

// Rendered says that a render is about to run. Every Markdown render of
// the program calls it (common.Render).
func Rendered() {
	state.Lock()
	defer state.Unlock()
	state.renders++
	if state.renders == 2 {
		state.before = setGCPercent(gcPercent)
	}
	if state.timer == nil {
		state.timer = afterFunc(handBackAfter, func() { handBack() })
		return
	}
	state.timer.Reset(handBackAfter)
}

// Stop ends the program's renders: a pending hand-back is dropped and the
// collector's target is put back (the program is leaving its full screen).
func Stop() {
	state.Lock()
	defer state.Unlock()
	if state.timer != nil {
		state.timer.Stop()
		state.timer = nil
	}
	if state.renders >= 2 {
		setGCPercent(state.before)
	}
	state.renders = 0
}

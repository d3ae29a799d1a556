package model

import (
	"fmt"
	"time"
)

// Timer is an exercise's countdown (SPEC section 8). It keeps a wall-clock
// deadline while running and the time left while paused, never a count of
// ticks, so it survives a suspend, a resize and a restart: its fields are
// exported and tagged so that the store can save and restore it as is.
//
// Every method that needs the current time takes it as now. The monotonic
// clock reading is stripped from every time a Timer keeps or compares
// (t.Round(0)), so that time spent suspended counts.
type Timer struct {
	Duration  time.Duration `json:"duration"`          // the set length
	Added     time.Duration `json:"added,omitempty"`   // time added (or taken, negative) since the start
	Deadline  time.Time     `json:"deadline,omitzero"` // when it ends, while running
	Remaining time.Duration `json:"remaining"`         // time left while paused or not started
	Running   bool          `json:"running"`
	Started   bool          `json:"started"` // from Start to Reset
	Label     string        `json:"label,omitempty"`
	Muted     bool          `json:"muted,omitempty"` // no terminal bell
}

// Phase is what a timer shows.
type Phase int

// Timer phases.
const (
	PhaseIdle    Phase = iota // not started
	PhaseRunning              // more than two minutes left
	PhaseWarning              // two minutes or less left
	PhaseFinal                // ten seconds or less left
	PhaseDone                 // time is up
	PhasePaused               // paused with time left
)

// Thresholds of the timer's warnings.
const (
	WarningAt = 2 * time.Minute
	FinalAt   = 10 * time.Second
)

var phaseNames = [...]string{"idle", "running", "warning", "final", "done", "paused"}

func (p Phase) String() string {
	if p >= 0 && int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("Phase(%d)", int(p))
}

// NewTimer returns a timer of length d, not started.
func NewTimer(d time.Duration, label string) Timer {
	d = max(d, 0)
	return Timer{Duration: d, Remaining: d, Label: label}
}

// Start starts the timer from its full length; a paused timer resumes and
// a running one is left alone. A finished timer starts again from its full
// length.
func (t *Timer) Start(now time.Time) {
	if t.Running && t.left(now) > 0 {
		return
	}
	if t.Started && !t.Running && t.Remaining > 0 {
		t.Resume(now)
		return
	}
	t.Added = 0
	t.Remaining = max(t.Duration, 0)
	t.Started = true
	t.run(now)
}

// Pause stops the clock, keeping the time left.
func (t *Timer) Pause(now time.Time) {
	if !t.Running {
		return
	}
	t.Remaining = t.left(now)
	t.Running = false
	t.Deadline = time.Time{}
}

// Resume restarts a paused timer; a timer not yet started starts.
func (t *Timer) Resume(now time.Time) {
	switch {
	case !t.Started:
		t.Start(now)
	case !t.Running && t.Remaining > 0:
		t.run(now)
	}
}

func (t *Timer) run(now time.Time) {
	t.Deadline = now.Round(0).Add(t.Remaining)
	t.Running = true
}

// Add adds d (or takes it, when negative) to the time left, never going
// below zero: taking all that is left finishes the timer. Before the start
// it changes the set length instead. Adding to a finished timer that is
// still running gives it d more from now.
func (t *Timer) Add(d, now time.Time) {
	panic("unreachable")
}

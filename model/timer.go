package model

import (
	"fmt"
	"time"
)

// Timer is an exercise's countdown. It keeps a wall-clock
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

// Add adds d (or takes it, when d is negative) to the time left, never
// going below zero: taking all that is left finishes the timer. Before the
// start it changes the set length instead. Adding to a finished timer gives
// it d more from now.
func (t *Timer) Add(d time.Duration, now time.Time) {
	if !t.Started {
		t.Duration = max(t.Duration+d, 0)
		t.Remaining = t.Duration
		return
	}
	left := t.left(now)
	next := max(left+d, 0)
	t.Added += next - left
	if t.Running {
		t.Deadline = now.Round(0).Add(next)
	} else {
		t.Remaining = next
	}
}

// Reset stops the timer and sets it back to its full length, not started.
func (t *Timer) Reset() {
	t.Added = 0
	t.Deadline = time.Time{}
	t.Remaining = max(t.Duration, 0)
	t.Running = false
	t.Started = false
}

// left is the exact time left at now, never negative.
func (t *Timer) left(now time.Time) time.Duration {
	switch {
	case t.Running:
		return max(t.Deadline.Round(0).Sub(now.Round(0)), 0)
	case t.Started:
		return max(t.Remaining, 0)
	default:
		return max(t.Duration, 0)
	}
}

// Left is the time left at now as shown: rounded up to a whole second, so
// that the full length shows for the first second and 0:00 appears exactly
// when the time is up.
func (t *Timer) Left(now time.Time) time.Duration {
	return ceilSecond(t.left(now))
}

func ceilSecond(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	if r := d % time.Second; r != 0 && d <= maxDuration-time.Second {
		d += time.Second - r
	}
	return d
}

const maxDuration = time.Duration(1<<63 - 1)

// Finished reports whether the timer has been started and its time is up.
func (t *Timer) Finished(now time.Time) bool {
	return t.Started && t.left(now) == 0
}

// Phase says what the timer shows at now. Warning starts when the display
// reaches 2:00, Final when it reaches 0:10.
func (t *Timer) Phase(now time.Time) Phase {
	if !t.Started {
		return PhaseIdle
	}
	left := t.left(now)
	switch {
	case left <= 0:
		return PhaseDone
	case !t.Running:
		return PhasePaused
	case left <= FinalAt:
		return PhaseFinal
	case left <= WarningAt:
		return PhaseWarning
	}
	return PhaseRunning
}

// Fraction is the part of the time that has gone, from 0 to 1, for a
// progress bar. Time added or taken counts in the total.
func (t *Timer) Fraction(now time.Time) float64 {
	if !t.Started {
		return 0
	}
	total := t.Duration + t.Added
	if total <= 0 {
		return 1
	}
	f := 1 - float64(t.left(now))/float64(total)
	return min(max(f, 0), 1)
}

// NextTick is how long to wait from now until the display changes: the
// time left rounded up to a whole second drops by one exactly when the
// exact time left reaches a whole second. It is 0 when no tick is needed
// (not running, or finished). A tick that arrives a little early finds a
// short NextTick and simply schedules again.
func (t *Timer) NextTick(now time.Time) time.Duration {
	if !t.Running {
		return 0
	}
	left := t.left(now)
	if left <= 0 {
		return 0
	}
	if r := left % time.Second; r != 0 {
		return r
	}
	return time.Second
}

// BellDue reports whether the bell should ring for the time from prev (the
// previous tick) to now: once on crossing the two-minute warning and once
// at the end, never when muted or not running. A zero prev, or one after
// now, rings nothing.
func (t *Timer) BellDue(prev, now time.Time) bool {
	if t.Muted || !t.Running || prev.IsZero() || prev.After(now) {
		return false
	}
	before, after := t.left(prev), t.left(now)
	return (before > WarningAt && after <= WarningAt) || (before > 0 && after <= 0)
}

// Clock is the time left at now formatted by FormatClock.
func (t *Timer) Clock(now time.Time) string {
	return FormatClock(t.Left(now))
}

// FormatClock formats a duration for the big digits: M:SS under an hour,
// H:MM:SS from an hour. Part seconds are rounded up, as Left does; a
// negative duration shows as 0:00.
func FormatClock(d time.Duration) string {
	s := int64(ceilSecond(d) / time.Second)
	h, m, sec := s/3600, s/60%60, s%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%d:%02d", m, sec)
}

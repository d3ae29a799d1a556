package model

import (
	"encoding/json"
	"testing"
	"time"
)

var timerT0 = time.Date(2025, 1, 14, 9, 30, 0, 0, time.UTC)

func timerAt(d time.Duration) time.Time { return timerT0.Add(d) }

func TestTimerLifecycle(t *testing.T) {
	tm := NewTimer(20*time.Minute, "M1-E3")
	steps := []struct {
		name  string
		do    func()
		now   time.Duration
		left  string
		phase Phase
	}{
		{"new", func() {}, 0, "20:00", PhaseIdle},
		{"start", func() { tm.Start(timerAt(0)) }, 0, "20:00", PhaseRunning},
		{"first part second", func() {}, 400 * time.Millisecond, "20:00", PhaseRunning},
		{"one second", func() {}, time.Second, "19:59", PhaseRunning},
		{"pause", func() { tm.Pause(timerAt(5 * time.Minute)) }, 5 * time.Minute, "15:00", PhasePaused},
		{"paused time stands", func() {}, time.Hour, "15:00", PhasePaused},
		{"resume", func() { tm.Resume(timerAt(time.Hour)) }, time.Hour, "15:00", PhaseRunning},
		{"running after resume", func() {}, time.Hour + 10*time.Minute, "5:00", PhaseRunning},
		{"take 3 minutes", func() { tm.Add(-3*time.Minute, timerAt(time.Hour+10*time.Minute)) }, time.Hour + 10*time.Minute, "2:00", PhaseWarning},
		{"final", func() {}, time.Hour + 11*time.Minute + 50*time.Second, "0:10", PhaseFinal},
		{"just before end", func() {}, time.Hour + 12*time.Minute - time.Millisecond, "0:01", PhaseFinal},
		{"end", func() {}, time.Hour + 12*time.Minute, "0:00", PhaseDone},
		{"after end", func() {}, 2 * time.Hour, "0:00", PhaseDone},
		{"add to finished", func() { tm.Add(time.Minute, timerAt(2*time.Hour)) }, 2 * time.Hour, "1:00", PhaseWarning},
		{"reset", func() { tm.Reset() }, 3 * time.Hour, "20:00", PhaseIdle},
		{"start again", func() { tm.Start(timerAt(3 * time.Hour)) }, 3*time.Hour + 30*time.Second, "19:30", PhaseRunning},
		{"start while running is a no-op", func() { tm.Start(timerAt(3*time.Hour + 30*time.Second)) }, 3*time.Hour + 30*time.Second, "19:30", PhaseRunning},
		{"take everything", func() { tm.Add(-time.Hour, timerAt(3*time.Hour+40*time.Second)) }, 3*time.Hour + 40*time.Second, "0:00", PhaseDone},
		{"start finished restarts", func() { tm.Start(timerAt(4 * time.Hour)) }, 4 * time.Hour, "20:00", PhaseRunning},
	}
	for _, s := range steps {
		s.do()
		now := timerAt(s.now)
		if got := tm.Clock(now); got != s.left {
			t.Errorf("%s: Clock = %s, want %s", s.name, got, s.left)
		}
		if got := tm.Phase(now); got != s.phase {
			t.Errorf("%s: Phase = %v, want %v", s.name, got, s.phase)
		}
	}
}

func TestTimerAddBeforeStart(t *testing.T) {
	tm := NewTimer(10*time.Minute, "")
	tm.Add(5*time.Minute, timerT0)
	if tm.Duration != 15*time.Minute || tm.Left(timerT0) != 15*time.Minute {
		t.Errorf("after adding 5m before start: Duration %v Left %v", tm.Duration, tm.Left(timerT0))
	}
	tm.Add(-time.Hour, timerT0)
	if tm.Duration != 0 || tm.Phase(timerT0) != PhaseIdle {
		t.Errorf("taking more than the length: Duration %v Phase %v", tm.Duration, tm.Phase(timerT0))
	}
	tm.Add(time.Minute, timerT0)
	tm.Reset()
	if tm.Duration != time.Minute {
		t.Errorf("Reset after setting the length: Duration %v", tm.Duration)
	}
}

func TestTimerAddWhilePaused(t *testing.T) {
	tm := NewTimer(10*time.Minute, "")
	tm.Start(timerT0)
	tm.Pause(timerAt(4 * time.Minute))
	tm.Add(2*time.Minute, timerAt(5*time.Minute))
	if got := tm.Clock(timerAt(time.Hour)); got != "8:00" {
		t.Errorf("paused + 2m: %s, want 8:00", got)
	}
	tm.Add(-9*time.Minute, timerAt(time.Hour))
	if tm.Phase(timerAt(time.Hour)) != PhaseDone || !tm.Finished(timerAt(time.Hour)) {
		t.Errorf("taking all from a paused timer: phase %v", tm.Phase(timerAt(time.Hour)))
	}
	tm.Resume(timerAt(time.Hour)) // nothing left: stays done
	if tm.Running {
		t.Error("Resume of a finished timer started it")
	}
}

func TestTimerZeroValue(t *testing.T) {
	tm := Timer{Duration: 5 * time.Minute} // built without NewTimer
	if got := tm.Clock(timerT0); got != "5:00" {
		t.Errorf("zero-value timer shows %s", got)
	}
	tm.Resume(timerT0)
	if got := tm.Clock(timerAt(time.Minute)); got != "4:00" {
		t.Errorf("after a minute: %s", got)
	}
	var untimed Timer
	untimed.Start(timerT0)
	if untimed.Phase(timerT0) != PhaseDone {
		t.Errorf("zero-length timer: %v", untimed.Phase(timerT0))
	}
}

func TestTimerFraction(t *testing.T) {
	tm := NewTimer(10*time.Minute, "")
	if f := tm.Fraction(timerT0); f != 0 {
		t.Errorf("idle fraction %v", f)
	}
	tm.Start(timerT0)
	tests := []struct {
		now  time.Duration
		want float64
	}{
		{0, 0}, {5 * time.Minute, 0.5}, {10 * time.Minute, 1}, {time.Hour, 1},
	}
	for _, tt := range tests {
		if f := tm.Fraction(timerAt(tt.now)); f != tt.want {
			t.Errorf("Fraction at %v = %v, want %v", tt.now, f, tt.want)
		}
	}
	tm.Add(10*time.Minute, timerAt(5*time.Minute)) // 15 left of 20
	if f := tm.Fraction(timerAt(5 * time.Minute)); f != 0.25 {
		t.Errorf("Fraction after adding = %v, want 0.25", f)
	}
	tm.Add(-time.Hour, timerAt(5*time.Minute))
	if f := tm.Fraction(timerAt(5 * time.Minute)); f != 1 {
		t.Errorf("Fraction after taking all = %v, want 1", f)
	}
}

func TestTimerNextTick(t *testing.T) {
	tm := NewTimer(time.Minute, "")
	if d := tm.NextTick(timerT0); d != 0 {
		t.Errorf("idle NextTick %v", d)
	}
	tm.Start(timerT0)
	tests := []struct{ now, want time.Duration }{
		{0, time.Second},
		{300 * time.Millisecond, 700 * time.Millisecond},
		{time.Second, time.Second},
		{59*time.Second + 900*time.Millisecond, 100 * time.Millisecond},
		{time.Minute, 0},
		{time.Hour, 0},
	}
	for _, tt := range tests {
		now := timerAt(tt.now)
		d := tm.NextTick(now)
		if d != tt.want {
			t.Errorf("NextTick at %v = %v, want %v", tt.now, d, tt.want)
		}
		if d > 0 && tm.Left(now.Add(d)) != tm.Left(now)-time.Second {
			t.Errorf("at %v: display does not change exactly after NextTick", tt.now)
		}
		if d > time.Millisecond && tm.Left(now.Add(d-time.Millisecond)) != tm.Left(now) {
			t.Errorf("at %v: display changes before NextTick", tt.now)
		}
	}
	tm.Pause(timerAt(10 * time.Second))
	if d := tm.NextTick(timerAt(10 * time.Second)); d != 0 {
		t.Errorf("paused NextTick %v", d)
	}
}

func TestTimerBell(t *testing.T) {
	tm := NewTimer(3*time.Minute, "")
	tm.Start(timerT0)
	rings := 0
	prev := timerT0
	for now := timerT0; now.Before(timerAt(5 * time.Minute)); now = now.Add(time.Second) {
		if tm.BellDue(prev, now) {
			rings++
			if l := tm.Left(now); l != 2*time.Minute && l != 0 {
				t.Errorf("bell at %v left", l)
			}
		}
		prev = now
	}
	if rings != 2 {
		t.Errorf("rang %d times, want 2", rings)
	}
	// A suspend that skips both thresholds rings once.
	if !tm.BellDue(timerAt(10*time.Second), timerAt(4*time.Minute)) {
		t.Error("no bell across a suspend")
	}
	if tm.BellDue(time.Time{}, timerAt(4*time.Minute)) {
		t.Error("bell with a zero prev")
	}
	tm.Muted = true
	if tm.BellDue(timerAt(59*time.Second), timerAt(61*time.Second)) {
		t.Error("muted timer rang")
	}
	tm.Muted = false
	tm.Pause(timerAt(30 * time.Second))
	if tm.BellDue(timerAt(59*time.Second), timerAt(61*time.Second)) {
		t.Error("paused timer rang")
	}
}

func TestTimerShortStartsInWarning(t *testing.T) {
	tm := NewTimer(90*time.Second, "")
	tm.Start(timerT0)
	if tm.Phase(timerT0) != PhaseWarning {
		t.Errorf("90s timer phase %v", tm.Phase(timerT0))
	}
	if tm.BellDue(timerT0, timerAt(time.Second)) {
		t.Error("bell at the start of a short timer")
	}
}

func TestTimerRestoreAfterRestart(t *testing.T) {
	tm := NewTimer(20*time.Minute, "M1-E3 small groups")
	tm.Start(time.Now()) // a real clock reading, with a monotonic part
	tm.Deadline = timerT0.Add(20 * time.Minute)
	data, err := json.Marshal(tm)
	if err != nil {
		t.Fatal(err)
	}
	var back Timer
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	now := timerT0.Add(7*time.Minute + 31*time.Second)
	if got := back.Clock(now); got != "12:29" {
		t.Errorf("restored timer shows %s, want 12:29 (json %s)", got, data)
	}
	if back.Label != tm.Label || !back.Running || !back.Started {
		t.Errorf("restored %+v", back)
	}
}

func TestTimerStripsMonotonic(t *testing.T) {
	var tm Timer
	tm.Duration = time.Minute
	start := time.Now()
	tm.Start(start)
	if tm.Deadline != tm.Deadline.Round(0) {
		t.Error("deadline keeps a monotonic reading")
	}
	// A wall clock jump (as after a suspend) counts even though the
	// monotonic clock of start says little time passed.
	later := start.Round(0).Add(45 * time.Second)
	if got := tm.Clock(later); got != "0:15" {
		t.Errorf("after 45s wall time: %s", got)
	}
}

func TestFormatClock(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00"},
		{-5 * time.Second, "0:00"},
		{time.Millisecond, "0:01"},
		{9 * time.Second, "0:09"},
		{59*time.Second + 100*time.Millisecond, "1:00"},
		{12*time.Minute + 29*time.Second, "12:29"},
		{59*time.Minute + 59*time.Second, "59:59"},
		{time.Hour, "1:00:00"},
		{time.Hour + 2*time.Minute + 3*time.Second, "1:02:03"},
		{25 * time.Hour, "25:00:00"},
		{maxDuration, "2562047:47:16"}, // cannot round up without overflowing
	}
	for _, tt := range tests {
		if got := FormatClock(tt.d); got != tt.want {
			t.Errorf("FormatClock(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestPhaseString(t *testing.T) {
	if PhaseWarning.String() != "warning" || Phase(42).String() != "Phase(42)" {
		t.Error("Phase.String")
	}
}

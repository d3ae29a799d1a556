package model

import (
	"fmt"
	"testing"
	"time"
)

var testLimits = AttemptLimits{SourceFree: 3, SourceWait: time.Minute, CodeMax: 10, Forget: 10 * time.Minute, MaxSources: 4}

func TestLimiterPerSource(t *testing.T) {
	l := NewLimiter(testLimits)
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	steps := []struct {
		at       time.Duration
		src      string
		fail     bool // a wrong code is tried (only if no wait)
		wantWait time.Duration
	}{
		{0, "a", true, 0},
		{1 * time.Second, "a", true, 0},
		{2 * time.Second, "a", true, 0},
		{3 * time.Second, "a", false, 59 * time.Second},  // three failures: wait a minute from the last
		{3 * time.Second, "b", true, 0},                  // another source is not held up
		{62 * time.Second, "a", true, 0},                 // the minute has passed: one more try
		{63 * time.Second, "a", false, 59 * time.Second}, // and again a wait
		{130 * time.Second, "a", false, 0},
		{20 * time.Minute, "a", false, 0}, // forgotten
	}
	for i, s := range steps {
		now := t0.Add(s.at)
		if got := l.Wait(s.src, now); got != s.wantWait {
			t.Fatalf("step %d: Wait(%s) = %v, want %v", i, s.src, got, s.wantWait)
		}
		if s.fail {
			l.Fail(s.src, now)
		}
	}
	l.Fail("a", t0.Add(20*time.Minute))
	if w := l.Wait("a", t0.Add(20*time.Minute)); w != 0 {
		t.Fatalf("a forgotten source waits %v after one failure", w)
	}
	l.Succeed("a")
}

func TestLimiterRotatesCode(t *testing.T) {
	l := NewLimiter(testLimits)
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	rotations := 0
	for i := range 25 { // many sources, one failure each: only the code's count stops them
		if l.Fail(fmt.Sprintf("src%d", i), now) {
			rotations++
			if i != 9 && i != 19 {
				t.Fatalf("rotated after failure %d", i+1)
			}
		}
	}
	if rotations != 2 || l.CodeFails() != 5 {
		t.Fatalf("rotations %d, code failures %d; want 2, 5", rotations, l.CodeFails())
	}
	l.Rotated()
	if l.CodeFails() != 0 {
		t.Fatal("Rotated kept the count")
	}
}

func TestLimiterBoundedSources(t *testing.T) {
	l := NewLimiter(testLimits)
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range 4 {
		l.Fail(fmt.Sprintf("src%d", i), now)
	}
	// The table is full: new sources share one budget, and it runs out.
	for i := range 3 {
		if w := l.Wait(fmt.Sprintf("new%d", i), now); w != 0 {
			t.Fatalf("new source %d waits %v before the shared budget is spent", i, w)
		}
		l.Fail(fmt.Sprintf("new%d", i), now)
	}
	if len(l.sources) > 5 {
		t.Fatalf("%d sources remembered, want at most 5", len(l.sources))
	}
	if w := l.Wait("new99", now); w == 0 {
		t.Fatal("a new source is not held once the shared budget is spent")
	}
	if w := l.Wait("src0", now); w != 0 {
		t.Fatalf("a remembered source with one failure waits %v", w)
	}
	// Once the old records are forgotten, a new source has its own record.
	later := now.Add(11 * time.Minute)
	l.Fail("fresh", later)
	if _, ok := l.sources["fresh"]; !ok {
		t.Fatal("old records were not pruned")
	}
}

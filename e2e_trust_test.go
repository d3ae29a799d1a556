package main

import (
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestTmuxKillAfterMovingReopensThere moves five slides in the real binary,
// is killed, and Continue reopens at the slide it was on, not where it
// started: where the presenter is is saved as it moves.
func TestTmuxKillAfterMovingReopensThere(t *testing.T) {
	s, bin, env, _, dir := m1Session(t)
	for i := 2; i <= 6; i++ {
		s.keys("Right")
		s.waitFor("M1 Managers · " + strconv.Itoa(i) + "/15")
	}
	// The position is saved once the moves settle (400 ms); the kill
	// comes well after that.
	time.Sleep(1500 * time.Millisecond)
	if err := syscall.Kill(huddlePid(t, dir), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitExit(t, huddlePid(t, dir))

	s2 := newTmux(t, 120, 40, env)
	startHuddle(s2, dir, bin)
	s2.waitFor("North, started")
	s2.keys("Down", "Enter")
	s2.waitFor("M1 Managers · 6/15")
	s2.keys("q")
	s2.waitFor("huddle-exited-0")
}

// TestTmuxReflectionQuitAndResumed: a solo reflection left with q is taken
// up again by the next huddle reflect, with what was written in it.
func TestTmuxReflectionQuitAndResumed(t *testing.T) {
	bin := huddleBinary(t)
	env := testEnv(t)
	s := newTmux(t, 120, 40, env)
	s.keys(bin+" reflect; echo huddle-exited-$?", "Enter")
	s.waitFor("Private solo reflection")
	openExerciseInTmux(t, s, "M3-E3")
	s.keys("Enter")
	s.waitFor("›")
	s.keys("GPs see the role as a gatekeeper", "Enter")
	s.waitFor("• GPs see the role as a gatekeeper")
	s.keys("Escape")
	s.waitFor("slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")
	s.keys("clear", "Enter")
	s.waitGone("huddle-exited-0")

	s.keys(bin+" reflect; echo huddle-exited-$?", "Enter")
	s.waitFor("Private solo reflection")
	openExerciseInTmux(t, s, "M3-E3")
	s.waitFor("• GPs see the role as a gatekeeper")
	s.keys("Escape")
	s.waitFor("slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")
}

// TestTmuxEndedSessionIsNotOffered: a session ended with E is not offered
// by Continue on the home screen of the next run.
func TestTmuxEndedSessionIsNotOffered(t *testing.T) {
	bin := huddleBinary(t)
	env, _, dir := sessionEnv(t)
	s := newTmux(t, 120, 40, env)
	startHuddle(s, dir, bin)
	s.waitFor("Present a workshop")
	s.keys("Enter")
	s.waitFor("Choose the module")
	s.keys("Down", "Enter")
	s.waitFor("Team:")
	s.keys("-l", "North")
	s.keys("Enter")
	s.waitFor("Facilitator:")
	s.keys("-l", "Sam")
	s.keys("Enter")
	s.waitFor("M1 Managers · 1/15")
	s.keys("E")
	s.waitFor("End this session?")
	s.keys("y")
	scr := s.waitForAll("Present a workshop", "Continue the last session (not available)")
	if strings.Contains(scr, "North, started") {
		t.Fatalf("the ended session is still offered:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("huddle-exited-0")

	s.keys("clear", "Enter")
	s.waitGone("huddle-exited-0")
	startHuddle(s, dir, bin)
	scr = s.waitForAll("Present a workshop", "Continue the last session (not available)")
	if strings.Contains(scr, "North, started") {
		t.Fatalf("the next run offers the ended session:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("huddle-exited-0")
}

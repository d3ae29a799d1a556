package main

import (
	"strings"
	"testing"
)

// lastLine is the bottom line of a captured screen.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestTmuxScreen: huddle draws its own frames. The first frame fills the
// screen to its last line (the footer's help hint); ctrl+z gives the shell
// a normal terminal back and fg takes it again, redrawn whole; a resize
// redraws at the new size; quitting restores the terminal.
func TestTmuxScreen(t *testing.T) {
	bin := huddleBinary(t)
	s := newTmux(t, 100, 30, testEnv(t))
	s.keys(bin+" present", "Enter")
	s.waitForAll("slide 1/", "embedding the social care role")
	s.waitUntil("the help hint on the last line", func(sc string) bool { return strings.Contains(lastLine(sc), "help") })

	s.keys("Right")
	s.waitFor("slide 2/")
	s.keys("C-z")
	s.waitFor("Stopped")
	// The shell's terminal is cooked again: a typed command runs.
	s.keys("echo shell-is-back", "Enter")
	s.waitUntil("the shell's echo", func(sc string) bool { return strings.Count(sc, "shell-is-back") >= 2 })
	s.keys("fg", "Enter")
	s.waitUntil("the slide redrawn whole after fg", func(sc string) bool {
		return strings.Contains(sc, "slide 2/") && strings.Contains(lastLine(sc), "help") && !strings.Contains(sc, "shell-is-back")
	})
	s.keys("Right")
	s.waitFor("slide 3/")

	s.tmux("resize-window", "-t", "main", "-x", "80", "-y", "24")
	s.waitUntil("the slide at 80x24", func(sc string) bool {
		lines := strings.Split(strings.TrimRight(sc, "\n"), "\n")
		return len(lines) == 24 && strings.Contains(sc, "slide 3/") && strings.Contains(lastLine(sc), "help")
	})

	s.keys("q")
	sc := s.waitUntil("the quit prompt or the shell", func(sc string) bool {
		return !strings.Contains(sc, "slide 3/") || strings.Contains(strings.ToLower(sc), "end")
	})
	if strings.Contains(sc, "slide 3/") {
		s.keys("y")
	}
	s.waitUntil("the shell after quitting", func(sc string) bool { return !strings.Contains(sc, "slide 3/") })
	s.keys("echo after-$?", "Enter")
	s.waitFor("after-0")
}

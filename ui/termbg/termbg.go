// Package termbg settles whether the terminal's background is dark before
// Bubble Tea's package initialisation can ask the terminal.
//
// bubbletea v1's init calls lipgloss.HasDarkBackground, which sends an
// OSC 11 query and waits up to five seconds for an answer: on a terminal
// that never answers, huddle would stall before main runs. Go initialises
// packages in import-path order among those whose imports are ready; this
// package imports only lipgloss and its path sorts before
// github.com/charmbracelet/bubbletea, so its init runs first and makes the
// background explicit, and no query is sent. The module path keeps that
// order; TestNoStallOnSilentTerminal fails if it is ever lost.
package termbg

import (
	"os"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

func init() {
	lipgloss.SetHasDarkBackground(Dark(os.Getenv))
}

// Known reports whether the terminal says what its background is
// (COLORFGBG); without it, Dark's answer is only a default.
func Known(getenv func(string) string) bool { return getenv("COLORFGBG") != "" }

// Dark guesses the background from COLORFGBG ("15;0": light text on a
// dark background), which many terminals set, without asking the
// terminal. Without it the background is taken to be dark.
func Dark(getenv func(string) string) bool {
	v := getenv("COLORFGBG")
	if v == "" {
		return true
	}
	parts := strings.Split(v, ";")
	switch parts[len(parts)-1] {
	case "7", "15":
		return false
	}
	return true
}

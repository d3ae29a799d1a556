//go:build windows

package main

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/sys/windows"
)

// watchResize does nothing on Windows: there is no SIGWINCH, and Bubble
// Tea reads the console's window-size events with its input and sends the
// program a tea.WindowSizeMsg itself.
func (s *screen) watchResize(p *tea.Program, stop <-chan struct{}) {}

// enableVT turns on the console's processing of escape sequences for out
// (Bubble Tea does it only for its own renderer, which huddle turns off),
// and returns what gives the console its old mode back.
func enableVT(out *os.File) func() {
	h := windows.Handle(out.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return func() {}
	}
	if err := windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING); err != nil {
		return func() {}
	}
	return func() { _ = windows.SetConsoleMode(h, mode) }
}

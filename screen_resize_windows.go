//go:build windows

package main

import tea "github.com/charmbracelet/bubbletea"

// watchResize does nothing on Windows: there is no SIGWINCH, and Bubble
// Tea reads the console's window-size events with its input and sends the
// program a tea.WindowSizeMsg itself.
func (s *screen) watchResize(p *tea.Program, stop <-chan struct{}) {}

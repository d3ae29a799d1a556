//go:build !windows

package main

import (
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
)

// watchResize sends the program the terminal's new size on every SIGWINCH
// until stop is closed.
func (s *screen) watchResize(p *tea.Program, stop <-chan struct{}) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	go func() {
		defer signal.Stop(ch)
		for {
			select {
			case <-stop:
				return
			case <-ch:
				if w, h := s.termSize(); w > 0 {
					p.Send(tea.WindowSizeMsg{Width: w, Height: h})
				}
			}
		}
	}()
}

// enableVT does nothing outside Windows: terminals there read escape
// sequences as they are.
func enableVT(*os.File) func() { return func() {} }

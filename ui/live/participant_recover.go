package live

import (
	tea "github.com/charmbracelet/bubbletea"
)

// safe runs a participant's program with its own recover: a panic in
// Update, View or a command never reaches Bubble Tea's handler, which
// would print the stack on the facilitator's screen (the process's
// standard output) and stop the program. The participant sees a short
// message instead and leaves with any key.
type safe struct{ m tea.Model }

// crashMsg says a command of the program panicked.
type crashMsg struct{}

// crashedText is what a participant sees after a panic.
const crashedText = "Something went wrong on this screen.\nNotes you shared are safe. Press any key to leave, then join again."

func (s safe) Init() (cmd tea.Cmd) {
	defer func() {
		if recover() != nil {
			cmd = func() tea.Msg { return crashMsg{} }
		}
	}()
	return guard(s.m.Init())
}

func (s safe) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(crashMsg); ok {
		return crashed{}, nil
	}
	defer func() {
		if recover() != nil {
			m, cmd = crashed{}, nil
		}
	}()
	inner, c := s.m.Update(msg)
	return safe{inner}, guard(c)
}

func (s safe) View() (out string) {
	defer func() {
		if recover() != nil {
			out = crashedText
		}
	}()
	return s.m.View()
}

// guard wraps a command (and each command of a batch it returns) so that
// a panic in it becomes a crashMsg.
func guard(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if recover() != nil {
				msg = crashMsg{}
			}
		}()
		msg = c()
		if b, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(b))
			for i, c := range b {
				out[i] = guard(c)
			}
			return out
		}
		return msg
	}
}

// crashed is the screen after a panic: any key leaves.
type crashed struct{}

func (crashed) Init() tea.Cmd { return nil }
func (crashed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		return crashed{}, tea.Quit
	}
	return crashed{}, nil
}
func (crashed) View() string { return crashedText }

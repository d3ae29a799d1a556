package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// Runner is a screen that runs one exercise of a live session. It saves
// through its Live (Commit) and redraws from Live's state when a SavedMsg
// or ChangedMsg arrives. While Typing, the app's own keys (timer, see-saw)
// are off so that every key reaches the input.
type Runner interface {
	tea.Model
	Typing() bool
	Exercise() *model.Exercise
}

// RunnerEnv is what a runner is built from.
type RunnerEnv struct {
	Live  *Live
	Ex    *model.Exercise
	Theme Theme
	Draft *model.Draft // typing recovered after a crash, to put back
}

// runnerKinds builds the runner of each exercise kind.
var runnerKinds = map[string]func(RunnerEnv) Runner{
	model.KindDiscussion: func(env RunnerEnv) Runner { return NewDiscussion(env) },
}

// NewRunner builds the runner for env's exercise, or nil if its kind has
// no runner.
func NewRunner(env RunnerEnv) Runner {
	if mk := runnerKinds[env.Ex.Kind]; mk != nil {
		return mk(env)
	}
	return nil
}

// closeRunnerMsg asks the app to close the runner and return to the slides.
type closeRunnerMsg struct{}

func closeRunner() tea.Msg { return closeRunnerMsg{} }

// openSeesawMsg asks the app for the full-screen see-saw.
type openSeesawMsg struct{}

// openParkingMsg asks the app for the parking lot.
type openParkingMsg struct{}

// stampClock gives the time shown as "saved ✓ hh:mm:ss"; tests fix it.
var stampClock = now

// saveState is what a runner's header says about saving.
type saveState struct {
	pending int
	err     error
	last    string // what was saved last
}

// note records a commit made.
func (s *saveState) note() { s.pending++ }

// done records a SavedMsg.
func (s *saveState) done(msg SavedMsg) {
	s.pending = max(s.pending-1, 0)
	s.err = msg.Err
	if msg.Err == nil {
		s.last = stampClock().Format("15:04:05")
	}
}

// view says whether everything typed is saved.
func (s saveState) view(t Theme) string {
	switch {
	case s.err != nil:
		return t.Danger.Render("NOT SAVED: " + s.err.Error())
	case s.pending > 0:
		return t.Warning.Render("saving…")
	case s.last != "":
		return t.Dim.Render("saved ✓ " + s.last)
	}
	return t.Dim.Render("nothing captured yet")
}

// runnerHeader is the first line of every runner: the exercise's id,
// title and kind on the left, the save state on the right.
func runnerHeader(t Theme, ex *model.Exercise, save saveState, w int) string {
	left := t.Heading.Render(fmt.Sprintf("%s · %s", ex.ID, model.SanitizeLine(ex.Title)))
	right := save.view(t)
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return lipgloss.NewStyle().MaxWidth(w).Render(left) + "\n" + lipgloss.NewStyle().MaxWidth(w).Render(right)
	}
	return left + strings.Repeat(" ", gap) + right
}

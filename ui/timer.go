package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// timerTickMsg is the timer's once-a-second wake-up; gen drops ticks of
// an earlier schedule.
type timerTickMsg struct{ gen int }

// bellMsg asks for the terminal bell.
type bellMsg struct{}

// Clock gives the time; tests replace it.
type Clock func() time.Time

// TimerView is the exercise timer: a wall-clock deadline
// kept in model.Timer, saved with the session after every change so that
// it survives a suspend, a resize and a restart. It ticks once a second
// while running and not at all otherwise.
type TimerView struct {
	T     model.Timer
	Big   bool // full screen
	keys  common.TimerKeys
	theme common.Theme
	clock Clock
	save  func([]byte) tea.Cmd // nil: not saved
	bar   progress.Model
	gen   int
	prev  time.Time // time of the last tick, for the bell
}

// NewTimerView builds an idle timer.
func NewTimerView(theme common.Theme, clock Clock) *TimerView {
	if clock == nil {
		clock = common.Now
	}
	bar := progress.New(progress.WithSolidFill(theme.ProgressOn), progress.WithoutPercentage())
	bar.EmptyColor = theme.ProgressOf
	bar.Full, bar.Empty = '█', '░'
	return &TimerView{keys: common.DefaultTimerKeys(), theme: theme, clock: clock, bar: bar}
}

// Keys returns the timer's bindings.
func (v *TimerView) Keys() common.TimerKeys { return v.keys }

// SetSaver makes the timer save its state with fn after every change.
func (v *TimerView) SetSaver(fn func([]byte) tea.Cmd) { v.save = fn }

// Restore loads a saved timer state and, if it is running, starts ticking.
func (v *TimerView) Restore(state []byte) tea.Cmd {
	var t model.Timer
	if err := json.Unmarshal(state, &t); err != nil {
		return nil
	}
	v.T = t
	return v.schedule()
}

// Active reports whether the timer has been started (running, paused or
// finished): the compact form is shown while it is.
func (v *TimerView) Active() bool { return v.T.Started }

// Prepare sets the timer up for an exercise, unless a timer is in use:
// it reports whether it did.
func (v *TimerView) Prepare(d time.Duration, label string) (bool, tea.Cmd) {
	if v.T.Started && !v.T.Finished(v.clock()) {
		return v.T.Label == label, nil
	}
	muted := v.T.Muted
	v.T = model.NewTimer(d, label)
	v.T.Muted = muted
	return true, v.changed()
}

// Update handles ticks and bell requests.
func (v *TimerView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case timerTickMsg:
		if msg.gen != v.gen {
			return nil
		}
		n := v.clock()
		var cmds []tea.Cmd
		if v.T.BellDue(v.prev, n) {
			cmds = append(cmds, func() tea.Msg { return bellMsg{} })
		}
		v.prev = n
		cmds = append(cmds, v.schedule())
		return tea.Batch(cmds...)
	case tea.ResumeMsg:
		return v.schedule()
	}
	return nil
}

// Key handles a timer key; ok is false if msg is not one.
func (v *TimerView) Key(msg tea.KeyMsg) (ok bool, cmd tea.Cmd) {
	n := v.clock()
	k := v.keys
	switch {
	case common.Matches(msg, k.StartPause):
		if v.T.Duration == 0 && !v.T.Started {
			v.T = model.NewTimer(10*time.Minute, "timer")
		}
		if v.T.Running {
			v.T.Pause(n)
		} else {
			v.T.Start(n)
		}
	case common.Matches(msg, k.Add):
		v.T.Add(time.Minute, n)
	case common.Matches(msg, k.Take):
		v.T.Add(-time.Minute, n)
	case common.Matches(msg, k.Reset):
		v.T.Reset()
	case common.Matches(msg, k.Mute):
		v.T.Muted = !v.T.Muted
	case common.Matches(msg, k.Big):
		v.Big = !v.Big
		return true, nil
	default:
		return false, nil
	}
	v.prev = n
	return true, v.changed()
}

// changed saves the state and reschedules the tick.
func (v *TimerView) changed() tea.Cmd {
	var save tea.Cmd
	if v.save != nil {
		if state, err := json.Marshal(v.T); err == nil {
			save = v.save(state)
		}
	}
	return tea.Batch(save, v.schedule())
}

// schedule arranges the next tick: at the next whole second of the time
// left while running, never while stopped.
func (v *TimerView) schedule() tea.Cmd {
	v.gen++
	d := v.T.NextTick(v.clock())
	if d <= 0 {
		return nil
	}
	gen := v.gen
	return common.Tick(d, func(time.Time) tea.Msg { return timerTickMsg{gen: gen} })
}

// marker is the text that tells the phase without colour.
func (v *TimerView) marker(n time.Time) (string, lipgloss.Style) {
	t := v.theme
	switch v.T.Phase(n) {
	case model.PhaseIdle:
		return "ready: t starts", t.Dim
	case model.PhasePaused:
		return "PAUSED", t.Warning
	case model.PhaseWarning:
		return "! 2 MINUTES LEFT", t.Warning
	case model.PhaseFinal:
		return "!! FINAL SECONDS", t.Danger
	case model.PhaseDone:
		return "■ TIME IS UP", t.Danger
	}
	return "running", t.Dim
}

// Bar is the compact form, one line of width w.
func (v *TimerView) Bar(w int) string {
	n := v.clock()
	mark, style := v.marker(n)
	bell := ""
	if v.T.Muted {
		bell = " · bell off"
	}
	left := fmt.Sprintf(" ⏱ %s ", v.T.Clock(n))
	right := fmt.Sprintf(" %s%s · %s", mark, bell, model.SanitizeLine(v.T.Label))
	barW := max(min(w/4, 30), 0)
	if w-lipgloss.Width(left)-barW-lipgloss.Width(right) < 0 {
		barW = 0
	}
	line := style.Render(left)
	if barW > 2 {
		v.bar.Width = barW
		line += v.bar.ViewAs(v.T.Fraction(n))
	}
	line += style.Render(right)
	return lipgloss.NewStyle().MaxWidth(w).Render(line)
}

// BigView is the full-screen timer: the exercise's name, big digits, a
// progress bar and the phase marker.
func (v *TimerView) BigView(w, h int) string {
	n := v.clock()
	mark, style := v.marker(n)
	// The digits grow with the window, to be read from the back of a
	// large room: the largest whole scale that leaves room for the rest.
	clock := v.T.Clock(n)
	plain := common.BigText(clock)
	sx, sy := common.BigScale(lipgloss.Width(plain), common.BigDigitsHeight, w-4, h-8)
	digits := common.BigTextScaled(clock, sx, sy)
	if lipgloss.Width(digits) > w-2 {
		digits = clock
	}
	v.bar.Width = max(min(w-8, max(60, lipgloss.Width(digits))), 4)
	help := "t start/pause · +/- a minute · R reset · M bell · T back"
	parts := []string{
		v.theme.Heading.Render(model.SanitizeLine(v.T.Label)),
		"",
		style.Render(digits),
		"",
		v.bar.ViewAs(v.T.Fraction(n)),
		style.Render(mark),
		"",
		v.theme.Footer.Render(help),
	}
	body := strings.Join(parts, "\n")
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, lipgloss.NewStyle().MaxWidth(w).Align(lipgloss.Center).Render(body))
}

package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
	"github.com/carehuddle/huddle/ui/session"
)

// seesawSideWidth is the width of the see-saw beside a slide.
func (p *Presenter) seesawSideWidth() int {
	if !p.seesaw || p.live == nil || p.width < runner.SeesawBesideMin {
		return 0
	}
	return p.width * 2 / 5
}

// slideW is the width slides are rendered at: the window, less the
// see-saw when it sits beside the slide.
func (p *Presenter) slideW() int {
	if side := p.seesawSideWidth(); side > 0 {
		return p.width - side - 1
	}
	return p.width
}

// maxMeasure is the widest a slide is set: on a wide window (200
// columns) lines longer than this are hard to follow from the back of a
// room, so the slide keeps this measure and is centred.
const maxMeasure = 104

// measure is the width slides are rendered at: the slide area, at most
// maxMeasure.
func (p *Presenter) measure() int { return min(p.slideW(), maxMeasure) }

// SetLive connects the presenter to the session it captures into.
func (p *Presenter) SetLive(l *session.Live) {
	p.live = l
	if l != nil {
		p.data = l.Data()
		s := p.data.Session
		if s.TeamName != "" {
			p.opts.Team = s.TeamName
		}
	}
}

// JumpTo moves to a saved position "module/slide" (slides count from 1).
func (p *Presenter) JumpTo(pos string) tea.Cmd {
	mod, num, _ := strings.Cut(pos, "/")
	mi := p.deck.ModuleByID(mod)
	if mi < 0 {
		return nil
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		n = 1
	}
	i := p.first[mi] + min(n, len(p.deck.Modules[mi].Slides)) - 1
	if p.width == 0 {
		p.cur = i
		return nil
	}
	return p.goTo(i, true)
}

// position is where the presenter is, as JumpTo takes it.
func (p *Presenter) position() string {
	ref := p.refs[p.cur]
	return fmt.Sprintf("%s/%d", p.deck.Modules[ref.Module].ID, ref.Slide+1)
}

// Typing reports whether keys go to an input.
func (p *Presenter) Typing() bool {
	return p.overlay == overlayGoTo || p.overlay == overlaySearch || p.overlay == overlayModules || p.confirmEnd
}

// sessionKey handles the keys that act on the live session.
func (p *Presenter) sessionKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case common.Matches(msg, k.Run):
		ref := p.refs[p.cur]
		if p.deck.Slide(ref).Exercise == nil {
			p.status = "this slide has no exercise"
			return nil, true
		}
		return func() tea.Msg { return openExerciseMsg{ref: ref} }, true
	case common.Matches(msg, k.Parking):
		return func() tea.Msg { return runner.OpenParkingMsg{} }, true
	case common.Matches(msg, k.FullSeesaw):
		return func() tea.Msg { return runner.OpenSeesawMsg{} }, true
	case common.Matches(msg, k.Seesaw):
		if p.live == nil {
			p.status = "the see-saw needs a session: start one from the home screen"
			return nil, true
		}
		p.seesaw = !p.seesaw
		if p.seesaw && p.width < runner.SeesawBesideMin {
			p.status = "the window is too narrow for the see-saw beside the slide: W shows it full screen"
		}
		p.layout()
		p.shown = -1
		return p.goTo(p.cur, true), true
	case common.Matches(msg, k.End):
		if p.live == nil {
			p.status = "no session is open"
			return nil, true
		}
		p.confirmEnd = true
		p.status = "End this session? It is saved either way; an ended session cannot be continued. y: end · any other key: keep going"
		return nil, true
	}
	return nil, false
}

func (p *Presenter) endKey(msg tea.KeyMsg) tea.Cmd {
	p.confirmEnd = false
	p.status = ""
	if common.KeyName(msg) != "y" {
		return nil
	}
	cmds := []tea.Cmd{p.savePosition(), func() tea.Msg { return endSessionMsg{} }}
	if p.opts.FromHome {
		cmds = append(cmds, func() tea.Msg { return BackHomeMsg{} })
	} else {
		cmds = append(cmds, tea.Quit)
	}
	return tea.Sequence(cmds...)
}

// positionSaveDelay is how long the presenter waits after a move before
// saving where it is: a run of moves is saved once, when it settles.
const positionSaveDelay = 400 * time.Millisecond

// positionSaveMsg asks the presenter to save where it is, if it has not
// moved again since (gen).
type positionSaveMsg struct{ gen int }

// positionLater saves where the presenter is once it stops moving, so
// that a crash or a Continue reopens at the slide shown, not where q was
// last pressed. One wait at a time: moves made while it runs only move
// the mark it saves. (A wait for every move kept a goroutine asleep per
// keypress: a fast walk through a deck held hundreds, 2 MB of stacks,
// the program's peak memory.)
func (p *Presenter) positionLater() tea.Cmd {
	if p.live == nil {
		return nil
	}
	p.posGen++
	if p.posWaiting {
		return nil
	}
	p.posWaiting = true
	return p.positionWait()
}

// positionWait waits positionSaveDelay for the latest move to settle.
func (p *Presenter) positionWait() tea.Cmd {
	gen := p.posGen
	return common.Tick(positionSaveDelay, func(time.Time) tea.Msg { return positionSaveMsg{gen: gen} })
}

// positionSettled is the end of a wait: the position is saved if no move
// came during it, or else the wait starts again for the latest.
func (p *Presenter) positionSettled(msg positionSaveMsg) tea.Cmd {
	if !p.posWaiting {
		return nil // not this presenter's wait
	}
	if msg.gen != p.posGen {
		return p.positionWait()
	}
	p.posWaiting = false
	return p.savePosition()
}

// savePosition saves where the presenter is, so that continuing the
// session comes back here.
func (p *Presenter) savePosition() tea.Cmd {
	if p.live == nil {
		return nil
	}
	s := p.live.Session()
	if s.Position == p.position() {
		return nil
	}
	s.Position = p.position()
	return p.live.Commit(model.Change{Op: model.OpSession, Session: s})
}

// quit leaves huddle; an open session stays open to be continued.
func (p *Presenter) quit() tea.Cmd {
	if save := p.savePosition(); save != nil {
		return tea.Sequence(save, tea.Quit)
	}
	return tea.Quit
}

// sessionChanged takes a saved or changed session.
func (p *Presenter) sessionChanged(msg tea.Msg) tea.Cmd {
	if p.live == nil {
		return nil
	}
	if m, ok := msg.(session.SavedMsg); ok && m.Err != nil {
		p.status = "NOT SAVED: " + m.Err.Error()
	}
	p.data = p.live.Data()
	return nil
}

// seesawSide is the see-saw panel beside the slide, h rows high.
func (p *Presenter) seesawSide(h int) string {
	w := p.seesawSideWidth()
	items := model.SeesawItems(&p.data, p.live.Exercises())
	return p.theme.Box.Width(w - 2).Height(max(h-2, 1)).MaxHeight(h).Render(runner.SeesawView(p.theme, items, w-4, h-2, ""))
}

// withSide puts the see-saw beside a slide view when it is on.
func (p *Presenter) withSide(v string, h int) string {
	if p.seesawSideWidth() == 0 {
		return v
	}
	v = lipgloss.NewStyle().Width(p.slideW()).Render(v)
	return lipgloss.JoinHorizontal(lipgloss.Top, v, " ", p.seesawSide(h))
}

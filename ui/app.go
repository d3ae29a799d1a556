// Package ui holds huddle's screens, composed by App: the home screen,
// the workshop set-up form, the presenter (slides, search, go to), the
// timer, review, recovery and carried actions. Exercises run in
// ui/runner, the open session lives in ui/session, and what every screen
// shares is in ui/common; imports go ui → runner → session → common.
package ui

import (
	"io"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
	"github.com/carehuddle/huddle/ui/session"
)

// Screen names what App starts on.
type Screen int

// Screens App can start on.
const (
	ScreenHome Screen = iota
	ScreenPresent
	ScreenReview
)

// openReviewMsg asks the app for the review screen.
type openReviewMsg struct{}

// startReflectMsg asks the app to start a solo reflection on Module 3.
type startReflectMsg struct{}

// Config is what the command line hands the UI.
type Config struct {
	Deck        *model.Deck
	Theme       common.Theme
	Profile     termenv.Profile
	Start       Screen
	Module      int    // for ScreenPresent: index of the module to open at
	ModuleID    string // the module as the user named it
	Team        string
	Facilitator string
	Kind        string       // session kind for ScreenPresent: workshop (default) or reflection
	Store       *store.Store // nil: present only, nothing is captured
	Clock       Clock        // nil: the wall clock
	Bell        io.Writer    // where the timer's bell goes; nil: no bell
	Room        RoomConfig   // the live room (off until asked for)
}

// App is the root model. It owns the current screen and the screens
// beneath it (the presenter under an exercise runner), the live session
// and its timer, and switches screens on typed messages.
type App struct {
	cfg     Config
	cache   *SlideCache
	screen  tea.Model
	stack   []tea.Model
	size    tea.WindowSizeMsg
	live    *session.Live
	ending  *session.Live // a session being ended: the home screen waits for its save
	liveErr string
	damage  string // the database failed its check: it is read-only, and this says why
	timer   *TimerView
	drafts  []model.Draft // recovered drafts still to offer
	room    roomHost      // the live room, when open
}

// NewApp builds the root model. The slide cache is created here, once,
// and shared by every presenter the app opens.
func NewApp(cfg Config) *App {
	if cfg.Kind == "" {
		cfg.Kind = model.SessionWorkshop
	}
	a := &App{cfg: cfg, cache: NewSlideCache(SlideBodies(cfg.Deck), cfg.Theme.Glamour, cfg.Profile)}
	a.timer = NewTimerView(cfg.Theme, cfg.Clock)
	switch {
	case cfg.Start == ScreenPresent:
		a.screen = a.newPresenter(cfg.Module, cfg.Team, cfg.Facilitator, false)
	case cfg.Start == ScreenReview && cfg.Store != nil:
		a.screen = NewReview(cfg.Store, cfg)
	default:
		a.screen = NewHome(cfg.Theme, cfg.Store != nil)
	}
	return a
}

func (a *App) newPresenter(module int, team, facilitator string, fromHome bool) *Presenter {
	return NewPresenter(a.cfg.Deck, a.cache, a.cfg.Theme, PresenterOptions{
		Module: module, Team: team, Facilitator: facilitator, FromHome: fromHome,
	})
}

// Init implements tea.Model.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.screen.Init()}
	if a.cfg.Store != nil {
		switch a.cfg.Start {
		case ScreenPresent:
			cmds = append(cmds, a.startSession(a.cfg.Module))
		case ScreenHome:
			cmds = append(cmds, homeLoadCmd(a.cfg.Store))
		}
		cmds = append(cmds, verifyCmd(a.cfg.Store)) // the backup follows a passed check
	}
	return tea.Batch(cmds...)
}

func (a *App) startSession(module int) tea.Cmd {
	id := ""
	if module >= 0 && module < len(a.cfg.Deck.Modules) {
		id = a.cfg.Deck.Modules[module].ID
	}
	return session.StartSessionCmd(a.cfg.Store, a.cfg.Deck, a.cfg.Kind, a.cfg.Team, a.cfg.Facilitator, id)
}

// Damage is the banner over a database that failed its check, or "".
func (a *App) Damage() string { return a.damage }

// Live is the open session, or nil.
func (a *App) Live() *session.Live { return a.live }

// Update implements tea.Model.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	return m, tea.Batch(cmd, a.roomAfterUpdate())
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if handled, cmd := a.roomUpdate(msg); handled {
		return a, cmd
	}
	if handled, cmd := a.session(msg); handled {
		return a, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.size = msg
		return a, a.resizeAll()
	case openSetupMsg:
		return a.switchTo(NewSetup(a.cfg.Deck, a.cfg.Theme, a.cfg.Team, a.cfg.Facilitator))
	case StartPresentMsg:
		a.cfg.Team, a.cfg.Facilitator = msg.Team, msg.Facilitator
		m, cmd := a.switchTo(a.newPresenter(msg.Module, msg.Team, msg.Facilitator, true))
		if a.cfg.Store != nil {
			cmd = tea.Batch(cmd, a.startSession(msg.Module))
		}
		return m, cmd
	case openReviewMsg:
		if a.cfg.Store == nil {
			return a, a.forward(common.StatusMsg{Text: "the review screens are not available"})
		}
		a.stack = nil
		return a.switchTo(NewReview(a.cfg.Store, a.cfg))
	case startReflectMsg:
		a.cfg.Kind, a.cfg.Team, a.cfg.Facilitator = model.SessionReflection, "", ""
		m3 := max(a.cfg.Deck.ModuleByID("m3"), 0)
		m, cmd := a.switchTo(a.newPresenter(m3, "", "", true))
		if a.cfg.Store != nil {
			cmd = tea.Batch(cmd, a.startSession(m3))
		}
		return m, cmd
	case continueMsg:
		return a, session.ContinueSessionCmd(a.cfg.Store, a.cfg.Deck, msg.id)
	case BackHomeMsg:
		a.stack = nil
		m, cmd := a.switchTo(NewHome(a.cfg.Theme, a.cfg.Store != nil))
		if a.cfg.Store != nil {
			cmd = tea.Batch(cmd, a.homeAfterEnd())
		}
		return m, cmd
	case runner.CloseRunnerMsg, runner.CloseScreenMsg:
		return a, a.pop()
	case slideRenderedMsg, positionSaveMsg:
		// A slide finished rendering, or the presenter's moves settled:
		// the presenter may be covered (by carried actions, a runner, the
		// parking lot); it must still know, or its slide stays blank when
		// it is uncovered, and where it is goes unsaved.
		return a, a.forwardAll(msg)
	case bellMsg:
		return a, a.ring()
	case timerTickMsg, tea.ResumeMsg:
		cmd := a.timer.Update(msg)
		if _, ok := msg.(tea.ResumeMsg); ok {
			return a, tea.Batch(cmd, a.forward(msg))
		}
		return a, cmd
	case tea.KeyMsg:
		if msg.Type == tea.KeyCtrlZ {
			// Suspend to the shell; the terminal is restored first and
			// taken back on fg, and the timer catches up on resume.
			return a, tea.Suspend
		}
		if cmd, ok := a.timerKey(msg); ok {
			return a, cmd
		}
	}
	return a, a.forward(msg)
}

// forwardAll hands a message to every screen, covered ones included.
func (a *App) forwardAll(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(a.stack)+1)
	for i := range a.stack {
		var cmd tea.Cmd
		a.stack[i], cmd = a.stack[i].Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(append(cmds, a.forward(msg))...)
}

// forward hands a message to the current screen.
func (a *App) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	a.screen, cmd = a.screen.Update(msg)
	return cmd
}

// typing reports whether the current screen is taking text.
func (a *App) typing() bool {
	if t, ok := a.screen.(interface{ Typing() bool }); ok {
		return t.Typing()
	}
	_, setup := a.screen.(*Setup)
	return setup
}

// timerKey gives the timer its keys while a session is open and nothing
// is being typed; the big timer takes every key.
func (a *App) timerKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if a.live == nil && !a.timer.Big {
		return nil, false
	}
	if a.timer.Big {
		if common.KeyName(msg) == "ctrl+c" {
			return tea.Quit, true
		}
		if ok, cmd := a.timer.Key(msg); ok {
			return tea.Batch(cmd, a.resizeAll()), true
		}
		a.timer.Big = false
		return a.resizeAll(), true
	}
	if a.typing() {
		return nil, false
	}
	wasShown := a.timerShown()
	ok, cmd := a.timer.Key(msg)
	if !ok {
		return nil, false
	}
	if a.timerShown() != wasShown {
		cmd = tea.Batch(cmd, a.resizeAll())
	}
	return cmd, true
}

// push opens s over the current screen.
func (a *App) push(s tea.Model) tea.Cmd {
	a.stack = append(a.stack, a.screen)
	_, cmd := a.switchTo(s)
	return cmd
}

// pop returns to the screen underneath, telling it the session may have
// changed while it was covered.
func (a *App) pop() tea.Cmd {
	if len(a.stack) == 0 {
		return nil
	}
	a.screen = a.stack[len(a.stack)-1]
	a.stack = a.stack[:len(a.stack)-1]
	if len(a.drafts) > 0 && a.live != nil {
		rest := a.drafts
		a.drafts = nil
		return a.push(NewRecovery(a.cfg.Theme, a.live, a.cfg.Deck, rest))
	}
	var v uint64
	if a.live != nil {
		v = a.live.Version()
	}
	return tea.Batch(a.resizeAll(), a.forward(session.ChangedMsg{Version: v}))
}

// switchTo makes s the current screen and gives it the window size.
func (a *App) switchTo(s tea.Model) (tea.Model, tea.Cmd) {
	a.screen = s
	init := s.Init()
	return a, tea.Batch(init, a.resizeAll())
}

// screenSize is the size the screens get: the window less the lines the
// app itself draws above them (the timer, a capture warning).
func (a *App) screenSize() tea.WindowSizeMsg {
	s := a.size
	s.Height -= a.topLines()
	return s
}

func (a *App) topLines() int {
	n := 0
	if a.timerShown() {
		n++
	}
	if a.liveErr != "" {
		n++
	}
	if a.damage != "" {
		n++
	}
	if a.roomOpen() {
		n++ // the room's line, at the foot
	}
	return n
}

// resizeAll tells every screen, current and underneath, its size.
func (a *App) resizeAll() tea.Cmd {
	if a.size.Width == 0 {
		return nil
	}
	s := a.screenSize()
	var cmds []tea.Cmd
	for i := range a.stack {
		var cmd tea.Cmd
		a.stack[i], cmd = a.stack[i].Update(s)
		cmds = append(cmds, cmd)
	}
	var cmd tea.Cmd
	a.screen, cmd = a.screen.Update(s)
	return tea.Batch(append(cmds, cmd)...)
}

// timerShown reports whether the compact timer is on screen: while a
// timer runs (or is paused or done), on every screen; on an exercise's
// runner also when its timer is set and waiting to start.
func (a *App) timerShown() bool {
	if a.timer.Active() {
		return true
	}
	_, isRunner := a.screen.(runner.Runner)
	return isRunner && a.timer.T.Duration > 0
}

// ring sounds the terminal bell.
func (a *App) ring() tea.Cmd {
	w := a.cfg.Bell
	if w == nil {
		return nil
	}
	return func() tea.Msg {
		_, _ = w.Write([]byte("\a"))
		return nil
	}
}

// View implements tea.Model.
func (a *App) View() string {
	if a.size.Width == 0 {
		return a.screen.View()
	}
	if a.timer.Big {
		return a.timer.BigView(a.size.Width, a.size.Height)
	}
	top := ""
	if a.damage != "" {
		top += a.cfg.Theme.Danger.MaxWidth(a.size.Width).MaxHeight(1).Render(a.damage) + "\n"
	}
	if a.liveErr != "" {
		top += a.cfg.Theme.Danger.MaxWidth(a.size.Width).Render("CAPTURE IS OFF: "+a.liveErr) + "\n"
	}
	if a.timerShown() {
		top += a.timer.Bar(a.size.Width) + "\n"
	}
	if !a.roomOpen() {
		return top + a.screen.View()
	}
	body := a.screen.View()
	if a.room.panel != nil {
		body = a.panelView(a.size.Width, a.size.Height-a.topLines())
	}
	return top + body + "\n" + a.roomLine(a.size.Width)
}

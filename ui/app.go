// Package ui holds huddle's Bubble Tea models: the home screen, the
// workshop set-up form and the presenter, composed by App.
package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
)

// Screen names what App starts on.
type Screen int

// Screens App can start on.
const (
	ScreenHome Screen = iota
	ScreenPresent
)

// Config is what the command line hands the UI.
type Config struct {
	Deck        *model.Deck
	Theme       Theme
	Profile     termenv.Profile
	Start       Screen
	Module      int    // for ScreenPresent: index of the module to open at
	ModuleID    string // the module as the user named it
	Team        string
	Facilitator string
}

// App is the root model: it owns the current screen and switches screens
// on typed messages (openSetupMsg, StartPresentMsg, BackHomeMsg).
type App struct {
	cfg    Config
	cache  *SlideCache
	screen tea.Model
	size   tea.WindowSizeMsg
}

// NewApp builds the root model. The slide cache is created here, once,
// and shared by every presenter the app opens.
func NewApp(cfg Config) *App {
	a := &App{cfg: cfg, cache: NewSlideCache(SlideBodies(cfg.Deck), cfg.Theme.Glamour, cfg.Profile)}
	if cfg.Start == ScreenPresent {
		a.screen = NewPresenter(cfg.Deck, a.cache, cfg.Theme, PresenterOptions{Module: cfg.Module, Team: cfg.Team, Facilitator: cfg.Facilitator})
	} else {
		a.screen = NewHome(cfg.Theme)
	}
	return a
}

// Init implements tea.Model.
func (a *App) Init() tea.Cmd { return a.screen.Init() }

// Update implements tea.Model.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.size = msg
	case openSetupMsg:
		return a.switchTo(NewSetup(a.cfg.Deck, a.cfg.Theme, a.cfg.Team, a.cfg.Facilitator))
	case StartPresentMsg:
		a.cfg.Team, a.cfg.Facilitator = msg.Team, msg.Facilitator
		return a.switchTo(NewPresenter(a.cfg.Deck, a.cache, a.cfg.Theme, PresenterOptions{
			Module: msg.Module, Team: msg.Team, Facilitator: msg.Facilitator, FromHome: true,
		}))
	case BackHomeMsg:
		return a.switchTo(NewHome(a.cfg.Theme))
	}
	var cmd tea.Cmd
	a.screen, cmd = a.screen.Update(msg)
	return a, cmd
}

// switchTo makes s the current screen and gives it the window size.
func (a *App) switchTo(s tea.Model) (tea.Model, tea.Cmd) {
	a.screen = s
	init := s.Init()
	var sizeCmd tea.Cmd
	if a.size.Width > 0 {
		a.screen, sizeCmd = a.screen.Update(a.size)
	}
	return a, tea.Batch(init, sizeCmd)
}

// View implements tea.Model.
func (a *App) View() string { return a.screen.View() }

package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// reviewPane is one view of the review screens: the sessions list, a
// session's minutes, a team's journey, the retention list. The review
// keeps them in a stack; the top one gets the keys, every one gets the
// other messages (each ignores what is not its own).
type reviewPane interface {
	init(r *Review) tea.Cmd
	update(r *Review, msg tea.Msg) tea.Cmd
	// view draws the pane in w×h cells.
	view(r *Review, w, h int) string
	// typing reports whether the pane takes text or a one-key answer, so
	// that ? is not taken for help.
	typing() bool
	help(r *Review) help.KeyMap
}

// Review is the review screen: past sessions, their minutes, a team's
// journey over time, its actions, and the retention list.
// Every read and write of the store runs in a tea.Cmd.
type Review struct {
	st        *store.Store
	cfg       Config
	theme     common.Theme
	keys      ReviewKeys
	exercises map[string]*model.Exercise
	minutes   *minutesCache
	exportDir string

	panes    []reviewPane
	width    int
	height   int
	help     help.Model
	showHelp bool
	status   string
	warn     bool
}

// reviewExportDir is where exports are written; tests point it elsewhere.
var reviewExportDir = "."

// NewReview builds the review screen on st.
func NewReview(st *store.Store, cfg Config) *Review {
	r := &Review{
		st:        st,
		cfg:       cfg,
		theme:     cfg.Theme,
		keys:      DefaultReviewKeys(),
		exercises: model.DeckExercises(cfg.Deck),
		minutes:   newMinutesCache(cfg.Theme.Glamour, cfg.Profile),
		exportDir: reviewExportDir,
		help:      help.New(),
	}
	r.help.Styles.ShortKey = r.theme.FooterKey
	r.help.Styles.FullKey = r.theme.FooterKey
	r.help.Styles.ShortDesc = r.theme.Footer
	r.help.Styles.FullDesc = r.theme.Footer
	r.help.Styles.ShortSeparator = r.theme.Footer
	r.help.Styles.FullSeparator = r.theme.Footer
	r.panes = []reviewPane{newReviewList()}
	return r
}

// Typing reports true: the review screens use their own keys, so the
// app's timer keys (t, +, -) never apply here.
func (r *Review) Typing() bool { return true }

// standalone reports whether review was started as `huddle review`, where
// leaving the top level quits rather than going home.
func (r *Review) standalone() bool { return r.cfg.Start == ScreenReview }

// backKey is esc at the top level, with q as well: back home, or quit.
func (r *Review) backKey() key.Binding {
	if r.standalone() {
		return key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", "quit"))
	}
	return key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", "home"))
}

// clock is the time now: the configured clock in tests.
func (r *Review) clock() time.Time {
	if r.cfg.Clock != nil {
		return r.cfg.Clock()
	}
	return common.Now()
}

// Init implements tea.Model.
func (r *Review) Init() tea.Cmd { return r.panes[0].init(r) }

func (r *Review) top() reviewPane { return r.panes[len(r.panes)-1] }

// push opens a pane over the current one.
func (r *Review) push(p reviewPane) tea.Cmd {
	r.panes = append(r.panes, p)
	r.showHelp = false
	return p.init(r)
}

// pop closes the current pane; at the top level it leaves the review.
func (r *Review) pop() tea.Cmd {
	r.showHelp = false
	if len(r.panes) == 1 {
		if r.standalone() {
			return tea.Quit
		}
		return func() tea.Msg { return BackHomeMsg{} }
	}
	r.panes = r.panes[:len(r.panes)-1]
	return nil
}

// popToList closes every pane above the sessions list.
func (r *Review) popToList() {
	r.panes = r.panes[:1]
	r.showHelp = false
}

// setStatus puts a message in the status line.
func (r *Review) setStatus(text string, warn bool) { r.status, r.warn = text, warn }

// Update implements tea.Model.
func (r *Review) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width, r.height = msg.Width, msg.Height
		r.help.Width = msg.Width
	case common.StatusMsg:
		r.setStatus(msg.Text, msg.Warn)
		return r, nil
	case sessionDeletedMsg:
		if msg.err != nil {
			r.setStatus("could not delete the session: "+msg.err.Error(), true)
			return r, nil
		}
		r.minutes.Forget(msg.id)
		r.popToList()
		r.setStatus(fmt.Sprintf("deleted %q: the deletion log keeps its date and title only", model.SanitizeLine(msg.title)), false)
		return r, r.panes[0].update(r, reviewChangedMsg{})
	case tea.KeyMsg:
		if common.KeyName(msg) == "ctrl+c" {
			return r, tea.Quit
		}
		top := r.top()
		if !top.typing() {
			r.status = ""
			if common.Matches(msg, r.keys.Help) {
				r.showHelp = !r.showHelp
				return r, nil
			}
		}
		return r, top.update(r, msg)
	}
	// Every pane sees the other messages; a pane may push or pop while
	// handling one, so the stack is copied first.
	var cmds []tea.Cmd
	for _, p := range append([]reviewPane(nil), r.panes...) {
		cmds = append(cmds, p.update(r, msg))
	}
	return r, tea.Batch(cmds...)
}

// View implements tea.Model.
func (r *Review) View() string {
	w, h := r.width, r.height
	if w == 0 {
		w, h = 80, 24
	}
	if w < common.MinWidth || h < common.MinHeight {
		return common.TooSmall(r.theme, w, h)
	}
	top := r.top()
	var foot []string
	if r.status != "" {
		st := r.theme.Accent
		if r.warn {
			st = r.theme.Warning
		}
		foot = append(foot, st.MaxWidth(w).Render(model.SanitizeLine(r.status)))
	}
	if r.showHelp {
		foot = append(foot, r.help.FullHelpView(top.help(r).FullHelp()))
	} else {
		foot = append(foot, r.help.ShortHelpView(top.help(r).ShortHelp()))
	}
	footer := strings.Join(foot, "\n")
	bodyH := max(h-lipgloss.Height(footer), 1)
	body := top.view(r, w, bodyH)
	body = fitHeight(body, bodyH)
	return body + "\n" + footer
}

// fitHeight pads or cuts s to exactly n lines.
func fitHeight(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

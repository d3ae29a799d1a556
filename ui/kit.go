package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
)

// kit is what the assessment, case study, allies map, case review and
// card sort runners share: the session's state, the capture input, the
// save state in the header, the status line, the help and the summary
// view (model.SummaryMarkdown rendered by glamour, scrolled with ↑/↓).
type kit struct {
	env     RunnerEnv
	help    help.Model
	data    model.SessionData
	input   CaptureInput
	save    saveState
	status  string
	full    bool // full help
	summary bool
	sumOff  int // summary scroll
	sumKey  [2]uint64
	sumText string
	width   int
	height  int
	confirm func() tea.Cmd // awaiting y (a delete)
}

func newKit(env RunnerEnv) kit {
	k := kit{env: env, help: help.New()}
	k.help.Styles.ShortKey = env.Theme.FooterKey
	k.help.Styles.ShortDesc = env.Theme.Footer
	k.help.Styles.FullKey = env.Theme.Accent
	k.input = NewCaptureInput(env.Theme, env.Live)
	k.refresh()
	return k
}

// kitKeys are the bindings every kit runner has.
type kitKeys struct {
	Summary key.Binding
	Help    key.Binding
	Back    key.Binding
	Quit    key.Binding
}

func defaultKitKeys() kitKeys {
	return kitKeys{
		Summary: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "summary")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to slides")),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

func (k kitKeys) list() []key.Binding { return []key.Binding{k.Summary, k.Help, k.Back, k.Quit} }

func (k *kit) ex() *model.Exercise { return k.env.Ex }

func (k *kit) refresh() {
	if k.env.Live != nil {
		k.data = k.env.Live.Data()
	}
}

// slot is a slot of this exercise.
func (k *kit) slot(group, field string) model.Slot {
	return model.Slot{Exercise: k.env.Ex.ID, Group: group, Field: field}
}

func (k *kit) draftKey(group, field string) string {
	if k.env.Live == nil {
		return ""
	}
	return k.env.Live.DraftKey(k.env.Ex.ID, group, field)
}

// commit saves a change and notes it in the header.
func (k *kit) commit(c model.Change) tea.Cmd {
	if k.env.Live == nil {
		k.status = "not saved: no session is open"
		return nil
	}
	k.save.note()
	return k.env.Live.Commit(c)
}

func (k *kit) typing() bool { return k.input.Active() || k.confirm != nil }

// common handles the messages every kit runner treats alike; handled is
// false for keys and anything else.
func (k *kit) common(msg tea.Msg) (handled bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		k.width, k.height = msg.Width, msg.Height
		k.help.Width = msg.Width
		k.input.SetWidth(msg.Width)
		return true, nil
	case SavedMsg:
		k.save.done(msg)
		k.refresh()
		return true, nil
	case ChangedMsg:
		k.refresh()
		return true, nil
	case statusMsg:
		k.status = msg.text
		return true, nil
	case tea.KeyMsg:
		return false, nil
	}
	if k.input.Active() {
		_, cmd := k.input.Update(msg)
		return true, cmd
	}
	return false, nil
}

// commonKey handles confirmation, help, summary, back and quit; handled
// is false for the runner's own keys.
func (k *kit) commonKey(msg tea.KeyMsg, keys kitKeys) (bool, tea.Cmd) {
	if k.confirm != nil {
		fn := k.confirm
		k.confirm = nil
		if keyName(msg) == "y" {
			return true, fn()
		}
		k.status = "kept"
		return true, nil
	}
	k.status = ""
	switch {
	case keyMatches(msg, keys.Back):
		if k.summary || k.full {
			k.summary, k.full = false, false
			return true, nil
		}
		return true, closeRunner
	case keyMatches(msg, keys.Quit):
		return true, tea.Quit
	case keyMatches(msg, keys.Help):
		k.full = !k.full
		return true, nil
	case keyMatches(msg, keys.Summary):
		k.summary, k.sumOff = !k.summary, 0
		return true, nil
	}
	if k.summary {
		switch keyName(msg) {
		case "up", "k":
			k.sumOff = max(k.sumOff-1, 0)
		case "down", "j":
			k.sumOff++
		case "pgup":
			k.sumOff = max(k.sumOff-10, 0)
		case "pgdown", " ":
			k.sumOff += 10
		}
		return true, nil
	}
	return false, nil
}

// ask asks before fn runs: y runs it, any other key keeps things.
func (k *kit) ask(question string, fn func() tea.Cmd) {
	k.confirm = fn
	k.status = question + " y: yes · any other key: no"
}

// frame draws a runner: header, body (or the summary or the full help),
// then the input or status and the short help.
func (k *kit) frame(title string, keyMap help.KeyMap, body func(w, h int) string) string {
	w, h := k.width, k.height
	if w == 0 || h == 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return tooSmall(k.env.Theme, w, h)
	}
	t := k.env.Theme
	head := runnerHeader(t, k.env.Ex, k.save, w)
	if k.full {
		k.help.ShowAll = true
		box := t.Box.Render(t.Heading.Render(title+" keys") + "\n" + k.help.FullHelpView(keyMap.FullHelp()))
		return head + "\n" + lipgloss.Place(w, max(h-lipgloss.Height(head), 1), lipgloss.Center, lipgloss.Center, box)
	}
	k.help.ShowAll = false
	var foot []string
	switch {
	case k.input.Active():
		foot = append(foot, k.input.View(w))
	case k.status != "":
		foot = append(foot, t.Warning.Width(w).Render(k.status))
	}
	// help.Model keeps adding items when even its "…" does not fit: cut.
	foot = append(foot, ansi.Truncate(k.help.ShortHelpView(keyMap.ShortHelp()), w, "…"))
	footer := strings.Join(foot, "\n")
	bodyH := max(h-lipgloss.Height(head)-lipgloss.Height(footer), 1)
	var b string
	if k.summary {
		b = k.summaryView(w, bodyH)
	} else {
		b = body(w, bodyH)
	}
	b = fitLines(b, w, bodyH)
	return head + "\n" + b + "\n" + footer
}

// window keeps the line at cursor visible in h lines.
func window(lines []string, cursor, h int) []string {
	if h <= 0 || len(lines) <= h {
		return lines
	}
	start := min(max(cursor-h/2, 0), len(lines)-h)
	return lines[start : start+h]
}

// summaryView is the exercise's Markdown summary, rendered once per
// change and width, scrolled.
func (k *kit) summaryView(w, h int) string {
	var v uint64
	if k.env.Live != nil {
		v = k.env.Live.Version()
	}
	if k.sumKey != [2]uint64{v, uint64(w)} || k.sumText == "" {
		md := model.SummaryMarkdown(k.env.Ex, &k.data)
		k.sumText = renderMarkdown(k.env.Theme, md, w)
		k.sumKey = [2]uint64{v, uint64(w)}
	}
	lines := strings.Split(k.sumText, "\n")
	k.sumOff = min(k.sumOff, max(len(lines)-h, 0))
	head := k.env.Theme.Heading.Render("Summary") + k.env.Theme.Dim.Render("  (↑/↓ scroll · S or esc: back)")
	return head + "\n" + strings.Join(lines[k.sumOff:], "\n")
}

// renderMarkdown renders a summary with the theme's glamour style.
func renderMarkdown(t Theme, md string, w int) string {
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(t.Glamour),
		glamour.WithColorProfile(lipgloss.ColorProfile()),
		glamour.WithWordWrap(max(w-2, 10)),
	)
	if err != nil {
		return md
	}
	s, err := r.Render(md)
	if err != nil {
		return md
	}
	return strings.Trim(s, "\n")
}

// mark puts the marker in front of the row under the cursor, so that
// the cursor never depends on colour alone.
func (k *kit) mark(selected bool, text string) string {
	if selected {
		return k.env.Theme.Selected.Render("▶ " + text)
	}
	return "  " + text
}

// saveState is what an old-engine runner's header says about saving.
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

// runnerHeader is the first line of an old-engine runner.
func runnerHeader(t Theme, ex *model.Exercise, save saveState, w int) string {
	left := t.Heading.Render(fmt.Sprintf("%s · %s", ex.ID, model.SanitizeLine(ex.Title)))
	right := save.view(t)
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return lipgloss.NewStyle().MaxWidth(w).Render(left) + "\n" + lipgloss.NewStyle().MaxWidth(w).Render(right)
	}
	return left + strings.Repeat(" ", gap) + right
}

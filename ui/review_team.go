package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// Messages of the team view.
type (
	teamLoadedMsg struct {
		teamID  string
		name    string
		points  []model.JourneyPoint // oldest first
		actions []model.ActionItem
		err     error
	}
	actionSavedMsg struct {
		action model.Action
		err    error
	}
)

// The team view's tabs.
const (
	teamTabJourney = iota
	teamTabActions
)

// reviewTeam is a team's journey: its workshop sessions over time, charted
// (continuum placements, see-saw balance, integration profile), and its
// actions, whose status can be changed here. Solo reflections are never
// shown in a team view.
type reviewTeam struct {
	teamID    string
	name      string
	sessionID string // a session of the team, to find it by when teamID is not known
	points    []model.JourneyPoint
	actions   actionList
	loaded    bool
	err       string
	tab       int
	scroll    int // first line of the journey shown
}

func newReviewTeam(teamID, name, sessionID string) *reviewTeam {
	return &reviewTeam{teamID: teamID, name: name, sessionID: sessionID}
}

func (v *reviewTeam) init(r *Review) tea.Cmd {
	return loadTeamCmd(r.st, r.exercises, v.teamID, v.sessionID, r.clock())
}

// loadTeamCmd reads a team's journey (store.TeamReport: its workshop
// sessions charted, and their actions in reading order as of today).
func loadTeamCmd(st *store.Store, exercises map[string]*model.Exercise, teamID, sessionID string, today time.Time) tea.Cmd {
	return func() tea.Msg {
		msg := teamLoadedMsg{teamID: teamID}
		if teamID == "" {
			s, err := st.GetSession(sessionID)
			if err != nil || s.TeamID == "" {
				msg.err = errors.Join(err, errors.New("the session has no team"))
				return msg
			}
			msg.teamID = s.TeamID
		}
		rep, err := st.TeamReport(msg.teamID, time.Time{}, time.Time{}, exercises, today)
		msg.name, msg.points, msg.actions, msg.err = rep.TeamName, rep.Points, rep.Actions, err
		return msg
	}
}

func (v *reviewTeam) typing() bool { return false }

func (v *reviewTeam) help(r *Review) help.KeyMap { return teamHelp{k: r.keys} }

func (v *reviewTeam) update(r *Review, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case teamLoadedMsg:
		if msg.teamID != v.teamID && v.teamID != "" {
			return nil
		}
		if v.teamID == "" && msg.teamID == "" {
			v.err = "could not open the team: " + msg.err.Error()
			return nil
		}
		v.teamID = msg.teamID
		if msg.name != "" {
			v.name = msg.name
		}
		if msg.points == nil && msg.err != nil && !errors.Is(msg.err, store.ErrRecordDamaged) {
			v.err = "could not open the team: " + msg.err.Error()
			return nil
		}
		if msg.err != nil {
			r.setStatus(damageText(msg.err), true)
		}
		v.points, v.actions.items, v.loaded = msg.points, msg.actions, true
	case actionSavedMsg:
		if msg.err != nil {
			r.setStatus("action not saved: "+msg.err.Error(), true)
			return nil
		}
		if v.actions.saved(msg.action) && r.top() == reviewPane(v) {
			r.setStatus("saved ✓ “"+ansi.Truncate(model.SanitizeLine(msg.action.Text), 40, "…")+"” is "+msg.action.Status, false)
		}
	case tea.KeyMsg:
		return v.key(r, msg)
	}
	return nil
}

func (v *reviewTeam) key(r *Review, msg tea.KeyMsg) tea.Cmd {
	k := r.keys
	if common.Matches(msg, k.Back) {
		return r.pop()
	}
	if common.Matches(msg, k.Tab) {
		v.tab = 1 - v.tab
		return nil
	}
	if v.tab == teamTabJourney {
		switch {
		case common.Matches(msg, k.Up):
			v.scroll--
		case common.Matches(msg, k.Down):
			v.scroll++
		case common.Matches(msg, k.PageUp):
			v.scroll -= 10
		case common.Matches(msg, k.PageDown):
			v.scroll += 10
		case common.Matches(msg, k.Top):
			v.scroll = 0
		}
		v.scroll = max(v.scroll, 0)
		return nil
	}
	// The status keys come first: space changes a status here, it does
	// not turn the page.
	cmd, _ := v.actions.key(r, msg)
	return cmd
}

// nextStatus cycles open → done → dropped → open.
func nextStatus(s string) string {
	switch s {
	case model.ActionOpen, "":
		return model.ActionDone
	case model.ActionDone:
		return model.ActionDropped
	}
	return model.ActionOpen
}

// putActionCmd saves an action at once.
func putActionCmd(st *store.Store, a model.Action) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.PutAction(a)
		return actionSavedMsg{action: saved, err: err}
	}
}

func (v *reviewTeam) view(r *Review, w, h int) string {
	t := r.theme
	if v.err != "" {
		return t.Warning.MaxWidth(w).Render(v.err)
	}
	head := t.Heading.MaxWidth(w).Render("Team · "+model.SanitizeLine(v.name)) + "\n"
	if !v.loaded {
		return head + t.Dim.Render("reading the team's sessions…")
	}
	open, _ := v.actions.counts(r.clock())
	tabs := []string{"Journey", "Actions (" + strconv.Itoa(open) + " open of " + strconv.Itoa(len(v.actions.items)) + ")"}
	for i := range tabs {
		if i == v.tab {
			tabs[i] = t.Selected.Render("[" + tabs[i] + "]")
		} else {
			tabs[i] = t.Dim.Render(" " + tabs[i] + " ")
		}
	}
	head += strings.Join(tabs, "  ") + t.Dim.Render("   tab switches · "+strconv.Itoa(len(v.points))+" workshop sessions") + "\n"
	bodyH := max(h-3, 1)
	var body string
	if v.tab == teamTabJourney {
		body = v.journeyView(r, w, bodyH)
	} else {
		body = v.actionsView(r, w, bodyH)
	}
	return head + "\n" + body
}

// journeyLines is the whole journey: the three charts.
func (v *reviewTeam) journeyLines(r *Review, w int) []string {
	t := r.theme
	if len(v.points) == 0 {
		return []string{t.Dim.Render("This team has no workshop sessions yet.")}
	}
	var lines []string
	section := func(title string, body []string) {
		lines = append(lines, t.Accent.Render(title))
		lines = append(lines, body...)
		lines = append(lines, "")
	}
	note := ""
	if n := chartColumns(w); len(v.points) > n {
		note = " (the last " + strconv.Itoa(n) + " of " + strconv.Itoa(len(v.points)) + " sessions)"
	}
	tnote := ""
	if n := trendColumns(w); len(v.points) > n {
		tnote = " (the last " + strconv.Itoa(n) + " of " + strconv.Itoa(len(v.points)) + ")"
	}
	section("Continuum over time: the mean placement of each session"+tnote, continuumTrendChart(v.points, w))
	section("See-saw over time: the tilt of each session (+ leans to the positives)"+tnote, seesawTrendChart(v.points, w))
	section("Continuum: where each group placed the team (1 attached, 2 aligned, 3 embedded)"+note, continuumChart(v.points, w))
	section("See-saw: weight of positives (+) and challenges (−) per session", seesawChart(v.points, w))
	section("Integration profile: nearest profile of the assessment (I-A)"+note, integrationChart(v.points, w))
	return lines
}

func (v *reviewTeam) journeyView(r *Review, w, h int) string {
	lines := v.journeyLines(r, w)
	v.scroll = min(v.scroll, max(len(lines)-h, 0))
	lines = lines[v.scroll:]
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return strings.Join(lines, "\n")
}

func (v *reviewTeam) actionsView(r *Review, w, h int) string {
	if len(v.actions.items) == 0 {
		return r.theme.Dim.Render("No actions were agreed in this team's workshops.")
	}
	return v.actions.view(r, w, h)
}

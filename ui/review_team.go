package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// Messages of the team view.
type (
	teamLoadedMsg struct {
		teamID  string
		name    string
		points  []model.JourneyPoint // oldest first
		actions []teamAction
		err     error
	}
	actionSavedMsg struct {
		action model.Action
		err    error
	}
)

// teamAction is an action of the team with the start of its session.
type teamAction struct {
	a    model.Action
	when time.Time
}

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
	actions   []teamAction
	loaded    bool
	err       string
	tab       int
	scroll    int // first line of the journey shown
	cursor    int // selected action
	offset    int
}

func newReviewTeam(teamID, name, sessionID string) *reviewTeam {
	return &reviewTeam{teamID: teamID, name: name, sessionID: sessionID}
}

func (v *reviewTeam) init(r *Review) tea.Cmd {
	return loadTeamCmd(r.st, r.exercises, v.teamID, v.sessionID)
}

// loadTeamCmd reads a team's workshop sessions, their data and actions.
func loadTeamCmd(st *store.Store, exercises map[string]*model.Exercise, teamID, sessionID string) tea.Cmd {
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
		team, err := st.Team(msg.teamID)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.name = team.Name
		list, err := st.TeamSessions(msg.teamID)
		var damaged []error
		if err != nil && !errors.Is(err, store.ErrRecordDamaged) {
			msg.err = err
			return msg
		}
		damaged = append(damaged, err)
		var perSession [][]teamAction
		for i := len(list) - 1; i >= 0; i-- { // oldest first
			s := list[i]
			if s.Kind != model.SessionWorkshop {
				continue
			}
			d, err := st.SessionData(s.ID)
			if err != nil && d.Session.ID == "" {
				damaged = append(damaged, err)
				continue
			}
			damaged = append(damaged, err)
			msg.points = append(msg.points, model.JourneyPointOf(d, exercises))
			var acts []teamAction
			for _, a := range d.Actions {
				acts = append(acts, teamAction{a: a, when: s.Started})
			}
			perSession = append(perSession, acts)
		}
		// The newest session's actions first, each session's in the order made.
		for i := len(perSession) - 1; i >= 0; i-- {
			msg.actions = append(msg.actions, perSession[i]...)
		}
		if err := errors.Join(damaged...); err != nil {
			msg.err = err
		}
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
		v.points, v.actions, v.loaded = msg.points, msg.actions, true
	case actionSavedMsg:
		if msg.err != nil {
			r.setStatus("action not saved: "+msg.err.Error(), true)
			return nil
		}
		for i := range v.actions {
			if v.actions[i].a.ID == msg.action.ID && v.actions[i].a.SessionID == msg.action.SessionID {
				v.actions[i].a = msg.action
				r.setStatus("saved ✓ “"+ansi.Truncate(model.SanitizeLine(msg.action.Text), 40, "…")+"” is "+msg.action.Status, false)
			}
		}
	case tea.KeyMsg:
		return v.key(r, msg)
	}
	return nil
}

func (v *reviewTeam) key(r *Review, msg tea.KeyMsg) tea.Cmd {
	k := r.keys
	if key.Matches(msg, k.Back) {
		return r.pop()
	}
	if key.Matches(msg, k.Tab) {
		v.tab = 1 - v.tab
		return nil
	}
	if v.tab == teamTabJourney {
		switch {
		case key.Matches(msg, k.Up):
			v.scroll--
		case key.Matches(msg, k.Down):
			v.scroll++
		case key.Matches(msg, k.PageUp):
			v.scroll -= 10
		case key.Matches(msg, k.PageDown):
			v.scroll += 10
		case key.Matches(msg, k.Top):
			v.scroll = 0
		}
		v.scroll = max(v.scroll, 0)
		return nil
	}
	// The status keys come first: space changes a status here, it does
	// not turn the page.
	if v.cursor >= len(v.actions) {
		return nil
	}
	cur := v.actions[v.cursor].a
	status := ""
	switch {
	case key.Matches(msg, k.Cycle):
		status = nextStatus(cur.Status)
	case key.Matches(msg, k.SetOpen):
		status = model.ActionOpen
	case key.Matches(msg, k.SetDone):
		status = model.ActionDone
	case key.Matches(msg, k.SetDrop):
		status = model.ActionDropped
	default:
		moveCursor(msg, k, &v.cursor, len(v.actions), 10)
		return nil
	}
	if status == cur.Status {
		return nil
	}
	cur.Status = status
	return putActionCmd(r.st, cur)
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

func (v *reviewTeam) openCount() int {
	n := 0
	for _, a := range v.actions {
		if a.a.Status == model.ActionOpen || a.a.Status == "" {
			n++
		}
	}
	return n
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
	tabs := []string{"Journey", "Actions (" + strconv.Itoa(v.openCount()) + " open of " + strconv.Itoa(len(v.actions)) + ")"}
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
	t := r.theme
	if len(v.actions) == 0 {
		return t.Dim.Render("No actions were agreed in this team's workshops.")
	}
	owner, due, from := 14, 16, 16
	text := max(w-2-11-owner-due-from-4, 10)
	lines := []string{t.Dim.Render("  " + cell("STATUS", 11) + cell("ACTION", text) + " " + cell("OWNER", owner) + " " +
		cell("DUE", due) + " " + cell("SESSION", from))}
	visible := max(h-1, 1)
	v.offset = scrollTo(v.cursor, v.offset, visible)
	for i := v.offset; i < len(v.actions) && i < v.offset+visible; i++ {
		a := v.actions[i].a
		status := a.Status
		if status == "" {
			status = model.ActionOpen
		}
		d := "-"
		if !a.Due.IsZero() {
			d = "due " + a.Due.Format(dateLayout)
		}
		o := a.Owner
		if strings.TrimSpace(o) == "" {
			o = "-"
		}
		row := marker(i == v.cursor) + cell("["+status+"]", 11) + cell(a.Text, text) + " " + cell(o, owner) + " " +
			cell(d, due) + " " + cell(v.actions[i].when.Format(dateLayout), from)
		if i == v.cursor {
			row = t.Selected.Render(row)
		} else if status != model.ActionOpen {
			row = t.Dim.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

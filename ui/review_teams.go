package ui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// teamsLoadedMsg carries every team's summary.
type teamsLoadedMsg struct {
	sums []model.TeamSummary
	err  error
}

// reviewTeams puts the teams side by side, for someone who leads several:
// each team's last workshop, the trend of its continuum placements and of
// its see-saw over its latest workshops, and its open and overdue
// actions. Enter opens a team's journey, a its actions.
type reviewTeams struct {
	sums   []model.TeamSummary
	cursor int
	first  int
	loaded bool
	err    string
}

func newReviewTeams() *reviewTeams { return &reviewTeams{} }

func (v *reviewTeams) init(r *Review) tea.Cmd {
	st, exercises, today := r.st, r.exercises, r.clock()
	return func() tea.Msg {
		sums, err := st.TeamSummaries(exercises, today)
		return teamsLoadedMsg{sums: sums, err: err}
	}
}

func (v *reviewTeams) typing() bool { return false }

func (v *reviewTeams) help(r *Review) help.KeyMap { return teamsHelp{k: r.keys} }

func (v *reviewTeams) update(r *Review, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case teamsLoadedMsg:
		if msg.sums == nil && msg.err != nil && !errors.Is(msg.err, store.ErrRecordDamaged) {
			v.err = "could not read the teams: " + msg.err.Error()
			return nil
		}
		if msg.err != nil {
			r.setStatus(damageText(msg.err), true)
		}
		v.sums, v.loaded = msg.sums, true
	case actionSavedMsg:
		// A status changed in a view opened from here: count again.
		if msg.err == nil && v.loaded {
			return v.init(r)
		}
	case tea.KeyMsg:
		k := r.keys
		switch {
		case common.Matches(msg, k.Back):
			return r.pop()
		case v.cursor < len(v.sums) && common.Matches(msg, k.Open):
			s := v.sums[v.cursor]
			return r.push(newReviewTeam(s.Team.ID, s.Team.Name, ""))
		case v.cursor < len(v.sums) && common.Matches(msg, k.Actions):
			return r.push(newReviewActions(v.sums[v.cursor].Team.ID))
		default:
			moveCursor(msg, k, &v.cursor, len(v.sums), 5)
		}
	}
	return nil
}

// teamLines are one team's lines at width w: its name and sessions, then
// its trends and actions, wrapped.
func teamLines(s model.TeamSummary, w int) []string {
	last := "no workshops yet"
	if s.Sessions > 0 {
		last = common.Plural(s.Sessions, "workshop", "workshops") + " · last " + s.Last.Format(dateLayout)
	}
	first := model.SanitizeLine(s.Team.Name) + "  " + last
	facts := "continuum " + s.ContinuumTrend() + " · see-saw " + s.SeesawTrend() + " · actions " +
		strconv.Itoa(s.Open) + " open, " + strconv.Itoa(s.Overdue) + " overdue"
	lines := []string{ansi.Truncate(first, w-2, "…")}
	for _, l := range strings.Split(ansi.Wrap(facts, max(w-4, 20), ""), "\n") {
		lines = append(lines, "  "+strings.TrimRight(l, " "))
	}
	return lines
}

func (v *reviewTeams) view(r *Review, w, h int) string {
	t := r.theme
	if v.err != "" {
		return t.Warning.MaxWidth(w).Render(v.err)
	}
	head := t.Heading.MaxWidth(w).Render("Teams side by side") + "\n"
	if !v.loaded {
		return head + t.Dim.Render("reading the teams…")
	}
	if len(v.sums) == 0 {
		return head + t.Dim.Render("There are no teams yet: a workshop with a team name makes one.")
	}
	head += t.Dim.Render(ansi.Truncate("trends over the last "+strconv.Itoa(store.TeamSummaryRecent)+
		" workshops, oldest first: continuum 1–3, see-saw tilt (+ positives)", w, "…")) + "\n\n"
	bodyH := max(h-3, 1)
	v.cursor = min(max(v.cursor, 0), len(v.sums)-1)
	v.first = min(v.first, v.cursor)
	for v.first < v.cursor {
		n := 0
		for i := v.first; i <= v.cursor; i++ {
			n += len(teamLines(v.sums[i], w)) + 1
		}
		if n-1 <= bodyH {
			break
		}
		v.first++
	}
	var lines []string
	for i := v.first; i < len(v.sums) && len(lines) < bodyH; i++ {
		block := teamLines(v.sums[i], w)
		for j, l := range block {
			if j == 0 {
				l = marker(i == v.cursor) + l
			} else {
				l = "  " + l
			}
			switch {
			case i == v.cursor:
				l = t.Selected.Render(l)
			case j == 0:
				l = t.Accent.Render(l)
			case v.sums[i].Overdue > 0:
				l = t.Warning.Render(l)
			}
			lines = append(lines, l)
		}
		lines = append(lines, "")
	}
	if len(lines) > bodyH {
		lines = lines[:bodyH]
	}
	return head + strings.Join(lines, "\n")
}

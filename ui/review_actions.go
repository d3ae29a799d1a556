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

// actionsLoadedMsg carries the actions of every session, or of one team's
// workshops, and the teams to choose from.
type actionsLoadedMsg struct {
	teamID string
	items  []model.ActionItem
	teams  []model.Team
	err    error
}

// The actions screen's filters, in the order f steps through them.
const (
	actionsAll = iota
	actionsOpen
	actionsOverdue
)

var actionsFilterNames = [...]string{"all", "open", "overdue"}

// reviewActions is every action across sessions, of all teams or one,
// overdue first, each shown whole; the status of the selected one can be
// changed here.
type reviewActions struct {
	teamID  string // "" for every team
	teams   []model.Team
	filter  int
	all     []model.ActionItem // as loaded, in reading order
	list    actionList         // those the filter keeps
	loaded  bool
	err     string
	loading string // the team being loaded, to drop a late answer
}

func newReviewActions(teamID string) *reviewActions {
	return &reviewActions{teamID: teamID, loading: teamID}
}

func (v *reviewActions) init(r *Review) tea.Cmd { return loadActionsCmd(r.st, v.teamID) }

func loadActionsCmd(st *store.Store, teamID string) tea.Cmd {
	return func() tea.Msg {
		items, err := st.ActionItems(teamID)
		teams, terr := st.Teams()
		return actionsLoadedMsg{teamID: teamID, items: items, teams: teams, err: errors.Join(err, terr)}
	}
}

func (v *reviewActions) typing() bool { return false }

func (v *reviewActions) help(r *Review) help.KeyMap { return actionsHelp{k: r.keys} }

func (v *reviewActions) update(r *Review, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case actionsLoadedMsg:
		if msg.teamID != v.loading {
			return nil
		}
		if msg.items == nil && msg.err != nil && !errors.Is(msg.err, store.ErrRecordDamaged) {
			v.err = "could not read the actions: " + msg.err.Error()
			return nil
		}
		if msg.err != nil && r.top() == reviewPane(v) {
			r.setStatus(damageText(msg.err), true)
		}
		model.SortActionItems(msg.items, r.clock())
		v.all, v.teams, v.loaded = msg.items, msg.teams, true
		v.refilter(r)
	case actionSavedMsg:
		if msg.err != nil {
			return nil // the view that saved it says so
		}
		for i := range v.all {
			if v.all[i].ID == msg.action.ID && v.all[i].SessionID == msg.action.SessionID {
				v.all[i].Action = msg.action
			}
		}
		if v.list.saved(msg.action) && r.top() == reviewPane(v) {
			r.setStatus("saved ✓ “"+ansi.Truncate(model.SanitizeLine(msg.action.Text), 40, "…")+"” is "+msg.action.Status, false)
		}
	case tea.KeyMsg:
		return v.key(r, msg)
	}
	return nil
}

// refilter shows the loaded actions the filter keeps.
func (v *reviewActions) refilter(r *Review) {
	f := model.ActionFilter{Open: v.filter == actionsOpen, Overdue: v.filter == actionsOverdue}
	today := r.clock()
	v.list.items = v.list.items[:0]
	for _, it := range v.all {
		if f.Keep(it.Action, today) {
			v.list.items = append(v.list.items, it)
		}
	}
	v.list.cursor, v.list.first = 0, 0
}

func (v *reviewActions) key(r *Review, msg tea.KeyMsg) tea.Cmd {
	k := r.keys
	switch {
	case common.Matches(msg, k.Back):
		return r.pop()
	case common.Matches(msg, k.Filter):
		v.filter = (v.filter + 1) % len(actionsFilterNames)
		v.refilter(r)
		return nil
	case common.Matches(msg, k.NextTeam), common.Matches(msg, k.PrevTeam):
		if len(v.teams) == 0 {
			return nil
		}
		idx := -1
		for i, t := range v.teams {
			if t.ID == v.teamID {
				idx = i
			}
		}
		step := 1
		if common.Matches(msg, k.PrevTeam) {
			step = -1
		}
		n := len(v.teams) + 1
		idx = (idx+1+step+n)%n - 1
		v.teamID = ""
		if idx >= 0 {
			v.teamID = v.teams[idx].ID
		}
		v.loading, v.loaded = v.teamID, false
		return loadActionsCmd(r.st, v.teamID)
	}
	cmd, _ := v.list.key(r, msg)
	return cmd
}

func (v *reviewActions) teamName() string {
	for _, t := range v.teams {
		if t.ID == v.teamID {
			return model.SanitizeLine(t.Name)
		}
	}
	if v.teamID == "" {
		return "all teams"
	}
	return "one team"
}

func (v *reviewActions) view(r *Review, w, h int) string {
	t := r.theme
	if v.err != "" {
		return t.Warning.MaxWidth(w).Render(v.err)
	}
	head := t.Heading.MaxWidth(w).Render("Actions · "+v.teamName()) + "\n"
	if !v.loaded {
		return head + t.Dim.Render("reading the actions…")
	}
	open, overdue := v.list.counts(r.clock())
	if v.filter != actionsAll {
		// The numbers are of all the team's actions, not the filtered ones.
		open, overdue = 0, 0
		for _, it := range v.all {
			if model.NormalStatus(it.Status) == model.ActionOpen {
				open++
			}
			if model.ActionOverdue(it.Action, r.clock()) {
				overdue++
			}
		}
	}
	var sum strings.Builder
	sum.WriteString("showing " + actionsFilterNames[v.filter] + " (f) · " + strconv.Itoa(len(v.all)) + " actions, ")
	sum.WriteString(strconv.Itoa(open) + " open, " + strconv.Itoa(overdue) + " overdue · overdue first")
	head += t.Dim.Render(ansi.Truncate(sum.String(), w, "…")) + "\n\n"
	if len(v.list.items) == 0 {
		msg := "No actions."
		if v.filter != actionsAll {
			msg = "No " + actionsFilterNames[v.filter] + " actions."
		}
		return head + t.Dim.Render(msg)
	}
	return head + v.list.view(r, w, max(h-3, 1))
}

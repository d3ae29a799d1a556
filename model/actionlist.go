package model

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// ActionItem is an action with what a list across sessions needs of its
// session: the title, when it started and the team.
type ActionItem struct {
	Action
	SessionTitle   string
	SessionStarted time.Time
	TeamName       string
}

// NormalStatus is an action's status, open when none is recorded.
func NormalStatus(status string) string {
	if status == "" {
		return ActionOpen
	}
	return status
}

// ActionOverdue reports whether an action is open with a due date before
// today's date (an action due today is not overdue yet).
func ActionOverdue(a Action, today time.Time) bool {
	if NormalStatus(a.Status) != ActionOpen || a.Due.IsZero() {
		return false
	}
	y, m, d := today.Date()
	dy, dm, dd := a.Due.Date()
	return time.Date(dy, dm, dd, 0, 0, 0, 0, time.UTC).Before(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// actionRank orders the statuses of a list: overdue, open, done, dropped.
func actionRank(a Action, today time.Time) int {
	switch {
	case ActionOverdue(a, today):
		return 0
	case NormalStatus(a.Status) == ActionOpen:
		return 1
	case a.Status == ActionDone:
		return 2
	}
	return 3
}

// SortActionItems orders actions for a list a team lead reads: overdue
// ones first (the longest overdue first), then the other open ones by due
// date (those without one after), then done, then dropped; within these,
// the newest session first and each session's actions in the order made.
func SortActionItems(items []ActionItem, today time.Time) {
	slices.SortStableFunc(items, func(a, b ActionItem) int {
		ra, rb := actionRank(a.Action, today), actionRank(b.Action, today)
		if ra != rb {
			return ra - rb
		}
		if ra <= 1 && !a.Due.Equal(b.Due) {
			switch {
			case a.Due.IsZero():
				return 1
			case b.Due.IsZero():
				return -1
			}
			return a.Due.Compare(b.Due)
		}
		if c := b.SessionStarted.Compare(a.SessionStarted); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// ActionFilter narrows a list of actions: Open keeps open ones, Overdue
// only overdue ones.
type ActionFilter struct {
	Open    bool
	Overdue bool
}

// Keep reports whether an action passes the filter.
func (f ActionFilter) Keep(a Action, today time.Time) bool {
	switch {
	case f.Overdue:
		return ActionOverdue(a, today)
	case f.Open:
		return NormalStatus(a.Status) == ActionOpen
	}
	return true
}

// StatusLabel is an action's status as lists show it: "OVERDUE" for an
// overdue one, else its status.
func StatusLabel(a Action, today time.Time) string {
	if ActionOverdue(a, today) {
		return "OVERDUE"
	}
	return NormalStatus(a.Status)
}

// ActionsCSVHeader is the header row of the actions CSV.
var ActionsCSVHeader = []string{"Team", "Session ID", "Session", "Session date", "Action ID", "Action", "Owner", "Due", "Review", "Status", "Overdue"}

// ActionsCSV renders actions one a row, in the CSV form of the session
// export: UTF-8 with a byte order mark, CRLF, every cell sanitised and
// inert.
func ActionsCSV(items []ActionItem, today time.Time) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	row := func(cells ...string) {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = CSVCell(c)
		}
		w.Write(out) // a bytes.Buffer does not fail
	}
	row(ActionsCSVHeader...)
	for _, it := range items {
		overdue := ""
		if ActionOverdue(it.Action, today) {
			overdue = "yes"
		}
		row(it.TeamName, it.SessionID, it.SessionTitle, timeCell(it.SessionStarted, csvDateLayout), it.ID, it.Text, it.Owner,
			timeCell(it.Due, csvDateLayout), timeCell(it.Review, csvDateLayout), NormalStatus(it.Status), overdue)
	}
	w.Flush()
	return buf.Bytes()
}

// actionJSON is one action of the actions JSON.
type actionJSON struct {
	Action
	Session        string    `json:"session_title"`
	SessionStarted time.Time `json:"session_started"`
	Team           string    `json:"team_name,omitempty"`
	Overdue        bool      `json:"overdue"`
}

// ActionsJSON renders actions as a JSON array: each action as stored, with
// its session's title, start and team and whether it is overdue. Like the
// session export, text is not sanitised: a program that shows it must.
func ActionsJSON(items []ActionItem, today time.Time) []byte {
	out := make([]actionJSON, len(items))
	for i, it := range items {
		out[i] = actionJSON{Action: it.Action, Session: it.SessionTitle, SessionStarted: it.SessionStarted,
			Team: it.TeamName, Overdue: ActionOverdue(it.Action, today)}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out) // plain data: cannot fail
	return buf.Bytes()
}

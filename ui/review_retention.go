package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// Messages of the retention view.
type (
	retentionListMsg struct {
		months   int
		first    bool // the first list, at the period the store remembers
		sessions []model.Session
		err      error
	}
	retentionDeletedMsg struct {
		deleted int
		erasure string // what the rewrite did, backups included
		err     error
	}
)

// reviewRetention lists the sessions older than a retention period and
// offers to delete them all, after confirmation.
type reviewRetention struct {
	months   int  // the period shown, once known
	known    bool // the period the store remembers has been read
	cutoff   time.Time
	sessions []model.Session
	loaded   bool
	confirm  bool
	deleting bool
	cursor   int
	offset   int
}

func newReviewRetention() *reviewRetention {
	return &reviewRetention{months: model.DefaultRetentionMonths}
}

// retentionCutoff is the start of the retention period: sessions started
// before it are past it.
func retentionCutoff(now time.Time, months int) time.Time {
	return now.AddDate(0, -months, 0)
}

// init lists the sessions past the period the store remembers (the one
// last chosen here, or the default).
func (v *reviewRetention) init(r *Review) tea.Cmd {
	st, now := r.st, r.clock()
	return func() tea.Msg {
		months, err := st.RetentionMonths()
		list, lerr := st.SessionsOlderThan(retentionCutoff(now, months))
		return retentionListMsg{months: months, first: true, sessions: list, err: errors.Join(err, lerr)}
	}
}

// load lists the sessions past the period shown; changed says the user
// has just chosen it, and the store remembers it first.
func (v *reviewRetention) load(r *Review, changed bool) tea.Cmd {
	v.cutoff = retentionCutoff(r.clock(), v.months)
	st, cutoff, months := r.st, v.cutoff, v.months
	return func() tea.Msg {
		var err error
		if changed {
			if err = st.SetRetentionMonths(months); errors.Is(err, store.ErrReadOnly) {
				err = nil // a damaged file is never written; the period holds for this visit
			}
		}
		list, lerr := st.SessionsOlderThan(cutoff)
		return retentionListMsg{months: months, sessions: list, err: errors.Join(err, lerr)}
	}
}

func (v *reviewRetention) typing() bool { return v.confirm }

func (v *reviewRetention) help(r *Review) help.KeyMap { return retentionHelp{k: r.keys} }

func (v *reviewRetention) update(r *Review, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case retentionListMsg:
		if msg.first && !v.known {
			v.months, v.known = msg.months, true
			v.cutoff = retentionCutoff(r.clock(), v.months)
		}
		if msg.months != v.months {
			return nil
		}
		v.sessions, v.loaded = msg.sessions, true
		v.cursor = min(v.cursor, max(len(v.sessions)-1, 0))
		if msg.err != nil {
			r.setStatus(damageText(msg.err), true)
		}
	case retentionDeletedMsg:
		v.deleting = false
		if msg.err != nil {
			r.setStatus(fmt.Sprintf("deleted %s, then: %v", sessionsText(msg.deleted), msg.err), true)
		} else {
			r.setStatus("deleted "+sessionsText(msg.deleted)+" past the retention period; the deletion log keeps their dates and titles. "+msg.erasure, false)
		}
		return tea.Batch(v.load(r, false), func() tea.Msg { return reviewChangedMsg{} })
	case tea.KeyMsg:
		return v.key(r, msg)
	}
	return nil
}

func (v *reviewRetention) key(r *Review, msg tea.KeyMsg) tea.Cmd {
	k := r.keys
	if v.confirm {
		v.confirm = false
		if common.KeyName(msg) != "y" || len(v.sessions) == 0 {
			r.setStatus("kept: nothing was deleted", false)
			return nil
		}
		v.deleting = true
		return deleteSessionsCmd(r.st, v.sessions)
	}
	switch {
	case common.Matches(msg, k.Back):
		return r.pop()
	case v.deleting:
	case !v.known: // the period is still being read
	case common.Matches(msg, k.Longer):
		v.months = min(v.months+1, model.MaxRetentionMonths)
		return v.load(r, true)
	case common.Matches(msg, k.Shorter):
		v.months = max(v.months-1, 1)
		return v.load(r, true)
	case moveCursor(msg, k, &v.cursor, len(v.sessions), 10):
	case common.Matches(msg, k.Delete):
		if len(v.sessions) == 0 {
			r.setStatus("no session is past the retention period", false)
			return nil
		}
		v.confirm = true
	}
	return nil
}

// deleteSessionsCmd deletes the sessions together (each logged): the file
// and every backup are rewritten once for all of them, so that no page
// keeps their text.
func deleteSessionsCmd(st *store.Store, sessions []model.Session) tea.Cmd {
	ids := make([]string, len(sessions))
	for i, s := range sessions {
		ids[i] = s.ID
	}
	return func() tea.Msg {
		e, err := st.DeleteSessions(ids...)
		return retentionDeletedMsg{deleted: e.Deleted, erasure: e.String(), err: err}
	}
}

func sessionsText(n int) string {
	if n == 1 {
		return "1 session"
	}
	return strconv.Itoa(n) + " sessions"
}

func monthsText(n int) string {
	if n == 1 {
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

func (v *reviewRetention) view(r *Review, w, h int) string {
	t := r.theme
	var b strings.Builder
	b.WriteString(t.Heading.Render("Retention") + "\n")
	if !v.known {
		b.WriteString(t.Dim.Render("reading the retention period…"))
		return b.String()
	}
	// Wrapped, not cut: at 80 columns the sentence takes two lines.
	b.WriteString(t.Dim.Width(w).Render("Sessions are kept for "+monthsText(v.months)+" (+ / - change it; it is remembered): those started before "+
		v.cutoff.Format(dateLayout)+" are past it.") + "\n")
	switch {
	case !v.loaded:
		b.WriteString(t.Dim.Render("reading the sessions…"))
		return b.String()
	case v.deleting:
		b.WriteString(t.Warning.Render("deleting…"))
		return b.String()
	case len(v.sessions) == 0:
		b.WriteString("\n" + t.Accent.Render("No session is past the retention period."))
		return b.String()
	}
	b.WriteString(t.Dim.Width(w).Render(sessionsText(len(v.sessions))+" past it, oldest first. D deletes them all, after you confirm.") + "\n\n")
	var ask string
	if v.confirm {
		ask = t.Notice.Render(t.Danger.Width(min(w-4, 90)).Render(fmt.Sprintf("Delete the %s started before %s for good? "+
			"Everything captured in them is removed; the deletion log keeps only their dates and titles.",
			sessionsText(len(v.sessions)), v.cutoff.Format(dateLayout))) + "\n" + t.Warning.Render("y delete them all · any other key keeps them"))
	}
	listH := h - lipgloss.Height(b.String()) + 1 // what the heading and the sentences above took
	if ask != "" {
		listH -= strings.Count(ask, "\n") + 1
	}
	c := columnsFor(w)
	lines := []string{t.Dim.Render("  " + cell("DATE", c.date) + "  " + cell("KIND", c.kind) + "  " + cell("TEAM", c.team) + "  " + cell("TITLE", c.title))}
	visible := max(listH-1, 1)
	v.offset = scrollTo(v.cursor, v.offset, visible)
	for i := v.offset; i < len(v.sessions) && i < v.offset+visible; i++ {
		s := v.sessions[i]
		team := s.TeamName
		if team == "" {
			team = "-"
		}
		row := marker(i == v.cursor) + cell(s.Started.Format(reviewTimeLayout), c.date) + "  " + cell(s.Kind, c.kind) + "  " +
			cell(team, c.team) + "  " + cell(sessionTitle(s), c.title)
		if i == v.cursor {
			row = t.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	b.WriteString(strings.Join(lines, "\n"))
	out := b.String()
	if ask != "" {
		out = fitHeight(out, h-strings.Count(ask, "\n")-1) + "\n" + ask
	}
	return out
}

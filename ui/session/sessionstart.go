package session

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// LiveReadyMsg says a session is open: newly started or continued.
type LiveReadyMsg struct {
	Live     *Live
	Drafts   []model.Draft  // typing left over from a crash, to offer back
	Timer    []byte         // the saved timer, if any
	Carried  []model.Action // open actions of the team's earlier sessions
	Resumed  bool
	Position string // where the presenter was
}

// LiveFailedMsg says a session could not be opened or started.
type LiveFailedMsg struct{ Err error }

// StartSessionCmd creates a session and opens it.
func StartSessionCmd(st *store.Store, deck *model.Deck, kind, team, facilitator, moduleID string) tea.Cmd {
	return func() tea.Msg {
		team, facilitator = strings.TrimSpace(team), strings.TrimSpace(facilitator)
		if kind == model.SessionReflection {
			// Module 3 alone is hours of work, done in several sittings: an
			// unfinished reflection is taken up again where it stopped
			// (ending it, E, lets the next one start afresh).
			last, ok, err := st.LastUnfinished(model.SessionReflection)
			if err != nil {
				return LiveFailedMsg{fmt.Errorf("looking for an unfinished reflection: %w", err)}
			}
			if ok {
				return openLive(st, deck, last.ID, true)
			}
		}
		title := "Workshop"
		if kind == model.SessionReflection {
			// A solo reflection is private: it belongs to no team, so it is
			// never listed with a team's sessions nor carries its actions.
			title, team = "Solo reflection", ""
		}
		if team != "" {
			title += " · " + model.SanitizeLine(team)
		}
		sess := model.Session{Kind: kind, TeamName: team, Facilitator: facilitator, Title: title, Started: common.Now()}
		if moduleID != "" {
			sess.Modules = []string{moduleID}
			sess.Position = moduleID + "/1"
		}
		sess, err := st.CreateSession(sess)
		if err != nil {
			return LiveFailedMsg{fmt.Errorf("starting the session: %w", err)}
		}
		return openLive(st, deck, sess.ID, false)
	}
}

// ContinueSessionCmd opens a saved, unfinished session.
func ContinueSessionCmd(st *store.Store, deck *model.Deck, id string) tea.Cmd {
	return func() tea.Msg { return openLive(st, deck, id, true) }
}

func openLive(st *store.Store, deck *model.Deck, id string, resumed bool) tea.Msg {
	l, err := OpenLive(st, deck, id)
	if err != nil {
		return LiveFailedMsg{fmt.Errorf("opening the session: %w", err)}
	}
	msg := LiveReadyMsg{Live: l, Resumed: resumed}
	sess := l.Session()
	msg.Position = sess.Position
	if msg.Drafts, err = l.Drafts(); err != nil {
		return LiveFailedMsg{fmt.Errorf("reading drafts: %w", err)}
	}
	if state, ok, err := st.LoadTimer(l.TimerKey()); err == nil && ok {
		msg.Timer = state
	}
	if sess.TeamID != "" && sess.Kind == model.SessionWorkshop {
		open, err := st.OpenActions(sess.TeamID)
		if err != nil {
			return LiveFailedMsg{fmt.Errorf("reading the team's actions: %w", err)}
		}
		for _, a := range open {
			if a.SessionID != sess.ID {
				msg.Carried = append(msg.Carried, a)
			}
		}
	}
	// Drafts of the timer key are not typing.
	kept := msg.Drafts[:0]
	for _, d := range msg.Drafts {
		if d.Key != l.TimerKey() && strings.TrimSpace(d.Text) != "" {
			kept = append(kept, d)
		}
	}
	msg.Drafts = kept
	return msg
}

package store

import (
	"errors"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TeamReport gathers a team's journey for a report: its workshop sessions
// started in [from, to) (zero ends are open), oldest first, each charted
// with model.JourneyPointOf, and their actions ordered for reading as of
// today (model.SortActionItems). Solo reflections are left out. Damaged
// records are left out and reported in err (errors.Is(err,
// ErrRecordDamaged)) with the rest of the report returned.
func (s *Store) TeamReport(teamID string, from, to time.Time, exercises map[string]*model.Exercise, today time.Time) (model.TeamReport, error) {
	defer s.releaseMapped() // a read across many sessions: see release_linux.go
	rep := model.TeamReport{From: from, To: to, Generated: today}
	team, err := s.Team(teamID)
	if err != nil {
		return rep, err
	}
	rep.TeamName = team.Name
	list, err := s.ListSessionsFiltered(SearchFilter{TeamID: teamID, Kind: model.SessionWorkshop, From: from, To: to, Limit: -1})
	if err != nil && !errors.Is(err, ErrRecordDamaged) {
		return rep, err
	}
	damaged := []error{err}
	for i := len(list) - 1; i >= 0; i-- { // oldest first
		d, err := s.SessionData(list[i].ID)
		if err != nil && d.Session.ID == "" { // the session itself is unreadable
			damaged = append(damaged, err)
			continue
		}
		damaged = append(damaged, err)
		rep.Points = append(rep.Points, model.JourneyPointOf(d, exercises))
		for _, a := range d.Actions {
			rep.Actions = append(rep.Actions, model.ActionItem{Action: a, SessionTitle: d.Session.Title,
				SessionStarted: d.Session.Started, TeamName: team.Name})
		}
	}
	model.SortActionItems(rep.Actions, today)
	return rep, s.seen(errors.Join(damaged...))
}

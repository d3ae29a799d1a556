package store

import (
	"errors"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TeamSummaryRecent is how many of a team's latest workshops its summary
// charts.
const TeamSummaryRecent = 3

// TeamSummaries puts every team side by side: its workshop sessions, the
// last one's date, the journey of its TeamSummaryRecent latest workshops
// and its actions in numbers as of today. Teams without a workshop are
// listed too. Damaged records are left out and reported in err
// (errors.Is(err, ErrRecordDamaged)), the rest returned.
func (s *Store) TeamSummaries(exercises map[string]*model.Exercise, today time.Time) ([]model.TeamSummary, error) {
	defer s.releaseMapped() // a read across many sessions: see release_linux.go
	teams, err := s.Teams()
	if err != nil && !errors.Is(err, ErrRecordDamaged) {
		return nil, err
	}
	damaged := []error{err}
	out := make([]model.TeamSummary, 0, len(teams))
	for _, team := range teams {
		sum := model.TeamSummary{Team: team}
		list, err := s.ListSessionsFiltered(SearchFilter{TeamID: team.ID, Kind: model.SessionWorkshop, Limit: -1})
		if err != nil && !errors.Is(err, ErrRecordDamaged) {
			return out, err
		}
		damaged = append(damaged, err)
		sum.Sessions = len(list)
		if len(list) > 0 {
			sum.Last = list[0].Started
		}
		for i := min(len(list), TeamSummaryRecent) - 1; i >= 0; i-- { // oldest first
			d, err := s.SessionData(list[i].ID)
			if err != nil && d.Session.ID == "" { // the session itself is unreadable
				damaged = append(damaged, err)
				continue
			}
			damaged = append(damaged, err)
			sum.Recent = append(sum.Recent, model.JourneyPointOf(d, exercises))
		}
		items, err := s.ActionItems(team.ID)
		if err != nil && !errors.Is(err, ErrRecordDamaged) {
			return out, err
		}
		damaged = append(damaged, err)
		sum.Actions = len(items)
		for _, it := range items {
			if model.NormalStatus(it.Status) == model.ActionOpen {
				sum.Open++
			}
			if model.ActionOverdue(it.Action, today) {
				sum.Overdue++
			}
		}
		out = append(out, sum)
	}
	return out, s.seen(errors.Join(damaged...))
}

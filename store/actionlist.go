package store

import (
	"errors"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// FindTeam returns the team called name, comparing names without regard
// to case or surrounding spaces, without creating one: ErrNotFound if
// there is none.
func (s *Store) FindTeam(name string) (model.Team, error) {
	teams, err := s.Teams()
	want := strings.TrimSpace(name)
	for _, t := range teams {
		if strings.EqualFold(strings.TrimSpace(t.Name), want) {
			return t, nil
		}
	}
	if err != nil {
		return model.Team{}, err
	}
	return model.Team{}, notFound("team", name)
}

// ActionItems lists the actions of every session, or of the workshop
// sessions of one team when teamID is set (a team's list never shows a
// solo reflection's), each with its session's title, start and team, in
// one read transaction. The order is the store's; model.SortActionItems
// orders them for reading. Damaged records are left out and reported in
// err (errors.Is(err, ErrRecordDamaged)), the rest listed.
func (s *Store) ActionItems(teamID string) ([]model.ActionItem, error) {
	if teamID != "" {
		if err := checkID("team", teamID); err != nil {
			return nil, err
		}
	}
	var out []model.ActionItem
	var damaged []error
	err := s.view(func(tx *bolt.Tx) error {
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		actions, err := s.bucket(tx, bucketActions)
		if err != nil {
			return err
		}
		teams, err := s.bucket(tx, bucketTeams)
		if err != nil {
			return err
		}
		teamNames := map[string]string{}
		teamName := func(sess *model.Session) string {
			if sess.TeamID == "" {
				return sess.TeamName
			}
			name, ok := teamNames[sess.TeamID]
			if !ok {
				var t model.Team
				if found, err := getRecord(teams, bucketTeams, []byte(sess.TeamID), &t); found && err == nil {
					name = t.Name
				} else {
					name = sess.TeamName
				}
				teamNames[sess.TeamID] = name
			}
			return name
		}
		add := func(sess *model.Session, list []model.Action) {
			name := teamName(sess)
			for _, a := range list {
				out = append(out, model.ActionItem{Action: a, SessionTitle: sess.Title, SessionStarted: sess.Started, TeamName: name})
			}
		}
		if teamID != "" {
			byTeam, err := s.bucket(tx, bucketSessionsByTeam)
			if err != nil {
				return err
			}
			return scanPrefix(byTeam, prefixKey(teamID), func(k, _ []byte) error {
				id, ok := sessionIDFromTeamKey(k)
				if !ok {
					return nil
				}
				var sess model.Session
				found, err := getRecord(sessions, bucketSessions, []byte(id), &sess)
				switch {
				case !found:
					return nil
				case err != nil:
					damaged = append(damaged, err)
					return nil
				case sess.Kind != model.SessionWorkshop:
					return nil
				}
				list, err := sessionActions(actions, id, nil, false)
				if errors.Is(err, ErrRecordDamaged) {
					damaged = append(damaged, err)
					err = nil
				}
				add(&sess, list)
				return err
			})
		}
		// Every action, in key order: a session's actions are together.
		var cur model.Session
		var curOK, first = false, true
		var list []model.Action
		flush := func() {
			if curOK && len(list) > 0 {
				add(&cur, list)
			}
			list = list[:0]
		}
		err = decodeAll(actions, nil, func(k, v []byte) error {
			var a model.Action
			if err := decodeRecord(bucketActions, k, v, &a); err != nil {
				return err
			}
			if first || a.SessionID != cur.ID {
				flush()
				first = false
				cur, curOK = model.Session{ID: a.SessionID}, false
				found, err := getRecord(sessions, bucketSessions, []byte(a.SessionID), &cur)
				switch {
				case err != nil:
					damaged = append(damaged, err)
				case found:
					curOK = true
				}
				cur.ID = a.SessionID
			}
			list = append(list, a)
			return nil
		})
		flush()
		if errors.Is(err, ErrRecordDamaged) {
			damaged = append(damaged, err)
			err = nil
		}
		return err
	})
	if err != nil {
		return out, err
	}
	return out, errors.Join(damaged...)
}

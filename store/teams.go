package store

import (
	"bytes"
	"errors"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// EnsureTeam returns the team called name, comparing names without regard
// to case or surrounding spaces, and creates it if there is none. The name
// is cleaned first (see ensureTeam).
func (s *Store) EnsureTeam(name string) (model.Team, error) {
	var team model.Team
	err := s.update(func(tx *bolt.Tx) error {
		t, err := s.ensureTeam(tx, name)
		team = t
		return err
	})
	return team, err
}

// Team returns the team with id.
func (s *Store) Team(id string) (model.Team, error) {
	var team model.Team
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketTeams)
		if err != nil {
			return err
		}
		found, err := getRecord(b, bucketTeams, []byte(id), &team)
		if err == nil && !found {
			err = notFound("team", id)
		}
		return err
	})
	return team, err
}

// Teams lists every team by name. Damaged records are left out and
// reported in err (errors.Is(err, ErrRecordDamaged)), with the rest listed.
func (s *Store) Teams() ([]model.Team, error) {
	var teams []model.Team
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.bucket(tx, bucketTeams)
		if err != nil {
			return err
		}
		return decodeAll(b, nil, func(k, v []byte) error {
			var t model.Team
			if err := decodeRecord(bucketTeams, k, v, &t); err != nil {
				return err
			}
			teams = append(teams, t)
			return nil
		})
	})
	sort.Slice(teams, func(i, j int) bool {
		return strings.ToLower(teams[i].Name) < strings.ToLower(teams[j].Name)
	})
	return teams, err
}

// ensureTeam finds or creates a team by name inside tx. The name is
// cleaned like any text the user gives (model.CleanName: no escape
// sequence or control character is stored).
func (s *Store) ensureTeam(tx *bolt.Tx, name string) (model.Team, error) {
	name = model.CleanName(name)
	if name == "" {
		return model.Team{}, errors.New("huddle: a team needs a name")
	}
	b, err := s.bucket(tx, bucketTeams)
	if err != nil {
		return model.Team{}, err
	}
	var found *model.Team
	err = decodeAll(b, nil, func(k, v []byte) error {
		var t model.Team
		if err := decodeRecord(bucketTeams, k, v, &t); err != nil {
			return err
		}
		if found == nil && strings.EqualFold(strings.TrimSpace(t.Name), name) {
			found = &t
		}
		return nil
	})
	if found != nil {
		return *found, nil
	}
	if err != nil {
		// A damaged team record might be this team: do not make a twin.
		return model.Team{}, err
	}
	t := model.Team{Name: name}
	for t.ID == "" || b.Get([]byte(t.ID)) != nil { // never over a saved team
		seq, err := b.NextSequence()
		if err != nil {
			return model.Team{}, err
		}
		t.ID = model.NewID(s.now(), seq)
	}
	return t, putRecord(b, []byte(t.ID), t)
}

// teamsOfSession returns the teams whose index holds session id, found by
// scanning the index (so that it works when the session's record cannot
// be read).
func (s *Store) teamsOfSession(tx *bolt.Tx, id string) ([]string, error) {
	byTeam, err := s.bucket(tx, bucketSessionsByTeam)
	if err != nil {
		return nil, err
	}
	var teams []string
	err = byTeam.ForEach(func(k, _ []byte) error {
		if got, ok := sessionIDFromTeamKey(k); ok && got == id {
			teams = append(teams, string(k[:bytes.IndexByte(k, 0)]))
		}
		return nil
	})
	return teams, err
}

// removeTeamIfEmpty deletes the team with id if no session belongs to it
// any more, and returns its name and whether it was removed.
func (s *Store) removeTeamIfEmpty(tx *bolt.Tx, id string) (name string, removed bool, err error) {
	byTeam, err := s.bucket(tx, bucketSessionsByTeam)
	if err != nil {
		return "", false, err
	}
	if k, _ := byTeam.Cursor().Seek(prefixKey(id)); k != nil && bytes.HasPrefix(k, prefixKey(id)) {
		return "", false, nil
	}
	b, err := s.bucket(tx, bucketTeams)
	if err != nil {
		return "", false, err
	}
	var team model.Team
	found, err := getRecord(b, bucketTeams, []byte(id), &team)
	if !found {
		return "", false, nil
	}
	name = team.Name
	if err != nil {
		name = "(damaged record)"
	}
	return name, true, b.Delete([]byte(id))
}

package store

import (
	"errors"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// EnsureTeam returns the team called name, comparing names without regard
// to case or surrounding spaces, and creates it if there is none.
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

// ensureTeam finds or creates a team by name inside tx.
func (s *Store) ensureTeam(tx *bolt.Tx, name string) (model.Team, error) {
	name = strings.TrimSpace(name)
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

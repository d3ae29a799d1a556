package store

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"sync"
	"time"

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

// sessionHead is what a list of actions needs of a session record: it
// decodes the record (verified like any other) without the lists the
// session holds.
type sessionHead struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	TeamID   string    `json:"team_id,omitempty"`
	TeamName string    `json:"team_name,omitempty"`
	Title    string    `json:"title"`
	Started  time.Time `json:"started"`
}

// ActionItems lists the actions of every session, or of the workshop
// sessions of one team when teamID is set (a team's list never shows a
// solo reflection's), each with its session's title, start and team, in
// one read transaction. The order is the store's; model.SortActionItems
// orders them for reading. Damaged records are left out and reported in
// err (errors.Is(err, ErrRecordDamaged)), the rest listed.
func (s *Store) ActionItems(teamID string) ([]model.ActionItem, error) {
	defer s.releaseMapped() // a read across many sessions: see release_linux.go
	if teamID != "" {
		if err := checkID("team", teamID); err != nil {
			return nil, err
		}
	}
	var out []model.ActionItem
	var damaged []error
	err := s.view(func(tx *bolt.Tx) error {
		bs, err := s.buckets(tx, bucketSessions, bucketActions, bucketTeams)
		if err != nil {
			return err
		}
		sessions, actions, teams := bs[0], bs[1], bs[2]
		teamNames := map[string]string{}
		teamName := func(sess *sessionHead) string {
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
		add := func(sess *sessionHead, list []model.Action) {
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
				var sess sessionHead
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
		// Every action, in key order (a session's actions are together):
		// the raw records are gathered, then verified and decoded by a
		// worker per core. Their bytes stay valid while the read
		// transaction is open, and no bolt object is shared between the
		// workers.
		var keys, vals, sessKeys, sessVals [][]byte
		var sessOf []int
		c := actions.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			sid := k
			if i := bytes.IndexByte(k, 0); i >= 0 {
				sid = k[:i]
			}
			if n := len(sessKeys); n == 0 || !bytes.Equal(sessKeys[n-1], sid) {
				sessKeys = append(sessKeys, sid)
				sessVals = append(sessVals, sessions.Get(sid))
			}
			keys, vals, sessOf = append(keys, k), append(vals, v), append(sessOf, len(sessKeys)-1)
		}
		heads := make([]sessionHead, len(sessKeys))
		headErr := make([]error, len(sessKeys))
		inParallel(len(sessKeys), func(i int) {
			if sessVals[i] != nil {
				headErr[i] = decodeRecord(bucketSessions, sessKeys[i], sessVals[i], &heads[i])
			}
		})
		acts := make([]model.Action, len(keys))
		actErr := make([]error, len(keys))
		inParallel(len(keys), func(i int) { actErr[i] = decodeRecord(bucketActions, keys[i], vals[i], &acts[i]) })
		for _, err := range headErr {
			if err != nil {
				damaged = append(damaged, err)
			}
		}
		out = make([]model.ActionItem, 0, len(acts))
		for i := range acts {
			si := sessOf[i]
			switch {
			case actErr[i] != nil:
				damaged = append(damaged, actErr[i])
			case sessVals[si] != nil && headErr[si] == nil: // actions of a missing or damaged session are left out
				add(&heads[si], acts[i:i+1])
			}
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	return out, s.seen(errors.Join(damaged...))
}

// inParallel calls fn for 0..n-1, split into a run per core.
func inParallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/256, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

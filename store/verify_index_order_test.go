package store

import (
	"slices"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TestIndexKeysCheckedInEitherOrder: the index keys are checked as they
// come when the sessions were walked first (buckets in name order, as a
// whole file has them) and kept until the end when a damaged tree gives
// them first. Either way the check finds the same problems: a key for a
// session that does not exist, a stale key, a malformed key, and a session
// missing from an index.
func TestIndexKeysCheckedInEitherOrder(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	ok := model.Session{ID: "s1", Kind: model.SessionWorkshop, TeamID: "t1", Started: at}
	moved := model.Session{ID: "s2", Kind: model.SessionWorkshop, TeamID: "t1", Started: at.Add(time.Hour)}
	unindexed := model.Session{ID: "s3", Kind: model.SessionWorkshop, Started: at.Add(2 * time.Hour)}
	type leaf struct {
		bucket string
		k, v   []byte
	}
	record := func(s model.Session) leaf {
		v, err := encodeRecord([]byte(s.ID), s)
		if err != nil {
			t.Fatal(err)
		}
		return leaf{bucketSessions, []byte(s.ID), v}
	}
	stale := moved
	stale.Started = at.Add(-time.Hour)
	sessions := []leaf{record(ok), record(moved), record(unindexed)}
	indexes := []leaf{
		{bucketSessionsByTeam, sessionTeamKey(ok), nil},
		{bucketSessionsByTeam, sessionTeamKey(moved), nil},
		{bucketSessionsByTime, sessionTimeKey(ok), nil},
		{bucketSessionsByTime, sessionTimeKey(stale), nil},                                  // stale
		{bucketSessionsByTime, sessionTimeKey(model.Session{ID: "gone", Started: at}), nil}, // no such session
		{bucketSessionsByTime, []byte("short"), nil},                                        // malformed
	}
	check := func(leaves []leaf) []string {
		r := &Report{Records: map[string]int{}, Indexed: map[string]int{}}
		c := newRecordCheck(r, true)
		for _, l := range leaves {
			path := [][]byte{[]byte(l.bucket)}
			if !c.present[l.bucket] {
				c.bucket(path)
			}
			c.leaf(path, l.k, l.v)
		}
		c.finish()
		got := slices.Clone(r.Problems)
		slices.Sort(got)
		return got
	}
	inOrder := check(append(slices.Clone(sessions), indexes...))
	outOfOrder := check(append(slices.Clone(indexes), sessions...))
	if !slices.Equal(inOrder, outOfOrder) {
		t.Fatalf("the problems depend on the walk's order:\nsessions first: %q\nindexes first:  %q", inOrder, outOfOrder)
	}
	for _, want := range []string{
		"index sessions_by_time has a stale key",
		"index sessions_by_time points to session",
		"index sessions_by_time has a malformed key",
		"session s2 is missing from index sessions_by_time",
		"session s3 is missing from index sessions_by_time",
	} {
		if !slices.ContainsFunc(inOrder, func(p string) bool { return len(p) >= len(want) && p[:len(want)] == want }) {
			t.Errorf("no problem %q in %q", want, inOrder)
		}
	}
	for _, p := range inOrder {
		if p == "session s1 is missing from index sessions_by_time" || p == "session s1 is missing from index sessions_by_team" || p == "session s3 is missing from index sessions_by_team" {
			t.Errorf("a problem that is not one: %q", p)
		}
	}
}

package store

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TestSessionsPageWalksTheWholeList: pages of any size, one after the
// other, give exactly the list ListSessionsFiltered gives, for every
// filter; and the stored entry counts are the entries each session has.
func TestSessionsPageWalksTheWholeList(t *testing.T) {
	s, _ := openTemp(t)
	day := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	var teamID string
	for i := 0; i < 23; i++ {
		kind := model.SessionWorkshop
		if i%4 == 1 {
			kind = model.SessionReflection
		}
		sess := mustSession(t, s, model.Session{Kind: kind, Title: fmt.Sprintf("S%d", i), TeamName: []string{"North", "South"}[i%2],
			Started: day.AddDate(0, 0, i/3)}) // three a day: ties in time
		teamID = sess.TeamID
		for j := 0; j < i%5; j++ {
			mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "x"})
		}
	}
	filters := []SearchFilter{{}, {Kind: model.SessionWorkshop}, {Kind: model.SessionReflection}, {TeamID: teamID},
		{From: day.AddDate(0, 0, 2), To: day.AddDate(0, 0, 5)}, {TeamID: teamID, Kind: model.SessionWorkshop, From: day.AddDate(0, 0, 1)}}
	for _, f := range filters {
		all := f
		all.Limit = -1
		want, err := s.ListSessionsFiltered(all)
		if err != nil || len(want) == 0 {
			t.Fatalf("%+v: %d, %v", f, len(want), err)
		}
		for _, n := range []int{1, 2, 5, 100} {
			var got []model.Session
			after, pages := "", 0
			for {
				page, next, err := s.SessionsPage(f, after, n)
				if err != nil || len(page) > n {
					t.Fatalf("%+v n=%d: %d sessions, %v", f, n, len(page), err)
				}
				got, pages = append(got, page...), pages+1
				if next == "" {
					break
				}
				if pages > 100 {
					t.Fatal("the pages never end")
				}
				after = next
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v in pages of %d: %d sessions, want %d", f, n, len(got), len(want))
			}
		}
	}
	// Each row's number of entries is the session's.
	rows, _, err := s.ListRows(SearchFilter{}, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		entries, _ := s.Entries(r.Session.ID)
		if r.Entries != len(entries) {
			t.Errorf("%s: count %d, entries %d", r.Session.Title, r.Entries, len(entries))
		}
	}
}

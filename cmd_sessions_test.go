package main

import (
	"testing"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// TestCLISessionsStreamsTheSameList: `huddle sessions` reads and writes
// the list a page at a time; its JSON is byte for byte what the whole
// list gives, across pages, and its table is when the list fits a page.
func TestCLISessionsStreamsTheSameList(t *testing.T) {
	db, _ := cliSeed(t)
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.ListSessions()
	if err != nil || len(list) < 2 {
		t.Fatalf("%d sessions, %v", len(list), err)
	}
	counts, err := s.EntryCounts()
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := model.SessionsJSON(list, counts)
	wantTable := model.SessionsTable(list, counts)
	for _, page := range []int{1, 1000} {
		saved := sessionsPage
		sessionsPage = page
		code, out, errOut := cliRun(t, "sessions", "--json", "--db", db)
		if code != 0 || errOut != "" || out != string(wantJSON) {
			t.Errorf("JSON in pages of %d: exit %d, stderr %q:\n%s\nwant:\n%s", page, code, errOut, out, wantJSON)
		}
		code, out, _ = cliRun(t, "sessions", "--db", db)
		if code != 0 || (page == 1000 && out != wantTable) {
			t.Errorf("table in pages of %d: exit %d:\n%s\nwant:\n%s", page, code, out, wantTable)
		}
		sessionsPage = saved
	}
}

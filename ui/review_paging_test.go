package ui

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// TestReviewListReadsAPageAtATime: the list shows the first page of
// sessions with their counts, reads the next as the cursor nears the end
// of those shown, and ends with every session once, newest first.
func TestReviewListReadsAPageAtATime(t *testing.T) {
	saved := listPage
	listPage = 4
	defer func() { listPage = saved }()
	st, err := store.Open(filepath.Join(t.TempDir(), "huddle.db"), store.Options{Now: func() time.Time { return reviewNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := 0; i < 11; i++ {
		s, err := st.CreateSession(model.Session{Kind: model.SessionWorkshop, TeamName: "North", Title: fmt.Sprintf("Workshop %02d", i),
			Started: reviewNow.AddDate(0, 0, -30+i)})
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < i; j++ {
			if _, err := st.PutEntry(model.Entry{SessionID: s.ID, ExerciseID: "M1-E3", Text: "line"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	app := testApp(builtinDeck(t), Config{Start: ScreenReview, Store: st, Clock: func() time.Time { return reviewNow }})
	d := &driver{T: t, M: app}
	d.Run(app.Init())
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	r := app.screen.(*Review)
	l := r.panes[0].(*reviewList)
	if len(l.sessions) != 4 || l.next == "" {
		t.Fatalf("first page: %d sessions, next %q", len(l.sessions), l.next)
	}
	reviewHas(t, reviewView(d), "the newest 4 sessions · older ones are read as you scroll", "Workshop 10", "Workshop 07")
	reviewLacks(t, reviewView(d), "Workshop 06")
	for i := 0; i < 12; i++ {
		d.Send(tea.KeyMsg{Type: tea.KeyDown})
	}
	want, err := st.ListSessions()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.sessions) != len(want) || l.next != "" {
		t.Fatalf("after scrolling: %d sessions, next %q; want %d", len(l.sessions), l.next, len(want))
	}
	for i := range want {
		if l.sessions[i].ID != want[i].ID {
			t.Fatalf("row %d is %q, want %q", i, l.sessions[i].Title, want[i].Title)
		}
		if n := l.counts[want[i].ID]; n != 10-i {
			t.Errorf("%s: count %d, want %d", want[i].Title, n, 10-i)
		}
	}
	reviewHas(t, reviewView(d), "11 sessions, newest first", "Workshop 00")
}

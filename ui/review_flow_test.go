package ui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

func TestReviewListNewestFirstWorkshopsOnly(t *testing.T) {
	f := newReviewFixture(t)
	d, _ := reviewDriver(t, f, 120, 40)
	v := reviewView(d)
	reviewHas(t, v, "Past sessions", "4 sessions", "Module 1 again", "Module 1 with South", "Module 1: the journey", "Introduction")
	reviewLacks(t, v, "My reflection", "Private notes")
	if a, b := indexOf(v, "Module 1 again"), indexOf(v, "Introduction"); a > b {
		t.Errorf("newest should come first:\n%s", v)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestReviewFilters(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 120, 40)
	list := r.panes[0].(*reviewList)

	d.Send(keyMsg("k")) // reflections
	reviewHas(t, reviewView(d), "Kind: solo reflections", "My reflection", "Private notes")
	reviewLacks(t, reviewView(d), "Module 1 again")
	d.Send(keyMsg("k")) // all
	if len(list.sessions) != 6 {
		t.Errorf("all kinds: %d sessions, want 6", len(list.sessions))
	}
	d.Send(keyMsg("k")) // back to workshops

	d.Send(keyMsg("e")) // first team by name: North Locality
	reviewHas(t, reviewView(d), "Team: North Locality")
	if len(list.sessions) != 3 {
		t.Errorf("North workshops: %d, want 3", len(list.sessions))
	}
	d.Send(keyMsg("e")) // South Team
	if len(list.sessions) != 1 || list.sessions[0].ID != f.south {
		t.Errorf("South: %+v", list.sessions)
	}
	d.Send(keyMsg("E"))
	d.Send(keyMsg("E")) // back to every team
	reviewHas(t, reviewView(d), "Team: all teams")

	d.Send(keyMsg("d"))
	typeText(d, "2025-03-01..2025-03-31")
	d.Send(keyMsg("enter"))
	if len(list.sessions) != 1 || list.sessions[0].ID != f.north2 {
		t.Errorf("March: %+v", list.sessions)
	}
	reviewHas(t, reviewView(d), "Dates: 2025-03-01..2025-03-31")

	d.Send(keyMsg("d"))
	for range 30 {
		d.Send(keyMsg("backspace"))
	}
	typeText(d, "not a date")
	d.Send(keyMsg("enter"))
	reviewHas(t, reviewView(d), "is not a date")
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("c"))
	if len(list.sessions) != 4 {
		t.Errorf("cleared: %d sessions, want 4", len(list.sessions))
	}
}

func TestParseDateRange(t *testing.T) {
	from, to, err := parseDateRange("2025-01-01..")
	if err != nil || from.Format(dateLayout) != "2025-01-01" || !to.IsZero() {
		t.Errorf("open end: %v %v %v", from, to, err)
	}
	from, to, err = parseDateRange("2025-02-03")
	if err != nil || from.Format(dateLayout) != "2025-02-03" || to.Format(dateLayout) != "2025-02-04" {
		t.Errorf("one day: %v %v %v", from, to, err)
	}
	if _, _, err := parseDateRange("2025-03-01..2025-01-01"); err == nil {
		t.Error("a reversed range should fail")
	}
}

func TestReviewSearchOpensTheHitsSession(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 120, 40)
	d.Send(keyMsg("/"))
	typeText(d, "waiting")
	d.Send(keyMsg("enter"))
	v := reviewView(d)
	// "Waiting for supervision" is in a reflection: not searched while
	// the list shows workshops.
	reviewHas(t, v, "2 matches for “waiting”", "Joint visits cut waiting times", "Fewer waiting lists", "M1-E3 · Group 1")
	reviewLacks(t, v, "supervision")
	d.Send(keyMsg("down")) // the older hit: North, 14 Jan
	d.Send(keyMsg("enter"))
	m, ok := r.top().(*reviewMinutes)
	if !ok || m.id != f.north1 {
		t.Fatalf("enter should open the hit's session, got %T", r.top())
	}
	reviewHas(t, reviewView(d), "Minutes · Module 1: the journey")
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("esc")) // out of the search
	reviewHas(t, reviewView(d), "4 sessions")
	if d.Quit {
		t.Error("esc should leave the search before quitting")
	}
}

func TestReviewDeleteNeedsConfirmation(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 100, 30)
	d.Send(keyMsg("enter")) // newest: Module 1 again
	d.Send(keyMsg("D"))
	reviewHas(t, reviewView(d), `Delete "Module 1 again" of Tue 11 Mar 2025 10:00 for good?`)
	d.Send(keyMsg("n"))
	if _, err := f.st.GetSession(f.north2); err != nil {
		t.Fatalf("n should keep the session: %v", err)
	}
	reviewHas(t, reviewView(d), "kept: nothing was deleted")

	d.Send(keyMsg("D"))
	d.Send(keyMsg("y"))
	if _, err := f.st.GetSession(f.north2); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("y should delete the session: %v", err)
	}
	log, err := f.st.Deletions()
	if err != nil || len(log) != 1 || log[0].SessionTitle != "Module 1 again" {
		t.Fatalf("deletion log: %+v %v", log, err)
	}
	if len(r.panes) != 1 {
		t.Errorf("after deleting, the list should show")
	}
	v := reviewView(d)
	reviewHas(t, v, `deleted "Module 1 again"`, "3 sessions")
	reviewLacks(t, v, "Module 1 again ")
}

func TestReviewExportWritesAPrivateFile(t *testing.T) {
	f := newReviewFixture(t)
	d, _ := reviewDriver(t, f, 100, 30)
	dir := reviewExportDir
	d.Send(keyMsg("enter"))
	for i, format := range []string{"m", "c", "j", "h", "x", "m"} {
		d.Send(keyMsg("x"))
		reviewHas(t, reviewView(d), "Export as:")
		d.Send(keyMsg(format))
		name := map[string]string{"m": "md", "c": "csv", "j": "json", "h": "html", "x": "xlsx"}[format]
		want := filepath.Join(dir, "huddle-2025-03-11-north-locality."+name)
		if i == 5 {
			want = filepath.Join(dir, "huddle-2025-03-11-north-locality-2.md")
		}
		info, err := os.Stat(want)
		if err != nil {
			t.Fatalf("export %s: %v\n%s", format, err, reviewView(d))
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", want, info.Mode().Perm())
		}
		reviewHas(t, reviewView(d), "exported to ")
	}
	d.Send(keyMsg("x"))
	d.Send(keyMsg("q"))
	reviewHas(t, reviewView(d), "export cancelled")
}

func TestReviewTeamViewAndActionStatus(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 120, 40)
	d.Send(keyMsg("t")) // on the newest North workshop
	team, ok := r.top().(*reviewTeam)
	if !ok {
		t.Fatalf("t should open the team view: %T", r.top())
	}
	if len(team.points) != 3 {
		t.Errorf("the North team has 3 workshops (its reflection is private): %d", len(team.points))
	}
	v := reviewView(d)
	reviewHas(t, v, "Team · North Locality", "Continuum", "See-saw", "Integration profile", "3 workshop sessions",
		"Continuum over time", "See-saw over time")
	// The trend charts write each session's value under its marker.
	if !regexp.MustCompile(`value\s+1\.0\s+1\.3\s+2\.3`).MatchString(v) || !regexp.MustCompile(`value\s+—\s+−1\s+\+1`).MatchString(v) {
		t.Errorf("the trend charts' values are missing:\n%s", v)
	}
	p := team.points[1] // 14 Jan
	if p.Level != model.Attached || p.Answers != 10 || p.Pos != 2 || p.Chal != 3 || p.Tilt != -1 {
		t.Errorf("14 Jan: %+v", p)
	}
	if p2 := team.points[2]; p2.Level != model.Aligned || p2.Placed != 3 || p2.PosSum != 7 {
		t.Errorf("11 Mar: %+v", p2)
	}

	d.Send(keyMsg("tab"))
	v = reviewView(d)
	reviewHas(t, v, "OVERDUE", "Review the referral pathway", "done", "Principal social worker", "due 2025-04-30")
	// Overdue first, the longest overdue at the top: Book a joint MDT slot
	// (due 1 February) of the first North workshop.
	if i, j := strings.Index(v, "Book a joint MDT slot"), strings.Index(v, "Review the referral pathway"); i < 0 || j < i {
		t.Errorf("the longest overdue action should come first:\n%s", v)
	}
	d.Send(keyMsg("d"))
	acts, err := f.st.Actions(f.north1)
	if err != nil || len(acts) != 2 || acts[0].Status != model.ActionDone {
		t.Fatalf("done not saved: %+v %v", acts, err)
	}
	d.Send(keyMsg("down"))
	d.Send(keyMsg(" ")) // open → done
	d.Send(keyMsg(" ")) // done → dropped
	acts, _ = f.st.Actions(f.north2)
	if acts[0].Status != model.ActionDropped {
		t.Errorf("cycled status: %q", acts[0].Status)
	}
	d.Send(keyMsg("o"))
	acts, _ = f.st.Actions(f.north2)
	if acts[0].Status != model.ActionOpen {
		t.Errorf("o: %q", acts[0].Status)
	}
	reviewHas(t, reviewView(d), "saved ✓")
	d.Send(keyMsg("esc"))
	if _, ok := r.top().(*reviewList); !ok {
		t.Errorf("esc should return to the list")
	}
}

func TestReviewNoTeamViewForReflections(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 120, 40)
	d.Send(keyMsg("k"))
	d.Send(keyMsg("t"))
	if _, ok := r.top().(*reviewList); !ok {
		t.Fatalf("a reflection has no team view")
	}
	reviewHas(t, reviewView(d), "solo reflections are private")
}

func TestReviewRetention(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 100, 30)
	d.Send(keyMsg("r"))
	ret, ok := r.top().(*reviewRetention)
	if !ok {
		t.Fatalf("r should open retention: %T", r.top())
	}
	if len(ret.sessions) != 1 || ret.sessions[0].ID != f.old {
		t.Fatalf("12 months: %+v", ret.sessions)
	}
	reviewHas(t, reviewView(d), "kept for 12 months", "before 2024-07-01", "Introduction")
	for range 8 {
		d.Send(keyMsg("-"))
	}
	// 4 months: before 2025-03-01, the old session, 14 Jan and 20 Feb.
	if len(ret.sessions) != 3 {
		t.Errorf("4 months: %d sessions", len(ret.sessions))
	}
	reviewHas(t, reviewView(d), "kept for 4 months")
	for range 8 {
		d.Send(keyMsg("+"))
	}
	d.Send(keyMsg("D"))
	reviewHas(t, reviewView(d), "Delete the 1 session started before 2024-07-01")
	d.Send(keyMsg("y"))
	if _, err := f.st.GetSession(f.old); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("old session not deleted: %v", err)
	}
	log, _ := f.st.Deletions()
	if len(log) != 1 || log[0].SessionTitle != "Introduction" {
		t.Errorf("deletion log: %+v", log)
	}
	reviewHas(t, reviewView(d), "No session is past the retention period")
	d.Send(keyMsg("esc"))
	reviewHas(t, reviewView(d), "3 sessions")
}

func TestReviewRetentionPeriod(t *testing.T) {
	f := newReviewFixture(t)
	list, err := f.st.SessionsOlderThan(retentionCutoff(reviewNow, 4))
	if err != nil {
		t.Fatal(err)
	}
	// Before 2025-03-01: old, 14 Jan, 20 Feb.
	if len(list) != 3 {
		t.Errorf("4 months: %d sessions", len(list))
	}
}

func TestReviewLeaving(t *testing.T) {
	f := newReviewFixture(t)
	d, _ := reviewDriver(t, f, 100, 30)
	d.Send(keyMsg("q"))
	if !d.Quit {
		t.Error("q at the top of `huddle review` should quit")
	}

	app := reviewApp(t, f, ScreenHome)
	h := &driver{T: t, M: app}
	h.Run(app.Init())
	h.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.Send(openReviewMsg{})
	reviewHas(t, reviewView(h), "Past sessions")
	h.Send(keyMsg("enter"))
	h.Send(keyMsg("esc"))
	h.Send(keyMsg("esc"))
	if h.Quit {
		t.Fatal("esc from a review opened at home should not quit")
	}
	reviewHas(t, reviewView(h), "Present a workshop")
}

// TestReviewRetentionIsRemembered: the period chosen is the one the next
// visit opens at, in this review and in the next run's, and the erasure
// that deleting sessions rewrites the file with keeps it.
func TestReviewRetentionIsRemembered(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 100, 30)
	retentionAt4Months(d)
	reviewHas(t, reviewView(d), "kept for 4 months")
	if got, err := f.st.RetentionMonths(); err != nil || got != 4 {
		t.Fatalf("remembered %d months (%v), want 4", got, err)
	}
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("r"))
	if _, ok := r.top().(*reviewRetention); !ok {
		t.Fatalf("r should open retention: %T", r.top())
	}
	reviewHas(t, reviewView(d), "kept for 4 months", "3 sessions past it")
	d.Send(keyMsg("D"))
	d.Send(keyMsg("y"))
	reviewHas(t, reviewView(d), "No session is past the retention period")

	// The next run's review opens at 4 months too.
	d2, _ := reviewDriver(t, f, 100, 30)
	d2.Send(keyMsg("r"))
	reviewHas(t, reviewView(d2), "kept for 4 months")
}

// TestReviewRetentionAt80Columns: the period's sentence wraps rather than
// being cut, and the list below it still fits the window with its
// sessions and the frame's foot.
func TestReviewRetentionAt80Columns(t *testing.T) {
	f := newReviewFixture(t)
	d, _ := reviewDriver(t, f, 80, 24)
	retentionAt4Months(d)
	v := reviewView(d)
	reviewHas(t, v, "it is remembered): those", "are past it.", "3 sessions past it", "Introduction")
	if n := strings.Count(v, "\n") + 1; n > 24 {
		t.Errorf("the view is %d lines in a window of 24:\n%s", n, v)
	}
	for _, line := range strings.Split(v, "\n") {
		if w := lipgloss.Width(line); w > 80 {
			t.Errorf("a line of %d columns in a window of 80: %q", w, line)
		}
	}
}

// retentionAt4Months opens the retention view from the sessions list and
// shortens the period from 12 months to 4.
func retentionAt4Months(d *driver) {
	d.Send(keyMsg("r"))
	for range 8 {
		d.Send(keyMsg("-"))
	}
}

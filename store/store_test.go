package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

func TestTeamRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	a, err := s.EnsureTeam("  North Locality ")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.EnsureTeam("north locality")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == "" || a != b || a.Name != "North Locality" {
		t.Fatalf("EnsureTeam: %+v then %+v, want one team", a, b)
	}
	got, err := s.Team(a.ID)
	if err != nil || got != a {
		t.Fatalf("Team(%q) = %+v, %v", a.ID, got, err)
	}
	if _, err := s.EnsureTeam("South"); err != nil {
		t.Fatal(err)
	}
	teams, err := s.Teams()
	if err != nil || len(teams) != 2 || teams[0].Name != "North Locality" || teams[1].Name != "South" {
		t.Fatalf("Teams = %+v, %v", teams, err)
	}
	if _, err := s.Team("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Team(nope) error = %v, want ErrNotFound", err)
	}
}

func TestSessionRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	start := time.Date(2025, 2, 3, 10, 0, 0, 0, time.UTC)
	sess := mustSession(t, s, model.Session{Kind: model.SessionWorkshop, TeamName: "North", Facilitator: "Sam",
		Title: "Module 1 with North", Started: start, Modules: []string{"m1"}})
	if sess.ID != model.NewID(start, 1) || sess.TeamID == "" {
		t.Fatalf("CreateSession filled in %+v", sess)
	}
	got, err := s.GetSession(sess.ID)
	if err != nil || !reflect.DeepEqual(got, sess) {
		t.Fatalf("GetSession = %+v, %v; want %+v", got, err, sess)
	}
	sess.Ended = start.Add(90 * time.Minute)
	sess.Modules = append(sess.Modules, "m2")
	sess.Exercises = []string{"M1-E1", "M1-E3"}
	if err := s.UpdateSession(sess); err != nil {
		t.Fatal(err)
	}
	got, err = s.GetSession(sess.ID)
	if err != nil || !reflect.DeepEqual(got, sess) {
		t.Fatalf("after UpdateSession: %+v, %v; want %+v", got, err, sess)
	}
	if err := s.UpdateSession(model.Session{ID: "missing", Kind: model.SessionWorkshop}); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateSession of a missing session: %v, want ErrNotFound", err)
	}
	if _, err := s.CreateSession(model.Session{Kind: "party"}); err == nil {
		t.Error("CreateSession accepted an unknown kind")
	}
}

func TestListSessionsNewestFirstAndByTeam(t *testing.T) {
	s, _ := openTemp(t)
	base := time.Date(2025, 2, 3, 10, 0, 0, 0, time.UTC)
	var ids []string
	for i, team := range []string{"North", "South", "North", "", "South"} {
		sess := mustSession(t, s, model.Session{TeamName: team, Title: team, Started: base.Add(time.Duration(i) * 24 * time.Hour)})
		ids = append(ids, sess.ID)
	}
	// Move the first session to the end by changing its start: the index follows.
	first, _ := s.GetSession(ids[0])
	first.Started = base.Add(10 * 24 * time.Hour)
	if err := s.UpdateSession(first); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListSessions()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ids[0], ids[4], ids[3], ids[2], ids[1]}
	if got := sessionIDs(list); !reflect.DeepEqual(got, want) {
		t.Fatalf("ListSessions = %v, want %v", got, want)
	}
	north, _ := s.EnsureTeam("North")
	byTeam, err := s.TeamSessions(north.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := sessionIDs(byTeam); !reflect.DeepEqual(got, []string{ids[0], ids[2]}) {
		t.Fatalf("TeamSessions(North) = %v", got)
	}
	old, err := s.SessionsOlderThan(base.Add(36 * time.Hour))
	if err != nil || !reflect.DeepEqual(sessionIDs(old), []string{ids[1]}) {
		t.Fatalf("SessionsOlderThan = %v, %v", sessionIDs(old), err)
	}
}

func sessionIDs(list []model.Session) []string {
	var ids []string
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestLastUnfinished(t *testing.T) {
	s, _ := openTemp(t)
	if _, ok, err := s.LastUnfinished(model.SessionReflection); ok || err != nil {
		t.Fatalf("empty store: ok=%v err=%v", ok, err)
	}
	base := time.Date(2025, 2, 3, 10, 0, 0, 0, time.UTC)
	a := mustSession(t, s, model.Session{Kind: model.SessionReflection, Title: "a", Started: base})
	b := mustSession(t, s, model.Session{Kind: model.SessionReflection, Title: "b", Started: base.Add(time.Hour)})
	mustSession(t, s, model.Session{Kind: model.SessionWorkshop, Title: "w", Started: base.Add(2 * time.Hour)})
	b.Ended = base.Add(90 * time.Minute)
	if err := s.UpdateSession(b); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.LastUnfinished(model.SessionReflection)
	if err != nil || !ok || got.ID != a.ID {
		t.Fatalf("LastUnfinished = %v %v %v, want %s", got.ID, ok, err, a.ID)
	}
}

func TestEntryRoundTripAndOrder(t *testing.T) {
	s, _ := openTemp(t)
	sess := mustSession(t, s, model.Session{Title: "x"})
	base := time.Date(2025, 2, 3, 10, 0, 0, 0, time.UTC)
	// Saved out of time order: listed in time order.
	for _, sec := range []int{30, 10, 20} {
		mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Group: "Group 1", Field: "benefits",
			Text: "line", Created: base.Add(time.Duration(sec) * time.Second)})
	}
	e := mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M2-E4", Text: "shared lunch", Tag: model.TagPositive,
		Weight: 2, Created: base.Add(15 * time.Second)})
	got, err := s.GetEntry(sess.ID, e.ID)
	if err != nil || !reflect.DeepEqual(got, e) {
		t.Fatalf("GetEntry = %+v, %v; want %+v", got, err, e)
	}
	e.Text, e.Votes, e.MergedInto = "shared lunch on Fridays", 3, "other"
	updated := mustEntry(t, s, e)
	if updated.Updated.IsZero() || updated.ID != e.ID || !updated.Created.Equal(e.Created) {
		t.Fatalf("update: %+v", updated)
	}
	list, err := s.Entries(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var secs []int
	for _, x := range list {
		secs = append(secs, int(x.Created.Sub(base).Seconds()))
	}
	if !reflect.DeepEqual(secs, []int{10, 15, 20, 30}) {
		t.Fatalf("entries in order of seconds %v, want 10 15 20 30", secs)
	}
	if !reflect.DeepEqual(list[1], updated) {
		t.Fatalf("listed %+v, want %+v", list[1], updated)
	}
	if err := s.DeleteEntry(sess.ID, e.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEntry(sess.ID, e.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if list, _ := s.Entries(sess.ID); len(list) != 3 {
		t.Errorf("%d entries after delete, want 3", len(list))
	}
	if _, err := s.PutEntry(model.Entry{SessionID: "no-such-session", Text: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("entry of a missing session: %v, want ErrNotFound", err)
	}
}

func TestPutEntriesIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	sess := mustSession(t, s, model.Session{Title: "x"})
	a := mustEntry(t, s, model.Entry{SessionID: sess.ID, Group: "Group 1", Text: "a"})
	b := mustEntry(t, s, model.Entry{SessionID: sess.ID, Group: "Group 1", Text: "b"})
	a.MergedInto, b.Text = b.ID, "a and b"
	bad := model.Entry{SessionID: sess.ID, Text: "c", Tag: "sideways"}
	if _, err := s.PutEntries([]model.Entry{a, b, bad}); err == nil {
		t.Fatal("PutEntries accepted an unknown tag")
	}
	if got, _ := s.GetEntry(sess.ID, a.ID); got.MergedInto != "" {
		t.Fatal("a failed PutEntries left a change behind")
	}
	saved, err := s.PutEntries([]model.Entry{a, b})
	if err != nil || len(saved) != 2 {
		t.Fatal(err)
	}
	if got, _ := s.GetEntry(sess.ID, a.ID); got.MergedInto != b.ID {
		t.Fatalf("merge not saved: %+v", got)
	}
}

func TestReadOnlyStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("read-only open of a missing file: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a read-only open created the file")
	}
	writeSampleStore(t, path, 2)
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if list, err := s.ListSessions(); err != nil || len(list) != 1 {
		t.Fatalf("ListSessions: %v, %v", list, err)
	}
	if _, err := s.CreateSession(model.Session{Kind: model.SessionWorkshop}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write on a read-only store: %v", err)
	}
	// Two read-only opens may share the file.
	t2, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t2.Close()
}

func TestEntriesPrefixScanStaysInSession(t *testing.T) {
	s, _ := openTemp(t)
	for _, id := range []string{"ab", "abc", "abcd", "abd"} {
		mustSession(t, s, model.Session{ID: id, Title: id})
		for i := 0; i < 3; i++ {
			mustEntry(t, s, model.Entry{SessionID: id, Text: id})
		}
	}
	for _, id := range []string{"ab", "abc", "abcd", "abd"} {
		list, err := s.Entries(id)
		if err != nil || len(list) != 3 {
			t.Fatalf("Entries(%s): %d entries, %v", id, len(list), err)
		}
		for _, e := range list {
			if e.SessionID != id || e.Text != id {
				t.Errorf("Entries(%s) leaked %+v", id, e)
			}
		}
	}
}

func TestActionRoundTripAndOpenActions(t *testing.T) {
	s, _ := openTemp(t)
	first := mustSession(t, s, model.Session{TeamName: "North", Title: "first"})
	other := mustSession(t, s, model.Session{TeamName: "South", Title: "other team"})
	due := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	a, err := s.PutAction(model.Action{SessionID: first.ID, ExerciseID: "M2-E1", Text: "Joint case review", Owner: "Team",
		Due: due, Review: due.Add(30 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == "" || a.Status != model.ActionOpen || a.TeamID != first.TeamID {
		t.Fatalf("PutAction filled in %+v", a)
	}
	done, _ := s.PutAction(model.Action{SessionID: first.ID, Text: "done already", Status: model.ActionDone})
	s.PutAction(model.Action{SessionID: other.ID, Text: "another team's"})
	list, err := s.Actions(first.ID)
	if err != nil || len(list) != 2 || !reflect.DeepEqual(list[0], a) || !reflect.DeepEqual(list[1], done) {
		t.Fatalf("Actions = %+v, %v", list, err)
	}
	open, err := s.OpenActions(first.TeamID)
	if err != nil || len(open) != 1 || open[0].ID != a.ID {
		t.Fatalf("OpenActions = %+v, %v", open, err)
	}
	a.Status = model.ActionDone
	if _, err := s.PutAction(a); err != nil {
		t.Fatal(err)
	}
	if open, _ := s.OpenActions(first.TeamID); len(open) != 0 {
		t.Fatalf("OpenActions after done = %+v", open)
	}
	if _, err := s.PutAction(model.Action{SessionID: first.ID, Text: "x", Status: "later"}); err == nil {
		t.Error("PutAction accepted an unknown status")
	}
}

func TestDraftAndTimerRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	key := model.DraftKey("s1", "M1-E3", "Group 1", "benefits")
	if _, ok, err := s.Draft(key); ok || err != nil {
		t.Fatalf("Draft before save: ok=%v err=%v", ok, err)
	}
	if err := s.SaveDraft(key, "we could share a desk"); err != nil {
		t.Fatal(err)
	}
	d, ok, err := s.Draft(key)
	if err != nil || !ok || d.Key != key || d.Text != "we could share a desk" || d.Saved.IsZero() {
		t.Fatalf("Draft = %+v %v %v", d, ok, err)
	}
	s.SaveDraft(model.DraftKey("s1", "M1-E4"), "other")
	s.SaveDraft(model.DraftKey("s10", "M1-E4"), "not s1's")
	if list, err := s.Drafts(model.DraftKey("s1")); err != nil || len(list) != 2 {
		t.Fatalf("Drafts(s1/) = %+v, %v", list, err)
	}
	if err := s.ClearDraft(key); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Draft(key); ok {
		t.Fatal("draft still there after ClearDraft")
	}
	state := []byte(`{"deadline":"2025-01-14T09:50:00Z","paused":false}`)
	if err := s.SaveTimer(model.DraftKey("s1", "timer"), state); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.LoadTimer(model.DraftKey("s1", "timer"))
	if err != nil || !ok || string(got) != string(state) {
		t.Fatalf("LoadTimer = %s %v %v", got, ok, err)
	}
	if err := s.ClearTimer(model.DraftKey("s1", "timer")); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.LoadTimer(model.DraftKey("s1", "timer")); ok {
		t.Fatal("timer still there after ClearTimer")
	}
}

func TestFileAndFolderModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "a", "huddle")
	path := filepath.Join(dir, "huddle.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.BackupIfDue(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for p, want := range map[string]os.FileMode{dir: 0o700, filepath.Dir(dir): 0o700, path: 0o600, backup: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", p, got, want)
		}
	}
	// An existing file that others could read is tightened.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("existing 0644 file left at %o, want 0600", info.Mode().Perm())
	}
}

func TestDefaultPath(t *testing.T) {
	xdg := t.TempDir()
	t.Setenv("XDG_DATA_HOME", xdg)
	if got, err := DefaultPath(); err != nil || got != filepath.Join(xdg, "huddle", "huddle.db") {
		t.Errorf("DefaultPath with XDG_DATA_HOME = %q, %v", got, err)
	}
	if runtime.GOOS != "linux" {
		return
	}
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", home)
	if got, err := DefaultPath(); err != nil || got != filepath.Join(home, ".local", "share", "huddle", "huddle.db") {
		t.Errorf("DefaultPath on Linux = %q, %v", got, err)
	}
}

func TestSchemaVersionMatchesMigrations(t *testing.T) {
	if len(migrations) != SchemaVersion {
		t.Fatalf("%d migrations, SchemaVersion %d", len(migrations), SchemaVersion)
	}
}

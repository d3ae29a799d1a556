package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// importSource is a session as another huddle holds it: a team, entries
// (one merged, one updated), actions of every status.
func importSource(t *testing.T) (*Store, model.Session) {
	src, _ := openTemp(t)
	sess := mustSession(t, src, model.Session{TeamName: "Café Connect Hub", Facilitator: "Zoë", Title: "Module 1 at the hub",
		Started: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC), Modules: []string{"m1"}, Exercises: []string{"M1-E3"}})
	a := mustEntry(t, src, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Joint visits", Tag: model.TagPositive, Weight: 2})
	b := mustEntry(t, src, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Joint visits!"})
	b.MergedInto = a.ID
	mustEntry(t, src, b) // now updated, with a merge
	mustEntry(t, src, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Group: "g2", Field: "position", Value: "aligned"})
	for i, st := range []string{model.ActionOpen, model.ActionDone, model.ActionDropped} {
		if _, err := src.PutAction(model.Action{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "Action " + st, Owner: "Lead",
			Due: time.Date(2025, 4, 1+i, 0, 0, 0, 0, time.UTC), Status: st}); err != nil {
			t.Fatal(err)
		}
	}
	return src, sess
}

func exportJSON(t *testing.T, s *Store, id string) []byte {
	t.Helper()
	data, _, err := s.ExportSession(id, model.FormatJSON, nil)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportGivesTheSameExportBack(t *testing.T) {
	src, sess := importSource(t)
	want := exportJSON(t, src, sess.ID)
	d, err := model.ParseExportJSON(want)
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	res, err := dst.ImportSession(d)
	if err != nil || res.Exists || res.Entries != 3 || res.Actions != 3 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if got := exportJSON(t, dst, sess.ID); !bytes.Equal(got, want) {
		t.Fatalf("the export after import differs:\n%s\nwant\n%s", got, want)
	}
	// The team came along, under its own id and name.
	if team, err := dst.FindTeam("café connect hub"); err != nil || team.ID != sess.TeamID {
		t.Errorf("team %+v %v, want id %s", team, err, sess.TeamID)
	}
	// Idempotent: a second import writes nothing.
	res, err = dst.ImportSession(d)
	if err != nil || !res.Exists {
		t.Fatalf("second import: %+v %v", res, err)
	}
	if got := exportJSON(t, dst, sess.ID); !bytes.Equal(got, want) {
		t.Fatal("a second import changed the session")
	}
}

func TestImportNeverOverwrites(t *testing.T) {
	src, sess := importSource(t)
	d, err := model.ParseExportJSON(exportJSON(t, src, sess.ID))
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	if _, err := dst.ImportSession(d); err != nil {
		t.Fatal(err)
	}
	before := exportJSON(t, dst, sess.ID)
	changed := d.Clone()
	changed.Session.Title = "Changed elsewhere"
	changed.Entries[0].Text = "changed"
	res, err := dst.ImportSession(changed)
	if err != nil || !res.Exists {
		t.Fatalf("%+v %v", res, err)
	}
	if got := exportJSON(t, dst, sess.ID); !bytes.Equal(got, before) {
		t.Fatal("an import overwrote a session that was here")
	}
}

func TestImportJoinsTheTeamOfTheSameName(t *testing.T) {
	src, sess := importSource(t)
	d, err := model.ParseExportJSON(exportJSON(t, src, sess.ID))
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	// Here the same team has another id, and the export's id is taken by
	// another team.
	here, err := dst.EnsureTeam("CAFÉ CONNECT HUB ")
	if err != nil {
		t.Fatal(err)
	}
	d.Session.TeamID = here.ID + "x"
	for i := range d.Actions {
		d.Actions[i].TeamID = d.Session.TeamID
	}
	res, err := dst.ImportSession(d)
	if err != nil {
		t.Fatal(err)
	}
	if res.Session.TeamID != here.ID {
		t.Fatalf("the session joined team %q, want %q", res.Session.TeamID, here.ID)
	}
	items, err := dst.ActionItems(here.ID)
	if err != nil || len(items) != 3 || items[0].TeamID != here.ID {
		t.Fatalf("the team's actions: %+v %v", items, err)
	}
	other := d.Clone()
	other.Session.ID, other.Session.TeamName, other.Session.TeamID = "20250305-100000-0001", "Another team", here.ID
	other.Entries, other.Actions = nil, nil
	res, err = dst.ImportSession(other)
	if err != nil || res.Session.TeamID == here.ID {
		t.Fatalf("a team id taken by another team was reused: %+v %v", res, err)
	}
}

func TestCheckImportRefusesWhatHuddleCouldNotHaveWritten(t *testing.T) {
	src, sess := importSource(t)
	good, err := model.ParseExportJSON(exportJSON(t, src, sess.ID))
	if err != nil {
		t.Fatal(err)
	}
	for name, spoil := range map[string]func(d *model.SessionData){
		"kind":            func(d *model.SessionData) { d.Session.Kind = "party" },
		"session id":      func(d *model.SessionData) { d.Session.ID = "a/b" },
		"no start":        func(d *model.SessionData) { d.Session.Started = time.Time{} },
		"foreign entry":   func(d *model.SessionData) { d.Entries[0].SessionID = "other" },
		"entry id":        func(d *model.SessionData) { d.Entries[0].ID = "not-an-id" },
		"entry twice":     func(d *model.SessionData) { d.Entries[1].ID = d.Entries[0].ID },
		"tag":             func(d *model.SessionData) { d.Entries[0].Tag = "maybe" },
		"status":          func(d *model.SessionData) { d.Actions[0].Status = "" },
		"foreign action":  func(d *model.SessionData) { d.Actions[0].SessionID = "other" },
		"action twice":    func(d *model.SessionData) { d.Actions[1].ID = d.Actions[0].ID },
		"action id empty": func(d *model.SessionData) { d.Actions[0].ID = "" },
	} {
		d := good.Clone()
		spoil(&d)
		if err := CheckImport(d); !errors.Is(err, ErrImportInvalid) {
			t.Errorf("%s: %v", name, err)
		}
		dst, _ := openTemp(t)
		if _, err := dst.ImportSession(d); err == nil {
			t.Errorf("%s: imported", name)
		}
		if list, _ := dst.ListSessions(); len(list) != 0 {
			t.Errorf("%s: a refused import wrote a session", name)
		}
	}
	if err := CheckImport(good); err != nil {
		t.Fatal(err)
	}
}

func TestScanImportFindsIdentifiersEverywhere(t *testing.T) {
	d := model.SessionData{Session: model.Session{ID: "s", Title: "Visit to LS1 4AP"},
		Entries: []model.Entry{{ID: "e1", Text: "NHS number 943 476 5919"}, {ID: "e2", Value: "born 12/03/1961"}},
		Actions: []model.Action{{ID: "a1", Text: "Ring back", Owner: "someone@example.org"}}}
	got := ScanImport(d)
	var where []string
	for _, f := range got {
		where = append(where, f.Where+": "+f.Kind)
	}
	want := []string{"session title: postcode", "entry e1 text: NHS number", "entry e2 value: date of birth", "action a1 owner: e-mail address"}
	if strings.Join(where, "; ") != strings.Join(want, "; ") {
		t.Errorf("findings %q\nwant %q", where, want)
	}
	for _, f := range got {
		if strings.ContainsAny(f.Where, "@0123456789") && !strings.HasPrefix(f.Where, "entry e") && !strings.HasPrefix(f.Where, "action a") {
			t.Errorf("a finding repeats the identifier: %+v", f)
		}
	}
}

package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// fileContains reports whether the file at path holds s in its bytes.
func fileContains(t *testing.T, path, s string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(data, []byte(s))
}

// fillSession saves entries, an action, a draft and an edited entry holding
// text, so that the session's text is on several pages and in freed ones.
func fillSession(t *testing.T, s *Store, id, text string) {
	t.Helper()
	for i := range 40 {
		e := mustEntry(t, s, model.Entry{SessionID: id, ExerciseID: "M2-E1", Text: fmt.Sprintf("%s line %d", text, i)})
		if i%10 == 0 {
			e.Text += " (edited)"
			if _, err := s.PutEntry(e); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.PutAction(model.Action{SessionID: id, Text: text + " action"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(model.DraftKey(id, "M2-E1", "Group 1"), text+" draft"); err != nil {
		t.Fatal(err)
	}
}

// TestDeleteSessionLeavesNoTraceInFileOrBackups: a session's distinctive
// text is in the file and in three daily backups; after DeleteSession it
// is in none of their bytes, while the other session's text still is, and
// the store goes on working on the rewritten file.
func TestDeleteSessionLeavesNoTraceInFileOrBackups(t *testing.T) {
	s, path := openTemp(t)
	const secret, other = "ZEBRA-OKAPI-DELETED-TEXT", "KEPT-HERON-TEXT"
	gone := mustSession(t, s, model.Session{Title: "Module 2 with North", TeamName: "North"})
	kept := mustSession(t, s, model.Session{Title: "Module 3 with South", TeamName: "South"})
	fillSession(t, s, kept.ID, other)
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		fillSession(t, s, gone.ID, fmt.Sprintf("%s day %d", secret, i))
		if _, err := s.BackupIfDue(day.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	backups, err := s.Backups()
	if err != nil || len(backups) != 3 {
		t.Fatalf("backups: %v, %v", backups, err)
	}
	// The search index holds the text's words folded ("okapi"), in keys
	// of their own: those must go too.
	const word = "okapi"
	// Its list row (rows.go) holds its fields in a form of its own: the
	// row's bytes after its count must go too.
	saved, err := s.GetSession(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	row := string(appendRowFields(nil, saved))
	for _, p := range append([]string{path}, backups...) {
		if !fileContains(t, p, secret) || !fileContains(t, p, word) || !fileContains(t, p, row) {
			t.Fatalf("%s does not hold the text, its indexed word and its list row before the deletion: the test proves nothing", p)
		}
	}

	e, err := s.DeleteSessions(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Deleted != 1 || len(e.BackupsRewritten) != 3 || len(e.BackupsRemoved) != 0 {
		t.Errorf("erasure %+v, want 1 deleted and 3 backups rewritten", e)
	}
	for _, p := range append([]string{path}, backups...) {
		for _, s := range []string{secret, gone.ID, word, row} {
			if fileContains(t, p, s) {
				t.Errorf("%s still holds %q after the deletion", filepath.Base(p), s)
			}
		}
		if !fileContains(t, p, other) || !fileContains(t, p, "heron") {
			t.Errorf("%s lost the other session's text or its indexed word", filepath.Base(p))
		}
	}
	if hits, err := s.Search(word, SearchFilter{}); err != nil || len(hits) != 0 {
		t.Errorf("the deleted session is still found: %v, %v", hits, err)
	}
	if _, err := os.Stat(path + compactTail); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary file is left: %v", err)
	}

	// The store works on the new file, and the file opens again.
	mustEntry(t, s, model.Entry{SessionID: kept.ID, ExerciseID: "M2-E1", Text: "after the erasure"})
	if list, err := s.Entries(kept.ID); err != nil || len(list) != 41 {
		t.Fatalf("entries after the erasure: %d, %v", len(list), err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if list, err := s2.Entries(kept.ID); err != nil || len(list) != 41 {
		t.Fatalf("entries after reopening: %d, %v", len(list), err)
	}
	if log, err := s2.Deletions(); err != nil || len(log) != 1 || log[0].SessionTitle != gone.Title {
		t.Fatalf("deletion log %+v, %v", log, err)
	}
}

// TestDeleteLastSessionRemovesTeam: a team whose last session is deleted
// is gone from Teams (the review's team filter), and a team with a session
// left stays.
func TestDeleteLastSessionRemovesTeam(t *testing.T) {
	s, _ := openTemp(t)
	north := mustSession(t, s, model.Session{Title: "North 1", TeamName: "North Locality Team"})
	south1 := mustSession(t, s, model.Session{Title: "South 1", TeamName: "South"})
	mustSession(t, s, model.Session{Title: "South 2", TeamName: "South"})
	e, err := s.DeleteSessions(north.ID, south1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(e.TeamsRemoved) != "[North Locality Team]" {
		t.Errorf("teams removed %v, want North Locality Team", e.TeamsRemoved)
	}
	teams, err := s.Teams()
	if err != nil || len(teams) != 1 || teams[0].Name != "South" {
		t.Fatalf("teams after the deletion: %+v, %v", teams, err)
	}
	if fileContains(t, s.Path(), "North Locality Team") {
		t.Error("the removed team's name is still in the file")
	}
	if !strings.Contains(e.String(), "North Locality Team") {
		t.Errorf("the erasure does not say which team went: %s", e)
	}
}

// TestDeleteSessionsUnknownDeletesNothing: one unknown id and nothing is
// deleted.
func TestDeleteSessionsUnknownDeletesNothing(t *testing.T) {
	s, _ := openTemp(t)
	a := mustSession(t, s, model.Session{Title: "A", TeamName: "North"})
	missing := model.NewID(time.Now(), 99)
	if _, err := s.DeleteSessions(a.ID, missing); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err %v, want ErrNotFound", err)
	}
	if _, err := s.GetSession(a.ID); err != nil {
		t.Fatalf("session A was deleted: %v", err)
	}
}

// TestEraseWhileReading: readers running while the file is swapped see a
// whole database every time (run with -race to check the handle's lock).
func TestEraseWhileReading(t *testing.T) {
	s, _ := openTemp(t)
	keep := mustSession(t, s, model.Session{Title: "Kept", TeamName: "North"})
	var ids []string
	for i := range 5 {
		sess := mustSession(t, s, model.Session{Title: fmt.Sprint("Gone ", i), TeamName: "North"})
		mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E1", Text: "x"})
		ids = append(ids, sess.ID)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var readErr error
	var mu sync.Mutex
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.GetSession(keep.ID); err != nil {
					mu.Lock()
					readErr = err
					mu.Unlock()
					return
				}
			}
		}()
	}
	for _, id := range ids {
		if err := s.DeleteSession(id); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if readErr != nil {
		t.Fatalf("a reader failed during the erasure: %v", readErr)
	}
}

// TestEraseRemovesBackupItCannotRewrite: a damaged backup that holds the
// session is deleted, and the erasure says so.
func TestEraseRemovesBackupItCannotRewrite(t *testing.T) {
	s, path := openTemp(t)
	gone := mustSession(t, s, model.Session{Title: "Gone", TeamName: "North"})
	fillSession(t, s, gone.ID, "LYNX-TEXT")
	name, err := s.BackupIfDue(time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	copy(data[:64], make([]byte, 64)) // wipe the first meta page's header
	copy(data[4096:4096+64], make([]byte, 64))
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := s.DeleteSessions(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.BackupsRemoved) != 1 || e.BackupsRemoved[0] != name {
		t.Errorf("erasure %+v, want the damaged backup removed", e)
	}
	if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the damaged backup is still there: %v", err)
	}
	if fileContains(t, path, "LYNX-TEXT") {
		t.Error("the database still holds the text")
	}
}

// TestScrubClearsOverwrittenDraft: a draft overwritten by its edited
// version leaves the old text in a free page until Scrub rewrites the file.
func TestScrubClearsOverwrittenDraft(t *testing.T) {
	s, path := openTemp(t)
	sess := mustSession(t, s, model.Session{Title: "Scrub", TeamName: "North"})
	key := model.DraftKey(sess.ID, "M1-E1", "Group 1")
	if err := s.SaveDraft(key, "Mrs QUOKKA said 943 476 5919"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(key, "a clean line"); err != nil {
		t.Fatal(err)
	}
	if !fileContains(t, path, "QUOKKA") {
		t.Skip("bbolt reused the page already: nothing to show")
	}
	if err := s.Scrub(); err != nil {
		t.Fatal(err)
	}
	if fileContains(t, path, "QUOKKA") {
		t.Error("the overwritten draft is still in the file after Scrub")
	}
	if d, ok, err := s.Draft(key); err != nil || !ok || d.Text != "a clean line" {
		t.Errorf("draft after Scrub: %+v %v %v", d, ok, err)
	}
}

// TestEraseReachesEveryCopyBesideTheDatabase: a copy taken before an
// upgrade and a backup left half-written by a crash are cleaned too.
func TestEraseReachesEveryCopyBesideTheDatabase(t *testing.T) {
	s, path := openTemp(t)
	gone := mustSession(t, s, model.Session{Title: "Gone", TeamName: "North"})
	fillSession(t, s, gone.ID, "MARMOT-TEXT")
	upgrade := path + migrateInfix + "1-20260101-000000"
	halfWritten := path + dailyInfix + "20261120" + tempBackupTail
	for _, name := range []string{upgrade, halfWritten} {
		if err := s.copyTo(name); err != nil {
			t.Fatal(err)
		}
	}
	e, err := s.DeleteSessions(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.BackupsRewritten) != 2 {
		t.Errorf("erasure %+v, want both copies rewritten", e)
	}
	for _, name := range []string{path, upgrade, halfWritten} {
		if fileContains(t, name, "MARMOT-TEXT") {
			t.Errorf("%s still holds the text", filepath.Base(name))
		}
	}
}

// TestEraseRewritesBackupOfSchema2: a daily backup taken before the
// upgrade to the list rows (schema 2) is rewritten without the session,
// not removed, and stays a whole file of schema 2.
func TestEraseRewritesBackupOfSchema2(t *testing.T) {
	s, path := openTemp(t)
	gone := mustSession(t, s, model.Session{Title: "Gone", TeamName: "North"})
	kept := mustSession(t, s, model.Session{Title: "Kept", TeamName: "South"})
	fillSession(t, s, gone.ID, "STOAT-TEXT")
	fillSession(t, s, kept.ID, "OTTER-TEXT")
	name, err := s.BackupIfDue(time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	downgradeToV2(t, name, nil)
	if schemaOf(t, name) != 2 || !fileContains(t, name, "STOAT-TEXT") {
		t.Fatal("the backup is not a schema-2 file holding the session: the test proves nothing")
	}
	e, err := s.DeleteSessions(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.BackupsRewritten) != 1 || len(e.BackupsRemoved) != 0 {
		t.Errorf("erasure %+v, want the schema-2 backup rewritten", e)
	}
	for _, p := range []string{path, name} {
		if fileContains(t, p, "STOAT-TEXT") || fileContains(t, p, gone.ID) {
			t.Errorf("%s still holds the session", filepath.Base(p))
		}
		if !fileContains(t, p, "OTTER-TEXT") {
			t.Errorf("%s lost the other session", filepath.Base(p))
		}
	}
	if r, err := Check(name); err != nil || !r.OK() || r.Schema != 2 {
		t.Fatalf("the rewritten backup: %v\n%s", err, r)
	}
}

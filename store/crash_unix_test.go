//go:build unix

package store

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// TestKillAfterSaveKeepsEntryAndDraft: a child saves a session, a draft and
// an entry, says so, and is killed with SIGKILL; everything it reported as
// saved is there when the file is opened again.
func TestKillAfterSaveKeepsEntryAndDraft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	cmd, line := startHelper(t, "save-and-wait", path, "saved ")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	fields := strings.Fields(line)
	if len(fields) != 3 {
		t.Fatalf("child said %q", line)
	}
	sessionID, entryID := fields[1], fields[2]

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	defer s.Close()
	sess, err := s.GetSession(sessionID)
	if err != nil || sess.Title != "Crash test" || sess.TeamName != "North" {
		t.Fatalf("session after kill: %+v, %v", sess, err)
	}
	e, err := s.GetEntry(sessionID, entryID)
	if err != nil || e.Text != "committed before the kill" {
		t.Fatalf("entry after kill: %+v, %v", e, err)
	}
	d, ok, err := s.Draft(model.DraftKey(sessionID, "M1-E3", "Group 1", "benefits"))
	if err != nil || !ok || d.Text != "half-typed before the kill" {
		t.Fatalf("draft after kill: %+v %v %v", d, ok, err)
	}
	s.Close()
	if report, err := Check(path); err != nil || !report.OK() {
		t.Fatalf("Check after kill: %v\n%s", err, report)
	}
}

package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

func TestCheckCountsEveryRecord(t *testing.T) {
	s, path := openTemp(t)
	sess := mustSession(t, s, model.Session{Title: "checked", TeamName: "North"})
	for i := 0; i < 3; i++ {
		mustEntry(t, s, model.Entry{SessionID: sess.ID, Text: "line"})
	}
	s.PutAction(model.Action{SessionID: sess.ID, Text: "act"})
	s.SaveDraft(model.DraftKey(sess.ID, "x"), "draft")
	s.Close()
	before := fileHash(t, path)
	r, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"meta": 1, "teams": 1, "sessions": 1, "entries": 3, "actions": 1, "drafts": 1, "timers": 0, "deletions": 0}
	for name, n := range want {
		if r.Records[name] != n {
			t.Errorf("%s: %d records, want %d", name, r.Records[name], n)
		}
	}
	if !r.OK() || r.Schema != SchemaVersion || r.Indexed[bucketSessionsByTime] != 1 || r.Indexed[bucketSessionsByTeam] != 1 {
		t.Errorf("report:\n%s", r)
	}
	if !strings.Contains(r.String(), "every page and record verified") {
		t.Errorf("report text:\n%s", r)
	}
	if fileHash(t, path) != before {
		t.Fatal("Check modified the file")
	}
}

func TestCheckWhileOpenIsLocked(t *testing.T) {
	_, path := openTemp(t)
	if _, err := Check(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("Check of an open database: %v, want ErrLocked", err)
	}
}

// damagePage overwrites the element count of the page holding text, so
// that walking it reads far past the page.
func damagePage(t *testing.T, path, text string) {
	t.Helper()
	off := findAll(t, path, text)[0]
	page := off / 4096 * 4096
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hdr [2]byte
	binary.LittleEndian.PutUint16(hdr[:], 0xffff)
	if _, err := f.WriteAt(hdr[:], page+10); err != nil {
		t.Fatal(err)
	}
}

func TestStructureCheckInChild(t *testing.T) {
	saved := childArgs
	childArgs = []string{"-test.run=^TestHelperProcess$", "-test.count=1"}
	t.Cleanup(func() { childArgs = saved })
	t.Setenv(helperEnv, "structure")
	exe := os.Args[0]

	path := filepath.Join(t.TempDir(), "huddle.db")
	writeSampleStore(t, path, 300)
	ok, out, err := StructureCheckInChild(exe, path, 30*time.Second)
	if !ok || err != nil || !strings.Contains(out, "sound") {
		t.Fatalf("sound file: ok=%v err=%v output:\n%s", ok, err, out)
	}

	damaged := fmt.Sprintf("page %d: 65535 elements do not fit", findAll(t, path, "sample text")[0]/4096)
	damagePage(t, path, "sample text")
	before := fileHash(t, path)
	ok, out, err = StructureCheckInChild(exe, path, 30*time.Second)
	if ok || err != nil || out == "" {
		t.Fatalf("damaged page: ok=%v err=%v output:\n%s", ok, err, out)
	}
	t.Logf("structure check of a damaged page:\n%s", out)
	// The record walk in this process survives the same damage.
	r, err := Check(path)
	if r.OK() || !errors.Is(err, ErrDamaged) || !strings.Contains(r.String(), damaged) {
		t.Errorf("Check of a damaged page: %v\n%s", err, r)
	}
	t.Logf("Check of a damaged page: %v\n%s", err, r)
	if fileHash(t, path) != before {
		t.Fatal("the checks modified the file")
	}

	garbage := filepath.Join(t.TempDir(), "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 1000)), 0o600)
	if ok, out, err := StructureCheckInChild(exe, garbage, 30*time.Second); ok || err == nil {
		t.Fatalf("garbage: ok=%v err=%v output:\n%s", ok, err, out)
	}
	// A check that cannot finish in time is reported as damage. The child
	// hangs (it never finishes by itself), so its deadline always comes
	// first, whatever the machine's speed.
	t.Setenv(helperEnv, "structure-hang")
	if ok, out, err := StructureCheckInChild(exe, path, 300*time.Millisecond); ok || err != nil || !strings.Contains(out, "damaged: the check could not finish") {
		t.Fatalf("timeout: ok=%v err=%v output %q", ok, err, out)
	}
}

package runner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TestIdentifierNeverReachesTheDisk types an NHS number into a capture
// input, lets the autosave run several times, answers the privacy guard
// by taking the number out, and saves a clean line: the number's digits
// are nowhere in the database file or in a backup taken then.
func TestIdentifierNeverReachesTheDisk(t *testing.T) {
	c := conformCases()[0] // the discussion
	d, h, l := conformRunner(t, c, nil)
	sendKeys(d, c.add...)
	typeText(d, "Seen with NHS 943 476 5919 at home")
	// The autosave has run after every key (ticks fire at once in tests).
	if !h.input.held {
		t.Fatal("the input does not say the draft is held back")
	}
	if v := plain(d.M.View()); !bytes.Contains([]byte(v), []byte("not autosaved")) {
		t.Errorf("the input does not say why the draft is not saved:\n%s", v)
	}
	sendKeys(d, "enter")
	if !h.input.Confirming() {
		t.Fatalf("the guard did not ask:\n%s", plain(d.M.View()))
	}
	sendKeys(d, "backspace") // any key but y: back to editing
	for range len(" at home") + len("NHS 943 476 5919") + 1 {
		sendKeys(d, "backspace")
	}
	typeText(d, " at home")
	sendKeys(d, "enter")
	data := l.Data()
	if got := c.texts(&data); len(got) != 1 || got[0] != "Seen with at home" {
		t.Fatalf("saved %q", got)
	}
	l.Flush()
	st := l.Store()
	if _, err := st.BackupIfDue(time.Now()); err != nil {
		t.Fatal(err)
	}
	files := []string{st.Path()}
	backups, _ := st.Backups()
	files = append(files, backups...)
	if len(files) < 2 {
		t.Fatalf("no backup was taken: %v", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, digits := range []string{"943 476 5919", "9434765919", "943 476", "476 5919"} {
			if bytes.Contains(b, []byte(digits)) {
				t.Errorf("%s holds %q", filepath.Base(f), digits)
			}
		}
		if !bytes.Contains(b, []byte("Seen with at home")) && f == st.Path() {
			t.Errorf("the saved line is not in the file: the test looks in the wrong place")
		}
	}
	_ = model.MaxFieldRunes
}

package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// seedStore writes a database with one session whose entry holds marker.
func seedStore(t *testing.T, marker string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "huddle.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sess, err := st.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: "Seeded", TeamName: "North"})
	if err == nil {
		_, err = st.PutEntry(model.Entry{SessionID: sess.ID, Text: marker})
	}
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

// TestDamagedDatabaseOpensReadOnlyWithBanner: on a file that fails its
// check, every screen shows a banner naming the file and the damage, no
// session is started in it, no backup is made, and its bytes stay as they
// were. A whole file gets no banner and its daily backup.
func TestDamagedDatabaseOpensReadOnlyWithBanner(t *testing.T) {
	for _, damaged := range []bool{true, false} {
		path := seedStore(t, "MARKER-DAMAGE-ME")
		if damaged {
			data, _ := os.ReadFile(path)
			i := bytes.Index(data, []byte("MARKER-DAMAGE-ME"))
			data[i] ^= 0x20
			os.WriteFile(path, data, 0o600)
		}
		before, _ := os.ReadFile(path)
		st, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, start := range []Screen{ScreenHome, ScreenPresent, ScreenReview} {
			app := testApp(builtinDeck(t), Config{Start: start, Store: st})
			d := &driver{T: t, M: app}
			d.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
			d.Run(app.Init())
			view := plain(app.View())
			switch {
			case damaged && (!strings.Contains(app.Damage(), path) || !strings.Contains(app.Damage(), "checksum mismatch")):
				t.Errorf("screen %d: banner %q", start, app.Damage())
			case damaged && !strings.Contains(view, "DAMAGED, READ-ONLY"):
				t.Errorf("screen %d: no banner on screen:\n%s", start, view)
			case damaged && app.Live() != nil:
				t.Errorf("screen %d: a session was started in a damaged file", start)
			case !damaged && app.Damage() != "":
				t.Errorf("screen %d: banner over a whole file: %q", start, app.Damage())
			}
		}
		st.Close()
		backups, _ := filepath.Glob(path + ".backup-*")
		if after, _ := os.ReadFile(path); damaged && (!bytes.Equal(after, before) || len(backups) != 0) {
			t.Errorf("damaged file changed (%v) or backed up: %v", !bytes.Equal(after, before), backups)
		}
		if !damaged && len(backups) != 1 {
			t.Errorf("whole file: backups %v, want one", backups)
		}
	}
}

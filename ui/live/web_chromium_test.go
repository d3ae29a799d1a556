package live

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TestWebChromiumPhone: headless Chromium at a phone's size (360×740)
// opens the join link, types a note, shares it, and the room counts it
// as shared; the page keeps the note's state in words; closing the room
// shows "room closed". The page logs no error (a script or style blocked
// by the content security policy would). HUDDLE_WEB_SCREENSHOT names a
// file to keep the screenshot in.
func TestWebChromiumPhone(t *testing.T) {
	b := startBrowser(t, 360, 740)
	r, _, _ := newTestRoom(t, Config{})
	r.SetClock(model.RoomClock{Deadline: time.Now().Add(4*time.Minute + 32*time.Second)})
	s := startWeb(t, r)
	if err := r.Open(discussion, model.RoomWrite); err != nil {
		t.Fatal(err)
	}
	b.call("Page.navigate", map[string]any{"url": s.JoinURL()})
	b.waitFor(`document.getElementById("name").textContent.startsWith("You are Participant ")`)
	b.waitFor(`!document.getElementById("compose").hidden`)
	b.waitFor(`/^Time left: 4:[23]\d$/.test(document.getElementById("clock").textContent)`)

	b.tap("#note")
	b.call("Input.insertText", map[string]any{"text": "Handover sheets kept at the nurses' station"})
	b.tap("#compose button")
	b.waitFor(`document.querySelector("#mine li .state") && document.querySelector("#mine li .state").textContent === "Private"`)
	if r.Snapshot().Shared != 0 {
		t.Fatal("shared before Share was tapped")
	}
	b.tap(`#mine li button[data-key^="share"]`)
	deadline := time.Now().Add(10 * time.Second)
	for r.Snapshot().Shared != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the room has %d shared notes", r.Snapshot().Shared)
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.waitFor(`document.querySelector("#mine li .state").textContent === "Shared"`)
	b.waitFor(`document.getElementById("status").textContent.startsWith("Shared")`)
	var wide bool
	b.eval(`document.documentElement.scrollWidth <= window.innerWidth`, &wide)
	if !wide {
		t.Error("the page is wider than the phone's screen")
	}
	shot := os.Getenv("HUDDLE_WEB_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(t.TempDir(), "phone.png")
	}
	b.screenshot(shot)
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 1000 {
		t.Fatalf("screenshot: %v", err)
	}

	r.Close()
	b.waitFor(`document.getElementById("activity").textContent.includes("The room is closed.")`)
	b.waitFor(`document.getElementById("status").textContent === "room closed"`)
	if errs := b.logged(); len(errs) > 0 {
		t.Fatalf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}

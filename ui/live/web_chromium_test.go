//go:build unix

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

// TestWebChromiumPollAndScanAgain: in Chromium at a phone's size, a tap
// on a poll option votes and the page marks it in words; another tap
// changes it; a page whose cookie is gone says to scan the code again;
// leaving (confirmed) frees the seat.
func TestWebChromiumPollAndScanAgain(t *testing.T) {
	b := startBrowser(t, 360, 740)
	r, rec, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	b.call("Page.navigate", map[string]any{"url": s.JoinURL()})
	b.waitFor(`document.querySelectorAll('#activity button[data-key^="vote"]').length === 3`)
	b.tap(`button[data-key="vote1"]`)
	b.waitFor(`document.querySelector('button[data-key="vote1"]').textContent.startsWith("✓ Your vote: Handovers")`)
	b.waitFor(`document.querySelector('button[data-key="vote1"]').getAttribute("aria-pressed") === "true"`)
	b.tap(`button[data-key="vote2"]`)
	b.waitFor(`document.querySelector('button[data-key="vote2"]').textContent.startsWith("✓ Your vote: Supervision")`)
	if n := rec.count("p1", model.OptionField(2)); n != 1 || rec.count("p1", model.OptionField(1)) != 0 {
		t.Fatalf("recorded votes: option 2 has %d", n)
	}
	if shot := os.Getenv("HUDDLE_WEB_SCREENSHOT_POLL"); shot != "" {
		b.screenshot(shot)
	}

	// Leaving asks first; confirmed, the seat is free.
	b.call("Page.navigate", map[string]any{"url": s.Origin() + "/"})
	b.waitFor(`!document.getElementById("leave").hidden`)
	done := make(chan struct{})
	go func() { // answer the confirmation when it shows
		defer close(done)
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if b.sawEvent("Page.javascriptDialogOpening") {
				_, _ = b.try("Page.handleJavaScriptDialog", map[string]any{"accept": true})
				return
			}
		}
	}()
	b.tap("#leave")
	<-done
	b.waitFor(`document.getElementById("activity").textContent.includes("You have left the room.")`)
	if r.Snapshot().Joined != 0 {
		t.Fatal("still in the room after leaving")
	}
	// The cookie is gone: the page says to scan again.
	b.call("Page.reload", nil)
	b.waitFor(`document.getElementById("activity").textContent.includes("Scan the QR code on the screen again")`)
}

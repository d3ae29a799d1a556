package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/session"
)

func TestDiscussionShowsStoredTextSafely(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	// A line as it could reach the store from an older or imported file.
	app.Live().CommitNow(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
		ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "ok\x1b[2J\x1b]52;c;aGk=\x07 then \u202eevil",
	}})
	openM1E3(t, d)
	v := d.M.View()
	for _, bad := range []string{"\x1b[2J", "\x1b]52", "\x07", "\u202e"} {
		if strings.Contains(v, bad) {
			t.Errorf("the view carries %q raw", bad)
		}
	}
	if !strings.Contains(plain(v), "then") {
		t.Errorf("the line should still show:\n%s", plain(v))
	}
}

func TestDraftIsSavedWhileTyping(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	openM1E3(t, d)
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	typeText(d, "half a thought")
	drafts, err := app.Live().Drafts()
	if err != nil || len(drafts) != 1 || drafts[0].Text != "half a thought" {
		t.Fatalf("draft: %+v %v", drafts, err)
	}
	if !strings.HasSuffix(drafts[0].Key, "/M1-E3/g1/benefits/") {
		t.Errorf("draft key %q", drafts[0].Key)
	}
	d.Send(keyMsg("enter"))
	if drafts, _ := app.Live().Drafts(); len(drafts) != 0 {
		t.Errorf("a saved line leaves no draft: %+v", drafts)
	}
}

// TestSavedLineIsQueuedBeforeItsDraftIsCleared: the draft of a line must
// not be cleared before the line itself is saved, or a crash between the
// two would lose both. Running the draft-clearing write alone must find
// the line saved already.
func TestSavedLineIsQueuedBeforeItsDraftIsCleared(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	openM1E3(t, d)
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	typeText(d, "a line worth keeping")
	if drafts, _ := app.Live().Drafts(); len(drafts) != 1 {
		t.Fatalf("drafts before saving: %+v", drafts)
	}
	// The keypress's commands, not yet run: each is one queued write.
	_, cmd := app.Update(keyMsg("enter"))
	// Open the batch without running the writes: a batch's message is the
	// list of its commands.
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatalf("want a batch of writes")
	}
	sid := app.Live().Session().ID
	for i := len(batch) - 1; i >= 0; i-- {
		if batch[i] == nil {
			continue
		}
		if _, isDraft := batch[i]().(session.DraftSavedMsg); isDraft {
			es, _ := app.Live().Store().Entries(sid)
			found := false
			for _, e := range es {
				found = found || e.Text == "a line worth keeping"
			}
			if !found {
				t.Fatal("the draft was cleared before the line was saved")
			}
			return
		}
	}
	t.Fatal("no draft was cleared")
}

package ui

import (
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// openM1E3 goes to M1-E3's slide and starts it.
func openM1E3(t *testing.T, d *driver) {
	t.Helper()
	d.send(keyMsg(":"))
	typeText(d, "m1 12")
	d.send(keyMsg("enter"))
	d.send(keyMsg("enter"))
	if !strings.Contains(plain(d.m.View()), "M1-E3 · A journey towards integration") {
		t.Fatalf("M1-E3 did not open:\n%s", plain(d.m.View()))
	}
}

func TestDiscussionCapturesTagsAndTiltsTheSeesaw(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	openM1E3(t, d)
	d.send(keyMsg("right")) // attached
	d.send(keyMsg("right")) // aligned
	d.send(keyMsg("down"))
	d.send(keyMsg("enter"))
	typeText(d, "Shared MDT meetings every week")
	d.send(keyMsg("enter"))
	d.send(keyMsg("p"))
	d.send(keyMsg("3"))
	d.send(keyMsg("w"))
	v := plain(d.m.View())
	for _, want := range []string{"◉ ALIGNED", "Shared MDT meetings every week  [+ positive 3]", "+ Positives 3 · − Challenges 0", "leans to the positives (3 of 3)"} {
		if !strings.Contains(v, want) {
			t.Errorf("screen lacks %q:\n%s", want, v)
		}
	}
	data := app.Live().Data()
	var found bool
	for _, e := range data.Entries {
		if e.Text == "Shared MDT meetings every week" && e.Tag == model.TagPositive && e.Weight == 3 && e.Group == "g1" {
			found = true
		}
	}
	if !found {
		t.Errorf("the tagged line is not saved: %+v", data.Entries)
	}
}

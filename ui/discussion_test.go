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

func TestDiscussionMergeAndDotVote(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	openM1E3(t, d)
	d.send(keyMsg("down"))
	for _, s := range []string{"Weekly MDT", "weekly MDT meeting", "Joint visits"} {
		d.send(keyMsg("enter"))
		typeText(d, s)
		d.send(keyMsg("enter"))
	}
	// The cursor is on "Joint visits"; go up to "weekly MDT meeting" and merge it into "Weekly MDT".
	d.send(keyMsg("up"))
	d.send(keyMsg("G"))
	d.send(keyMsg("up"))
	d.send(keyMsg("enter"))
	v := plain(d.m.View())
	if !strings.Contains(v, "Weekly MDT  (+1 similar)") || strings.Contains(v, "• weekly MDT meeting") {
		t.Fatalf("merge:\n%s", v)
	}
	d.send(keyMsg("V"))
	if !strings.Contains(plain(d.m.View()), "Group 1 votes: ●●● 3 of 3 dots left") {
		t.Fatalf("dot vote:\n%s", plain(d.m.View()))
	}
	d.send(keyMsg(" "))
	d.send(keyMsg(" "))
	d.send(keyMsg("tab"))
	d.send(keyMsg(" "))
	d.send(keyMsg("x"))
	d.send(keyMsg("x")) // group 2 gave only one
	v = plain(d.m.View())
	if !strings.Contains(v, "Group 2 votes: ●●● 3 of 3 dots left") || !strings.Contains(v, "●●     2  Weekly MDT") {
		t.Fatalf("after voting:\n%s", v)
	}
	d.send(keyMsg("shift+tab"))
	d.send(keyMsg(" "))
	d.send(keyMsg(" ")) // a fourth dot: none left
	data := app.Live().Data()
	if e, _ := data.Entry(data.In(model.Slot{Exercise: "M1-E3", Group: "g1", Field: "benefits"})[0].ID); e.Votes != 3 {
		t.Errorf("votes saved: %+v", e)
	}
	if n := data.DotsUsed("M1-E3", "g1"); n != 3 {
		t.Errorf("group 1 used %d dots", n)
	}
	if !strings.Contains(plain(d.m.View()), "no dots left") {
		t.Errorf("a group with no dots left is told so:\n%s", plain(d.m.View()))
	}
}

package ui

import (
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// openM1E3 goes to M1-E3's slide and starts it.
func openM1E3(t *testing.T, d *driver) {
	t.Helper()
	d.Send(keyMsg(":"))
	typeText(d, "m1 12")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("enter"))
	if !strings.Contains(plain(d.M.View()), "M1-E3 · A journey towards integration") {
		t.Fatalf("M1-E3 did not open:\n%s", plain(d.M.View()))
	}
}

func TestDiscussionCapturesTagsAndTiltsTheSeesaw(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	openM1E3(t, d)
	d.Send(keyMsg("right")) // attached
	d.Send(keyMsg("right")) // aligned
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	typeText(d, "Shared MDT meetings every week")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("p"))
	d.Send(keyMsg("3"))
	d.Send(keyMsg("w"))
	v := plain(d.M.View())
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
	d.Send(keyMsg("down"))
	for _, s := range []string{"Weekly MDT", "weekly MDT meeting", "Joint visits"} {
		d.Send(keyMsg("enter"))
		typeText(d, s)
		d.Send(keyMsg("enter"))
	}
	// The cursor is on "Joint visits"; go up to "weekly MDT meeting" and merge it into "Weekly MDT".
	d.Send(keyMsg("up"))
	d.Send(keyMsg("G"))
	d.Send(keyMsg("up"))
	d.Send(keyMsg("enter"))
	v := plain(d.M.View())
	if !strings.Contains(v, "Weekly MDT  (+1 similar)") || strings.Contains(v, "• weekly MDT meeting") {
		t.Fatalf("merge:\n%s", v)
	}
	d.Send(keyMsg("V"))
	if !strings.Contains(plain(d.M.View()), "Group 1 votes: ●●● 3 of 3 dots left") {
		t.Fatalf("dot vote:\n%s", plain(d.M.View()))
	}
	d.Send(keyMsg(" "))
	d.Send(keyMsg(" "))
	d.Send(keyMsg("tab"))
	d.Send(keyMsg(" "))
	d.Send(keyMsg("x"))
	d.Send(keyMsg("x")) // group 2 gave only one
	v = plain(d.M.View())
	if !strings.Contains(v, "Group 2 votes: ●●● 3 of 3 dots left") || !strings.Contains(v, "●●     2  Weekly MDT") {
		t.Fatalf("after voting:\n%s", v)
	}
	d.Send(keyMsg("shift+tab"))
	d.Send(keyMsg(" "))
	d.Send(keyMsg(" ")) // a fourth dot: none left
	data := app.Live().Data()
	if e, _ := data.Entry(data.In(model.Slot{Exercise: "M1-E3", Group: "g1", Field: "benefits"})[0].ID); e.Votes != 3 {
		t.Errorf("votes saved: %+v", e)
	}
	if n := data.DotsUsed("M1-E3", "g1"); n != 3 {
		t.Errorf("group 1 used %d dots", n)
	}
	if !strings.Contains(plain(d.M.View()), "no dots left") {
		t.Errorf("a group with no dots left is told so:\n%s", plain(d.M.View()))
	}
}

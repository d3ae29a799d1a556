package live_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/live"
	"github.com/carehuddle/huddle/ui/uitest"
)

// The room's results reach the facilitator's session as ordinary entries
// and counts: revealed notes in a group named Room, tallies kept apart
// from the facilitator's counts, and summed where they are shown.
func TestRecorderCommitsTheRoomsResults(t *testing.T) {
	deck := uitest.BuiltinDeck(t)
	st := uitest.Store(t)
	l := uitest.StartLive(t, st, deck, "North")
	rec := live.NewRecorder(l)

	// notes revealed twice land in one Room group of the discussion
	if err := rec.Reveal("M1-E3", []string{"we share a duty desk", "one record"}); err != nil {
		t.Fatal(err)
	}
	if err := rec.Reveal("M1-E3", []string{"joint visits"}); err != nil {
		t.Fatal(err)
	}
	d := l.Data()
	group, ok := d.RoomGroup("M1-E3")
	if !ok {
		t.Fatal("no room group after a reveal")
	}
	gs := d.Groups("M1-E3", 1)
	if last := gs[len(gs)-1]; last.Key != group || last.Name != "Room" {
		t.Errorf("the groups end with %+v, want the room's group %s named Room", last, group)
	}
	ex := l.Exercises()["M1-E3"]
	lines := d.In(model.Slot{Exercise: "M1-E3", Group: group, Field: model.RoomNotesField(ex)})
	if len(lines) != 3 || lines[2].Text != "joint visits" {
		t.Fatalf("the room's group holds %+v, want the three notes in order", lines)
	}

	// dots from the room on a revealed line, beside a group's own dot
	dots := rec.Lines("M1-E3")
	if len(dots) != 3 {
		t.Fatalf("%d lines to dot, want 3", len(dots))
	}
	for range 2 {
		if err := rec.Tally("M1-E3", "dot/"+dots[1].ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	if m := l.CommitNow(model.Change{Op: model.OpAddVotes, Entry: model.Entry{ID: dots[1].ID}, Delta: 1}); m.Err != nil {
		t.Fatal(m.Err)
	}
	if top := rec.Lines("M1-E3")[0]; top.ID != dots[1].ID {
		t.Errorf("the most dotted line is not listed first: %+v", top)
	}
	d = l.Data()
	dotted, _ := d.Entry(dots[1].ID)
	if dotted.Votes != 1 || dotted.RoomVotes != 2 {
		t.Errorf("the line has %d counted and %d room dots, want 1 and 2", dotted.Votes, dotted.RoomVotes)
	}
	if sum := model.SummaryMarkdown(ex, &d); !strings.Contains(sum, "3 dots, 2 from the room") {
		t.Errorf("the summary does not sum the dots and say the room's part:\n%s", sum)
	}

	// a poll: the room's votes and the facilitator's add up
	poll := l.Exercises()["B-1"]
	for _, c := range []string{"option/0", "option/0", "option/2", "option/2", "option/2"} {
		if err := rec.Tally("B-1", c, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Tally("B-1", "option/2", -1); err != nil { // a vote changed
		t.Fatal(err)
	}
	l.CommitNow(model.Change{Op: model.OpAddVotes, Entry: model.Entry{ExerciseID: "B-1", Field: model.OptionField(0)}, Delta: 1})
	d = l.Data()
	votes, total := model.PollVotes(poll, &d)
	if votes[0] != 3 || votes[2] != 2 || total != 5 {
		t.Errorf("poll votes %v (total %d), want 3 and 2 of 5", votes, total)
	}

	// a rating: the room's ratings are counted per column and weigh on the see-saw
	rating := l.Exercises()["M2-E4"]
	best := len(rating.Scale) - 1
	for _, c := range []string{"item/0=" + itoa(best), "item/0=" + itoa(best), "item/1=0"} {
		if err := rec.Tally("M2-E4", c, 1); err != nil {
			t.Fatal(err)
		}
	}
	d = l.Data()
	counts := model.RoomRatings(rating, &d)
	if counts[0][best] != 2 || counts[1][0] != 1 {
		t.Errorf("room ratings %v", counts)
	}
	items := model.SeesawItems(&d, l.Exercises())
	var weights []int
	for _, it := range items {
		if it.Origin == "M2-E4" {
			weights = append(weights, it.Weight)
		}
	}
	if len(weights) != 2 || weights[0] != 3 || weights[1] != 1 {
		t.Errorf("the room's ratings put weights %v on the see-saw, want [3 1]", weights)
	}
	if sum := model.SummaryMarkdown(rating, &d); !strings.Contains(sum, "The room's ratings") {
		t.Errorf("the rating's summary leaves out the room's ratings:\n%s", sum)
	}
	if sum := model.SummaryMarkdown(poll, &d); !strings.Contains(sum, "**Total:** 5 votes (4 from the room)") {
		t.Errorf("the poll's summary does not say the room's part:\n%s", sum)
	}
	if err := rec.Tally("M2-E4", "nonsense", 1); err == nil {
		t.Error("an unknown choice was counted")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

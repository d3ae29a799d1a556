package main

import (
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// savedLines opens the database after huddle has exited and lists the
// live lines of one exercise field.
func savedLines(t *testing.T, db string, slot model.Slot) []model.Entry {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.ListSessions()
	if err != nil || len(list) == 0 {
		t.Fatalf("sessions: %v %v", list, err)
	}
	entries, err := st.Entries(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	d := model.SessionData{Entries: entries}
	return d.In(slot)
}

// TestTmuxPasteWithKeyNamesIsText types and pastes lines holding the names
// of keys ("home", "end", "enter", "up") into a capture input of the real
// binary: each lands as typed and is saved whole, never taken as keys.
func TestTmuxPasteWithKeyNamesIsText(t *testing.T) {
	s, _, _, db, _ := m1Session(t)
	openM1E3(s)
	s.keys("Down", "Enter")
	s.waitFor("›")
	const typed = "go home now, then enter the room"
	s.keys("-l", typed) // one read of many runes, as a fast typist or a paste without brackets
	s.waitFor("› " + typed)
	s.keys("Enter")
	s.waitFor("• " + typed)

	const pasted = "up the stairs, end of the corridor, left at home"
	s.keys("Enter")
	s.waitFor("›")
	s.tmux("set-buffer", pasted)
	s.tmux("paste-buffer", "-p", "-t", "main") // a bracketed paste
	s.waitFor("› " + pasted)
	s.keys("Enter")
	s.waitFor("• " + pasted)

	s.keys("Escape")
	s.waitFor("slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")
	var got []string
	for _, e := range savedLines(t, db, model.Slot{Exercise: "M1-E3", Group: "g1", Field: "benefits"}) {
		got = append(got, e.Text)
	}
	if strings.Join(got, "|") != typed+"|"+pasted {
		t.Fatalf("saved %q, want the two lines as typed", got)
	}
}

// TestTmuxDotVoteFollowsTheLine gives two dots in a row to the second of
// two lines in the real binary: the list re-sorts after the first dot, and
// the second dot goes to the same line, not to the line now in its row.
func TestTmuxDotVoteFollowsTheLine(t *testing.T) {
	s, _, _, db, _ := m1Session(t)
	openM1E3(s)
	s.keys("Down")
	addLine(s, "Weekly MDT meetings")
	addLine(s, "Joint visits")
	s.keys("V")
	s.waitFor("Group 1 votes: ●●● 3 of 3 dots left")
	s.keys("Down")
	s.waitFor("▶ ")
	s.keys("Space", "Space")
	s.waitFor("1 of 3 dots left")
	scr := s.waitFor("●●     2  Joint visits")
	if strings.Contains(scr, "●      1") {
		t.Fatalf("the two dots went to two lines:\n%s", scr)
	}
	s.keys("Escape")
	s.waitGone("Dot vote")
	s.keys("Escape")
	s.waitFor("slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")
	for _, e := range savedLines(t, db, model.Slot{Exercise: "M1-E3", Group: "g1", Field: "benefits"}) {
		want := map[string]int{"Weekly MDT meetings": 0, "Joint visits": 2}[e.Text]
		if e.Votes != want {
			t.Errorf("%q has %d dots, want %d", e.Text, e.Votes, want)
		}
	}
}

// TestTmuxSeesawWeighsTheNewItem: in the full-screen see-saw of the real
// binary, c, text, enter, 3 adds a challenge and weighs that item, never
// the discussion line that was on the see-saw before.
func TestTmuxSeesawWeighsTheNewItem(t *testing.T) {
	s, _, _, db, _ := m1Session(t)
	openM1E3(s)
	s.keys("Down")
	addLine(s, "Weekly MDT meetings")
	s.keys("p")
	s.waitFor("Weekly MDT meetings  [+ positive 1]")
	s.keys("W")
	s.waitFor("+ Positive")
	s.keys("c")
	s.waitFor("›")
	s.keys("-l", "Funding ends in March")
	s.keys("Enter")
	s.waitFor("Funding ends in March")
	s.keys("3")
	s.waitFor("●●● 3 Funding ends in March")
	s.keys("Escape")
	s.waitGone("+ Positive")
	s.keys("Escape")
	s.waitFor("slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")
	lines := savedLines(t, db, model.Slot{Exercise: "M1-E3", Group: "g1", Field: "benefits"})
	if len(lines) != 1 || lines[0].Weight != 1 {
		t.Errorf("the discussion line was re-weighted: %+v", lines)
	}
	items := savedLines(t, db, model.Slot{Exercise: model.ExerciseSeesaw, Field: model.FieldNote})
	if len(items) != 1 || items[0].Text != "Funding ends in March" || items[0].Weight != 3 || items[0].Tag != model.TagChallenge {
		t.Errorf("the new challenge is %+v, want weight 3", items)
	}
}

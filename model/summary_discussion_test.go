package model

import (
	"strings"
	"testing"
)

func TestDiscussionSummary(t *testing.T) {
	ex := &Exercise{ID: "M1-E3", Kind: KindDiscussion, Groups: 3, Closing: "What support do you need?",
		Fields: []Field{{Key: "position", Label: "Where is the team?", Type: FieldContinuum}, {Key: "benefits", Label: "Benefits", Type: FieldLines}}}
	d := &SessionData{Entries: []Entry{
		{ID: "1", ExerciseID: "M1-E3", Group: "g1", Field: "position", Value: "aligned"},
		{ID: "2", ExerciseID: "M1-E3", Group: "g3", Field: "position", Value: "embedded"},
		{ID: "3", ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Weekly MDT", Tag: TagPositive, Weight: 2, Votes: 2},
		{ID: "4", ExerciseID: "M1-E3", Group: "g2", Field: "benefits", Text: "weekly MDT meeting", MergedInto: "3"},
		{ID: "5", ExerciseID: "M1-E3", Group: "g2", Field: FieldDot, Value: "3", Text: "dot"},
		{ID: "6", ExerciseID: "M1-E3", Group: "g2", Field: FieldGroupName, Text: "Therapists"},
		{ID: "7", ExerciseID: "M1-E3", Field: FieldClosing, Text: "Protected time for joint visits"},
	}}
	got := DiscussionSummary(ex, d)
	for _, want := range []string{"| aligned | Group 1 |", "| embedded | Group 3 |", "| not placed | Therapists |",
		"### Group 1", "Weekly MDT", "(+1 similar)", "### Whole team", "Protected time for joint visits",
		"### Chosen by dot vote", "1. Weekly MDT (2 dots)"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	// A merged line keeps its words in the minutes, under the line it was
	// merged into, never as a line of its own; dots are not lines.
	if !strings.Contains(got, "  - similar: weekly MDT meeting") || strings.Contains(got, "\n- weekly MDT meeting") || strings.Contains(got, "dot\n") {
		t.Errorf("merged lines and dots are not lines of their own:\n%s", got)
	}
	if got := DiscussionSummary(ex, &SessionData{}); got != NothingCaptured {
		t.Errorf("empty: %q", got)
	}
}

package model

import (
	"strings"
	"testing"
)

func TestCardSortSummary(t *testing.T) {
	ex := &Exercise{ID: "M3-E5", Kind: KindCardSort, Rounds: []int{2, 1},
		Fields: []Field{{Key: "compare", Label: "How do my values compare?", Type: FieldLines}}, Closing: "Run it with health?"}
	d := kindsData(
		Entry{ExerciseID: "M3-E5", Field: FieldCard, Text: "Privacy", Order: 3},
		Entry{ExerciseID: "M3-E5", Field: FieldCard, Text: "Dignity", Order: 2, Value: "round:2"},
		Entry{ExerciseID: "M3-E5", Field: FieldCard, Text: "# Social justice", Order: 1, Value: "round:1"},
		Entry{ExerciseID: "M3-E5", Field: FieldRound, Value: "2"},
		Entry{ExerciseID: "M3-E5", Field: "compare", Text: "Close to the nurses'"},
		Entry{ExerciseID: "M3-E5", Field: FieldClosing, Text: "Yes"},
	)
	md := SummaryMarkdown(ex, &d)
	for _, want := range []string{
		"### Top 1, in order\n\n1. Dignity\n",
		"### Round 1: 2 values kept\n\n1. \\# Social justice\n2. Dignity\n",
		"### Values entered (3)\n\n- \\# Social justice\n- Dignity\n- Privacy\n",
		"**How do my values compare?**\n\n- Close to the nurses'\n",
		"**Run it with health?**\n\n- Yes\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
	if strings.Index(md, "Top 1") > strings.Index(md, "Round 1") {
		t.Error("the final result should come first")
	}
	if got := SummaryMarkdown(ex, &SessionData{}); got != NothingCaptured {
		t.Errorf("empty: %q", got)
	}
	if CardRound(Entry{Value: "round:x"}) != 0 || CardRoundValue(0) != "" || CardRoundValue(3) != "round:3" {
		t.Error("round values")
	}
}

package model

import (
	"strings"
	"testing"
)

func TestCaseStudySummary(t *testing.T) {
	ex := &Exercise{ID: "M2-E2", Kind: KindCaseStudy, Question: "Which case was embedded?",
		Cases:     []Case{{Key: "A", Title: "Case 1: COPD"}, {Key: "B", Title: "Case 2: pressure sores"}},
		Questions: []string{"What worked?", "What did not?"},
		Fields:    []Field{{Key: "actions", Label: "Actions", Type: FieldLines}}}
	d := kindsData(
		Entry{ExerciseID: "M2-E2", Group: "B", Field: "q2", Text: "Late referral"},
		Entry{ExerciseID: "M2-E2", Group: "A", Field: "q1", Text: "Joint visit"},
		Entry{ExerciseID: "M2-E2", Field: FieldVote, Value: "A", Text: "Went home"},
		Entry{ExerciseID: "M2-E2", Field: FieldVote, Value: "A", Text: "Family involved"},
		Entry{ExerciseID: "M2-E2", Field: FieldVote, Value: "B", Text: "Unsure"},
		Entry{ExerciseID: "M2-E2", Field: "actions", Text: "Share the cases"},
	)
	md := SummaryMarkdown(ex, &d)
	for _, want := range []string{
		"### Case 1: COPD\n\n**What worked?**\n\n- Joint visit\n",
		"### Case 2: pressure sores\n\n**What did not?**\n\n- Late referral\n",
		"| Case 1: COPD | 2 |\n| Case 2: pressure sores | 1 |\n",
		"- **Case A** — Went home\n",
		"**Actions**\n\n- Share the cases\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
	if strings.Index(md, "COPD") > strings.Index(md, "pressure sores") {
		t.Error("cases out of the deck's order")
	}
}

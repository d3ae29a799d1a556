package model

import (
	"strings"
	"testing"
)

func TestCaseReviewSummary(t *testing.T) {
	ex := &Exercise{ID: "M3-E4", Kind: KindCaseReview, Fields: []Field{
		{Key: "case", Label: "Case label", Type: FieldText},
		{Key: "admission", Label: "Admission avoided?", Type: FieldChoice, Options: []string{"yes", "no"}},
	}}
	d := kindsData(
		Entry{ExerciseID: "M3-E4", Group: "g2", Field: "case", Text: "Case B"},
		Entry{ExerciseID: "M3-E4", Group: "g1", Field: "case", Text: "Case A"},
		Entry{ExerciseID: "M3-E4", Group: "g1", Field: "admission", Value: "yes"},
		Entry{ExerciseID: "M3-E4", Group: "g2", Field: "admission", Value: "yes"},
		Entry{ExerciseID: "M3-E4", Field: FieldSupervision, Text: "Early contact works"},
	)
	md := SummaryMarkdown(ex, &d)
	for _, want := range []string{
		"| Case label | Admission avoided? |\n| --- | --- |\n| Case A | yes |\n| Case B | yes |\n| Totals: 2 cases | yes 2 · no 0 |\n",
		"### Summary for supervision\n\nEarly contact works\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
}

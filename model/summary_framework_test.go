package model

import "testing"

func TestFrameworkSummary(t *testing.T) {
	ex := &Exercise{ID: "M2-E3", Kind: KindFramework, Fields: []Field{
		{Key: "able", Label: "Able", Type: FieldLines}, {Key: "willing", Label: "Willing", Type: FieldLines}}}
	d := SessionData{}
	if got := SummaryMarkdown(ex, &d); got != NothingCaptured {
		t.Errorf("empty: %q", got)
	}
	d.Entries = []Entry{{ID: "1", ExerciseID: "M2-E3", Field: "willing", Text: "time to talk"}, {ID: "2", ExerciseID: "M2-E3", Field: "willing", Text: "trust", Tag: TagPositive, Weight: 1}}
	want := "**Able**\n\n_Nothing yet._\n\n**Willing**\n\n- time to talk\n- trust (+) weight 1\n"
	if got := SummaryMarkdown(ex, &d); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

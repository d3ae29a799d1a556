package model

import "testing"

func TestRatingSummary(t *testing.T) {
	ex := &Exercise{ID: "M2-E4", Kind: KindRating, Seesaw: "positive",
		Scale: []string{"hasn't had the opportunity", "could do better", "does this well"},
		Items: []string{"Understand integration", "Trust each other"}, Challenges: []string{"Role blurring"}}
	d := SessionData{Entries: []Entry{
		{ID: "1", ExerciseID: "M2-E4", Field: ItemField(0), Value: "does this well"},
		{ID: "2", ExerciseID: "M2-E4", Field: ItemField(1), Value: "could do better"},
		{ID: "3", ExerciseID: "M2-E4", Field: FieldChallenge, Text: "Role blurring", Tag: TagChallenge, Weight: 2},
	}}
	md := SummaryMarkdown(ex, &d)
	wantAll(t, md,
		"| Statement | Rating | Note |\n", "| Understand integration | does this well |   |\n",
		"**Counts:** hasn't had the opportunity **0** · could do better **1** · does this well **1**\n",
		"**See-saw (this exercise):** positives 5 · challenges 2 — leans to the positives (2 of 3)\n",
		"**Challenges**\n\n- Role blurring (−) weight 2\n",
	)
}

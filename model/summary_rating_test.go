package model

import (
	"slices"
	"testing"
)

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

// TestItemCountsCountTheRoom: a statement the room rated is answered,
// whether or not the facilitator chose a rating for it; only one nobody
// rated is "not answered". The summary's counts say the same.
func TestItemCountsCountTheRoom(t *testing.T) {
	ex := &Exercise{ID: "M2-E4", Kind: KindRating,
		Scale: []string{"hasn't had the opportunity", "could do better", "does this well"},
		Items: []string{"Understand integration", "Trust each other", "Share records", "Plan together"}}
	for _, c := range []struct {
		name              string
		entries           []Entry
		counts            []int
		byRoom, unanswerd int
	}{
		{"nobody rated", nil, []int{0, 0, 0}, 0, 4},
		{"the facilitator only", []Entry{
			{ID: "1", ExerciseID: "M2-E4", Field: ItemField(0), Value: "does this well"},
		}, []int{0, 0, 1}, 0, 3},
		{"the room only", []Entry{
			{ID: "1", ExerciseID: "M2-E4", Field: RoomRatingField(1, 2), RoomVotes: 3},
			{ID: "2", ExerciseID: "M2-E4", Field: RoomRatingField(2, 0), RoomVotes: 1},
		}, []int{0, 0, 0}, 2, 2},
		{"both on one statement, the room on another", []Entry{
			{ID: "1", ExerciseID: "M2-E4", Field: ItemField(0), Value: "could do better"},
			{ID: "2", ExerciseID: "M2-E4", Field: RoomRatingField(0, 2), RoomVotes: 4},
			{ID: "3", ExerciseID: "M2-E4", Field: RoomRatingField(3, 1), RoomVotes: 2},
		}, []int{0, 1, 0}, 1, 2},
		{"room counts taken back to nothing", []Entry{
			{ID: "1", ExerciseID: "M2-E4", Field: RoomRatingField(1, 2), RoomVotes: 0},
		}, []int{0, 0, 0}, 0, 4},
	} {
		d := SessionData{Entries: c.entries}
		counts, byRoom, un := ItemCounts(ex, &d)
		var got []int
		for _, sc := range counts {
			got = append(got, sc.Count)
		}
		if !slices.Equal(got, c.counts) || byRoom != c.byRoom || un != c.unanswerd {
			t.Errorf("%s: counts %v, by the room only %d, not answered %d; want %v, %d, %d", c.name, got, byRoom, un, c.counts, c.byRoom, c.unanswerd)
		}
	}
	d := SessionData{Entries: []Entry{
		{ID: "1", ExerciseID: "M2-E4", Field: ItemField(0), Value: "could do better"},
		{ID: "3", ExerciseID: "M2-E4", Field: RoomRatingField(3, 1), RoomVotes: 2},
	}}
	wantAll(t, SummaryMarkdown(ex, &d),
		"**Counts:** hasn't had the opportunity **0** · could do better **1** · does this well **0** · rated by the room only **1** · not answered **2**\n")
}

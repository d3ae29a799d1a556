package model

import (
	"fmt"
	"testing"
)

func TestPollSummary(t *testing.T) {
	ex := &Exercise{ID: "B-3", Kind: KindPoll, Question: "Biggest obstacle?", Options: []string{"Esteem", "Cultures", "Pay"}}
	d := SessionData{}
	if got := SummaryMarkdown(ex, &d); got != NothingCaptured {
		t.Errorf("empty: %q", got)
	}
	d.Entries = []Entry{
		{ID: "1", ExerciseID: "B-3", Field: OptionField(0), Votes: 3},
		{ID: "2", ExerciseID: "B-3", Field: OptionField(2), Votes: 1},
	}
	wantAll(t, SummaryMarkdown(ex, &d), "**Biggest obstacle?**\n\n| Option | Votes | Share |   |\n",
		"| Esteem | 3 | 75% | ████████████████████ |\n", "| Cultures | 0 | 0% |   |\n", "| Pay | 1 | 25% | ███████ |\n",
		"**Total:** 4 votes\n")
	if v, total := PollVotes(ex, &d); total != 4 || v[1] != 0 {
		t.Errorf("votes %v %d", v, total)
	}
}

func TestSharesAddUpTo100(t *testing.T) {
	for _, c := range []struct {
		counts []int
		want   []int
	}{
		{[]int{1, 1, 1}, []int{34, 33, 33}},
		{[]int{2, 1, 1, 3}, []int{29, 14, 14, 43}},
		{[]int{0, 0}, []int{0, 0}},
		{[]int{5, 0}, []int{100, 0}},
		{[]int{1, 2, 4}, []int{14, 29, 57}},
	} {
		got := Shares(c.counts)
		sum := 0
		for _, g := range got {
			sum += g
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) || (sum != 100 && sum != 0) {
			t.Errorf("Shares(%v) = %v (sum %d), want %v", c.counts, got, sum, c.want)
		}
	}
}

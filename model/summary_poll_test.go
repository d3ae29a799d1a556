package model

import "testing"

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

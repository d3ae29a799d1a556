package ui

import (
	"testing"

	"github.com/carehuddle/huddle/model"
)

func TestPollVotesAsLiveBars(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	kaOpen(t, d, app, "B-3")
	kaKeys(d, "1", "1", "1", "2", "4", "4")
	kaWant(t, d, "Which of the NAO concerns", "1 Disparity of esteem", "3 votes (50%)", "1 vote (17%)", "2 votes (33%)", "Total: 6 votes")
	kaKeys(d, "!", "$", "up", "up", "right", "left", "left")
	data := app.Live().Data()
	votes, total := model.PollVotes(app.Live().Exercises()["B-3"], &data)
	if total != 3 || votes[0] != 2 || votes[1] != 0 || votes[2] != 0 || votes[3] != 1 {
		t.Fatalf("votes %v (%d): %+v", votes, total, data.Entries)
	}
	// No count goes below zero; a single entry per option.
	kaKeys(d, "left")
	data = app.Live().Data()
	if n := len(data.In(model.Slot{Exercise: "B-3", Field: model.OptionField(1)})); n != 1 {
		t.Errorf("option 2 has %d entries", n)
	}
	kaReopen(t, d, app, "B-3")
	kaWant(t, d, "2 votes (67%)", "Total: 3 votes")
	// The prompts tab.
	kaKeys(d, "tab", "enter")
	typeText(d, "Pay: set nationally")
	kaKeys(d, "enter")
	kaWant(t, d, "[ Prompts ]", "• Pay: set nationally")
	kaKeys(d, "tab")
	kaWant(t, d, "[ Votes ]")
	// Clearing asks first.
	kaKeys(d, "x", "n")
	kaWant(t, d, "Total: 3 votes")
	kaKeys(d, "x", "y")
	kaWant(t, d, "Total: 0 votes")
	kaKeys(d, "1", "S")
	kaWant(t, d, "Summary", "Total: 1 vote", "Pay: set nationally")
}

func TestPollGoldens(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	kaOpen(t, d, app, "B-1")
	kaKeys(d, "1", "2", "2", "3", "3", "3", "3", "4", "4", "5")
	t.Run("capture", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "Total: 10 votes") })
	kaKeys(d, "S")
	t.Run("summary", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "Summary") })
}

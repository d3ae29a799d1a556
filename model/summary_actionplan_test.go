package model

import (
	"strings"
	"testing"
	"time"
)

func TestActionPlanSummary(t *testing.T) {
	ex := &Exercise{ID: "AP", Kind: KindActionPlan}
	d := SessionData{}
	if got := SummaryMarkdown(ex, &d); got != NothingCaptured {
		t.Errorf("empty: %q", got)
	}
	d.Actions = []Action{
		{ID: "a", ExerciseID: "AP", Text: "Book training", Owner: "practice lead", Due: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)},
		{ID: "b", ExerciseID: "AP", Text: "Drop it", Status: ActionDropped},
		{ID: "c", ExerciseID: "other", Text: "elsewhere"},
	}
	md := SummaryMarkdown(ex, &d)
	wantAll(t, md, "| Book training | practice lead | 30 Jun 2025 |   | open |\n", "**Status:** open **1** · done **0** · dropped **1**\n")
	if strings.Contains(md, "elsewhere") {
		t.Error("another exercise's action is listed")
	}
}

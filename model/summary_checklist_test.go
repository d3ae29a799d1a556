package model

import (
	"strings"
	"testing"
)

func wantAll(t *testing.T, md string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(md, w) {
			t.Errorf("summary lacks %q:\n%s", w, md)
		}
	}
}

func TestChecklistSummary(t *testing.T) {
	ex := &Exercise{ID: "M1-E2", Kind: KindChecklist, Scale: []string{"fully in place", "partly", "not in place"},
		Items:  []string{"Co-location", "MDT | meetings", "Funding"},
		Fields: []Field{{Key: "flex", Label: "What I can flex", Type: FieldLines}}}
	d := SessionData{}
	if got := SummaryMarkdown(ex, &d); got != NothingCaptured {
		t.Errorf("empty: %q", got)
	}
	d.Entries = []Entry{
		{ID: "1", ExerciseID: "M1-E2", Field: ItemField(0), Value: "partly"},
		{ID: "2", ExerciseID: "M1-E2", Field: ItemNoteField(0), Text: "two days a week"},
		{ID: "3", ExerciseID: "M1-E2", Field: ItemField(1), Value: "fully in place"},
		{ID: "4", ExerciseID: "M1-E2", Field: "flex", Text: "# the rota"},
	}
	d.Actions = []Action{{ID: "a", ExerciseID: "M1-E2", Text: "Ask for a desk", Owner: "team manager", Status: ActionOpen}}
	md := SummaryMarkdown(ex, &d)
	wantAll(t, md,
		"| Item | Status | Note |\n",
		"| Co-location | partly | two days a week |\n",
		"| MDT \\| meetings | fully in place |   |\n",
		"| Funding | — |   |\n",
		"**Counts:** fully in place **1** · partly **1** · not in place **0** · not answered **1**\n",
		"**What I can flex**\n\n- \\# the rota\n",
		"| Ask for a desk | team manager |   |   | open |\n",
	)
	if strings.Contains(md, "Across the principles") || len(headingsOf(md)) != 0 {
		t.Errorf("M1-E2 is not a principle:\n%s", md)
	}
}

func TestPrinciplesAcross(t *testing.T) {
	scale := []string{"yes", "partly", "no", "not sure"}
	p1 := &Exercise{ID: "P1", Kind: KindChecklist, Title: "Principle 1", Scale: scale, Items: []string{"a", "b", "c"}}
	p3 := &Exercise{ID: "P3", Kind: KindChecklist, Title: "Principle 3", Scale: scale, Items: []string{"a", "b"}}
	d := SessionData{Entries: []Entry{
		{ID: "1", ExerciseID: "P3", Field: ItemField(0), Value: "no"},
		{ID: "2", ExerciseID: "P1", Field: ItemField(0), Value: "yes"},
		{ID: "3", ExerciseID: "P1", Field: ItemField(2), Value: "yes"},
		{ID: "4", ExerciseID: "P1", Field: ItemNoteField(2), Text: "mostly"},
		{ID: "5", ExerciseID: "M1-E2", Field: ItemField(0), Value: "yes"},
	}}
	tally := PrinciplesTally(&d, map[string]*Exercise{"P1": p1, "P3": p3})
	if len(tally) != 2 || tally[0].ID != "P1" || tally[1].ID != "P3" || tally[0].Counts[0].Count != 2 || tally[0].Unanswered != 1 || tally[1].Counts[2].Count != 1 {
		t.Fatalf("tally %+v", tally)
	}
	md := SummaryMarkdown(p1, &d)
	wantAll(t, md, "### Across the principles\n\n| Principle | yes | partly | no | not sure |\n",
		"| P1 Principle 1 | 2 | 0 | 0 | 0 |\n", "| P3 | 0 | 0 | 1 | 0 |\n", "| c | yes | mostly |\n")
}

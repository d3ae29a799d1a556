package model

import (
	"strings"
	"testing"
)

func TestAssessmentSummary(t *testing.T) {
	ex := integrationProfile()
	ex.Prompts = []string{"Which factor was hardest?"}
	var es []Entry
	for _, f := range ex.Factors {
		es = append(es, Entry{ExerciseID: ex.ID, Field: FactorField(f.Key), Value: f.Profiles[1]}) // the aligned column
	}
	es = append(es, Entry{ExerciseID: ex.ID, Field: PromptField(0), Text: "Trust"})
	d := kindsData(es...)
	md := SummaryMarkdown(ex, &d)
	for _, want := range []string{
		"Nearest profile: **aligned** (distance 0.00, from 10 of 10 factors",
		"- aligned: 0.00\n- attached: 0.80\n- embedded: 1.10\n",
		"### Holding the team back\n\n- Shared ICT: no (embedded: yes)\n",
		"- Collective knowledge: medium (embedded: high)\n",
		"| Factor | Team | embedded | aligned | attached |\n",
		"**Which factor was hardest?**\n\n- Trust\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
	tie := kindsData(Entry{ExerciseID: ex.ID, Field: FactorField("knowledge"), Value: "high"},
		Entry{ExerciseID: ex.ID, Field: FactorField("learning"), Value: "low"})
	if md := SummaryMarkdown(ex, &tie); !strings.Contains(md, "Nearest profile: a tie between **attached**, **aligned** and **embedded** (distance 1.00, from 2 of 10") {
		t.Errorf("a tie is not told as one:\n%s", md)
	}
	if got := SummaryMarkdown(ex, &SessionData{}); got != NothingCaptured {
		t.Errorf("empty: %q", got)
	}
}

package model

import (
	"strings"
	"testing"
)

func TestAlliesSummary(t *testing.T) {
	ex := &Exercise{ID: "M3-E2", Kind: KindAlliesMap, Rows: []string{"daily", "weekly"}, Columns: []string{"ally", "obstructs"},
		Fields: []Field{{Key: "influence", Label: "How could I influence them?", Type: FieldLines}}}
	d := kindsData(
		Entry{ExerciseID: "M3-E2", Field: FieldAlly, Value: AllyCell("daily", "ally"), Text: "District nurse"},
		Entry{ExerciseID: "M3-E2", Field: FieldAlly, Value: AllyCell("daily", "ally"), Text: "OT | physio"},
		Entry{ExerciseID: "M3-E2", Field: FieldAlly, Value: AllyCell("weekly", "obstructs"), Text: "Ward manager"},
		Entry{ExerciseID: "M3-E2", Field: FieldAlly, Value: AllyCell("monthly", "ally"), Text: "Commissioner"},
		Entry{ExerciseID: "M3-E2", Field: "influence", Text: "Joint visits"},
	)
	md := SummaryMarkdown(ex, &d)
	for _, want := range []string{
		"| Contact \\\\ stance | ally | obstructs |\n",
		"| daily | (2) District nurse; OT \\| physio |   |\n",
		"| weekly |   | (1) Ward manager |\n",
		"ally: 2 · obstructs: 1\n",
		"**Placed outside this grid**\n\n- **monthly\\|ally** — Commissioner\n",
		"**How could I influence them?**\n\n- Joint visits\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
}

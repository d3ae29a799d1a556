package model

import (
	"reflect"
	"strings"
	"testing"
)

func TestMinutes(t *testing.T) {
	d, exercises := exportFixture()
	before := d.Clone()
	md := Minutes(d, exercises)
	if !reflect.DeepEqual(d, before) {
		t.Fatal("Minutes changed its input")
	}
	for _, want := range []string{
		"# Module 1 with the team\n",
		"- **Team:** North, \"East\" Team\n",
		"- **Facilitator:** Zoë\n",
		"- **Started:** Tue 4 Mar 2025 09:30\n",
		"- **Ended:** Tue 4 Mar 2025 11:30\n",
		"- **Modules:** intro, m1\n",
		"## A journey towards integration (M1-E3)\n",
		"## GONE-1\n\n**old**\n\n- from a deck that changed\n",
		"## Parking lot\n\n- Ask about the budget, please\n",
		"Positives weigh 6, challenges weigh 10: the see-saw leans towards the challenges",
		"- Too many meetings (weight 1)\n",
		"| \\=cmd\\|' /C calc'!A0 | Team manager | 4 Apr 2025 |   | open | M1-E3 |\n",
		"2 actions, 1 open.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("minutes lack %q:\n%s", want, md)
		}
	}
	order := []string{"# Module 1", "## A journey", "## GONE-1", "## Parking lot", "## See-saw", "## Actions"}
	last := -1
	for _, h := range order {
		i := strings.Index(md, "\n"+h)
		if h == order[0] {
			i = strings.Index(md, h)
		}
		if i <= last {
			t.Errorf("section %q out of order", h)
		}
		last = i
	}
	if strings.ContainsRune(md, 0x1b) {
		t.Error("an escape sequence reached the minutes")
	}
	for _, h := range headingsOf(md) {
		if !strings.HasPrefix(h, "# Module") && !strings.HasPrefix(h, "## ") && !strings.HasPrefix(h, "### ") {
			t.Errorf("unexpected heading %q", h)
		}
	}
}

func TestMinutesUnfinishedAndEmpty(t *testing.T) {
	d := SessionData{Session: Session{ID: "20250101-090000-0001", Kind: SessionReflection, Title: "# \x1b[2Jsneaky"}}
	md := Minutes(d, nil)
	for _, want := range []string{"# \\# sneaky\n", "- **Kind:** Solo reflection\n", "- **Ended:** not ended\n",
		"_Nothing was parked._", "_Nothing was placed on the see-saw._", "_No actions were agreed._"} {
		if !strings.Contains(md, want) {
			t.Errorf("minutes lack %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Team:") || strings.Contains(md, "Facilitator:") {
		t.Errorf("empty team or facilitator shown:\n%s", md)
	}
}

func TestMinutesBalancedSeesaw(t *testing.T) {
	d := SessionData{Session: Session{ID: "s", Title: "t"}, Entries: []Entry{
		{ID: "1", ExerciseID: ExerciseSeesaw, Text: "good", Tag: TagPositive, Weight: 2},
		{ID: "2", ExerciseID: ExerciseSeesaw, Text: "bad", Tag: TagChallenge, Weight: 2},
	}}
	if md := Minutes(d, nil); !strings.Contains(md, "the see-saw balances.") {
		t.Errorf("balanced see-saw:\n%s", md)
	}
}

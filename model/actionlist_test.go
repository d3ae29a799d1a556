package model

import (
	"strings"
	"testing"
	"time"
)

func TestActionOverdue(t *testing.T) {
	today := time.Date(2025, 6, 10, 23, 30, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2025, 6, d, 0, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		a    Action
		want bool
	}{
		{Action{Status: ActionOpen, Due: day(9)}, true},
		{Action{Status: "", Due: day(9)}, true},           // no status is open
		{Action{Status: ActionOpen, Due: day(10)}, false}, // due today: not yet
		{Action{Status: ActionOpen, Due: day(11)}, false},
		{Action{Status: ActionOpen}, false}, // no due date
		{Action{Status: ActionDone, Due: day(1)}, false},
		{Action{Status: ActionDropped, Due: day(1)}, false},
	} {
		if got := ActionOverdue(tt.a, today); got != tt.want {
			t.Errorf("%+v: %v, want %v", tt.a, got, tt.want)
		}
	}
}

func TestSortActionItemsAndFilter(t *testing.T) {
	today := time.Date(2025, 6, 10, 9, 0, 0, 0, time.UTC)
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	items := []ActionItem{
		{Action: Action{ID: "1", Text: "dropped", Status: ActionDropped, Due: day(1, 1)}},
		{Action: Action{ID: "2", Text: "open, no due", Status: ActionOpen}},
		{Action: Action{ID: "3", Text: "overdue May", Status: ActionOpen, Due: day(5, 1)}},
		{Action: Action{ID: "4", Text: "done", Status: ActionDone}},
		{Action: Action{ID: "5", Text: "open July", Status: ActionOpen, Due: day(7, 1)}},
		{Action: Action{ID: "6", Text: "overdue January", Status: ActionOpen, Due: day(1, 2)}},
	}
	SortActionItems(items, today)
	var got []string
	for _, it := range items {
		got = append(got, it.Text)
	}
	if want := "overdue January; overdue May; open July; open, no due; done; dropped"; strings.Join(got, "; ") != want {
		t.Errorf("order: %s\nwant   %s", strings.Join(got, "; "), want)
	}
	n := map[string]int{}
	for _, it := range items {
		for name, f := range map[string]ActionFilter{"all": {}, "open": {Open: true}, "overdue": {Overdue: true}} {
			if f.Keep(it.Action, today) {
				n[name]++
			}
		}
	}
	if n["all"] != 6 || n["open"] != 4 || n["overdue"] != 2 {
		t.Errorf("filters: %v", n)
	}
	if StatusLabel(items[0].Action, today) != "OVERDUE" || StatusLabel(items[4].Action, today) != ActionDone {
		t.Error("status labels")
	}
}

func TestActionsCSVIsInert(t *testing.T) {
	today := time.Date(2025, 6, 10, 9, 0, 0, 0, time.UTC)
	out := string(ActionsCSV([]ActionItem{{Action: Action{ID: "a", Text: "=SUM(1,2)", Owner: "+44 20", Status: ActionOpen,
		Due: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}, TeamName: "Café", SessionTitle: "S", SessionStarted: today}}, today))
	if !strings.HasPrefix(out, "\ufeffTeam,") || !strings.Contains(out, "'=SUM(1,2)") || !strings.Contains(out, "'+44 20") ||
		!strings.Contains(out, ",yes\r\n") || !strings.Contains(out, "Café") {
		t.Errorf("%q", out)
	}
}

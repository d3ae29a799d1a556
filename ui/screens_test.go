package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
)

// TestSeesawScreenWeighsTheItemAdded: in the full-screen see-saw, the item
// just added is selected, and a weight key weighs it, never the item that
// was selected before (another group's discussion line).
func TestSeesawScreenWeighsTheItemAdded(t *testing.T) {
	cases := []struct {
		name   string
		before []string // keys before adding
		add    string   // a: positive, c: challenge
		text   string
		weight string
		side   string
	}{
		{"challenge", nil, "c", "Funding ends in March", "3", model.TagChallenge},
		{"positive", nil, "a", "Shared lunch on Fridays", "2", model.TagPositive},
		{"challenge after moving to another line", []string{"down"}, "c", "No shared drive", "1", model.TagChallenge},
		{"positive with the challenge line selected", []string{"down"}, "a", "Joint training days", "3", model.TagPositive},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, app := sessionApp(t, 100, 30)
			seedM1E3(t, app)
			openM1E3(t, d)
			before := map[string]model.Entry{}
			for _, e := range app.Live().Data().Entries {
				before[e.ID] = e
			}
			kaKeys(d, "W")
			kaKeys(d, c.before...)
			kaKeys(d, c.add)
			typeText(d, c.text)
			kaKeys(d, "enter")
			if row := selectedRow(d.M.View()); !strings.Contains(row, c.text) {
				t.Fatalf("the new item is not selected: %q\n%s", row, plain(d.M.View()))
			}
			kaKeys(d, c.weight)
			saved := savedEntries(t, app)
			var added []model.Entry
			for _, e := range saved.Entries {
				if old, ok := before[e.ID]; ok {
					if old.Weight != e.Weight || old.Tag != e.Tag {
						t.Errorf("%q was changed: weight %d → %d", e.Text, old.Weight, e.Weight)
					}
					continue
				}
				if e.ExerciseID == model.ExerciseSeesaw {
					added = append(added, e)
				}
			}
			if len(added) != 1 || added[0].Text != c.text || added[0].Tag != c.side || added[0].Weight != int(c.weight[0]-'0') {
				t.Fatalf("added %+v, want %q %s weight %s", added, c.text, c.side, c.weight)
			}
			if row := selectedRow(d.M.View()); !strings.Contains(row, c.weight+" "+c.text) {
				t.Errorf("the selected row does not show the weight: %q", row)
			}
		})
	}
}

// TestScreensShareTheHost: the parking lot and the see-saw screen have
// the runners' help, summary and esc, and a failed save keeps the text.
func TestScreensShareTheHost(t *testing.T) {
	cases := []struct {
		name, open, add, text, keys, summary string
	}{
		{"parking lot", "P", "a", "Ask about costs", "Parking lot keys", "Ask about costs"},
		{"see-saw", "W", "c", "Funding ends in March", "See-saw keys", "Funding ends in March (weight 1)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, app := sessionApp(t, 100, 30)
			kaKeys(d, c.open, "?")
			kaWant(t, d, c.keys, "retry unsaved now", "discard unsaved (asks)")
			kaKeys(d, "esc", c.add)
			typeText(d, c.text)
			kaKeys(d, "enter", "S")
			kaWant(t, d, "Summary", c.summary)
			kaKeys(d, "esc", "esc")
			if v := plain(d.M.View()); !strings.Contains(v, "· North") || strings.Contains(v, c.keys[:len(c.keys)-5]) {
				t.Fatalf("esc did not return to the slides:\n%s", v)
			}
			// A save that fails keeps the text, shown and marked.
			kaKeys(d, c.open)
			if err := app.Live().Store().Close(); err != nil {
				t.Fatal(err)
			}
			kaKeys(d, c.add)
			typeText(d, "Kept though not saved")
			kaKeys(d, "enter")
			kaWant(t, d, "NOT SAVED", "⚠", "Kept though not saved (not saved)")
		})
	}
}

// TestSeesawListSaysHowManyMore: a side whose items do not fit is cut
// around the selected item, says how many more there are, and cuts a long
// row with "…"; side by side and stacked.
func TestSeesawListSaysHowManyMore(t *testing.T) {
	var items []model.SeesawItem
	for i := 1; i <= 12; i++ {
		items = append(items, model.SeesawItem{ID: fmt.Sprintf("c%d", i), Text: fmt.Sprintf("Challenge number %d with a long description of it", i), Side: model.Challenge, Weight: 2})
	}
	theme := common.NewTheme(common.ThemeDark)
	for _, c := range []struct {
		name     string
		w, h     int
		selected string
		wants    []string
	}{
		{"side by side, top", 100, 22, "c1", []string{"▶ ●●○ 2 Challenge number 1 ", "more"}},
		{"side by side, bottom", 100, 22, "c12", []string{"▶ ●●○ 2 Challenge number 12 ", "↑ "}},
		{"stacked, middle", 60, 24, "c6", []string{"▶ ●●○ 2 Challenge number 6 ", "↑ ", "↓ "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := plain(runner.SeesawView(theme, items, c.w, c.h, c.selected))
			for _, want := range c.wants {
				if !strings.Contains(v, want) {
					t.Errorf("lacks %q:\n%s", want, v)
				}
			}
			lines := strings.Split(v, "\n")
			if len(lines) > c.h {
				t.Errorf("%d lines in %d", len(lines), c.h)
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > c.w {
					t.Errorf("row wider than %d: %q", c.w, l)
				}
			}
			if c.w == 100 && !strings.Contains(v, "…") {
				t.Errorf("no row says it was cut:\n%s", v)
			}
		})
	}
}

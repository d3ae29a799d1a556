package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// openExercise goes to an exercise's slide and starts it.
func openExerciseByID(t *testing.T, d *driver, app *App, id string) {
	t.Helper()
	ref, ok := app.cfg.Deck.Exercises()[id]
	if !ok {
		t.Fatalf("no exercise %s", id)
	}
	d.Send(keyMsg(":"))
	typeText(d, fmt.Sprintf("%s %d", app.cfg.Deck.Modules[ref.Module].ID, ref.Slide+1))
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("enter"))
	if !strings.Contains(plain(d.M.View()), id+" · ") {
		t.Fatalf("%s did not open:\n%s", id, plain(d.M.View()))
	}
}

func keptInOrder(data model.SessionData, round int) []string {
	var out []string
	for _, e := range model.SortedCards("M3-E5", &data) {
		if model.CardRound(e) >= round {
			out = append(out, e.Text)
		}
	}
	return out
}

func TestCardSortEntersNarrowsAndKeepsOrder(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	openExerciseByID(t, d, app, "M3-E5")
	d.Send(keyMsg("a"))
	for i := 1; i <= 16; i++ {
		typeText(d, fmt.Sprintf("Value %02d", i))
		d.Send(keyMsg("enter"))
	}
	d.Send(keyMsg("esc"))
	data := app.Live().Data()
	if n := len(model.SortedCards("M3-E5", &data)); n != 16 {
		t.Fatalf("%d cards saved, want 16", n)
	}
	d.Send(keyMsg("n"))
	if v := plain(d.M.View()); !strings.Contains(v, "Round 1 of 2: keep exactly 10") {
		t.Fatalf("round 1 did not start:\n%s", v)
	}
	// The selection stayed on the last value added: go to the first.
	for i := 0; i < 15; i++ {
		d.Send(keyMsg("up"))
	}
	// Keep cards 1, 3, 5 ... (8 of them) and 15, 16: toggling moves down.
	for i := 0; i < 16; i++ {
		if i%2 == 0 || i >= 14 {
			d.Send(keyMsg(" "))
		} else {
			d.Send(keyMsg("down"))
		}
	}
	d.Send(keyMsg("enter"))
	data = app.Live().Data()
	want := []string{"Value 01", "Value 03", "Value 05", "Value 07", "Value 09", "Value 11", "Value 13", "Value 15", "Value 16"}
	if got := keptInOrder(data, 1); len(got) != 9 || !slices.Equal(got, want) {
		t.Fatalf("kept %v", got)
	}
	if v := plain(d.M.View()); !strings.Contains(v, "keep exactly 10 (9 kept now)") {
		t.Fatalf("a round with the wrong count must not be confirmed:\n%s", v)
	}
	d.Send(keyMsg("up"))
	d.Send(keyMsg("up"))
	d.Send(keyMsg(" ")) // Value 14
	d.Send(keyMsg("enter"))
	if model.CardStage("M3-E5", ptr(app.Live().Data())) != 1 {
		t.Fatalf("round 1 not confirmed:\n%s", plain(d.M.View()))
	}
	// Round 2: the selection stayed on Value 15, now last of the ten kept.
	if v := plain(d.M.View()); !strings.Contains(v, "▶ [      ] Value 15") {
		t.Fatalf("the selection did not stay on its card:\n%s", v)
	}
	for i := 0; i < 9; i++ {
		d.Send(keyMsg("up"))
	}
	// Keep the first five, then move the fifth to the top.
	for i := 0; i < 5; i++ {
		d.Send(keyMsg(" "))
	}
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("down"))
	d.Send(keyMsg("down"))
	d.Send(keyMsg("down"))
	d.Send(keyMsg("down"))
	for i := 0; i < 4; i++ {
		d.Send(keyMsg("K"))
	}
	v := plain(d.M.View())
	if !strings.Contains(v, "Your top 5 values") || !strings.Contains(v, "1.   Value 09") {
		t.Fatalf("final view:\n%s", v)
	}
	got := keptInOrder(app.Live().Data(), 2)
	if !slices.Equal(got, []string{"Value 09", "Value 01", "Value 03", "Value 05", "Value 07"}) {
		t.Fatalf("top 5 %v", got)
	}
	// Close and reopen: the same state from the store.
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("enter"))
	if v := plain(d.M.View()); !strings.Contains(v, "1.   Value 09") {
		t.Fatalf("reopened runner lost the order:\n%s", v)
	}
	saved, err := app.Live().Store().SessionData(app.Live().Session().ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := keptInOrder(saved, 2); !slices.Equal(got, []string{"Value 09", "Value 01", "Value 03", "Value 05", "Value 07"}) {
		t.Fatalf("store holds %v", got)
	}
	md := model.SummaryMarkdown(app.Live().Exercises()["M3-E5"], &saved)
	if !strings.Contains(md, "### Top 5, in order\n\n1. Value 09\n2. Value 01\n") {
		t.Errorf("summary:\n%s", md)
	}
}

func TestCardSortSeedsAndLimits(t *testing.T) {
	d, app := sessionApp(t, 80, 24)
	openExerciseByID(t, d, app, "M3-E5")
	d.Send(keyMsg("s"))
	data := app.Live().Data()
	if n := len(model.SortedCards("M3-E5", &data)); n != 18 {
		t.Fatalf("seeded %d", n)
	}
	d.Send(keyMsg("a"))
	typeText(d, "Courage")
	d.Send(keyMsg("enter"))
	typeText(d, "Humour")
	d.Send(keyMsg("enter"))
	if v := plain(d.M.View()); !strings.Contains(v, "20 values entered") {
		t.Fatalf("no limit message:\n%s", v)
	}
	d.Send(keyMsg("a"))
	if v := plain(d.M.View()); !strings.Contains(v, "20 values is the most") {
		t.Fatalf("a 21st value was offered:\n%s", v)
	}
	d.Send(keyMsg("x"))
	d.Send(keyMsg("y"))
	data = app.Live().Data()
	if n := len(model.SortedCards("M3-E5", &data)); n != 19 {
		t.Fatalf("after removing: %d", n)
	}
	d.Send(keyMsg("tab"))
	d.Send(keyMsg("enter"))
	typeText(d, "My values match the nurses' more than I thought")
	d.Send(keyMsg("enter"))
	data = app.Live().Data()
	if es := data.In(model.Slot{Exercise: "M3-E5", Field: "compare"}); len(es) != 1 {
		t.Fatalf("reflection not saved: %+v", es)
	}
}

func ptr[T any](v T) *T { return &v }

// TestCardSortSelectionFollowsTheCard: after each action the selection is
// on the card acted on (or, when it leaves play, on the card the action
// leaves first), never on whatever card is now in its row.
func TestCardSortSelectionFollowsTheCard(t *testing.T) {
	cases := []struct {
		name  string
		stage string // the round entry's value ("": entering)
		kept  int    // cards 17-kept..16 survived the round before
		keys  []string
		want  string // the selected row holds this
	}{
		{"start narrowing", "", 0, []string{"down", "down", "down", "down", "n"}, "[      ] Value 05"},
		{"move up", "", 0, []string{"down", "down", "down", "down", "K"}, "4.   Value 05"},
		{"move down", "", 0, []string{"down", "J"}, "3.   Value 02"},
		{"add", "", 0, []string{"a", "N", "e", "w", "enter", "esc"}, "17.  New"},
		{"remove", "", 0, []string{"down", "down", "down", "down", "x", "y"}, "5.   Value 06"},
		{"keep moves on", "0", 0, []string{" "}, "[      ] Value 02"},
		{"confirm keeps a kept card", "0", 10, repeat("down", 11, "enter"), "[      ] Value 12"},
		{"confirm on a card let go", "0", 10, []string{"down", "down", "enter"}, "[      ] Value 07"},
		{"back a round", "1", 10, []string{"down", "down", "down", "b"}, "[✓ keep] Value 10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, app := sessionApp(t, 100, 40)
			l := app.Live()
			for i := 1; i <= 16; i++ {
				e := model.Entry{ExerciseID: "M3-E5", Field: model.FieldCard, Text: fmt.Sprintf("Value %02d", i), Order: i}
				if i > 16-c.kept {
					e.Value = model.CardRoundValue(1)
				}
				if m := l.CommitNow(model.Change{Op: model.OpAddEntry, Entry: e}); m.Err != nil {
					t.Fatal(m.Err)
				}
			}
			if c.stage != "" {
				l.CommitNow(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: "M3-E5", Field: model.FieldRound, Value: c.stage}})
			}
			openExerciseByID(t, d, app, "M3-E5")
			for _, k := range c.keys {
				d.Send(keyMsg(k))
			}
			if row := selectedRow(d.M.View()); !strings.Contains(row, c.want) {
				t.Fatalf("selected %q, want %q:\n%s", row, c.want, plain(d.M.View()))
			}
		})
	}
}

func repeat(k string, n int, then ...string) []string {
	out := slices.Repeat([]string{k}, n)
	return append(out, then...)
}

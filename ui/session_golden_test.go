package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/carehuddle/huddle/model"
)

// seedM1E3 captures a small, fixed discussion into the app's session.
func seedM1E3(t *testing.T, app *App) {
	t.Helper()
	l := app.Live()
	for _, e := range []model.Entry{
		{ExerciseID: "M1-E3", Group: "g1", Field: "position", Value: "aligned"},
		{ExerciseID: "M1-E3", Group: "g2", Field: "position", Value: "attached"},
		{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "Weekly MDT meetings are well attended", Tag: model.TagPositive, Weight: 2},
		{ExerciseID: "M1-E3", Group: "g1", Field: "limitations", Text: "Social care notes sit on a separate system, so nurses cannot see them", Tag: model.TagChallenge, Weight: 3},
		{ExerciseID: "M1-E3", Group: "g1", Field: "next", Text: "Shared read access to the social care record"},
		{ExerciseID: "M1-E3", Group: "g2", Field: "benefits", Text: "Joint visits with the district nurses"},
		{ExerciseID: "M1-E3", Field: model.FieldClosing, Text: "Protected time for joint assessments"},
	} {
		op := model.OpAddEntry
		if e.Field == "position" {
			op = model.OpSetEntry
		}
		if m := l.CommitNow(model.Change{Op: op, Entry: e}); m.Err != nil {
			t.Fatal(m.Err)
		}
	}
}

// TestSessionGoldens are the session screens at a projector size and a
// small one: the discussion's capture view with the see-saw beside, its
// summary, its dot vote, the see-saw full screen, the parking lot and the
// big timer.
func TestSessionGoldens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			cases := []struct {
				name string
				keys []string
			}{
				{"discussion", []string{"down", "down"}},
				{"discussion-seesaw", []string{"w"}},
				{"discussion-summary", []string{"S"}},
				{"discussion-vote", []string{"V", " "}},
				{"discussion-whole-team", []string{"shift+tab"}},
				{"seesaw", []string{"W"}},
				{"seesaw-added", append(append([]string{"W", "c"}, runes("Funding ends in March")...), "enter", "3")},
				{"parking", []string{"P", "a", "A", "s", "k", " ", "a", "b", "o", "u", "t", " ", "c", "o", "s", "t", "s", "enter"}},
				{"big-timer", []string{"T"}},
			}
			for _, c := range cases {
				if w == 200 && !strings.HasPrefix(c.name, "seesaw") && c.name != "big-timer" {
					continue // the room's pictures, on the largest screen
				}
				t.Run(c.name, func(t *testing.T) {
					d, app := sessionApp(t, w, h)
					seedM1E3(t, app)
					openM1E3(t, d)
					for _, k := range c.keys {
						d.Send(keyMsg(k))
					}
					golden.RequireEqual(t, []byte(d.M.View()))
				})
			}
		})
	}
}

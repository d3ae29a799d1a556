package main

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/toolkit"
)

// exerciseSlide is "MODULE N" for the slide that runs an exercise, and
// the start of its runner's header ("ID · Title").
func exerciseSlide(t *testing.T, id string) (string, string) {
	t.Helper()
	deck, err := toolkit.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ref, ok := deck.Exercises()[id]
	if !ok {
		t.Fatalf("no exercise %s", id)
	}
	title := deck.Slide(ref).Exercise.Title
	return fmt.Sprintf("%s %d", deck.Modules[ref.Module].ID, ref.Slide+1), id + " · " + title[:min(len(title), 20)]
}

// openExerciseInTmux goes to an exercise's slide with : and starts it.
func openExerciseInTmux(t *testing.T, s *tmuxSession, id string) string {
	t.Helper()
	s.keys(":")
	s.waitFor("go to slide")
	slide, header := exerciseSlide(t, id)
	s.keys(slide, "Enter")
	s.waitGone("go to slide")
	s.keys("Enter")
	return s.waitFor(header)
}

// huddleOut runs huddle with env and returns its standard output.
func huddleOut(t *testing.T, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(huddleBinary(t), args...)
	cmd.Env = append(cmd.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("huddle %v: %v", args, err)
	}
	return out
}

type exported struct {
	Session model.Session  `json:"session"`
	Entries []model.Entry  `json:"entries"`
	Actions []model.Action `json:"actions"`
}

// TestTmuxCardSort enters 20 values in a solo reflection, narrows them to
// 10 and then to 5, and checks the 5 are saved in order.
func TestTmuxCardSort(t *testing.T) {
	bin := huddleBinary(t)
	env := testEnv(t)
	s := newTmux(t, 120, 40, env)
	s.keys(bin+" reflect; echo huddle-exited-$?", "Enter")
	s.waitFor("Private solo reflection")
	openExerciseInTmux(t, s, "M3-E5")
	s.keys("a")
	s.waitFor("a value that matters")
	for i := 1; i <= 20; i++ {
		s.keys(fmt.Sprintf("Value %02d", i), "Enter")
		if i < 20 {
			s.waitFor(fmt.Sprintf("(%d so far", i))
		}
	}
	s.waitFor("20 values entered")
	s.keys("n")
	s.waitFor("Round 1 of 2: keep exactly 10")
	// The selection stayed on the last value entered: go to the first.
	s.waitFor("▶ [      ] Value 20")
	for i := 0; i < 19; i++ {
		s.keys("Up")
	}
	s.waitFor("▶ [      ] Value 01")
	// Keep the even values: toggling moves the cursor down.
	for i := 1; i <= 20; i++ {
		if i%2 == 0 {
			s.keys("Space")
			s.waitFor(fmt.Sprintf("%d kept.", i/2))
		} else {
			s.keys("Down")
			s.waitFor(fmt.Sprintf("▶ [      ] Value %02d", i+1))
		}
	}
	s.keys("Enter")
	s.waitFor("Round 2 of 2: keep 5 or 6")
	// Keep Value 20, 18, 16, 14, 12: the last five, bottom up.
	for i := 0; i < 9; i++ {
		s.keys("Down")
	}
	s.waitFor("▶ [      ] Value 20")
	for i, v := range []int{20, 18, 16, 14, 12} {
		s.keys("Space")
		s.waitFor(fmt.Sprintf("%d kept.", i+1))
		if i == 0 {
			s.keys("Up") // the cursor stayed on the last card
			s.waitFor(fmt.Sprintf("▶ [      ] Value %02d", v-2))
		} else if i < 4 {
			s.keys("Up", "Up") // keeping moved the cursor down
			s.waitFor(fmt.Sprintf("▶ [      ] Value %02d", v-2))
			s.waitFor(fmt.Sprintf("▶ [      ] Value %02d", v-2))
		}
	}
	s.keys("Enter")
	wants := []string{"Your top 5 values"}
	for i, v := range []int{12, 14, 16, 18, 20} {
		wants = append(wants, fmt.Sprintf("%d.   Value %02d", i+1, v))
	}
	s.waitForAll(wants...)
	// Move Value 20 to the top.
	for i := 0; i < 4; i++ {
		s.keys("Down")
	}
	s.waitFor("▶ 5.   Value 20")
	for i := 4; i >= 1; i-- {
		s.keys("K")
		s.waitFor(fmt.Sprintf("▶ %d.   Value 20", i))
	}
	escapeUntil(s, "slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")

	var ex exported
	if err := json.Unmarshal(huddleOut(t, env, "export", "latest", "--format", "json", "-o", "-"), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Session.Kind != model.SessionReflection || ex.Session.TeamID != "" || ex.Session.Title != "Solo reflection" {
		t.Errorf("session %+v", ex.Session)
	}
	var top []model.Entry
	cards := 0
	for _, e := range ex.Entries {
		if e.ExerciseID == "M3-E5" && e.Field == model.FieldCard {
			cards++
			if e.Value == "round:2" {
				top = append(top, e)
			}
		}
	}
	slices.SortFunc(top, func(a, b model.Entry) int { return a.Order - b.Order })
	var got []string
	for _, e := range top {
		got = append(got, e.Text)
	}
	if want := []string{"Value 20", "Value 12", "Value 14", "Value 16", "Value 18"}; cards != 20 || !slices.Equal(got, want) {
		t.Errorf("saved %d cards, top 5 %q, want %q", cards, got, want)
	}
}

// TestTmuxCarriedActions adds an action in a team's workshop, starts the
// team's next workshop, marks the carried action done and checks the
// export of the first session.
func TestTmuxCarriedActions(t *testing.T) {
	bin := huddleBinary(t)
	env := testEnv(t)
	s := newTmux(t, 120, 40, env)
	s.keys(bin+" present m1 --team North; echo huddle-exited-$?", "Enter")
	s.waitFor("North")
	openExerciseInTmux(t, s, "M1-E2")
	s.keys("Tab")
	s.waitFor("Action plan")
	s.keys("a")
	s.waitFor("What is the action?")
	s.keys("Invite the SCW to the MDT", "Enter")
	s.waitFor("Who owns it?")
	s.keys("team manager", "Enter")
	s.waitFor("Due date")
	s.keys("2030-07-01", "Enter")
	s.waitFor("Review date")
	s.keys("Enter")
	s.waitFor("owner: team manager")
	escapeUntil(s, "slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")

	s.keys("clear", "Enter")
	s.waitGone("huddle-exited-0")
	s.keys(bin+" present m1 --team North; echo huddle-exited-$?", "Enter")
	s.waitForAll("Actions carried over", "Invite the SCW to the MDT", "owner: team manager", "due: 1 Jul 2030", "M1-E2 in Workshop · North")
	s.keys("d")
	s.waitFor("[✓ done   ] Invite the SCW to the MDT")
	s.keys("Enter")
	s.waitGone("Actions carried over")
	// The slide under the carried actions is drawn without a key: its
	// render finished while it was covered.
	s.waitForAll("M1 Managers · 1/", "Module 1")
	s.keys("q")
	s.waitFor("huddle-exited-0")

	var list []model.Session
	if err := json.Unmarshal(huddleOut(t, env, "sessions", "--json"), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("sessions: %+v", list)
	}
	first := list[0]
	for _, ss := range list {
		if ss.Started.Before(first.Started) {
			first = ss
		}
	}
	var ex exported
	if err := json.Unmarshal(huddleOut(t, env, "export", first.ID, "--format", "json", "-o", "-"), &ex); err != nil {
		t.Fatal(err)
	}
	if len(ex.Actions) != 1 || ex.Actions[0].Status != model.ActionDone || ex.Actions[0].Text != "Invite the SCW to the MDT" {
		t.Errorf("first session's actions: %+v", ex.Actions)
	}
}

// escapeUntil presses Escape, waiting for the screen to change after each
// press (a key sent straight after Escape would read as alt+key), until
// text shows: a runner may need one Escape per level it opened.
func escapeUntil(s *tmuxSession, text string) {
	s.t.Helper()
	for try := 0; try < 4; try++ {
		before := s.screen()
		s.keys("Escape")
		deadline := time.Now().Add(2 * time.Second)
		for time.Now().Before(deadline) {
			scr := s.screen()
			if strings.Contains(scr, text) {
				return
			}
			if scr != before {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	s.waitFor(text)
}

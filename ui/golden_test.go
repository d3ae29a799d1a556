package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// runToView runs the app in teatest at w x h, waits for want to be drawn,
// sends keys (each followed by a wait for its own marker, if given), quits
// and returns the final view. The view, not the output stream, is the
// golden: it does not depend on frame timing.
func runToView(t *testing.T, app tea.Model, w, h int, want string, steps ...step) string {
	t.Helper()
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(w, h))
	return runSteps(t, tm, want, steps...)
}

// runSteps waits for want, sends each step's keys and waits for its
// marker (markers of steps with no keys are waited for together with the
// one before), then quits and returns the final view.
func runSteps(t *testing.T, tm *teatest.TestModel, want string, steps ...step) string {
	t.Helper()
	wants := []string{want}
	for _, s := range steps {
		if len(s.keys) > 0 {
			waitDrawn(t, tm, wants...)
			wants = nil
			for _, k := range s.keys {
				tm.Send(keyMsg(k))
			}
		}
		if s.want != "" {
			wants = append(wants, s.want)
		}
	}
	waitDrawn(t, tm, wants...)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

// slideMarker is the first words of a slide's title, as glamour draws
// them on any width (a long title wraps).
func slideMarker(title string) string {
	words := strings.Fields(title)
	return strings.Join(words[:min(len(words), 2)], " ")
}

type step struct {
	keys []string
	want string // text that shows the keys took effect
}

// waitDrawn waits until every one of wants has been drawn since the last
// wait (the output read is consumed, so all are looked for in one wait).
func waitDrawn(t *testing.T, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	if len(wants) == 0 {
		return
	}
	var seen []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen = append(seen, b...)
		text := plain(string(seen))
		for _, w := range wants {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func TestPresenterGoldens(t *testing.T) {
	deck := builtinDeck(t)
	total := len(deck.Flat())
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			cases := []struct {
				name  string
				steps []step
			}{
				{"first", nil},
				{"next", []step{{[]string{"right"}, fmt.Sprintf("slide 2/%d", total)}}},
				{"notes", []step{{[]string{"s"}, "Speaker notes"}}},
				{"help", []step{{[]string{"?"}, "presenter keys"}}},
				{"modules", []step{{[]string{"m"}, "Modules"}}},
				{"search", []step{{[]string{"/"}, "search:"}, {[]string{"e", "m", "b", "e", "d", "d", "e", "d", "enter"}, "match"}}},
			}
			// A slide's body is rendered off the update loop: each case
			// also waits for the words of the slide it shows, not only for
			// the footer, so that the golden never holds a placeholder.
			flat := deck.Flat()
			titleOf := func(i int) string { return slideMarker(deck.Slide(flat[i]).Title) }
			match := 0
			for i := 1; i < len(flat); i++ {
				if strings.Contains(searchText(&deck.Modules[flat[i].Module], deck.Slide(flat[i])), "embedded") {
					match = i
					break
				}
			}
			cases[0].steps = []step{{nil, titleOf(0)}}
			cases[1].steps = append(cases[1].steps, step{nil, titleOf(1)})
			cases[2].steps = append([]step{{nil, titleOf(0)}}, cases[2].steps...)
			cases[5].steps = append(cases[5].steps, step{nil, titleOf(match)})
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					app := testApp(deck, Config{Start: ScreenPresent, Team: "North Locality"})
					view := runToView(t, app, w, h, fmt.Sprintf("slide 1/%d", total), c.steps...)
					golden.RequireEqual(t, []byte(view))
				})
			}
		})
	}
}

func TestHomeGolden(t *testing.T) {
	deck := builtinDeck(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			view := runToView(t, testApp(deck, Config{}), size[0], size[1], "Present a workshop")
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// TestHomeToPresenter walks from the home screen through the set-up form
// to the presenter, and back home with esc.
func TestHomeToPresenter(t *testing.T) {
	deck := builtinDeck(t)
	d := &driver{T: t, M: testApp(deck, Config{})}
	d.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	if v := plain(d.M.View()); !bytes.Contains([]byte(v), []byte("not available")) {
		t.Errorf("a greyed entry should say it is not there yet:\n%s", v)
	}
	d.Send(keyMsg("up"))
	d.Send(keyMsg("enter")) // Present a workshop
	d.Send(keyMsg("down"))  // Module 1
	d.Send(keyMsg("enter"))
	typeInto(d, "North team")
	d.Send(keyMsg("enter"))
	typeInto(d, "Sam")
	d.Send(keyMsg("enter"))
	v := plain(d.M.View())
	want := fmt.Sprintf("%s · 1/%d · North team", deck.Modules[1].Short, len(deck.Modules[1].Slides))
	if !bytes.Contains([]byte(v), []byte(want)) {
		t.Fatalf("presenter should open at module 1 for the team; want %q in:\n%s", want, v)
	}
	d.Send(keyMsg("esc"))
	if v := plain(d.M.View()); !bytes.Contains([]byte(v), []byte("Present a workshop")) {
		t.Errorf("esc should return home:\n%s", v)
	}
}

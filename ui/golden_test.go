package ui

import (
	"bytes"
	"fmt"
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
	waitDrawn(t, tm, want)
	return runSteps(t, tm, steps...)
}

// runSteps sends each step's keys and waits for its marker, then quits
// and returns the final view.
func runSteps(t *testing.T, tm *teatest.TestModel, steps ...step) string {
	t.Helper()
	for _, s := range steps {
		for _, k := range s.keys {
			tm.Send(keyMsg(k))
		}
		if s.want != "" {
			waitDrawn(t, tm, s.want)
		}
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

type step struct {
	keys []string
	want string // text that shows the keys took effect
}

func waitDrawn(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains([]byte(plain(string(b))), []byte(want))
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
	d := &driver{t: t, m: testApp(deck, Config{})}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.send(keyMsg("down"))
	d.send(keyMsg("enter"))
	if v := plain(d.m.View()); !bytes.Contains([]byte(v), []byte("not available")) {
		t.Errorf("a greyed entry should say it is not there yet:\n%s", v)
	}
	d.send(keyMsg("up"))
	d.send(keyMsg("enter")) // Present a workshop
	d.send(keyMsg("down"))  // Module 1
	d.send(keyMsg("enter"))
	typeInto(d, "North team")
	d.send(keyMsg("enter"))
	typeInto(d, "Sam")
	d.send(keyMsg("enter"))
	v := plain(d.m.View())
	want := fmt.Sprintf("%s · 1/%d · North team", deck.Modules[1].Short, len(deck.Modules[1].Slides))
	if !bytes.Contains([]byte(v), []byte(want)) {
		t.Fatalf("presenter should open at module 1 for the team; want %q in:\n%s", want, v)
	}
	d.send(keyMsg("esc"))
	if v := plain(d.m.View()); !bytes.Contains([]byte(v), []byte("Present a workshop")) {
		t.Errorf("esc should return home:\n%s", v)
	}
}

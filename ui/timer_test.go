package ui

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock               { return &fakeClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)} }

func TestTimerRunsWarnsAndRings(t *testing.T) {
	clock := newFakeClock()
	deck := builtinDeck(t)
	var bell bytes.Buffer
	app := testApp(deck, Config{Start: ScreenPresent, Module: deck.ModuleByID("m1"), Team: "North", Store: testStore(t), Clock: clock.now, Bell: &bell})
	d := &driver{T: t, M: app}
	d.Run(app.Init())
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	openM1E3(t, d)
	top := func() string { return strings.SplitN(plain(d.M.View()), "\n", 2)[0] }
	if !strings.Contains(top(), "⏱ 20:00") || !strings.Contains(top(), "ready: t starts") {
		t.Fatalf("the exercise's timer should be set: %q", top())
	}
	d.Send(keyMsg("t"))
	clock.advance(90 * time.Second)
	d.Send(timerTickMsg{gen: app.timer.gen})
	if !strings.Contains(top(), "⏱ 18:30") || !strings.Contains(top(), "running") {
		t.Errorf("after 90 s: %q", top())
	}
	d.Send(keyMsg("+"))
	if !strings.Contains(top(), "⏱ 19:30") {
		t.Errorf("+ adds a minute: %q", top())
	}
	d.Send(keyMsg("-"))
	d.Send(keyMsg("-"))
	if !strings.Contains(top(), "⏱ 17:30") {
		t.Errorf("- takes a minute: %q", top())
	}
	d.Send(keyMsg("t"))
	clock.advance(10 * time.Minute)
	if !strings.Contains(top(), "⏱ 17:30") || !strings.Contains(top(), "PAUSED") {
		t.Errorf("paused time must not pass: %q", top())
	}
	d.Send(keyMsg("t"))
	clock.advance(15*time.Minute + 31*time.Second)
	d.Send(timerTickMsg{gen: app.timer.gen})
	if !strings.Contains(top(), "⏱ 1:59") || !strings.Contains(top(), "2 MINUTES LEFT") {
		t.Errorf("warning at two minutes: %q", top())
	}
	if bell.Len() != 1 {
		t.Errorf("the bell should ring once at the warning, rang %d", bell.Len())
	}
	clock.advance(110 * time.Second)
	d.Send(timerTickMsg{gen: app.timer.gen})
	if !strings.Contains(top(), "⏱ 0:09") || !strings.Contains(top(), "FINAL SECONDS") {
		t.Errorf("final seconds: %q", top())
	}
	clock.advance(10 * time.Second)
	d.Send(timerTickMsg{gen: app.timer.gen})
	if !strings.Contains(top(), "⏱ 0:00") || !strings.Contains(top(), "TIME IS UP") || bell.Len() != 2 {
		t.Errorf("the end: %q, bell rang %d", top(), bell.Len())
	}
	d.Send(keyMsg("T"))
	if v := plain(d.M.View()); !strings.Contains(v, "█████") || !strings.Contains(v, "TIME IS UP") || !strings.Contains(v, "M1-E3 A journey towards integration") {
		t.Errorf("the big timer:\n%s", v)
	}
	d.Send(keyMsg("T"))
	d.Send(keyMsg("M"))
	if !strings.Contains(top(), "bell off") {
		t.Errorf("M mutes: %q", top())
	}
	d.Send(keyMsg("R"))
	if !strings.Contains(top(), "⏱ 20:00") {
		t.Errorf("R resets: %q", top())
	}

	// The state is saved with the session, deadline and all.
	state, ok, err := app.Live().Store().LoadTimer(app.Live().TimerKey())
	var saved model.Timer
	if err != nil || !ok || json.Unmarshal(state, &saved) != nil || saved.Started || !saved.Muted || saved.Duration != 20*time.Minute {
		t.Errorf("saved timer: %s %v %v", state, ok, err)
	}
}

func TestTimerTypingIsNotTimerKeys(t *testing.T) {
	d, app := sessionApp(t, 120, 40)
	openM1E3(t, d)
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	typeText(d, "t+-RMT")
	if app.timer.T.Started || app.timer.Big {
		t.Error("keys typed into a line must not drive the timer")
	}
	d.Send(keyMsg("enter"))
	if !strings.Contains(plain(d.M.View()), "• t+-RMT") {
		t.Errorf("the line should be saved as typed:\n%s", plain(d.M.View()))
	}
}

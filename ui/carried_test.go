package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// appOn starts the app presenting module m1 on st, sized w×h.
func appOn(t *testing.T, deck *model.Deck, cfg Config) (*driver, *App) {
	t.Helper()
	cfg.Start, cfg.Module, cfg.ModuleID = ScreenPresent, deck.ModuleByID("m1"), "m1"
	if cfg.Kind == model.SessionReflection {
		cfg.Module, cfg.ModuleID = deck.ModuleByID("m3"), "m3"
	}
	app := testApp(deck, cfg)
	d := &driver{T: t, M: app}
	d.Run(app.Init())
	d.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if app.Live() == nil {
		t.Fatal("no session started")
	}
	return d, app
}

func TestCarriedActionsShownAndMarked(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	first := testLive(t, st, deck, "North")
	for _, a := range []model.Action{
		{Text: "Invite the SCW to the MDT", Owner: "Team manager", ExerciseID: "M1-E2"},
		{Text: "Share one case a month", Owner: "Sam", ExerciseID: "M1-E2"},
	} {
		if m := first.CommitNow(model.Change{Op: model.OpPutAction, Action: a}); m.Err != nil {
			t.Fatal(m.Err)
		}
	}
	d, app := appOn(t, deck, Config{Team: "North", Facilitator: "Sam", Store: st})
	v := plain(d.M.View())
	for _, want := range []string{"Actions carried over", "Invite the SCW to the MDT", "owner: Team manager", "M1-E2 in Workshop · North", "2 still open of 2"} {
		if !strings.Contains(v, want) {
			t.Fatalf("screen lacks %q:\n%s", want, v)
		}
	}
	d.Send(keyMsg("d"))
	d.Send(keyMsg("down"))
	d.Send(keyMsg("x"))
	v = plain(d.M.View())
	if !strings.Contains(v, "[✓ done   ] Invite the SCW") || !strings.Contains(v, "[✗ dropped] Share one case") {
		t.Fatalf("statuses not shown:\n%s", v)
	}
	saved, err := st.Actions(first.Session().ID)
	if err != nil || len(saved) != 2 || saved[0].Status != model.ActionDone || saved[1].Status != model.ActionDropped {
		t.Fatalf("saved %+v (%v)", saved, err)
	}
	if open, _ := st.OpenActions(first.Session().TeamID); len(open) != 0 {
		t.Errorf("still open: %+v", open)
	}
	if got := app.Live().Data().Actions; len(got) != 0 {
		t.Errorf("carried actions must stay in their own session, not this one: %+v", got)
	}
	d.Send(keyMsg("enter"))
	if v := plain(d.M.View()); strings.Contains(v, "Actions carried over") || !strings.Contains(v, "North") {
		t.Fatalf("enter should continue to the slides:\n%s", v)
	}
	// The slide was rendered while the carried actions covered it: it is
	// drawn now, with no key pressed.
	p, ok := app.screen.(*Presenter)
	if !ok || p.shown != p.cur {
		t.Fatalf("the slide under the carried actions is not drawn:\n%s", plain(d.M.View()))
	}
}

func TestSoloReflectionIsPrivate(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	first := testLive(t, st, deck, "North")
	first.CommitNow(model.Change{Op: model.OpPutAction, Action: model.Action{Text: "Team action"}})
	d, app := appOn(t, deck, Config{Kind: model.SessionReflection, Team: "North", Store: st})
	sess := app.Live().Session()
	if sess.Kind != model.SessionReflection || sess.TeamID != "" || sess.TeamName != "" || sess.Title != "Solo reflection" {
		t.Fatalf("reflection session %+v", sess)
	}
	v := plain(d.M.View())
	if strings.Contains(v, "Actions carried over") || !strings.Contains(v, "Private solo reflection") {
		t.Fatalf("screen:\n%s", v)
	}
	// A later workshop of the team carries its own action, not the reflection's.
	app.Live().CommitNow(model.Change{Op: model.OpPutAction, Action: model.Action{Text: "My own plan"}})
	open, err := st.OpenActions(first.Session().TeamID)
	if err != nil || len(open) != 1 || open[0].Text != "Team action" {
		t.Fatalf("team's open actions %+v (%v)", open, err)
	}
}

// TestPositionSavedAsThePresenterMoves: where the presenter is is saved
// once it settles after a move, not only on q, so that a crash or a
// Continue reopens at the slide shown.
func TestPositionSavedAsThePresenterMoves(t *testing.T) {
	d, app := sessionApp(t, 100, 30)
	for range 5 {
		d.Send(keyMsg("right"))
	}
	if got := app.Live().Session().Position; got != "m1/6" {
		t.Fatalf("position saved %q, want m1/6", got)
	}
	// Only the latest move's save acts: older ones find a later move.
	p := app.screen.(*Presenter)
	before := app.Live().Version()
	d.Send(positionSaveMsg{gen: p.posGen - 1})
	if app.Live().Version() != before {
		t.Errorf("a superseded position save wrote")
	}
}

// TestEndedSessionIsNotContinued: Continue, E, y goes home, and the home
// screen offers nothing to continue; an ended session takes no writes.
func TestEndedSessionIsNotContinued(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	first := testLive(t, st, deck, "North")
	app := testApp(deck, Config{Store: st})
	d := &driver{T: t, M: app}
	d.Run(app.Init())
	d.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := plain(d.M.View()); !strings.Contains(v, "North, started") {
		t.Fatalf("home does not offer the unfinished workshop:\n%s", v)
	}
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	if app.Live() == nil || app.Live().Session().ID != first.Session().ID {
		t.Fatal("Continue did not open the session")
	}
	live := app.Live()
	d.Send(keyMsg("E"))
	d.Send(keyMsg("y"))
	v := plain(d.M.View())
	if strings.Contains(v, "North, started") || !strings.Contains(v, "Continue the last session (not available)") {
		t.Fatalf("home still offers the ended session:\n%s", v)
	}
	if m := live.CommitNow(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "I-A", Field: "factor/trust", Value: "high"}}); m.Err == nil {
		t.Fatal("an ended session took an entry")
	}
}

// TestReflectionIsTakenUpAgain: a solo reflection left with q is opened
// again, with its entries, by the next "reflect alone"; once ended, the
// next one starts afresh.
func TestReflectionIsTakenUpAgain(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	_, app := appOn(t, deck, Config{Kind: model.SessionReflection, Store: st})
	first := app.Live()
	if m := first.CommitNow(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M3-E3", Field: "messages", Text: "GPs see us as gatekeepers"}}); m.Err != nil {
		t.Fatal(m.Err)
	}
	_, again := appOn(t, deck, Config{Kind: model.SessionReflection, Store: st})
	if again.Live().Session().ID != first.Session().ID {
		t.Fatalf("a new reflection started instead of the unfinished one")
	}
	if d := again.Live().Data(); len(d.In(model.Slot{Exercise: "M3-E3", Field: "messages"})) != 1 {
		t.Fatalf("the reflection's entries are not back: %+v", d.Entries)
	}
	s := again.Live().Session()
	s.Ended = time.Now()
	if m := again.Live().CommitNow(model.Change{Op: model.OpSession, Session: s}); m.Err != nil {
		t.Fatal(m.Err)
	}
	_, third := appOn(t, deck, Config{Kind: model.SessionReflection, Store: st})
	if third.Live().Session().ID == first.Session().ID {
		t.Fatalf("an ended reflection was opened again")
	}
}

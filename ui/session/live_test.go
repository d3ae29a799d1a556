package session_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/session"
	"github.com/carehuddle/huddle/ui/uitest"
)

// The shared test helpers (ui/uitest), under the names these tests use.
var (
	builtinDeck = uitest.BuiltinDeck
	testStore   = uitest.Store
	testLive    = uitest.StartLive
)

func TestLiveCommitsInOrderAndTellsWatchers(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	l := testLive(t, st, deck, "North")
	w1, stop1 := l.Watch()
	w2, stop2 := l.Watch()
	defer stop1()
	defer stop2()
	var cmds []tea.Cmd
	for i := 0; i < 20; i++ {
		cmds = append(cmds, l.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "line " + string(rune('a'+i))}}))
	}
	// Run the commands in reverse on their own goroutines: the saves must
	// still land in the order they were committed.
	var wg sync.WaitGroup
	for i := len(cmds) - 1; i >= 0; i-- {
		wg.Add(1)
		go func(c tea.Cmd) { defer wg.Done(); c() }(cmds[i])
	}
	wg.Wait()
	data := l.Data()
	if len(data.Entries) != 20 {
		t.Fatalf("entries: %d", len(data.Entries))
	}
	for i, e := range data.Entries {
		if want := "line " + string(rune('a'+i)); e.Text != want {
			t.Fatalf("entry %d is %q, want %q", i, e.Text, want)
		}
	}
	saved, err := st.Entries(data.Session.ID)
	if err != nil || len(saved) != 20 || saved[19].Text != "line t" {
		t.Fatalf("store holds %d entries (%v)", len(saved), err)
	}
	for _, w := range []<-chan struct{}{w1, w2} {
		if msg := l.WaitChange(w)(); msg.(session.ChangedMsg).Version != 20 {
			t.Errorf("watcher saw %#v", msg)
		}
	}
}

func TestLiveSetEntryReplacesItsSlot(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	l := testLive(t, st, deck, "North")
	for _, pos := range []string{"attached", "aligned", "embedded"} {
		if m := l.CommitNow(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: "M1-E3", Group: "g2", Field: "position", Value: pos}}); m.Err != nil {
			t.Fatal(m.Err)
		}
	}
	d := l.Data()
	if n := len(d.In(model.Slot{Exercise: "M1-E3", Group: "g2", Field: "position"})); n != 1 {
		t.Fatalf("slot holds %d entries, want 1", n)
	}
	if v, _ := d.Value(model.Slot{Exercise: "M1-E3", Group: "g2", Field: "position"}); v.Value != "embedded" {
		t.Errorf("value %q", v.Value)
	}
}

func TestLiveReportsAFailedSave(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	l := testLive(t, st, deck, "North")
	m := l.CommitNow(model.Change{Op: model.OpUpdateEntry, Entry: model.Entry{Text: "no id"}})
	if m.Err == nil || !strings.Contains(m.Err.Error(), "names no entry") {
		t.Fatalf("want an error, got %v", m.Err)
	}
	if len(l.Data().Entries) != 0 {
		t.Error("a failed change must not be applied")
	}
}

func TestLiveFlushSavesWhatIsQueued(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	l := testLive(t, st, deck, "North")
	// Commands made but never run, as when the program quits at once.
	l.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "typed just before quitting"}})
	l.SaveDraft(l.DraftKey("M1-E3", "g1", "benefits"), "")
	l.Flush()
	es, err := st.Entries(l.Session().ID)
	if err != nil || len(es) != 1 || es[0].Text != "typed just before quitting" {
		t.Fatalf("after Flush the store holds %+v (%v)", es, err)
	}
	l.Flush() // nothing queued: returns at once
}

// TestFlushWaitsForAWriteInProgress: Flush returns only when a write that
// another command has already taken from the queue is saved (the home
// screen's reload after E waits on it, so an ended session is never
// offered again).
func TestFlushWaitsForAWriteInProgress(t *testing.T) {
	deck := builtinDeck(t)
	l := testLive(t, testStore(t), deck, "North")
	started := make(chan struct{})
	l.SetFault(func() error {
		close(started)
		time.Sleep(200 * time.Millisecond)
		return nil
	})
	before := l.Version()
	cmd := l.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M1-E3", Field: "benefits", Text: "slow"}})
	go cmd()
	<-started // the write has left the queue and is saving
	l.Flush()
	if l.Version() != before+1 {
		t.Fatalf("Flush returned before the write in progress was saved")
	}
}

package session_test

import (
	"sync"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// Votes and dots are deltas applied by Live on the current record, so
// voters at once never overwrite each other. Before, each voter wrote a
// count computed from its own copy (Votes++ on a snapshot): with twenty
// voters at once, most votes were lost.
func TestConcurrentVotesAndDotsLoseNothing(t *testing.T) {
	deck := builtinDeck(t)
	st := testStore(t)
	l := testLive(t, st, deck, "North")
	line := l.CommitNow(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "shared records"}})
	if line.Err != nil {
		t.Fatal(line.Err)
	}
	lineID := line.Change.Entry.ID
	option := model.Entry{ExerciseID: "B-1", Field: model.OptionField(1)}

	const voters, each = 20, 5
	var wg sync.WaitGroup
	for v := 0; v < voters; v++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				// the room's vote and dot, and now and then the facilitator's
				// own count and an edit made from an old copy of the line
				if m := l.CommitNow(model.Change{Op: model.OpAddVotes, Entry: option, RoomDelta: 1}); m.Err != nil {
					t.Error(m.Err)
				}
				if m := l.CommitNow(model.Change{Op: model.OpAddVotes, Entry: model.Entry{ID: lineID}, RoomDelta: 1}); m.Err != nil {
					t.Error(m.Err)
				}
				if v%4 == 0 {
					l.CommitNow(model.Change{Op: model.OpAddVotes, Entry: option, Delta: 1})
					stale := line.Change.Entry
					stale.Tag = model.TagPositive
					l.CommitNow(model.Change{Op: model.OpUpdateEntry, Entry: stale})
				}
			}
		}(v)
	}
	wg.Wait()

	check := func(what string, d model.SessionData) {
		t.Helper()
		opt, _ := d.Value(model.SlotOf(option))
		if opt.RoomVotes != voters*each || opt.Votes != voters/4*each {
			t.Errorf("%s: the option has room %d and counted %d votes, want %d and %d", what, opt.RoomVotes, opt.Votes, voters*each, voters/4*each)
		}
		ln, _ := d.Entry(lineID)
		if ln.RoomVotes != voters*each || ln.Tag != model.TagPositive {
			t.Errorf("%s: the line has %d dots from the room (tag %q), want %d", what, ln.RoomVotes, ln.Tag, voters*each)
		}
	}
	check("in memory", l.Data())
	entries, err := st.Entries(l.Session().ID)
	if err != nil {
		t.Fatal(err)
	}
	check("in the file", model.SessionData{Entries: entries})
}

// A participant who leaves stops watching: no watcher is left behind.
func TestWatchersStop(t *testing.T) {
	l := testLive(t, testStore(t), builtinDeck(t), "North")
	var stops []func()
	for i := 0; i < 50; i++ {
		_, stop := l.Watch()
		stops = append(stops, stop)
	}
	if n := l.Watchers(); n != 50 {
		t.Fatalf("%d watchers, want 50", n)
	}
	for _, stop := range stops {
		stop()
		stop() // twice is harmless
	}
	if n := l.Watchers(); n != 0 {
		t.Fatalf("%d watchers left after every one stopped, want 0", n)
	}
	// a change after they left still saves, and tells nobody
	if m := l.CommitNow(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: "after"}}); m.Err != nil {
		t.Fatal(m.Err)
	}
}

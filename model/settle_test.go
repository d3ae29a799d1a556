package model

import "testing"

func TestSettle(t *testing.T) {
	line := Entry{ID: "L", ExerciseID: "X", Group: "g1", Field: "lines", Text: "a", Votes: 2, RoomVotes: 3}
	other := Entry{ID: "M", ExerciseID: "X", Group: "g1", Field: "lines", Text: "b", Votes: 1, RoomVotes: 4}
	opt := Entry{ID: "O", ExerciseID: "P", Field: OptionField(0), Votes: 5, RoomVotes: 1}
	base := func() SessionData { return SessionData{Entries: []Entry{line, other, opt}} }
	find := func(d SessionData, id string) Entry {
		e, _ := d.Entry(id)
		return e
	}
	stale := line
	stale.Votes, stale.RoomVotes, stale.Tag = 0, 0, TagPositive
	merged := other
	merged.MergedInto = "L"
	merged.Votes = 0 // an old copy
	tests := []struct {
		name       string
		c          Change
		id         string
		votes, rvs int
		wantErr    bool
	}{
		{"an edit from an old copy keeps the counts", Change{Op: OpUpdateEntry, Entry: stale}, "L", 2, 3, false},
		{"a set of a slot keeps its record's counts", Change{Op: OpSetEntry, Entry: Entry{ExerciseID: "P", Field: OptionField(0), Votes: 9}}, "O", 5, 1, false},
		{"a merge moves the merged line's current counts", Change{Op: OpPutEntries, Entries: []Entry{merged, line}}, "L", 3, 7, false},
		{"a merge whose target is not in the change", Change{Op: OpPutEntries, Entries: []Entry{merged}}, "L", 3, 7, false},
		{"a delta adds to the current record", Change{Op: OpAddVotes, Entry: Entry{ID: "L"}, Delta: 1, RoomDelta: 2}, "L", 3, 5, false},
		{"a delta never goes below zero", Change{Op: OpAddVotes, Entry: Entry{ID: "L"}, Delta: -9}, "L", 0, 3, false},
		{"a delta to a slot finds its record", Change{Op: OpAddVotes, Entry: Entry{ID: "new", ExerciseID: "P", Field: OptionField(0)}, RoomDelta: 1}, "O", 5, 2, false},
		{"a delta to an empty slot makes the record", Change{Op: OpAddVotes, Entry: Entry{ID: "new", ExerciseID: "P", Field: OptionField(1), Votes: 7}, RoomDelta: 1}, "new", 0, 1, false},
		{"a clear keeps the room's count", Change{Op: OpClearVotes, Entry: Entry{ExerciseID: "P", Field: OptionField(0)}}, "O", 0, 1, false},
		{"a delta to a line that has gone", Change{Op: OpAddVotes, Entry: Entry{ID: "gone"}, Delta: 1}, "", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			c, err := d.Settle(tt.c)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			d.Apply(c)
			got := find(d, tt.id)
			if got.Votes != tt.votes || got.RoomVotes != tt.rvs {
				t.Errorf("%s has %d and %d from the room, want %d and %d", tt.id, got.Votes, got.RoomVotes, tt.votes, tt.rvs)
			}
			if tt.c.Op == OpUpdateEntry && find(d, "L").Tag != TagPositive {
				t.Error("the edit itself was lost")
			}
			if len(tt.c.Entries) > 0 && tt.c.Entries[0].ID == "M" && find(d, "M").Live() {
				t.Error("the merged line still counts")
			}
		})
	}
	// Preview settles too: two quick dots build on each other.
	d := base()
	d.Preview(Change{Op: OpAddVotes, Entry: Entry{ID: "M"}, Delta: 1})
	d.Preview(Change{Op: OpAddVotes, Entry: Entry{ID: "M"}, Delta: 1})
	if got := find(d, "M"); got.Count() != 7 {
		t.Errorf("two previewed dots give %d, want 7", got.Count())
	}
}

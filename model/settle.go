package model

import "errors"

// Counts. A line's dots and a poll option's votes are counted twice over,
// apart: Votes by the facilitator (the runner's keys) and RoomVotes by the
// room (participants' own votes and dots). Summaries, views and exports
// show their sum. Counts only ever change by a delta applied to the
// current record (OpAddVotes, OpClearVotes) or when a line is merged, so
// two voters at once never overwrite each other, and a change made from
// an older copy of a record (a tag, a weight, an edit) never takes back a
// vote given since.

// Count is an entry's votes or dots, the facilitator's and the room's.
func (e Entry) Count() int { return e.Votes + e.RoomVotes }

// ErrNoRecord is the error of a count change whose record has gone.
var ErrNoRecord = errors.New("that line is no longer there")

// Settle returns c as it applies to d's current records, in the absolute
// form that is saved and applied:
//   - a set (OpSetEntry) takes the id and creation time of its slot's
//     current entry;
//   - a record already in d keeps its current counts, whatever the change
//     carries;
//   - a line newly merged into another adds its current counts to that
//     line's;
//   - OpAddVotes and OpClearVotes become OpPutEntries of the entries saved
//     with them and the counted record, its counts changed (never below
//     zero).
//
// A live session settles each change on the saved state just before it
// saves it, one change at a time; views settle pending changes on their
// copy to preview them.
func (d *SessionData) Settle(c Change) (Change, error) {
	switch c.Op {
	case OpSetEntry:
		if old, ok := d.Value(SlotOf(c.Entry)); ok {
			c.Entry.ID, c.Entry.Created = old.ID, old.Created
		}
		c.Entry = d.keepCounts(c.Entry)
	case OpAddEntry, OpUpdateEntry:
		c.Entry = d.keepCounts(c.Entry)
	case OpPutEntries:
		c.Entries = d.settleEntries(c.Entries)
	case OpAddVotes, OpClearVotes:
		target, ok := d.Entry(c.Entry.ID)
		if !ok {
			if c.Entry.ExerciseID == "" { // it named a record, which has gone
				return c, ErrNoRecord
			}
			if target, ok = d.Value(SlotOf(c.Entry)); !ok {
				target = c.Entry
				target.Votes, target.RoomVotes = 0, 0
			}
		}
		if c.Op == OpClearVotes {
			target.Votes = 0
		} else {
			target.Votes = max(target.Votes+c.Delta, 0)
			target.RoomVotes = max(target.RoomVotes+c.RoomDelta, 0)
		}
		entries := d.settleEntries(c.Entries)
		c = Change{Op: OpPutEntries, Entries: append(entries, target)}
	}
	return c, nil
}

// keepCounts gives e the counts of its current record, if it has one.
func (d *SessionData) keepCounts(e Entry) Entry {
	if cur, ok := d.Entry(e.ID); ok && e.ID != "" {
		e.Votes, e.RoomVotes = cur.Votes, cur.RoomVotes
	}
	return e
}

// settleEntries keeps each record's counts and moves the counts of a line
// merged now onto the line it was merged into.
func (d *SessionData) settleEntries(es []Entry) []Entry {
	out := make([]Entry, len(es))
	for i, e := range es {
		out[i] = d.keepCounts(e)
	}
	for _, e := range out {
		cur, ok := d.Entry(e.ID)
		if !ok || e.MergedInto == "" || e.MergedInto == Withdrawn || cur.MergedInto != "" {
			continue
		}
		moved := false
		for j := range out {
			if out[j].ID == e.MergedInto {
				out[j].Votes += cur.Votes
				out[j].RoomVotes += cur.RoomVotes
				moved = true
			}
		}
		if t, ok := d.Entry(e.MergedInto); ok && !moved {
			t.Votes += cur.Votes
			t.RoomVotes += cur.RoomVotes
			out = append(out, t)
		}
	}
	return out
}

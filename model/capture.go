package model

import (
	"slices"
	"strconv"
	"strings"
)

// How captured text is laid out in entries. Every exercise kind stores
// what it captures as Entry records of the session, addressed by a slot:
// (ExerciseID, Group, Field). The conventions below are shared by the
// runners that capture, the summaries that read and the exports.
//
//   - Group is the discussion group ("g1", "g2"...), the case of a case
//     study or case review, or "" where the exercise has no groups.
//   - Field is the exercise field's key, or one of the reserved fields
//     below, or "item/N" for the Nth item (0-based) of a checklist or
//     rating, "option/N" for a poll option, "factor/KEY" for an assessment
//     factor.
//   - A single-valued slot (a text field, a choice, a continuum position, a
//     checklist status) holds at most one entry, replaced when it changes
//     (ChangeSet). A "lines" field holds any number of entries, in the
//     order they were captured.
//   - Value holds a chosen option (continuum position, status, level, the
//     grid cell "row|column" of an allies map, the case voted for); Text
//     holds what was typed.
const (
	// ExerciseParking is the exercise id of parking-lot notes.
	ExerciseParking = "parking"
	// ExerciseSeesaw is the exercise id of items typed onto the see-saw.
	ExerciseSeesaw = "seesaw"

	// FieldGroupName holds a group's display name (Group set, Text the name).
	FieldGroupName = "_name"
	// FieldClosing holds the answer to an exercise's closing question.
	FieldClosing = "_closing"
	// FieldPrompt prefixes the answers to the facilitator's prompts: "_prompt/N".
	FieldPrompt = "_prompt"
	// FieldVote holds a vote: Value what was voted for, Text the reason.
	FieldVote = "_vote"
	// FieldNote holds a free note, such as a parking-lot note or a see-saw item.
	FieldNote = "_note"
	// FieldChallenge holds a challenge seeded onto the see-saw by an exercise.
	FieldChallenge = "_challenge"
	// FieldDot is one dot of a dot vote: Group the group that gave it, Value
	// the id of the line it went to (whose Votes counts it too).
	FieldDot = "_dot"

	// Withdrawn is the MergedInto of a dot taken back: it no longer counts.
	Withdrawn = "withdrawn"
)

// DotsPerGroup is how many dots each group has in a dot vote.
const DotsPerGroup = 3

// DotsUsed counts the dots a group has given in an exercise.
func (d *SessionData) DotsUsed(exerciseID, group string) int {
	return len(d.In(Slot{Exercise: exerciseID, Group: group, Field: FieldDot}))
}

// GroupKey is the key of the nth discussion group, counting from 1.
func GroupKey(n int) string { return "g" + strconv.Itoa(n) }

// GroupNumber is the number of a group key made by GroupKey, or 0.
func GroupNumber(key string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(key, "g"))
	if err != nil || !strings.HasPrefix(key, "g") || n < 1 {
		return 0
	}
	return n
}

// ItemField is the field of the nth item (0-based) of a checklist or rating.
func ItemField(n int) string { return "item/" + strconv.Itoa(n) }

// OptionField is the field of the nth option (0-based) of a poll.
func OptionField(n int) string { return "option/" + strconv.Itoa(n) }

// PromptField is the field of the answer to the nth prompt (0-based).
func PromptField(n int) string { return FieldPrompt + "/" + strconv.Itoa(n) }

// Slot addresses a place where entries are captured.
type Slot struct {
	Exercise string
	Group    string
	Field    string
}

// SlotOf is the slot an entry was captured in.
func SlotOf(e Entry) Slot { return Slot{e.ExerciseID, e.Group, e.Field} }

// Live reports whether an entry counts: it has not been merged into another.
func (e Entry) Live() bool { return e.MergedInto == "" }

// SessionData is everything a session holds: the session and what was
// captured in it. It is the state a live session's views read.
type SessionData struct {
	Session Session
	Entries []Entry // in the order they were captured
	Actions []Action
}

// Clone returns a copy that shares no slices with d.
func (d SessionData) Clone() SessionData {
	c := d
	c.Session.Modules = slices.Clone(d.Session.Modules)
	c.Session.Exercises = slices.Clone(d.Session.Exercises)
	c.Entries = slices.Clone(d.Entries)
	c.Actions = slices.Clone(d.Actions)
	return c
}

// Entry returns the entry with the given id.
func (d *SessionData) Entry(id string) (Entry, bool) {
	if i := d.entryIndex(id); i >= 0 {
		return d.Entries[i], true
	}
	return Entry{}, false
}

func (d *SessionData) entryIndex(id string) int {
	return slices.IndexFunc(d.Entries, func(e Entry) bool { return e.ID == id })
}

// In lists the live entries of a slot, in capture order.
func (d *SessionData) In(s Slot) []Entry {
	var out []Entry
	for _, e := range d.Entries {
		if e.Live() && SlotOf(e) == s {
			out = append(out, e)
		}
	}
	return out
}

// Value is the single entry of a single-valued slot (the latest, if more
// than one was ever saved).
func (d *SessionData) Value(s Slot) (Entry, bool) {
	for i := len(d.Entries) - 1; i >= 0; i-- {
		if e := d.Entries[i]; e.Live() && SlotOf(e) == s {
			return e, true
		}
	}
	return Entry{}, false
}

// ExerciseEntries lists the live entries of one exercise in capture order.
func (d *SessionData) ExerciseEntries(exerciseID string) []Entry {
	var out []Entry
	for _, e := range d.Entries {
		if e.Live() && e.ExerciseID == exerciseID {
			out = append(out, e)
		}
	}
	return out
}

// Group is a discussion group: its key and the name shown.
type Group struct {
	Key  string
	Name string
}

// Groups lists an exercise's groups: the first atLeast groups always, and
// any other group that has entries or a name, ordered by number. A group
// without a saved name is called "Group N".
func (d *SessionData) Groups(exerciseID string, atLeast int) []Group {
	highest := atLeast
	names := map[string]string{}
	for _, e := range d.Entries {
		if e.ExerciseID != exerciseID || !e.Live() {
			continue
		}
		n := GroupNumber(e.Group)
		if n == 0 {
			continue
		}
		highest = max(highest, n)
		if e.Field == FieldGroupName {
			names[e.Group] = e.Text
		}
	}
	out := make([]Group, 0, highest)
	for n := 1; n <= highest; n++ {
		k := GroupKey(n)
		name := names[k]
		if strings.TrimSpace(name) == "" {
			name = "Group " + strconv.Itoa(n)
		}
		out = append(out, Group{Key: k, Name: name})
	}
	return out
}

// SessionActions lists the actions captured for one exercise ("" for all).
func (d *SessionData) SessionActions(exerciseID string) []Action {
	var out []Action
	for _, a := range d.Actions {
		if exerciseID == "" || a.ExerciseID == exerciseID {
			out = append(out, a)
		}
	}
	return out
}

// Op is what a Change does.
type Op int

// Changes to a live session.
const (
	OpAddEntry     Op = iota + 1 // Entry is a new line
	OpSetEntry                   // Entry replaces the single entry of its slot, or is added
	OpUpdateEntry                // Entry (by ID) is replaced
	OpDeleteEntry                // the entry Entry.ID is removed
	OpPutEntries                 // Entries are saved together (merge, move)
	OpPutAction                  // Action is added (ID empty) or replaced
	OpDeleteAction               // the action Action.ID is removed
	OpSession                    // Session replaces the session record
	OpAddVotes                   // Delta and RoomDelta are added to Entry's counts (Entries saved with it)
	OpClearVotes                 // Entry's facilitator count is set to zero (the room's stays)
)

// Change is one committed change to a live session. A live session
// applies changes one at a time, in the order they were made: it saves
// each (one write transaction) and then applies the saved form to its
// SessionData with Apply.
type Change struct {
	Op      Op
	Entry   Entry
	Entries []Entry
	Action  Action
	Session Session
	// Delta and RoomDelta (OpAddVotes) are added to the facilitator's and
	// the room's counts of Entry: the record named by Entry.ID or else the
	// single record of Entry's slot, made when there is none.
	Delta, RoomDelta int
}

// Apply applies a saved change to d: entries and actions carry the ids
// the store assigned.
func (d *SessionData) Apply(c Change) {
	switch c.Op {
	case OpSetEntry, OpUpdateEntry, OpAddEntry:
		d.putEntry(c.Entry)
	case OpPutEntries:
		for _, e := range c.Entries {
			d.putEntry(e)
		}
	case OpDeleteEntry:
		if i := d.entryIndex(c.Entry.ID); i >= 0 {
			d.Entries = slices.Delete(d.Entries, i, i+1)
		}
	case OpPutAction:
		if i := slices.IndexFunc(d.Actions, func(a Action) bool { return a.ID == c.Action.ID }); i >= 0 {
			d.Actions[i] = c.Action
		} else {
			d.Actions = append(d.Actions, c.Action)
		}
	case OpDeleteAction:
		if i := slices.IndexFunc(d.Actions, func(a Action) bool { return a.ID == c.Action.ID }); i >= 0 {
			d.Actions = slices.Delete(d.Actions, i, i+1)
		}
	case OpSession:
		d.Session = c.Session
	}
}

// Preview applies a change that is not saved yet, as a live session will
// save it: a set takes the place (and id) of its slot's current entry.
// Views show pending changes this way, so that a second key builds on the
// first before its save returns.
func (d *SessionData) Preview(c Change) {
	if settled, err := d.Settle(c); err == nil {
		d.Apply(settled)
	}
}

// DraftSlot reads the slot back out of a draft key made by
// DraftKey(sessionID, exercise, group, field); ok is false for any other
// key (a timer's, say).
func DraftSlot(sessionID, key string) (Slot, bool) {
	rest, ok := strings.CutPrefix(key, DraftKey(sessionID))
	if !ok {
		return Slot{}, false
	}
	parts := strings.Split(strings.TrimSuffix(rest, "/"), "/")
	if len(parts) < 3 || parts[0] == "" {
		return Slot{}, false
	}
	return Slot{Exercise: parts[0], Group: parts[1], Field: strings.Join(parts[2:], "/")}, true
}

func (d *SessionData) putEntry(e Entry) {
	if i := d.entryIndex(e.ID); i >= 0 {
		d.Entries[i] = e
		return
	}
	d.Entries = append(d.Entries, e)
}

// NoteRun records in s that an exercise (and its module) was run, keeping
// first-run order; it reports whether anything changed.
func NoteRun(s *Session, moduleID, exerciseID string) bool {
	changed := false
	if moduleID != "" && !slices.Contains(s.Modules, moduleID) {
		s.Modules = append(s.Modules, moduleID)
		changed = true
	}
	if exerciseID != "" && !slices.Contains(s.Exercises, exerciseID) {
		s.Exercises = append(s.Exercises, exerciseID)
		changed = true
	}
	return changed
}

// Field is the exercise's field with the given key, or nil.
func (ex *Exercise) Field(key string) *Field {
	for i := range ex.Fields {
		if ex.Fields[i].Key == key {
			return &ex.Fields[i]
		}
	}
	return nil
}

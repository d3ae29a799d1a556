package model

import (
	"maps"
	"slices"
	"strconv"
	"time"
)

// RoomState is everything a live room holds, in memory only.
type RoomState struct {
	Closed   bool
	Activity RoomActivity
	Seats    map[int]*RoomSeat // by pseudonym number
	Notes    []RoomNote
	Clock    RoomClock
}

// RoomSeat is one participant's place in the room.
type RoomSeat struct {
	Choices Choices // their answers in the open activity, as recorded
	// Earlier holds their answers to activities opened before, so that
	// opening one again gives them back (a poll reopened is not a second
	// vote) and removing the participant takes them back too.
	Earlier map[ActivityKey]Choices
	Recent  []time.Time // when they added their latest notes
	Gone    bool        // they left; what they recorded stays counted
}

// ActivityKey names an activity across openings: its kind and exercise.
type ActivityKey struct {
	Kind     RoomKind
	Exercise string
}

// Key is the activity's key.
func (a RoomActivity) Key() ActivityKey { return ActivityKey{a.Kind, a.Exercise} }

// Switch puts the seat's answers to the activity from away and takes out
// its answers to the activity to (none if it never answered it).
func (s *RoomSeat) Switch(from, to ActivityKey) {
	if from == to {
		return
	}
	if s.Earlier == nil {
		s.Earlier = map[ActivityKey]Choices{}
	}
	if len(s.Choices) > 0 {
		s.Earlier[from] = s.Choices
	}
	s.Choices = s.Earlier[to]
	delete(s.Earlier, to)
	if s.Choices == nil {
		s.Choices = Choices{}
	}
}

// Answered reports whether the seat holds any answer, now or earlier.
func (s *RoomSeat) Answered() bool { return len(s.Choices) > 0 || len(s.Earlier) > 0 }

// TakeBackAll is every change that undoes the seat's answers, by exercise:
// the open activity's (open is its exercise) and every earlier one's.
func (s *RoomSeat) TakeBackAll(open string) map[string][]Delta {
	out := map[string][]Delta{}
	if back := s.Choices.TakeBack(); len(back) > 0 {
		out[open] = back
	}
	for k, c := range s.Earlier {
		out[k.Exercise] = append(out[k.Exercise], c.TakeBack()...)
	}
	return out
}

// ParticipantView is all that one participant's screen is given: their own
// notes and answers, the activity, the clock, and the room's tallies only
// when they may be shown. Nothing in it belongs to another participant.
type ParticipantView struct {
	Seat     int
	Name     string
	Closed   bool // the room is closed
	Removed  bool // this participant was removed (or never had a seat)
	Activity RoomActivity
	Notes    []NoteView
	Choices  Choices
	// Tally is the room's count for each choice, nil when it is not shown;
	// Answered is how many answered (only with Tally); TallyHeld says why
	// a tally is not shown ("" when it is, or there is none to show).
	Tally     map[string]int
	Answered  int
	TallyHeld string
	Clock     RoomClock
}

// NoteView is one of the participant's own notes.
type NoteView struct {
	ID       int
	Text     string
	Shared   bool
	Revealed bool
}

// ViewFor is the one place that decides what participant seat sees. Their
// own notes only (of the exercise open), private and shared, never another's; their own choices;
// tallies only for a poll, dot vote or rating, once closed if results wait
// for the close, and once at least MinCount have answered. Everything is
// copied: the view shares no memory with the room.
func (s *RoomState) ViewFor(seat int) ParticipantView {
	v := ParticipantView{Seat: seat, Name: PseudonymName(seat), Closed: s.Closed, Clock: s.Clock}
	st := s.Seats[seat]
	if st == nil || st.Gone {
		v.Removed = !s.Closed
		return v
	}
	if s.Closed {
		return v
	}
	v.Activity = copyActivity(s.Activity)
	for _, n := range s.Notes {
		if n.Seat == seat && n.Exercise == s.Activity.Exercise {
			v.Notes = append(v.Notes, NoteView{ID: n.ID, Text: n.Text, Shared: n.Shared, Revealed: n.Revealed})
		}
	}
	v.Choices = maps.Clone(st.Choices)
	if v.Choices == nil {
		v.Choices = Choices{}
	}
	v.Tally, v.Answered, v.TallyHeld = s.tallyFor()
	return v
}

// tallyFor is the tally participants may see, or why they may not.
func (s *RoomState) tallyFor() (map[string]int, int, string) {
	a := s.Activity
	if a.Kind != RoomPoll && a.Kind != RoomDots && a.Kind != RoomRating {
		return nil, 0, ""
	}
	if a.ResultsWhenClosed && a.Open {
		return nil, 0, "shown when this closes"
	}
	tally, answered := s.Tally()
	if answered < a.MinCount {
		return nil, 0, "shown once " + strconv.Itoa(a.MinCount) + " have answered"
	}
	return tally, answered, ""
}

// Tally sums every participant's choices in the open activity, and counts
// those who answered (participants who left included: their answers stay).
func (s *RoomState) Tally() (map[string]int, int) {
	tally, answered := map[string]int{}, 0
	for _, st := range s.Seats {
		if len(st.Choices) > 0 {
			answered++
		}
		for k, n := range st.Choices {
			tally[k] += n
		}
	}
	return tally, answered
}

func copyActivity(a RoomActivity) RoomActivity {
	a.Options = slices.Clone(a.Options)
	a.Items = slices.Clone(a.Items)
	a.Scale = slices.Clone(a.Scale)
	a.Lines = slices.Clone(a.Lines)
	return a
}

// WallView is what the projected screen shows of the room: counts only,
// nothing about any one participant.
type WallView struct {
	Joined   int // participants in the room now
	Shared   int // notes shared and not yet revealed
	Pending  int // of those, waiting for approval
	Answered int // participants who answered the open poll, dot vote or rating
}

// Wall counts what the wall shows.
func (s *RoomState) Wall() WallView {
	var w WallView
	for _, st := range s.Seats {
		if !st.Gone {
			w.Joined++
		}
	}
	for _, n := range s.Notes {
		if n.Shared && !n.Revealed && !n.Hidden && n.Exercise == s.Activity.Exercise {
			w.Shared++
			if s.Activity.Approval && !n.Approved {
				w.Pending++
			}
		}
	}
	_, w.Answered = s.Tally()
	return w
}

// PendingNote is a shared note as the facilitator sees it before reveal:
// its text, never whose it is.
type PendingNote struct {
	ID       int
	Text     string
	Approved bool
	Hidden   bool
}

// Pending lists the shared notes not yet revealed, for the facilitator to
// approve or hide.
func (s *RoomState) Pending() []PendingNote {
	var out []PendingNote
	for _, n := range s.Notes {
		if n.Shared && !n.Revealed && n.Exercise == s.Activity.Exercise {
			out = append(out, PendingNote{ID: n.ID, Text: n.Text, Approved: n.Approved, Hidden: n.Hidden})
		}
	}
	return out
}

// Revealable lists the indexes in Notes of the notes a reveal puts on the
// wall: shared, not hidden, not yet revealed, and approved when approval
// is required.
func (s *RoomState) Revealable() []int {
	var out []int
	for i, n := range s.Notes {
		if n.Shared && !n.Hidden && !n.Revealed && (n.Approved || !s.Activity.Approval) &&
			n.Exercise == s.Activity.Exercise {
			out = append(out, i)
		}
	}
	return out
}

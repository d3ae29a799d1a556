package live

import (
	"errors"
	"slices"

	"github.com/carehuddle/huddle/model"
)

// Reasons a participant's action is refused, besides model's rule errors.
var (
	ErrNotInRoom = errors.New("you are no longer in the room")
	ErrNoNote    = errors.New("there is no such note of yours")
	ErrRevealed  = errors.New("that note is on the wall already")
	ErrNotSaved  = errors.New("that was not saved: try again")
)

// seatLocked is seat's place, or why it has none.
func (r *Room) seatLocked(seat int) (*model.RoomSeat, error) {
	s := r.st.Seats[seat]
	switch {
	case r.st.Closed:
		return nil, ErrRoomClosed
	case s == nil || s.Gone:
		return nil, ErrNotInRoom
	}
	return s, nil
}

// AddNote adds a private note for seat, in the exercise being written
// about. The text is cleaned and checked (model.CheckNote): when the
// privacy guard finds something that may identify a person, the findings
// say what and the note is not kept.
func (r *Room) AddNote(seat int, text string) ([]model.Finding, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.seatLocked(seat)
	if err != nil {
		return nil, err
	}
	if !r.st.Activity.Allows(model.ActNote) {
		return nil, model.ErrNotOpen
	}
	held := 0
	for _, n := range r.st.Notes {
		if n.Seat == seat && !n.Revealed {
			held++
		}
	}
	now := r.cfg.Now()
	clean, fs, err := model.CheckNote(text, now, s.Recent, held)
	if err != nil {
		return fs, err
	}
	s.Recent = model.RecentNotes(s.Recent, now)
	r.note++
	r.st.Notes = append(r.st.Notes, model.RoomNote{
		ID: r.note, Seat: seat, Exercise: r.st.Activity.Exercise, Text: clean,
	})
	r.notifyLocked()
	return nil, nil
}

// noteLocked is seat's unrevealed note id in the open exercise.
func (r *Room) noteLocked(seat, id int) (*model.RoomNote, error) {
	if _, err := r.seatLocked(seat); err != nil {
		return nil, err
	}
	if !r.st.Activity.Allows(model.ActNote) {
		return nil, model.ErrNotOpen
	}
	for i := range r.st.Notes {
		n := &r.st.Notes[i]
		if n.ID == id && n.Seat == seat && n.Exercise == r.st.Activity.Exercise {
			if n.Revealed {
				return nil, ErrRevealed
			}
			return n, nil
		}
	}
	return nil, ErrNoNote
}

// ShareNote shares seat's note for the next reveal, or takes the share
// back; a note shared again needs approval again.
func (r *Room) ShareNote(seat, id int, share bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	n, err := r.noteLocked(seat, id)
	if err != nil {
		return err
	}
	n.Shared, n.Approved, n.Hidden = share, false, false
	r.notifyLocked()
	return nil
}

// DeleteNote forgets seat's unrevealed note.
func (r *Room) DeleteNote(seat, id int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, err := r.noteLocked(seat, id); err != nil {
		return err
	}
	for i, n := range r.st.Notes {
		if n.ID == id {
			r.st.Notes = slices.Delete(r.st.Notes, i, i+1) // clears the copy left at the end
			break
		}
	}
	r.notifyLocked()
	return nil
}

// Vote is seat's vote for poll option (0-based); voting again changes it.
func (r *Room) Vote(seat, option int) error {
	return r.record(seat, func(a model.RoomActivity, c model.Choices) ([]model.Delta, error) {
		return model.PlanVote(a, c, option)
	})
}

// Dot gives (give) or takes back one of seat's dots on a line.
func (r *Room) Dot(seat int, lineID string, give bool) error {
	return r.record(seat, func(a model.RoomActivity, c model.Choices) ([]model.Delta, error) {
		return model.PlanDot(a, c, lineID, give)
	})
}

// Rate rates statement item (0-based) at scale column col; rating again
// changes it.
func (r *Room) Rate(seat, item, col int) error {
	return r.record(seat, func(a model.RoomActivity, c model.Choices) ([]model.Delta, error) {
		return model.PlanRate(a, c, item, col)
	})
}

// record plans a change of seat's choices, applies it, and records each
// delta through Recorder.Tally. The deltas that could not be recorded are
// undone, so the seat's choices stay what was recorded.
func (r *Room) record(seat int, plan func(model.RoomActivity, model.Choices) ([]model.Delta, error)) error {
	r.recMu.Lock()
	defer r.recMu.Unlock()
	r.mu.Lock()
	s, err := r.seatLocked(seat)
	var ds []model.Delta
	if err == nil {
		ds, err = plan(r.st.Activity, s.Choices)
	}
	if err != nil || len(ds) == 0 {
		r.mu.Unlock()
		return err
	}
	ex, gen := r.st.Activity.Exercise, r.gen
	s.Choices.Apply(ds)
	r.notifyLocked()
	r.mu.Unlock()
	for i, d := range ds {
		if err := r.cfg.Recorder.Tally(ex, d.Choice, d.N); err != nil {
			r.undo(seat, gen, ds[i:])
			return ErrNotSaved
		}
	}
	return nil
}

// undo takes back deltas that were applied to seat's choices but not
// recorded, unless a new activity has been opened since.
func (r *Room) undo(seat, gen int, ds []model.Delta) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.st.Seats[seat]
	if s == nil || r.gen != gen {
		return
	}
	back := make([]model.Delta, len(ds))
	for i, d := range ds {
		back[i] = model.Delta{Choice: d.Choice, N: -d.N}
	}
	s.Choices.Apply(back)
	r.notifyLocked()
}

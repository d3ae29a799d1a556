package live

import (
	"errors"
	"slices"

	"github.com/carehuddle/huddle/model"
)

// The facilitator's controls: only the facilitator's own screen calls
// these (participants' programs hold a guest, never the room's controls).

// ErrNoSuchNote is returned for a note id that is not pending.
var ErrNoSuchNote = errors.New("no such shared note")

// Open opens an activity of kind for exercise ex: a poll of its options,
// a rating of its statements on its scale, writing notes for it, or a dot
// vote over its lines as the wall shows them (Recorder.Lines). Whatever
// was open before closes. Participants find their own answers to an
// activity opened again (the same kind for the same exercise), so a poll
// reopened is never a second vote.
func (r *Room) Open(ex *model.Exercise, kind model.RoomKind) error {
	var lines []model.RoomLine
	if kind == model.RoomDots {
		for _, l := range r.cfg.Recorder.Lines(ex.ID) {
			lines = append(lines, model.RoomLine{ID: l.ID, Text: l.Text})
		}
	}
	a, err := model.NewRoomActivity(ex, kind, lines)
	if err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.st.Closed {
		return ErrRoomClosed
	}
	from := r.st.Activity.Key()
	r.st.Activity = r.withRules(a)
	r.gen++
	for n, s := range r.st.Seats {
		s.Switch(from, a.Key())
		if s.Gone && !s.Answered() {
			delete(r.st.Seats, n)
		}
	}
	r.notifyLocked()
	return nil
}

// RefreshLines gives an open dot vote the exercise's lines as they are
// now (notes revealed or merged since it opened); dots given stay.
func (r *Room) RefreshLines() {
	r.mu.Lock()
	a := r.st.Activity
	r.mu.Unlock()
	if a.Kind != model.RoomDots {
		return
	}
	var lines []model.RoomLine
	for _, l := range r.cfg.Recorder.Lines(a.Exercise) {
		lines = append(lines, model.RoomLine{ID: l.ID, Text: l.Text})
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.st.Activity.Kind == model.RoomDots && r.st.Activity.Exercise == a.Exercise {
		r.st.Activity.Lines = lines
		r.notifyLocked()
	}
}

// CloseActivity closes the open activity: participants can no longer
// answer, and see the results if the results rule allows.
func (r *Room) CloseActivity() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.st.Activity.Open = false
	r.notifyLocked()
}

// SetApproval requires (or no longer requires) the facilitator's approval
// of each shared note before it is revealed, now and for later activities.
func (r *Room) SetApproval(on bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cfg.Approval = on
	r.st.Activity.Approval = on
	r.notifyLocked()
}

// SetResults sets when participants see tallies, now and later.
func (r *Room) SetResults(rule ResultsRule) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cfg.Results = rule
	r.st.Activity.ResultsWhenClosed, r.st.Activity.MinCount = rule.WhenClosed, rule.MinCount
	r.notifyLocked()
}

// Pending lists the shared notes of the open exercise not yet revealed,
// their text only (never whose), for the facilitator to approve or hide.
func (r *Room) Pending() []model.PendingNote {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.st.Pending()
}

// pendingLocked is the shared, unrevealed note id of the open exercise.
func (r *Room) pendingLocked(id int) (*model.RoomNote, error) {
	for i := range r.st.Notes {
		n := &r.st.Notes[i]
		if n.ID == id && n.Shared && !n.Revealed && n.Exercise == r.st.Activity.Exercise {
			return n, nil
		}
	}
	return nil, ErrNoSuchNote
}

// Approve approves a shared note for reveal (or withdraws the approval).
func (r *Room) Approve(id int, ok bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	n, err := r.pendingLocked(id)
	if err != nil {
		return err
	}
	n.Approved = ok
	r.notifyLocked()
	return nil
}

// Hide keeps a shared note from the reveal (or lets it be revealed again).
// The participant is not told.
func (r *Room) Hide(id int, hidden bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	n, err := r.pendingLocked(id)
	if err != nil {
		return err
	}
	n.Hidden = hidden
	r.notifyLocked()
	return nil
}

// Reveal puts every shared, unhidden (and, when approval is required,
// approved) note of the open exercise on the wall at once, in shuffled
// order, through Recorder.Reveal, and reports how many. A revealed note
// can no longer be unshared or deleted by its writer.
func (r *Room) Reveal() (int, error) {
	r.recMu.Lock()
	defer r.recMu.Unlock()
	r.mu.Lock()
	if r.st.Closed {
		r.mu.Unlock()
		return 0, ErrRoomClosed
	}
	idx := r.st.Revealable()
	ids := make([]int, len(idx))
	texts := make([]string, len(idx))
	for i, j := range idx {
		ids[i], texts[i] = r.st.Notes[j].ID, r.st.Notes[j].Text
		r.st.Notes[j].Revealed = true
	}
	err := model.Shuffle(r.cfg.Random, len(texts), func(i, j int) {
		texts[i], texts[j] = texts[j], texts[i]
	})
	ex := r.st.Activity.Exercise
	r.mu.Unlock()
	if err == nil && len(texts) > 0 {
		err = r.cfg.Recorder.Reveal(ex, texts)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		for i := range r.st.Notes {
			if slices.Contains(ids, r.st.Notes[i].ID) {
				r.st.Notes[i].Revealed = false
			}
		}
		return 0, err
	}
	r.notifyLocked()
	return len(texts), nil
}

// Lock stops anyone else from joining (or lets them join again).
func (r *Room) Lock(on bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lock = on
	r.notifyLocked()
}

// RotateCode replaces the join code and returns the new one; the old code
// no longer lets anyone in (those in the room stay).
func (r *Room) RotateCode() model.JoinCode {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rotateLocked()
	return r.code
}

// Code is the join code, or "" once the room is closed.
func (r *Room) Code() model.JoinCode {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.code
}

// Participants lists the numbers of the participants in the room, for the
// facilitator's panel (to remove one); the wall never shows them.
func (r *Room) Participants() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int
	for n, s := range r.st.Seats {
		if !s.Gone {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// Remove sends a participant out: their unrevealed notes (private and
// shared) are dropped, their answers (to the open activity and to earlier
// ones) are taken back from the tallies, and their screen says they were
// removed. The number is never given again.
func (r *Room) Remove(seat int) error {
	r.recMu.Lock()
	defer r.recMu.Unlock()
	r.mu.Lock()
	s := r.st.Seats[seat]
	if s == nil || s.Gone {
		r.mu.Unlock()
		return ErrNotInRoom
	}
	back := s.TakeBackAll(r.st.Activity.Exercise)
	delete(r.st.Seats, seat)
	r.dropNotesLocked(seat, true)
	r.notifyLocked() // the removed screen wakes too and sees it was removed
	r.mu.Unlock()
	var err error
	for ex, ds := range back {
		for _, d := range ds {
			err = errors.Join(err, r.cfg.Recorder.Tally(ex, d.Choice, d.N))
		}
	}
	return err
}

// Close closes the room: nobody else can join, every unrevealed note is
// forgotten, and every participant's screen says the room is closed.
// Closing again does nothing.
func (r *Room) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.st.Closed {
		return
	}
	r.st.Closed = true
	r.code = ""
	clear(r.st.Notes)
	r.st.Notes = nil
	r.notifyLocked()
}

// SetClock mirrors the facilitator's timer on participants' screens: the
// deadline while it runs, what was left while paused, zero for none.
func (r *Room) SetClock(c model.RoomClock) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.st.Clock == c {
		return
	}
	r.st.Clock = c
	r.notifyLocked()
}

// Snapshot is what the wall and the facilitator's panel show of the room:
// counts and the code, nothing about any one participant.
type Snapshot struct {
	Closed   bool
	Locked   bool
	Code     model.JoinCode // shown with Code.String(): "K7QX-M3PA"
	Activity model.RoomActivity
	model.WallView
}

// Snapshot takes the room's snapshot.
func (r *Room) Snapshot() Snapshot {
	r.mu.Lock()
	defer r.mu.Unlock()
	a := r.st.Activity
	a.Options, a.Items, a.Scale, a.Lines = slices.Clone(a.Options), slices.Clone(a.Items),
		slices.Clone(a.Scale), slices.Clone(a.Lines)
	return Snapshot{Closed: r.st.Closed, Locked: r.lock, Code: r.code, Activity: a, WallView: r.st.Wall()}
}

package live

import (
	"errors"
	"sync"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/session"
)

// SessionRecorder is the Recorder of a facilitator's live session: the
// room's results become changes committed through Live, the session's only
// writer, in order with the facilitator's own.
type SessionRecorder struct {
	live *session.Live
	mu   sync.Mutex // one reveal at a time: the room's group is made once
}

// NewRecorder records the room's results in l.
func NewRecorder(l *session.Live) *SessionRecorder { return &SessionRecorder{live: l} }

// ErrNoExercise is the error of a result for an exercise not in the deck.
var ErrNoExercise = errors.New("that exercise is not in this deck")

// Reveal adds texts as lines of the room's group of ex (a group named
// "Room", made the first time), all in one saved change.
func (r *SessionRecorder) Reveal(ex string, texts []string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.live.Exercises()[ex]
	if e == nil {
		return ErrNoExercise
	}
	field := model.RoomNotesField(e)
	if field == "" {
		return errors.New("this exercise has no lines for the room's notes")
	}
	if len(texts) == 0 {
		return nil
	}
	d := r.live.Data()
	group, ok := d.RoomGroup(ex)
	var entries []model.Entry
	if !ok {
		group = model.GroupKey(len(d.Groups(ex, max(e.Groups, 1))) + 1)
		entries = append(entries, model.Entry{ExerciseID: ex, Group: group, Field: model.FieldGroupName, Text: "Room", Value: model.GroupNameRoom})
	}
	for _, t := range texts {
		entries = append(entries, model.Entry{ExerciseID: ex, Group: group, Field: field, Text: t})
	}
	return r.live.CommitNow(model.Change{Op: model.OpPutEntries, Entries: entries}).Err
}

// Tally adds delta to the room's count of choice in ex.
func (r *SessionRecorder) Tally(ex, choice string, delta int) error {
	target, ok := model.TallyChoice(ex, choice)
	if !ok {
		return errors.New("huddle: the room chose something unknown: " + choice)
	}
	return r.live.CommitNow(model.Change{Op: model.OpAddVotes, Entry: target, RoomDelta: delta}).Err
}

// Lines lists the lines of ex that dots can go to, as the wall shows them.
func (r *SessionRecorder) Lines(ex string) []Line {
	e := r.live.Exercises()[ex]
	if e == nil {
		return nil
	}
	d := r.live.Data()
	var out []Line
	for _, l := range d.DotLines(e) {
		out = append(out, Line{ID: l.ID, Text: model.SanitizeLine(l.Text)})
	}
	return out
}

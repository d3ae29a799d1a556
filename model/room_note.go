package model

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what one participant writes.
const (
	MaxNoteRunes    = 280         // characters in one note
	NotesPerWindow  = 10          // notes one participant may add in NoteWindow
	NoteWindow      = time.Minute //
	MaxNotesPerSeat = 50          // notes one participant may hold
)

// Errors of note checks.
var (
	ErrNoteEmpty    = errors.New("the note is empty")
	ErrNoteTooLong  = errors.New("a note holds at most 280 characters: shorten it")
	ErrNoteRate     = errors.New("that is a lot of notes at once: wait a moment, then add it")
	ErrTooManyNotes = errors.New("you have as many notes as the room allows: delete one first")
	// ErrMayIdentify means the privacy guard found something that may
	// identify a person; the findings say what. The note is not kept.
	ErrMayIdentify = errors.New("this may identify someone")
)

// RoomNote is a participant's note, held in the room's memory only until
// it is revealed; Seat is whose it is and never leaves the room. Only the
// notes of the exercise open in the room are shown, approved, hidden or
// revealed.
type RoomNote struct {
	ID       int
	Seat     int
	Exercise string // the exercise it was written for
	Text     string
	Shared   bool // the participant has shared it for reveal
	Approved bool // the facilitator approved it (when approval is required)
	Hidden   bool // the facilitator hid it: it is not revealed
	Revealed bool // it is on the wall, as an entry of the session
}

// CheckNote cleans a note a participant typed (sanitised for one line,
// spaces trimmed) and checks it: not empty, at most MaxNoteRunes, no more
// than NotesPerWindow notes in NoteWindow (recent holds when the earlier
// ones were added) and MaxNotesPerSeat in all (held), and nothing that may
// identify a person (findings say what was found, with ErrMayIdentify).
func CheckNote(text string, now time.Time, recent []time.Time, held int) (string, []Finding, error) {
	clean := strings.TrimSpace(SanitizeLine(text))
	switch {
	case clean == "":
		return "", nil, ErrNoteEmpty
	case utf8.RuneCountInString(clean) > MaxNoteRunes:
		return "", nil, ErrNoteTooLong
	case held >= MaxNotesPerSeat:
		return "", nil, ErrTooManyNotes
	}
	n := 0
	for _, t := range recent {
		if now.Sub(t) < NoteWindow {
			n++
		}
	}
	if n >= NotesPerWindow {
		return "", nil, ErrNoteRate
	}
	if fs := ScanIdentifiersAt(clean, now); len(fs) > 0 {
		return "", fs, ErrMayIdentify
	}
	return clean, nil, nil
}

// RecentNotes keeps the times within NoteWindow of now, and now.
func RecentNotes(recent []time.Time, now time.Time) []time.Time {
	out := recent[:0]
	for _, t := range recent {
		if now.Sub(t) < NoteWindow {
			out = append(out, t)
		}
	}
	return append(out, now)
}

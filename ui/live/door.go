// Package live is live participation: the room that participants join from
// their own laptops (over SSH) while the facilitator presents. The room
// keeps seats and unshared notes in memory only; what the room decides
// (revealed notes, tallies of votes, dots and ratings) is committed through
// a Recorder, which is the facilitator's live session. Participant code
// holds a room handle, never the store.
package live

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Door is how a client gets into the room: the SSH server (and later the
// web server) hands it the join code the client typed and the client's
// network source, and gets a guest or a reason to refuse.
//
// source is used only to limit failed attempts per source; it is never
// shown, logged or stored.
type Door interface {
	Enter(code, source string) (Guest, error)
}

// Guest is one participant who got in. Model builds the participant's
// program drawing through r, the client's own renderer (styles must come
// from it, never from the facilitator's terminal). Leave is called once
// when the connection ends, whatever the reason.
type Guest interface {
	Model(r *lipgloss.Renderer) tea.Model
	Leave()
}

// Reasons a door refuses a client. The server shows err.Error() to the
// client and disconnects.
var (
	ErrWrongCode       = errors.New("that code is not right: check the code on the screen")
	ErrTooManyAttempts = errors.New("too many wrong codes: wait a minute and try the new code on the screen")
	ErrRoomLocked      = errors.New("the room is locked: ask the facilitator")
	ErrRoomFull        = errors.New("the room is full")
	ErrRoomClosed      = errors.New("the room is closed")
)

// Recorder is where the room's results go: the facilitator's live session
// (the lead implements it over session.Live; tests use a fake). Every
// method is safe to call from any goroutine and returns once the change is
// saved (or failed).
type Recorder interface {
	// Reveal adds texts, already cleaned and checked and in the order to
	// show, as lines of exercise ex captured by the room.
	Reveal(ex string, texts []string) error
	// Tally adds delta to the room's count of a choice in exercise ex:
	// model.OptionField(n) for a poll option, "dot/" + a line's entry id for
	// a dot vote, model.ItemField(n) + "=" + column index for a rating.
	// The room's counts are kept apart from the facilitator's own.
	Tally(ex, choice string, delta int) error
	// Lines lists the lines of exercise ex that dots can go to, as the
	// wall shows them.
	Lines(ex string) []Line
}

// Line is one line of an exercise that can receive dots.
type Line struct {
	ID   string
	Text string
}

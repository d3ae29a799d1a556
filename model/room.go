package model

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// RoomKind is what a live room's participants are doing.
type RoomKind int

const (
	RoomLobby  RoomKind = iota // nothing open: participants wait
	RoomWrite                  // writing discussion notes, private until shared
	RoomPoll                   // one vote among options, changeable until closed
	RoomDots                   // a fixed number of dots to give to lines
	RoomRating                 // each statement rated on a scale
)

func (k RoomKind) String() string {
	return [...]string{"lobby", "write", "poll", "dots", "rating"}[k]
}

// RoomLine is a line dots can go to.
type RoomLine struct {
	ID   string
	Text string
}

// RoomActivity is what the facilitator has opened in the room.
type RoomActivity struct {
	Kind     RoomKind
	Exercise string   // the exercise's id
	Title    string   // the exercise's title
	Prompt   string   // the poll's question, or what to write about
	Options  []string // poll options
	Items    []string // rating statements
	Scale    []string // rating scale, one column each
	Lines    []RoomLine
	Dots     int  // dots each participant has
	Open     bool // participants may act; false once closed
	Approval bool // a shared note needs the facilitator's approval before reveal
	// ResultsWhenClosed keeps tallies from participants until the
	// activity is closed; MinCount keeps them back until that many
	// participants have answered (in a small room a tally can identify).
	ResultsWhenClosed bool
	MinCount          int
}

// Errors of room actions, shown to the participant as they are.
var (
	ErrNotOpen      = errors.New("that is not open now")
	ErrNoSuchChoice = errors.New("there is no such choice")
	ErrNoDotsLeft   = errors.New("you have no dots left: take one back first")
	ErrNoDotThere   = errors.New("you have no dot on that line")
	ErrWrongKind    = errors.New("this exercise cannot be run in the room that way")
)

// NewRoomActivity builds the activity of kind for exercise ex, open: a
// poll takes ex's question and options, a rating its statements and scale,
// a dot vote the lines given (the wall's lines of the exercise), writing
// the label of the lines field the room's notes go to (RoomNotesField).
func NewRoomActivity(ex *Exercise, kind RoomKind, lines []RoomLine) (RoomActivity, error) {
	a := RoomActivity{Kind: kind, Exercise: ex.ID, Title: ex.Title, Open: true}
	switch kind {
	case RoomWrite:
		f := ex.Field(RoomNotesField(ex))
		if f == nil {
			return RoomActivity{}, ErrWrongKind
		}
		a.Prompt = f.Label
	case RoomPoll:
		if ex.Kind != KindPoll || len(ex.Options) == 0 {
			return RoomActivity{}, ErrWrongKind
		}
		a.Prompt, a.Options = ex.Question, append([]string(nil), ex.Options...)
	case RoomRating:
		if ex.Kind != KindRating || len(ex.Items) == 0 || len(ex.Scale) == 0 {
			return RoomActivity{}, ErrWrongKind
		}
		a.Items, a.Scale = append([]string(nil), ex.Items...), append([]string(nil), ex.Scale...)
	case RoomDots:
		if len(lines) == 0 {
			return RoomActivity{}, ErrWrongKind
		}
		a.Lines, a.Dots = append([]RoomLine(nil), lines...), DotsPerGroup
	default:
		return RoomActivity{}, ErrWrongKind
	}
	return a, nil
}

// RoomAction is something a participant may try.
type RoomAction int

const (
	ActNote RoomAction = iota // write, share, unshare or delete a note
	ActVote                   // vote in a poll
	ActDot                    // give or take back a dot
	ActRate                   // rate a statement
)

// Allows reports whether participants may do act now: only in an open
// activity of the matching kind.
func (a RoomActivity) Allows(act RoomAction) bool {
	if !a.Open {
		return false
	}
	switch act {
	case ActNote:
		return a.Kind == RoomWrite
	case ActVote:
		return a.Kind == RoomPoll
	case ActDot:
		return a.Kind == RoomDots
	case ActRate:
		return a.Kind == RoomRating
	}
	return false
}

// Delta is one change to a tally: N added to the count of Choice (the
// Recorder's choice names: OptionField(n), "dot/"+line id,
// ItemField(n)+"="+column).
type Delta struct {
	Choice string
	N      int
}

// Choices is what one participant's answers add to the tallies of the
// open activity, choice by choice; it always equals the deltas of theirs
// that were recorded.
type Choices map[string]int

// Apply adds the deltas.
func (c Choices) Apply(ds []Delta) {
	for _, d := range ds {
		if c[d.Choice] += d.N; c[d.Choice] == 0 {
			delete(c, d.Choice)
		}
	}
}

// TakeBack is every delta that undoes c (a participant removed).
func (c Choices) TakeBack() []Delta {
	var out []Delta
	for k, n := range c {
		out = append(out, Delta{k, -n})
	}
	return out
}

// DotChoice is the choice name of a dot on a line.
func DotChoice(lineID string) string { return "dot/" + lineID }

// RatingChoice is the choice name of rating item n at scale column col.
func RatingChoice(n, col int) string { return ItemField(n) + "=" + strconv.Itoa(col) }

// PlanVote is the change a vote for option makes: the old vote taken back
// and the new one added; nothing for the same vote again.
func PlanVote(a RoomActivity, c Choices, option int) ([]Delta, error) {
	if !a.Allows(ActVote) {
		return nil, ErrNotOpen
	}
	if option < 0 || option >= len(a.Options) {
		return nil, ErrNoSuchChoice
	}
	want := OptionField(option)
	var out []Delta
	for k, n := range c {
		if k == want {
			return nil, nil
		}
		if strings.HasPrefix(k, "option/") {
			out = append(out, Delta{k, -n})
		}
	}
	return append(out, Delta{want, 1}), nil
}

// PlanDot is the change of giving (give) or taking back a dot on a line.
func PlanDot(a RoomActivity, c Choices, lineID string, give bool) ([]Delta, error) {
	if !a.Allows(ActDot) {
		return nil, ErrNotOpen
	}
	found := false
	for _, l := range a.Lines {
		found = found || l.ID == lineID
	}
	if !found {
		return nil, ErrNoSuchChoice
	}
	ch := DotChoice(lineID)
	if !give {
		if c[ch] <= 0 {
			return nil, ErrNoDotThere
		}
		return []Delta{{ch, -1}}, nil
	}
	if DotsUsed(c) >= a.Dots {
		return nil, ErrNoDotsLeft
	}
	return []Delta{{ch, 1}}, nil
}

// DotsUsed counts the dots a participant has given.
func DotsUsed(c Choices) int {
	n := 0
	for k, v := range c {
		if strings.HasPrefix(k, "dot/") {
			n += v
		}
	}
	return n
}

// PlanRate is the change of rating item at scale column col: the item's
// old rating taken back and the new one added.
func PlanRate(a RoomActivity, c Choices, item, col int) ([]Delta, error) {
	if !a.Allows(ActRate) {
		return nil, ErrNotOpen
	}
	if item < 0 || item >= len(a.Items) || col < 0 || col >= len(a.Scale) {
		return nil, ErrNoSuchChoice
	}
	if old := Rated(c, item); old == col {
		return nil, nil
	} else if old >= 0 {
		return []Delta{{RatingChoice(item, old), -1}, {RatingChoice(item, col), 1}}, nil
	}
	return []Delta{{RatingChoice(item, col), 1}}, nil
}

// Rated is the scale column item is rated at, or -1.
func Rated(c Choices, item int) int {
	prefix := ItemField(item) + "="
	for k := range c {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			if col, err := strconv.Atoi(rest); err == nil {
				return col
			}
		}
	}
	return -1
}

// Voted is the poll option voted for, or -1.
func Voted(c Choices) int {
	for k := range c {
		if rest, ok := strings.CutPrefix(k, "option/"); ok {
			if n, err := strconv.Atoi(rest); err == nil {
				return n
			}
		}
	}
	return -1
}

// RoomClock is how a participant's screen mirrors the facilitator's
// timer: the deadline (zero for no timer running) and what was left
// when it was paused (zero if not paused).
type RoomClock struct {
	Deadline time.Time
	Paused   time.Duration
}

// Clone copies the choices.
func (c Choices) Clone() Choices {
	out := make(Choices, len(c))
	for k, v := range c {
		out[k] = v
	}
	return out
}

// Show is the clock as a participant sees it at now: "" with no timer,
// "⏱ 4:32 left" while it runs, "⏸ 4:32 left (paused)", "⏱ time is up".
func (c RoomClock) Show(now time.Time) string {
	switch {
	case c.Paused > 0:
		return "⏸ " + FormatClock(c.Paused) + " left (paused)"
	case c.Deadline.IsZero():
		return ""
	case !c.Deadline.After(now):
		return "⏱ time is up"
	}
	return "⏱ " + FormatClock(c.Deadline.Sub(now)) + " left"
}

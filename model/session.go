package model

import (
	"strconv"
	"strings"
	"time"
)

// Session kinds.
const (
	SessionWorkshop   = "workshop"
	SessionReflection = "reflection"
)

// Entry tags: a captured line can feed the see-saw.
const (
	TagNone      = ""
	TagPositive  = "positive"
	TagChallenge = "challenge"
)

// Action statuses.
const (
	ActionOpen    = "open"
	ActionDone    = "done"
	ActionDropped = "dropped"
)

// Team connects sessions over time.
type Team struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Session is one workshop or solo reflection: who ran it, when, what was
// presented and which exercises were run. What was captured is held in
// Entry and Action records that point back to it by ID.
type Session struct {
	ID          string    `json:"id"`
	Kind        string    `json:"kind"` // SessionWorkshop or SessionReflection
	TeamID      string    `json:"team_id,omitempty"`
	TeamName    string    `json:"team_name,omitempty"`
	Facilitator string    `json:"facilitator,omitempty"`
	Title       string    `json:"title"`
	Started     time.Time `json:"started"`
	Ended       time.Time `json:"ended,omitzero"` // zero while the session is unfinished
	Modules     []string  `json:"modules,omitempty"`
	Exercises   []string  `json:"exercises,omitempty"` // ids of the exercises run, in order
	Position    string    `json:"position,omitempty"`  // where the presenter was, "m1/5", to continue there
}

// Finished reports whether the session has been ended.
func (s Session) Finished() bool { return !s.Ended.IsZero() }

// Entry is one captured line: a group's answer to one field of one
// exercise, a parking-lot note, a see-saw item, a vote.
type Entry struct {
	ID         string    `json:"id"`
	SessionID  string    `json:"session_id"`
	ExerciseID string    `json:"exercise_id"`
	Group      string    `json:"group,omitempty"`
	Field      string    `json:"field,omitempty"`
	Text       string    `json:"text"`
	Value      string    `json:"value,omitempty"`      // a chosen option: continuum position, status, level, grid cell, vote
	Order      int       `json:"order,omitempty"`      // a position kept by the exercise, e.g. a card's rank
	Tag        string    `json:"tag,omitempty"`        // TagNone, TagPositive or TagChallenge
	Weight     int       `json:"weight,omitempty"`     // see-saw weight, 1 to 3
	Votes      int       `json:"votes,omitempty"`      // dot votes or poll votes counted by the facilitator
	RoomVotes  int       `json:"room_votes,omitempty"` // the same counted by the room (live participation), kept apart
	MergedInto string    `json:"merged_into,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated,omitzero"`
}

// Action is one agreed action of an action plan. Open actions of a team's
// earlier sessions are shown at the start of its next session.
type Action struct {
	ID         string    `json:"id"`
	SessionID  string    `json:"session_id"`
	TeamID     string    `json:"team_id,omitempty"`
	ExerciseID string    `json:"exercise_id,omitempty"`
	Text       string    `json:"text"`
	Owner      string    `json:"owner,omitempty"`
	Due        time.Time `json:"due,omitzero"`
	Review     time.Time `json:"review,omitzero"`
	Status     string    `json:"status"` // ActionOpen, ActionDone or ActionDropped
}

// Draft is text being typed, kept so that a crash loses little of it.
// Key says where it was typed; see DraftKey.
type Draft struct {
	Key   string    `json:"key"`
	Text  string    `json:"text"`
	Saved time.Time `json:"saved"`
}

// DeletionRecord is what the deletion log keeps of a deleted session: the
// date and the title, never its content.
type DeletionRecord struct {
	When         time.Time `json:"when"`
	SessionTitle string    `json:"session_title"`
}

// ValidSessionKind reports whether kind is a known session kind.
func ValidSessionKind(kind string) bool {
	return kind == SessionWorkshop || kind == SessionReflection
}

// ValidTag reports whether tag is a known entry tag (including none).
func ValidTag(tag string) bool {
	return tag == TagNone || tag == TagPositive || tag == TagChallenge
}

// ValidActionStatus reports whether status is a known action status.
func ValidActionStatus(status string) bool {
	return status == ActionOpen || status == ActionDone || status == ActionDropped
}

// DraftKey builds the key of a draft from where it was typed. The session
// id comes first and every part is followed by "/", so that all the drafts
// of a session share the prefix DraftKey(sessionID); the store relies on
// this to remove a deleted session's drafts (and timers keyed the same way).
func DraftKey(sessionID string, parts ...string) string {
	var b strings.Builder
	b.WriteString(sessionID)
	b.WriteByte('/')
	for _, p := range parts {
		b.WriteString(p)
		b.WriteByte('/')
	}
	return b.String()
}

// idTimeLayout is the time part of an id, always in UTC.
const idTimeLayout = "20060102-150405"

// idSeqWidth is the least number of base-36 digits of an id's sequence part.
const idSeqWidth = 4

// NewID makes a record id from a time and a sequence number: the UTC time
// to the second, then the sequence in base 36, zero-padded to four digits,
// for example "20250114-093012-00k3". Ids of the same kind sort by time, and
// within one second by sequence while the sequence stays under 36^4.
//
// Ids are assigned by the store when a record is first saved, with the
// bucket's own sequence; callers normally leave ID empty. The store derives
// an entry's key from its id, so entries sort by time to the second and
// then by the order they were first saved.
func NewID(now time.Time, seq uint64) string {
	s := strconv.FormatUint(seq, 36)
	if len(s) < idSeqWidth {
		s = strings.Repeat("0", idSeqWidth-len(s)) + s
	}
	return now.UTC().Format(idTimeLayout) + "-" + s
}

// ParseID splits an id made by NewID into its time (to the second, UTC)
// and sequence. ok is false if id is not in NewID's form.
func ParseID(id string) (t time.Time, seq uint64, ok bool) {
	if len(id) < len(idTimeLayout)+1+idSeqWidth || id[len(idTimeLayout)] != '-' {
		return time.Time{}, 0, false
	}
	t, err := time.ParseInLocation(idTimeLayout, id[:len(idTimeLayout)], time.UTC)
	if err != nil {
		return time.Time{}, 0, false
	}
	digits := id[len(idTimeLayout)+1:]
	for _, c := range digits {
		if (c < '0' || c > '9') && (c < 'a' || c > 'z') {
			return time.Time{}, 0, false
		}
	}
	seq, err = strconv.ParseUint(digits, 36, 64)
	if err != nil {
		return time.Time{}, 0, false
	}
	return t, seq, true
}

package model

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// roomFixture has three participants: 7 with a private and a shared note,
// 12 with a private, a shared and a revealed note, 30 who left with a
// shared note.
func roomFixture(a RoomActivity) *RoomState {
	if a.Kind != RoomLobby {
		a.Exercise = "d1"
	}
	return &RoomState{
		Activity: a,
		Seats: map[int]*RoomSeat{
			7:  {Choices: Choices{"option/0": 1}},
			12: {Choices: Choices{"option/1": 1}},
			30: {Choices: Choices{"option/1": 1}, Gone: true},
		},
		Notes: []RoomNote{
			{ID: 1, Seat: 7, Exercise: "d1", Text: "seven private"},
			{ID: 2, Seat: 7, Exercise: "d1", Text: "seven shared", Shared: true},
			{ID: 3, Seat: 12, Exercise: "d1", Text: "twelve private"},
			{ID: 4, Seat: 12, Exercise: "d1", Text: "twelve shared", Shared: true, Approved: true},
			{ID: 5, Seat: 12, Exercise: "d1", Text: "twelve revealed", Shared: true, Revealed: true},
			{ID: 6, Seat: 30, Exercise: "d1", Text: "thirty shared", Shared: true, Hidden: true},
		},
	}
}

func noteTexts(v ParticipantView) string {
	var out []string
	for _, n := range v.Notes {
		out = append(out, n.Text)
	}
	return strings.Join(out, "|")
}

func TestViewForNotes(t *testing.T) {
	s := roomFixture(RoomActivity{Kind: RoomWrite, Open: true})
	tests := []struct {
		name  string
		seat  int
		notes string
	}{
		{"own notes, private and shared", 7, "seven private|seven shared"},
		{"own revealed note kept, another's private note never appears", 12, "twelve private|twelve shared|twelve revealed"},
		{"a participant who left sees nothing", 30, ""},
		{"no seat, nothing", 99, ""},
	}
	for _, tt := range tests {
		v := s.ViewFor(tt.seat)
		if got := noteTexts(v); got != tt.notes {
			t.Errorf("%s: notes %q, want %q", tt.name, got, tt.notes)
		}
	}
	// Whatever the seat, no view holds another's note of any kind.
	for seat := range s.Seats {
		v := s.ViewFor(seat)
		for _, n := range s.Notes {
			if n.Seat != seat && strings.Contains(noteTexts(v), n.Text) {
				t.Errorf("participant %d sees %q, participant %d's note", seat, n.Text, n.Seat)
			}
		}
	}
	if v := s.ViewFor(99); !v.Removed {
		t.Error("a seat that is not there is not told it was removed")
	}
	s.Notes = append(s.Notes, RoomNote{ID: 9, Seat: 7, Exercise: "other", Text: "seven elsewhere"})
	if got := noteTexts(s.ViewFor(7)); got != "seven private|seven shared" {
		t.Errorf("notes of another exercise shown: %q", got)
	}
	v := s.ViewFor(7)
	if v.Name != "Participant 7" || !v.Notes[1].Shared || v.Notes[0].Shared {
		t.Errorf("view %+v", v)
	}
}

func TestViewForCopies(t *testing.T) {
	s := roomFixture(RoomActivity{Kind: RoomPoll, Open: true, Options: []string{"a", "b"}})
	v := s.ViewFor(7)
	v.Choices["option/1"] = 5
	v.Activity.Options[0] = "changed"
	if s.Seats[7].Choices["option/1"] != 0 || s.Activity.Options[0] != "a" {
		t.Fatal("the view shares memory with the room")
	}
}

func TestViewForClosedRoom(t *testing.T) {
	s := roomFixture(RoomActivity{Kind: RoomWrite, Open: true})
	s.Closed = true
	v := s.ViewFor(7)
	if !v.Closed || v.Removed || len(v.Notes) != 0 || v.Activity.Kind != RoomLobby || v.Tally != nil {
		t.Fatalf("closed room view %+v", v)
	}
}

func TestViewForTally(t *testing.T) {
	poll := RoomActivity{Kind: RoomPoll, Open: true, Options: []string{"a", "b"}}
	tests := []struct {
		name     string
		a        func(RoomActivity) RoomActivity
		shown    bool
		held     string
		answered int
	}{
		{"open, no limits: shown", func(a RoomActivity) RoomActivity { return a }, true, "", 3},
		{"results when closed, open: held", func(a RoomActivity) RoomActivity { a.ResultsWhenClosed = true; return a },
			false, "shown when this closes", 0},
		{"results when closed, closed: shown", func(a RoomActivity) RoomActivity {
			a.ResultsWhenClosed, a.Open = true, false
			return a
		}, true, "", 3},
		{"fewer than the minimum: held", func(a RoomActivity) RoomActivity { a.MinCount = 4; return a },
			false, "shown once 4 have answered", 0},
		{"the minimum reached: shown", func(a RoomActivity) RoomActivity { a.MinCount = 3; return a }, true, "", 3},
		{"writing has no tally", func(a RoomActivity) RoomActivity { a.Kind = RoomWrite; return a }, false, "", 0},
		{"lobby has no tally", func(a RoomActivity) RoomActivity { return RoomActivity{} }, false, "", 0},
	}
	for _, tt := range tests {
		s := roomFixture(tt.a(poll))
		v := s.ViewFor(7)
		if (v.Tally != nil) != tt.shown || v.TallyHeld != tt.held || v.Answered != tt.answered {
			t.Errorf("%s: tally %v held %q answered %d", tt.name, v.Tally, v.TallyHeld, v.Answered)
		}
		if tt.shown && (v.Tally["option/0"] != 1 || v.Tally["option/1"] != 2) {
			t.Errorf("%s: tally %v, want option/0 1, option/1 2 (the one who left still counts)", tt.name, v.Tally)
		}
		if v.Choices["option/0"] != 1 || len(v.Choices) != 1 && tt.a(poll).Kind == RoomPoll {
			t.Errorf("%s: own choices %v", tt.name, v.Choices)
		}
	}
}

func TestWallPendingRevealable(t *testing.T) {
	s := roomFixture(RoomActivity{Kind: RoomWrite, Open: true})
	w := s.Wall()
	if w.Joined != 2 || w.Shared != 2 || w.Pending != 0 || w.Answered != 3 {
		t.Fatalf("wall %+v", w)
	}
	ids := func(ix []int) (out []int) {
		for _, i := range ix {
			out = append(out, s.Notes[i].ID)
		}
		return out
	}
	if got := ids(s.Revealable()); len(got) != 2 || got[0] != 2 || got[1] != 4 {
		t.Fatalf("revealable %v, want [2 4]", got)
	}
	s.Activity.Approval = true
	if got := ids(s.Revealable()); len(got) != 1 || got[0] != 4 {
		t.Fatalf("with approval, revealable %v, want [4]", got)
	}
	if w := s.Wall(); w.Pending != 1 {
		t.Fatalf("pending %d, want 1", w.Pending)
	}
	s.Notes = append(s.Notes, RoomNote{ID: 9, Seat: 7, Exercise: "other", Text: "elsewhere", Shared: true, Approved: true})
	if got := ids(s.Revealable()); len(got) != 1 {
		t.Fatalf("another exercise's note revealable: %v", got)
	}
	p := s.Pending()
	if len(p) != 3 || p[2].ID != 6 || !p[2].Hidden {
		t.Fatalf("pending %+v", p)
	}
}

func TestCheckNote(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	burst := make([]time.Time, NotesPerWindow)
	for i := range burst {
		burst[i] = now.Add(-time.Duration(i) * time.Second)
	}
	old := make([]time.Time, NotesPerWindow)
	for i := range old {
		old[i] = now.Add(-2 * time.Minute)
	}
	tests := []struct {
		name   string
		text   string
		recent []time.Time
		held   int
		want   string
		err    error
	}{
		{"plain", "  Handovers work well  ", nil, 0, "Handovers work well", nil},
		{"escape sequences removed", "red\x1b[31m text\nnext", nil, 0, "red text next", nil},
		{"empty", " \x1b[0m ", nil, 0, "", ErrNoteEmpty},
		{"too long", strings.Repeat("é", MaxNoteRunes+1), nil, 0, "", ErrNoteTooLong},
		{"longest", strings.Repeat("é", MaxNoteRunes), nil, 0, strings.Repeat("é", MaxNoteRunes), nil},
		{"too fast", "one more", burst, 0, "", ErrNoteRate},
		{"earlier burst forgotten", "one more", old, 0, "one more", nil},
		{"too many held", "one more", nil, MaxNotesPerSeat, "", ErrTooManyNotes},
		{"NHS number", "patient 943 476 5919 was late", nil, 0, "", ErrMayIdentify},
	}
	for _, tt := range tests {
		got, fs, err := CheckNote(tt.text, now, tt.recent, tt.held)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("%s: got %q, %v; want %q, %v", tt.name, got, err, tt.want, tt.err)
		}
		if errors.Is(err, ErrMayIdentify) && len(fs) == 0 {
			t.Errorf("%s: no findings to tell the participant", tt.name)
		}
	}
	r := RecentNotes(append([]time.Time{}, old...), now)
	if len(r) != 1 || !r[0].Equal(now) {
		t.Errorf("RecentNotes kept %v", r)
	}
}

func FuzzCheckNote(f *testing.F) {
	for _, s := range []string{"plain", "red\x1b[31m x", "\u202eevil", "a\r\nb", "943 476 5919", strings.Repeat("x", 300)} {
		f.Add(s)
	}
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		clean, fs, err := CheckNote(s, now, nil, 0)
		if err != nil {
			if clean != "" {
				t.Fatalf("refused note %q kept text %q", s, clean)
			}
			if errors.Is(err, ErrMayIdentify) != (len(fs) > 0) {
				t.Fatalf("findings %v with error %v", fs, err)
			}
			return
		}
		if utf8.RuneCountInString(clean) > MaxNoteRunes || clean != strings.TrimSpace(clean) {
			t.Fatalf("note %q: too long or untrimmed", clean)
		}
		for _, r := range clean {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("note %q holds control %U", clean, r)
			}
		}
		if again, _, err := CheckNote(clean, now, nil, 0); err != nil || again != clean {
			t.Fatalf("a clean note %q does not check again: %q %v", clean, again, err)
		}
	})
}

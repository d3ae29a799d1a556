package model

import (
	"errors"
	"slices"
	"sort"
	"testing"
	"time"
)

func TestRoomActivityAllows(t *testing.T) {
	acts := []RoomAction{ActNote, ActVote, ActDot, ActRate}
	tests := []struct {
		kind RoomKind
		open bool
		want []bool // per acts
	}{
		{RoomLobby, true, []bool{false, false, false, false}},
		{RoomWrite, true, []bool{true, false, false, false}},
		{RoomWrite, false, []bool{false, false, false, false}},
		{RoomPoll, true, []bool{false, true, false, false}},
		{RoomPoll, false, []bool{false, false, false, false}},
		{RoomDots, true, []bool{false, false, true, false}},
		{RoomRating, true, []bool{false, false, false, true}},
		{RoomRating, false, []bool{false, false, false, false}},
	}
	for _, tt := range tests {
		a := RoomActivity{Kind: tt.kind, Open: tt.open}
		for i, act := range acts {
			if got := a.Allows(act); got != tt.want[i] {
				t.Errorf("%v open=%v Allows(%d) = %v", tt.kind, tt.open, act, got)
			}
		}
	}
}

func TestNewRoomActivity(t *testing.T) {
	poll := &Exercise{ID: "p", Kind: KindPoll, Title: "Poll", Question: "Which?", Options: []string{"a", "b"}}
	rating := &Exercise{ID: "r", Kind: KindRating, Items: []string{"x"}, Scale: []string{"low", "high"}}
	disc := &Exercise{ID: "d", Kind: KindDiscussion, Fields: []Field{
		{Key: "pos", Label: "Where is the team?", Type: FieldContinuum},
		{Key: "k", Label: "What went well?", Type: FieldLines}}}
	noLines := &Exercise{ID: "n", Kind: KindFramework, Fields: []Field{{Key: "pos", Label: "Where?", Type: FieldContinuum}}}
	lines := []RoomLine{{"e1", "one"}}
	tests := []struct {
		ex    *Exercise
		kind  RoomKind
		lines []RoomLine
		ok    bool
	}{
		{poll, RoomPoll, nil, true},
		{rating, RoomPoll, nil, false},
		{rating, RoomRating, nil, true},
		{poll, RoomRating, nil, false},
		{disc, RoomWrite, nil, true},
		{noLines, RoomWrite, nil, false},
		{disc, RoomDots, lines, true},
		{disc, RoomDots, nil, false},
		{disc, RoomLobby, nil, false},
	}
	for _, tt := range tests {
		a, err := NewRoomActivity(tt.ex, tt.kind, tt.lines)
		if (err == nil) != tt.ok {
			t.Errorf("NewRoomActivity(%s, %v): err %v", tt.ex.ID, tt.kind, err)
			continue
		}
		if err == nil && (!a.Open || a.Exercise != tt.ex.ID) {
			t.Errorf("NewRoomActivity(%s, %v) = %+v", tt.ex.ID, tt.kind, a)
		}
	}
	a, _ := NewRoomActivity(disc, RoomWrite, nil)
	if a.Prompt != "What went well?" {
		t.Errorf("write prompt %q", a.Prompt)
	}
	a, _ = NewRoomActivity(disc, RoomDots, lines)
	if a.Dots != DotsPerGroup {
		t.Errorf("dots %d", a.Dots)
	}
}

func sortDeltas(ds []Delta) []Delta {
	sort.Slice(ds, func(i, j int) bool { return ds[i].Choice < ds[j].Choice })
	return ds
}

func TestPlanVote(t *testing.T) {
	open := RoomActivity{Kind: RoomPoll, Open: true, Options: []string{"a", "b", "c"}}
	closed := open
	closed.Open = false
	tests := []struct {
		name   string
		a      RoomActivity
		c      Choices
		option int
		want   []Delta
		err    error
	}{
		{"first vote", open, Choices{}, 1, []Delta{{"option/1", 1}}, nil},
		{"change", open, Choices{"option/0": 1}, 2, []Delta{{"option/0", -1}, {"option/2", 1}}, nil},
		{"same again", open, Choices{"option/2": 1}, 2, nil, nil},
		{"closed", closed, Choices{}, 1, nil, ErrNotOpen},
		{"no such option", open, Choices{}, 3, nil, ErrNoSuchChoice},
		{"negative", open, Choices{}, -1, nil, ErrNoSuchChoice},
	}
	for _, tt := range tests {
		got, err := PlanVote(tt.a, tt.c, tt.option)
		if !errors.Is(err, tt.err) || !slices.Equal(sortDeltas(got), tt.want) {
			t.Errorf("%s: got %v, %v; want %v, %v", tt.name, got, err, tt.want, tt.err)
		}
	}
}

func TestPlanDot(t *testing.T) {
	open := RoomActivity{Kind: RoomDots, Open: true, Dots: 3, Lines: []RoomLine{{"a", "A"}, {"b", "B"}}}
	tests := []struct {
		name string
		c    Choices
		line string
		give bool
		want []Delta
		err  error
	}{
		{"first", Choices{}, "a", true, []Delta{{"dot/a", 1}}, nil},
		{"third", Choices{"dot/a": 1, "dot/b": 1}, "a", true, []Delta{{"dot/a", 1}}, nil},
		{"fourth", Choices{"dot/a": 2, "dot/b": 1}, "a", true, nil, ErrNoDotsLeft},
		{"take back", Choices{"dot/a": 2}, "a", false, []Delta{{"dot/a", -1}}, nil},
		{"take none", Choices{"dot/a": 2}, "b", false, nil, ErrNoDotThere},
		{"unknown line", Choices{}, "z", true, nil, ErrNoSuchChoice},
	}
	for _, tt := range tests {
		got, err := PlanDot(open, tt.c, tt.line, tt.give)
		if !errors.Is(err, tt.err) || !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, %v; want %v, %v", tt.name, got, err, tt.want, tt.err)
		}
	}
	closed := open
	closed.Open = false
	if _, err := PlanDot(closed, Choices{}, "a", true); !errors.Is(err, ErrNotOpen) {
		t.Errorf("closed: %v", err)
	}
}

func TestPlanRate(t *testing.T) {
	open := RoomActivity{Kind: RoomRating, Open: true, Items: []string{"x", "y"}, Scale: []string{"1", "2", "3"}}
	tests := []struct {
		name      string
		c         Choices
		item, col int
		want      []Delta
		err       error
	}{
		{"first", Choices{}, 0, 2, []Delta{{"item/0=2", 1}}, nil},
		{"other item", Choices{"item/0=2": 1}, 1, 0, []Delta{{"item/1=0", 1}}, nil},
		{"change", Choices{"item/0=2": 1, "item/1=0": 1}, 0, 1, []Delta{{"item/0=1", 1}, {"item/0=2", -1}}, nil},
		{"same", Choices{"item/0=2": 1}, 0, 2, nil, nil},
		{"no such item", Choices{}, 2, 0, nil, ErrNoSuchChoice},
		{"no such column", Choices{}, 0, 3, nil, ErrNoSuchChoice},
	}
	for _, tt := range tests {
		got, err := PlanRate(open, tt.c, tt.item, tt.col)
		if !errors.Is(err, tt.err) || !slices.Equal(sortDeltas(got), tt.want) {
			t.Errorf("%s: got %v, %v; want %v, %v", tt.name, got, err, tt.want, tt.err)
		}
	}
}

func TestChoicesApplyAndTakeBack(t *testing.T) {
	c := Choices{}
	c.Apply([]Delta{{"dot/a", 1}, {"dot/a", 1}, {"dot/b", 1}, {"option/1", 1}})
	if DotsUsed(c) != 3 || Voted(c) != 1 || Rated(c, 0) != -1 {
		t.Fatalf("after apply: %v", c)
	}
	c.Apply([]Delta{{"dot/b", -1}})
	if _, ok := c["dot/b"]; ok {
		t.Fatal("a choice counted down to 0 stays")
	}
	back := c.Clone()
	back.Apply(c.TakeBack())
	if len(back) != 0 {
		t.Fatalf("TakeBack leaves %v", back)
	}
	if RatingChoice(2, 4) != "item/2=4" || DotChoice("e1") != "dot/e1" {
		t.Fatal("choice names")
	}
}

func TestRoomClockShow(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		c    RoomClock
		want string
	}{
		{RoomClock{}, ""},
		{RoomClock{Deadline: now.Add(4*time.Minute + 31500*time.Millisecond)}, "⏱ 4:32 left"},
		{RoomClock{Deadline: now}, "⏱ time is up"},
		{RoomClock{Paused: 90 * time.Second}, "⏸ 1:30 left (paused)"},
	}
	for _, tt := range tests {
		if got := tt.c.Show(now); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestRoomSeatSwitch(t *testing.T) {
	pollKey, dotsKey := ActivityKey{RoomPoll, "p"}, ActivityKey{RoomDots, "d"}
	s := &RoomSeat{Choices: Choices{"option/1": 1}}
	s.Switch(pollKey, dotsKey)
	if len(s.Choices) != 0 || !s.Answered() {
		t.Fatalf("after switching away: %+v", s)
	}
	s.Choices.Apply([]Delta{{"dot/e1", 2}})
	s.Switch(dotsKey, pollKey)
	if Voted(s.Choices) != 1 {
		t.Fatalf("the poll's vote did not come back: %+v", s)
	}
	s.Switch(pollKey, pollKey) // the same activity again: nothing moves
	if Voted(s.Choices) != 1 {
		t.Fatal("reopening the same activity lost the vote")
	}
	back := s.TakeBackAll("p")
	if !slices.Equal(back["p"], []Delta{{"option/1", -1}}) || !slices.Equal(back["d"], []Delta{{"dot/e1", -2}}) {
		t.Fatalf("take back %v", back)
	}
	if (&RoomSeat{Choices: Choices{}}).Answered() {
		t.Fatal("an empty seat answered")
	}
}

package model

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestNewIDRoundTrip(t *testing.T) {
	at := time.Date(2025, 1, 14, 9, 30, 12, 999, time.FixedZone("X", 3600))
	for _, seq := range []uint64{0, 1, 35, 36, 1295, 1679615, 1679616, 1 << 62} {
		id := NewID(at, seq)
		got, gotSeq, ok := ParseID(id)
		if !ok {
			t.Fatalf("ParseID(%q) not ok", id)
		}
		if !got.Equal(at.Truncate(time.Second)) || gotSeq != seq {
			t.Errorf("ParseID(%q) = %v, %d; want %v, %d", id, got, gotSeq, at.Truncate(time.Second), seq)
		}
	}
	if id := NewID(at, 3); id != "20250114-083012-0003" {
		t.Errorf("NewID = %q, want UTC time and a padded sequence", id)
	}
}

func TestNewIDSortsByTimeThenSequence(t *testing.T) {
	base := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	var want []string
	for i := 0; i < 50; i++ {
		want = append(want, NewID(base.Add(time.Duration(i/5)*time.Second), uint64(100+i)))
	}
	got := append([]string(nil), want...)
	sort.Sort(sort.Reverse(sort.StringSlice(got)))
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ids do not sort in creation order:\n%v\n%v", got, want)
	}
}

func TestParseIDRejects(t *testing.T) {
	for _, id := range []string{"", "x", "20250114-093012", "20250114-093012-", "20250114x093012-0001",
		"20251314-093012-0001", "20250114-093012-00A1", "20250114-093012-00-1"} {
		if _, _, ok := ParseID(id); ok {
			t.Errorf("ParseID(%q) ok, want rejected", id)
		}
	}
}

func TestDraftKeyPrefix(t *testing.T) {
	k := DraftKey("s1", "M1-E3", "Group 1", "benefits")
	if k != "s1/M1-E3/Group 1/benefits/" {
		t.Errorf("DraftKey = %q", k)
	}
	if !strings.HasPrefix(k, DraftKey("s1")) || strings.HasPrefix(DraftKey("s10", "x"), DraftKey("s1")) {
		t.Error("draft keys of a session must share the session's prefix, and only them")
	}
}

func TestValidators(t *testing.T) {
	if !ValidSessionKind(SessionWorkshop) || !ValidSessionKind(SessionReflection) || ValidSessionKind("party") {
		t.Error("ValidSessionKind")
	}
	if !ValidTag("") || !ValidTag(TagPositive) || !ValidTag(TagChallenge) || ValidTag("neutral") {
		t.Error("ValidTag")
	}
	if !ValidActionStatus(ActionOpen) || !ValidActionStatus(ActionDone) || !ValidActionStatus(ActionDropped) || ValidActionStatus("") {
		t.Error("ValidActionStatus")
	}
}

func TestJSONRoundTrip(t *testing.T) {
	now := time.Date(2025, 5, 6, 7, 8, 9, 10, time.UTC)
	values := []any{
		&Team{ID: "t", Name: "North locality"},
		&Session{ID: "s", Kind: SessionWorkshop, TeamID: "t", TeamName: "North", Facilitator: "Sam",
			Title: "Module 1", Started: now, Ended: now.Add(time.Hour), Modules: []string{"m1"}, Exercises: []string{"M1-E1"}},
		&Entry{ID: "e", SessionID: "s", ExerciseID: "M1-E3", Group: "Group 1", Field: "benefits", Text: "shared visits",
			Tag: TagPositive, Weight: 2, Votes: 3, MergedInto: "e0", Created: now, Updated: now.Add(time.Minute)},
		&Action{ID: "a", SessionID: "s", TeamID: "t", ExerciseID: "M1-E2", Text: "joint huddle", Owner: "Team",
			Due: now, Review: now.Add(24 * time.Hour), Status: ActionOpen},
		&Draft{Key: DraftKey("s", "M1-E3"), Text: "half a thou", Saved: now},
		&DeletionRecord{When: now, SessionTitle: "Module 1"},
	}
	for _, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		back := reflect.New(reflect.TypeOf(v).Elem()).Interface()
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(v, back) {
			t.Errorf("round trip of %T:\n%+v\n%+v", v, v, back)
		}
	}
	b, _ := json.Marshal(Session{ID: "s", Started: now})
	if strings.Contains(string(b), "ended") {
		t.Errorf("an unfinished session should omit its end time: %s", b)
	}
}

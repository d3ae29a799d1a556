package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// sessionSeeds are sessions as the store writes them: plain text, text
// that JSON escapes, accents, empty and missing fields.
var sessionSeeds = []model.Session{
	{ID: "20250101-090000-0001", Kind: model.SessionWorkshop, TeamID: "t1", TeamName: "North Café", Facilitator: "Zoë",
		Title: "Module 1", Started: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC), Ended: time.Date(2025, 1, 1, 11, 0, 0, 5, time.FixedZone("x", 3600)),
		Modules: []string{"m1", "m2"}, Exercises: []string{"M1-E1"}, Position: "m1/5"},
	{ID: "a", Kind: model.SessionReflection, Title: `Quotes "and" <tags> & \ back`, Started: time.Date(1969, 12, 31, 23, 0, 0, 0, time.Local)},
	{ID: "b", Title: "line\nbreak\u2028 and \x1b escape", Modules: []string{}},
	{},
}

// FuzzDecodeSession: the fast session decoder gives exactly what
// encoding/json gives, for the store's own records and for anything else.
func FuzzDecodeSession(f *testing.F) {
	for _, s := range sessionSeeds {
		data, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id":"x","ID":"y"}`))
	f.Add([]byte(`{"id":null,"modules":null,"started":null}`))
	f.Add([]byte(`{"modules":["a"],"modules":["b","c"]}`))
	f.Add([]byte(` {"id":"x"}`))
	f.Add([]byte(`{"id":"\xff"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var want, got model.Session
		werr := json.Unmarshal(data, &want)
		gerr := decodeSession(data, &got)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%q: encoding/json %v, fast %v", data, werr, gerr)
		}
		if werr == nil && !reflect.DeepEqual(want, got) {
			t.Fatalf("%q:\nencoding/json %#v\nfast          %#v", data, want, got)
		}
	})
}

// TestDecodeSessionTakesTheFastPath: the store's plain records are read
// without encoding/json (else the fast decoder would never be used).
func TestDecodeSessionTakesTheFastPath(t *testing.T) {
	for _, seed := range []model.Session{sessionSeeds[0], sessionSeeds[3]} {
		data, _ := json.Marshal(seed)
		var fast, want model.Session
		json.Unmarshal(data, &want)
		if !decodeSessionFast(data, &fast) || !reflect.DeepEqual(fast, want) {
			t.Errorf("%s was not decoded by the fast path: %+v", data, fast)
		}
	}
}

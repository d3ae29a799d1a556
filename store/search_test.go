package store

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// searchFixture: three sessions of two teams on three days.
type searchFixture struct {
	s                *Store
	north, south     model.Session
	reflection       model.Session
	nurses, café, gp model.Entry
}

func newSearchFixture(t *testing.T) searchFixture {
	t.Helper()
	s, _ := openTemp(t)
	day := func(d int) time.Time { return time.Date(2025, 1, d, 10, 0, 0, 0, time.UTC) }
	f := searchFixture{s: s}
	f.north = mustSession(t, s, model.Session{Title: "Module 1 with North", TeamName: "North Locality", Started: day(1)})
	f.south = mustSession(t, s, model.Session{Title: "Module 2 with South", TeamName: "South Café Team", Started: day(2)})
	f.reflection = mustSession(t, s, model.Session{Kind: model.SessionReflection, Title: "Solo reflection", Started: day(3)})
	f.nurses = mustEntry(t, s, model.Entry{SessionID: f.north.ID, ExerciseID: "M1-E3", Group: "g1", Field: "benefits",
		Text: `Joint visits with the "District Nurses", weekly`})
	mustEntry(t, s, model.Entry{SessionID: f.north.ID, ExerciseID: "M1-E3", Group: "g2", Field: "benefits", Text: "nurses again"})
	mustEntry(t, s, model.Entry{SessionID: f.north.ID, ExerciseID: "M1-E3", Field: "benefits", Text: "merged nurses line",
		MergedInto: f.nurses.ID})
	f.café = mustEntry(t, s, model.Entry{SessionID: f.south.ID, ExerciseID: model.ExerciseParking,
		Text: "Ask Zoë about the CAFÉ drop-in\x1b[31m and the nurses' rota"})
	f.gp = mustEntry(t, s, model.Entry{SessionID: f.reflection.ID, ExerciseID: "M3-E3", Field: "q1",
		Text: "The GP editorial & <b>tags</b> \u2028 made me think about nurses"})
	return f
}

func hitIDs(hits []SearchHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.SessionID+"/"+h.EntryID)
	}
	return out
}

func TestSearchFindsEntriesWithoutRegardToCase(t *testing.T) {
	f := newSearchFixture(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"district nurses", []string{f.north.ID + "/" + f.nurses.ID}},
		{`"DISTRICT nurses"`, []string{f.north.ID + "/" + f.nurses.ID}},
		{"café drop", []string{f.south.ID + "/" + f.café.ID}},
		{"zoë", []string{f.south.ID + "/" + f.café.ID}},
		// Accents are folded both ways: a plain query finds the accented
		// text, an accented query the plain text.
		{"ZOE", []string{f.south.ID + "/" + f.café.ID}},
		{"cafe drop", []string{f.south.ID + "/" + f.café.ID}},
		{"south cafe", []string{f.south.ID + "/"}},
		{"Nörth Löcality", []string{f.north.ID + "/"}},
		{"ǅistrict nurses", nil}, // a title-case digraph is not a D

		{"& <b>", []string{f.reflection.ID + "/" + f.gp.ID}},
		{"&", []string{f.reflection.ID + "/" + f.gp.ID}},
		{"TAGS</b> \u2028 made", []string{f.reflection.ID + "/" + f.gp.ID}},
		{"no such thing", nil},
		{"   ", nil},
		// Newest session first; within a session, capture order; the
		// merged line is not found.
		{"NURSES", []string{f.reflection.ID + "/" + f.gp.ID, f.south.ID + "/" + f.café.ID,
			f.north.ID + "/" + f.nurses.ID, f.north.ID + "/" + mustID(t, f.s, f.north.ID, "nurses again")}},
	}
	for _, tt := range tests {
		hits, err := f.s.Search(tt.query, SearchFilter{})
		if err != nil {
			t.Errorf("%q: %v", tt.query, err)
		}
		if got := hitIDs(hits); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// mustID finds the id of the entry of a session with the given text.
func mustID(t *testing.T, s *Store, sessionID, text string) string {
	t.Helper()
	es, err := s.Entries(sessionID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Text == text {
			return e.ID
		}
	}
	t.Fatalf("no entry %q", text)
	return ""
}

func TestSearchSessionsAndHitFields(t *testing.T) {
	f := newSearchFixture(t)
	hits, err := f.s.Search("north", SearchFilter{})
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits %+v, %v", hits, err)
	}
	h := hits[0]
	if h.SessionID != f.north.ID || h.EntryID != "" || h.Snippet != "Module 1 with North" || h.TeamName != "North Locality" ||
		h.Kind != model.SessionWorkshop || !h.Started.Equal(f.north.Started) {
		t.Errorf("session hit %+v", h)
	}
	hits, _ = f.s.Search("drop-in", SearchFilter{})
	if len(hits) != 1 {
		t.Fatalf("hits %+v", hits)
	}
	h = hits[0]
	if h.ExerciseID != model.ExerciseParking || h.SessionTitle != f.south.Title || strings.ContainsRune(h.Snippet, 0x1b) ||
		h.Snippet != "Ask Zoë about the CAFÉ drop-in and the nurses' rota" {
		t.Errorf("entry hit %+v", h)
	}
}

func TestSearchSnippet(t *testing.T) {
	m := newMatcher("needle")
	long := strings.Repeat("hay ", 30) + "the NEEDLE\nis here " + strings.Repeat("straw ", 30)
	got := m.snippet(long)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "the NEEDLE is here") ||
		utf8.RuneCountInString(got) > snippetMax+2 {
		t.Errorf("snippet %q", got)
	}
	if got := m.snippet("short needle"); got != "short needle" {
		t.Errorf("short snippet %q", got)
	}
}

func TestSearchFilters(t *testing.T) {
	f := newSearchFixture(t)
	tests := []struct {
		name string
		f    SearchFilter
		want []string
	}{
		{"team", SearchFilter{TeamID: f.north.TeamID}, []string{f.north.ID}},
		{"kind", SearchFilter{Kind: model.SessionReflection}, []string{f.reflection.ID}},
		{"from", SearchFilter{From: f.south.Started}, []string{f.reflection.ID, f.south.ID}},
		{"to", SearchFilter{To: f.south.Started}, []string{f.north.ID}},
		{"range", SearchFilter{From: f.north.Started.Add(time.Hour), To: f.reflection.Started}, []string{f.south.ID}},
		{"limit", SearchFilter{Limit: 2}, []string{f.reflection.ID, f.south.ID}},
		{"team and to", SearchFilter{TeamID: f.south.TeamID, To: f.north.Started}, nil},
	}
	for _, tt := range tests {
		hits, err := f.s.Search("nurses", tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			if len(got) == 0 || got[len(got)-1] != h.SessionID {
				got = append(got, h.SessionID)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: sessions %q, want %q", tt.name, got, tt.want)
		}
		list, err := f.s.ListSessionsFiltered(tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range list {
			ids = append(ids, s.ID)
		}
		if !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("%s: ListSessionsFiltered %q, want %q", tt.name, ids, tt.want)
		}
	}
	if _, err := f.s.Search("x", SearchFilter{TeamID: "a/b"}); err == nil {
		t.Error("a bad team id was accepted")
	}
}

func TestSearchDamagedRecordIsReportedNotShown(t *testing.T) {
	f := newSearchFixture(t)
	key, _ := entryKey(f.north.ID, f.nurses.ID)
	err := f.s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketEntries))
		v := append([]byte(nil), b.Get(key)...)
		i := strings.Index(string(v), "District")
		v[i] = 'd' // still matches the query, but fails its checksum
		return b.Put(key, v)
	})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := f.s.Search("district nurses", SearchFilter{})
	if len(hits) != 0 || !errors.Is(err, ErrRecordDamaged) {
		t.Errorf("hits %q, err %v; want none and ErrRecordDamaged", hitIDs(hits), err)
	}
	hits, err = f.s.Search("nurses again", SearchFilter{})
	if len(hits) != 1 || err != nil {
		t.Errorf("a good record next to the damaged one: %q, %v", hitIDs(hits), err)
	}
}

// TestMatcherPrefilterNeverMissesAHit checks the fast path against the
// slow one on random texts: whenever a text matches, its stored record
// passes the raw-bytes test.
func TestMatcherPrefilterNeverMissesAHit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aAbBkKiIsSzZeEoOlL éÉëËøØłßẞḗ\"\\<>&\n\t\x1b\u2028\u2029\u212a\u0130ſ日本 -=.,'\ufffd")
	randText := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	checked := 0
	for range 20000 {
		text := randText(1 + rng.IntN(12))
		// Queries cut from the text (changing case), or random.
		var query string
		if rng.IntN(2) == 0 {
			rs := []rune(text)
			i := rng.IntN(len(rs))
			j := i + 1 + rng.IntN(len(rs)-i)
			q := []rune(string(rs[i:j]))
			for k := range q {
				if rng.IntN(2) == 0 {
					q[k] = unicode.ToUpper(q[k])
				}
			}
			query = string(q)
		} else {
			query = randText(1 + rng.IntN(3))
		}
		m := newMatcher(query)
		if m == nil {
			continue
		}
		raw, err := encodeRecord([]byte("k"), model.Entry{ID: "x", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var back model.Entry
		if err := json.Unmarshal(raw[strings.Index(string(raw), `"data":`)+7:len(raw)-1], &back); err != nil {
			t.Fatal(err)
		}
		if m.matches(back.Text) {
			checked++
			if !m.maybe(raw) {
				t.Fatalf("text %q matches query %q but its record %q was rejected", back.Text, query, raw)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d matching pairs checked", checked)
	}
}

// TestFoldVariantsComplete: every character is among the variants of its
// own fold, so the non-ASCII fast path finds every case of a character.
func TestFoldVariantsComplete(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every Unicode character")
	}
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || !unicode.IsLetter(r) && unicode.ToLower(r) == r {
			continue
		}
		f := foldRune(r)
		if f < utf8.RuneSelf {
			// An accented Latin letter folds to its plain letter; the
			// prefilter's second look (foldBytes) finds those.
			if _, ok := latinFold[r]; !ok {
				if _, ok := latinFold[unicode.ToLower(r)]; !ok {
					t.Fatalf("%U folds to ASCII %q", r, f)
				}
			}
			continue
		}
		found := false
		for _, v := range foldVariants(f) {
			found = found || v == r
		}
		if !found {
			t.Errorf("%U (%c) folds to %U but is not among its variants", r, r, f)
		}
	}
}

func TestListSessionsFilteredAndLatest(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.LatestSession(); !errors.Is(err, ErrNotFound) {
		t.Errorf("LatestSession of an empty store: %v", err)
	}
	f := newSearchFixture(t)
	latest, err := f.s.LatestSession()
	if err != nil || latest.ID != f.reflection.ID {
		t.Errorf("LatestSession = %s, %v; want %s", latest.ID, err, f.reflection.ID)
	}
	list, err := f.s.ListSessionsFiltered(SearchFilter{})
	if err != nil || len(list) != 3 || list[0].ID != f.reflection.ID || list[2].ID != f.north.ID {
		t.Errorf("unfiltered list %v, %v", list, err)
	}
	counts, err := f.s.EntryCounts()
	want := map[string]int{f.north.ID: 3, f.south.ID: 1, f.reflection.ID: 1}
	if err != nil || !reflect.DeepEqual(counts, want) {
		t.Errorf("EntryCounts = %v, %v; want %v", counts, err, want)
	}
}

// TestExportRoundTripFromStore: what the store holds, exported as JSON
// and read back, is exactly what GetSession, Entries and Actions return.
func TestExportRoundTripFromStore(t *testing.T) {
	f := newSearchFixture(t)
	id := f.north.ID
	if _, err := f.s.PutAction(model.Action{SessionID: id, ExerciseID: "M1-E3", Text: "=Invite, \"weekly\"\nwith Zoë",
		Owner: "Manager", Due: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	mustEntry(t, f.s, model.Entry{SessionID: id, ExerciseID: "M1-E3", Group: "g1", Field: "position", Value: "aligned",
		Tag: model.TagChallenge, Weight: 3, Votes: 2, Order: 4})
	d, err := f.s.SessionData(id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := model.ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := model.ParseExportJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	sess, err1 := f.s.GetSession(id)
	entries, err2 := f.s.Entries(id)
	actions, err3 := f.s.Actions(id)
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	want := model.SessionData{Session: sess, Entries: entries, Actions: actions}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if _, err := f.s.SessionData("nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SessionData of a missing session: %v", err)
	}
}

func TestSearchCoversActions(t *testing.T) {
	f := newSearchFixture(t)
	a, err := f.s.PutAction(model.Action{SessionID: f.north.ID, ExerciseID: "M1-E3", Text: "Ask IT for READ ACCESS to the shared record", Owner: "Siân Ørsted"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, field string }{
		{"read access", FieldAction},
		{"shared record", FieldAction},
		{"sian orsted", FieldActionOwner},
		{"SIÂN", FieldActionOwner},
	} {
		hits, err := f.s.Search(tt.query, SearchFilter{})
		if err != nil || len(hits) != 1 || hits[0].ActionID != a.ID || hits[0].Field != tt.field || hits[0].EntryID != "" ||
			hits[0].SessionID != f.north.ID || hits[0].Snippet == "" {
			t.Errorf("Search(%q) = %+v, %v", tt.query, hits, err)
		}
	}
	// A session's entries come before its actions.
	hits, _ := f.s.Search("a", SearchFilter{TeamID: f.north.TeamID})
	if n := len(hits); n < 2 || hits[n-1].ActionID != a.ID {
		t.Errorf("the action should be the north session's last hit: %+v", hits)
	}
}

package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// indexWords are the pieces the index tests' text is made of: accents,
// case, punctuation, digits, a word longer than the index keeps, and
// characters JSON escapes.
var indexWords = []string{"Café", "cafe", "CAFÉ", "naïve", "Zoë", "zoe", "district", "nurses", "nurses'", "DISTRICT",
	"re-ablement", "50%", "2026", "ǅungla", "İstanbul", "Ørsted", "straße", "ΣΟΦΙΑ", "σοφια", "<b>", "&", "\u2028",
	"tele", "telecare", "care", "carer", "scare", strings.Repeat("verylongword", 8), "x", "ab", "ba"}

// indexText makes one line of random words and separators.
func indexText(rng *rand.Rand) string {
	var b strings.Builder
	for n := 1 + rng.IntN(6); n > 0; n-- {
		b.WriteString(indexWords[rng.IntN(len(indexWords))])
		b.WriteString([]string{" ", " ", ", ", "-", "", "\n", "/"}[rng.IntN(7)])
	}
	return b.String()
}

// fillIndexStore writes sessions, entries and actions of random text, then
// changes and deletes some, through the store's own methods.
func fillIndexStore(t *testing.T, s *Store, rng *rand.Rand) []model.Session {
	t.Helper()
	var sessions []model.Session
	day := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 12; i++ {
		sess := mustSession(t, s, model.Session{Title: indexText(rng), TeamName: []string{"North Café", "South", "Zoë's team"}[i%3],
			Started: day.AddDate(0, 0, i/2)}) // two sessions a day: ties in time
		sessions = append(sessions, sess)
		var entries []model.Entry
		for j := 0; j < 8; j++ {
			entries = append(entries, mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Text: indexText(rng)}))
		}
		a, err := s.PutAction(model.Action{SessionID: sess.ID, Text: indexText(rng), Owner: indexText(rng)})
		if err != nil {
			t.Fatal(err)
		}
		// Changes: an entry rewritten, one deleted, one merged, an action
		// rewritten, the session retitled.
		entries[1].Text = indexText(rng)
		mustEntry(t, s, entries[1])
		if err := s.DeleteEntry(sess.ID, entries[2].ID); err != nil {
			t.Fatal(err)
		}
		entries[3].MergedInto = entries[4].ID
		mustEntry(t, s, entries[3])
		a.Text = indexText(rng)
		if _, err := s.PutAction(a); err != nil {
			t.Fatal(err)
		}
		sess.Title = indexText(rng)
		if i%4 == 0 {
			sess.Started = sess.Started.Add(time.Hour) // every posting moves
		}
		if err := s.UpdateSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DeleteSessions(sessions[5].ID); err != nil {
		t.Fatal(err)
	}
	return append(sessions[:5], sessions[6:]...)
}

// searchBothWays runs a search through the index and by reading every
// session.
func searchBothWays(t *testing.T, s *Store, q string, f SearchFilter) (indexed, read []SearchHit) {
	t.Helper()
	indexed, err := s.Search(q, f)
	if err != nil {
		t.Fatal(err)
	}
	useIndex = false
	defer func() { useIndex = true }()
	read, err = s.Search(q, f)
	if err != nil {
		t.Fatal(err)
	}
	return indexed, read
}

// TestSearchIndexFindsWhatReadingEverythingFinds: for queries of whole
// words, parts of words, several words, accents, case and punctuation,
// with and without filters, the index gives exactly the hits, in the same
// order, that reading every session gives, after records were added,
// changed, merged, moved in time and deleted.
func TestSearchIndexFindsWhatReadingEverythingFinds(t *testing.T) {
	s, _ := openTemp(t)
	rng := rand.New(rand.NewPCG(15, 4))
	sessions := fillIndexStore(t, s, rng)
	queries := []string{"cafe", "CAFÉ", "afe", "caf", "zoë", "ZOE", "nurses district", "district nurses", "s dist",
		"rict nur", "re-ablement", "ablement", "50%", "%", "2026", "026", "ǅungla", "džungla", "istanbul", "i̇stanbul", "ørsted",
		"orsted", "straße", "σοφια", "ΣΟΦΙΑ", "<b>", "&", "\u2028", "tele", "telecare", "care", "are", "car", "scare",
		"verylongword", "longwordvery", strings.Repeat("verylongword", 7), "x", "ab", "b a", "a", "zyzzyva", "caf é", "'s team",
		"nurses'", "-", ", ", "north café", "south"}
	var filters []SearchFilter
	for _, lim := range []int{-1, 0, 3} {
		filters = append(filters, SearchFilter{Limit: lim}, SearchFilter{Limit: lim, TeamID: sessions[0].TeamID},
			SearchFilter{Limit: lim, From: sessions[2].Started, To: sessions[8].Started},
			SearchFilter{Limit: lim, Kind: model.SessionWorkshop})
	}
	found := 0
	for _, q := range queries {
		for _, f := range filters {
			indexed, read := searchBothWays(t, s, q, f)
			if !reflect.DeepEqual(indexed, read) {
				t.Errorf("%q %+v:\nindex: %v\nread:  %v", q, f, hitIDs(indexed), hitIDs(read))
			}
			found += len(read)
		}
	}
	if found < 500 {
		t.Fatalf("only %d hits in all: the queries test little", found)
	}
	// The index and counts the writes left are the ones the check expects.
	rep, err := s.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if rep, err = Check(s.Path()); err != nil || !rep.OK() || rep.Indexed[bucketPostings] == 0 {
		t.Fatalf("check after the writes: %v\n%s", err, rep)
	}
}

// TestSearchIndexReadsOnlySessionsThatCanMatch: a rare word's search
// reads the sessions that hold it, not every session.
func TestSearchIndexReadsOnlySessionsThatCanMatch(t *testing.T) {
	s, _ := openTemp(t)
	var withWord []string
	for i := 0; i < 40; i++ {
		sess := mustSession(t, s, model.Session{Title: fmt.Sprintf("Session %d", i)})
		text := "nothing to see"
		if i%10 == 3 {
			text, withWord = "a note about telecare", append(withWord, sess.ID)
		}
		mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Text: text})
	}
	var read []string
	err := s.view(func(tx *bolt.Tx) error {
		plan := s.planSearch(tx, newMatcher("Telecare"))
		if plan == nil {
			t.Fatal("no plan for a plain word")
		}
		return plan.walk(SearchFilter{}, func(id string, _ [][]byte) (bool, error) {
			read = append(read, id)
			return true, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(withWord)-1; i < j; i, j = i+1, j-1 {
		withWord[i], withWord[j] = withWord[j], withWord[i]
	}
	if !reflect.DeepEqual(read, withWord) {
		t.Fatalf("read %v, want the sessions with the word, newest first: %v", read, withWord)
	}
}

// TestMigrationBuildsTheIndex: a file of schema 1 (no index, no counts)
// is checked, backed up and given both on open; searches and counts then
// agree with reading everything, and the check passes.
func TestMigrationBuildsTheIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sessions := fillIndexStore(t, s, rng)
	want, err := s.EntryCounts()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	downgradeToV1(t, path)
	if rep, err := Check(path); err != nil || !rep.OK() || rep.Schema != 1 {
		t.Fatalf("the schema-1 file does not pass its check: %v\n%s", err, rep)
	}
	saved := indexBatch
	indexBatch = 3 // several transactions
	defer func() { indexBatch = saved }()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Verify(context.Background()); err != nil || v.Schema != SchemaVersion {
		t.Fatalf("after the migration: %v\n%s", err, v)
	}
	got, err := s.EntryCounts()
	if err != nil || !reflect.DeepEqual(got, want) || len(got) != len(sessions) {
		t.Fatalf("counts after the migration %v, want %v (%v)", got, want, err)
	}
	for _, q := range []string{"cafe", "nurses", "telecare", "zoe", "verylongword"} {
		indexed, read := searchBothWays(t, s, q, SearchFilter{Limit: -1})
		if len(read) == 0 || !reflect.DeepEqual(indexed, read) {
			t.Errorf("%q: index %v, read %v", q, hitIDs(indexed), hitIDs(read))
		}
	}
	s.Close()
	if len(migrationBackups(t, path)) != 1 {
		t.Error("no copy was kept before the migration")
	}
}

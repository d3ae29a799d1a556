package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// A generator of realistic review data for the benchmarks of the README's
// Performance section: 5,000 sessions over about five years for 40 teams, 500,000 entries
// (workshop lines in groups, with tags, values, votes, merges, commas,
// quotes, newlines and non-ASCII text), and actions. The database is built
// once and cached under os.TempDir(), keyed by genVersion and the schema
// version, so repeated benchmark runs reuse it. Nothing but benchmarks
// calls reviewStore: no test builds it.

// genVersion names the generated data; change it when the generator
// changes so that a stale cached file is not reused.
const genVersion = "v3"

// genSessions is 5,000 unless HUDDLE_BENCH_SESSIONS asks for more (the
// budgets at 50,000 sessions: HUDDLE_BENCH_SESSIONS=50000); each session
// has about 100 entries.
var (
	genSessions = benchSessions()
	genEntries  = genSessions * 100
)

// benchSessions reads HUDDLE_BENCH_SESSIONS: a whole number of hundreds.
func benchSessions() int {
	n, err := strconv.Atoi(os.Getenv("HUDDLE_BENCH_SESSIONS"))
	if err != nil || n < 100 || n%100 != 0 {
		return 5000
	}
	return n
}

const (
	genTeams      = 40
	genPerTx      = 100 // sessions per write transaction
	genRareWord   = "telecare"
	genRareOneIn  = 1500 // about 330 entries hold the rare word
	genCommonWord = "team"
)

// genExercises is the deck the generated entries follow: enough of the
// built-in deck's shape for summaries and exports to do real work.
var genExercises = map[string]*model.Exercise{
	"M1-E1": {ID: "M1-E1", Kind: model.KindFramework, Title: "Laying the foundations for integration",
		Fields: []model.Field{{Key: "values", Label: "Values"}, {Key: "vision", Label: "Vision"}, {Key: "mission", Label: "Mission"},
			{Key: "strategy", Label: "Strategy"}, {Key: "goals", Label: "Goals"}, {Key: "behaviours", Label: "Behaviours"}, {Key: "results", Label: "Results"}}},
	"M1-E3": {ID: "M1-E3", Kind: model.KindDiscussion, Title: "A journey towards integration", Groups: 3, Actions: true,
		Fields: []model.Field{{Key: "position", Label: "Where are we on the continuum?", Type: model.FieldContinuum},
			{Key: "benefits", Label: "Benefits", Type: model.FieldLines}, {Key: "limitations", Label: "Limitations", Type: model.FieldLines},
			{Key: "needs", Label: "What needs to happen", Type: model.FieldLines}},
		Prompts: []string{"What surprised you?", "Who else needs to hear this?"}, Closing: "What support does the team need from the manager?"},
	"M1-E4": {ID: "M1-E4", Kind: model.KindChecklist, Title: "Supporting the social care worker", Scale: []string{"yes", "partly", "no", "not sure"},
		Items: []string{"Supervision", "Peer support", "Training", "Caseload", "Access to records", "Line of escalation"}},
	"M2-E4": {ID: "M2-E4", Kind: model.KindRating, Title: "Team readiness: the see-saw", Seesaw: "positive",
		Scale: []string{"hasn't had the opportunity", "could do better", "does this well"},
		Items: []string{"Open to learning", "Shares knowledge", "Values other roles", "Trusts colleagues", "Flexible", "Person-centred"}},
	"M3-E1": {ID: "M3-E1", Kind: model.KindReflection, Title: "Embedding the social care worker's contribution", Actions: true,
		Fields: []model.Field{{Key: "position", Label: "My position"}, {Key: "me", Label: "What I can do"}, {Key: "team", Label: "What the team can do"}}},
	"M3-E2": {ID: "M3-E2", Kind: model.KindAlliesMap, Title: "Allies in health and social care",
		Rows: []string{"daily", "weekly", "less often"}, Columns: []string{"ally", "neutral", "obstructs"},
		Fields: []model.Field{{Key: "colleague", Label: "Colleague (by role)"}}},
	"M3-E5": {ID: "M3-E5", Kind: model.KindCardSort, Title: "Values and self-reflection", Fields: []model.Field{{Key: "cards", Label: "Values"}}},
}

var (
	genWorkshopExercises   = []string{"M1-E1", "M1-E3", "M1-E4", "M2-E4"}
	genReflectionExercises = []string{"M3-E1", "M3-E2", "M3-E5"}
	genPlaces              = []string{"North", "South", "East", "West", "Central", "Riverside", "Hillside", "Bridgeport",
		"Ashford", "Millbrook", "Kingsmead", "Oakfield", "Lakeside", "Moorland", "Harbour", "Castlegate", "Greenway", "Stanton", "Beaumont", "Ruthin"}
	genServices     = []string{"Locality Team", "Reablement", "Hospital Discharge Team", "Café Connect Hub"}
	genFacilitators = []string{"Team manager", "Principal social worker", "Zoë (trainer)", "Siân, OT lead", "Practice educator", "Chloé"}
	genSubjects     = []string{"The social care worker", "Our team", "The district nurses", "The GP practice", "Zoë from reablement",
		"The ward staff", "Managers", "The therapy team", "Everyone at the huddle", "The mental health liaison"}
	genVerbs = []string{"joins", "shares", "could improve", "brings", "is left out of", "leads", "asks about", "doesn't see",
		"values", "struggles with"}
	genObjects = []string{"the daily huddle", "case discussions, especially complex ones", "the person's home life",
		"\"what matters to me\" conversations", "carers' assessments", "risk, and positive risk-taking", "the MDT on Thursdays",
		"shared records (when access works)", "safeguarding concerns", "hospital discharge planning", "the café drop-in",
		"Care Act duties", "the continuum: attached, aligned, embedded", "weekend cover", "joint visits"}
	genTails = []string{"", "", "", " — we agreed this matters", ", but only sometimes", "; needs a named lead",
		"\nSecond line: follow up at the next meeting", " (see \"the cake\" exercise)", ", naïve as that sounds", " – 50% of the time"}
	genPositions = []string{"attached", "aligned", "embedded"}
)

// genText makes one realistic captured line.
func genText(rng *rand.Rand) string {
	s := genSubjects[rng.IntN(len(genSubjects))] + " " + genVerbs[rng.IntN(len(genVerbs))] + " " +
		genObjects[rng.IntN(len(genObjects))] + genTails[rng.IntN(len(genTails))]
	if rng.IntN(genRareOneIn) == 0 {
		s += ", and telecare came up"
	}
	return s
}

// reviewStore returns the generated store, opened read-only, and its
// session ids newest first. It is built (or found cached) once per run.
var review struct {
	once sync.Once
	s    *Store
	ids  []string
	err  error
}

func reviewStore() (*Store, []string, error) {
	review.once.Do(func() {
		path := filepath.Join(os.TempDir(), fmt.Sprintf("huddle-review-bench-%s-n%d-s%d.db", genVersion, genSessions, schemaVersion()))
		if _, err := os.Stat(path); err != nil {
			start := time.Now()
			if review.err = generateReview(path); review.err != nil {
				return
			}
			info, _ := os.Stat(path)
			fmt.Fprintf(os.Stderr, "generated %s: %d sessions, %d entries, %d MB in %s\n", path, genSessions, genEntries,
				info.Size()>>20, time.Since(start).Round(time.Millisecond))
		}
		if review.s, review.err = Open(path, Options{ReadOnly: true}); review.err != nil {
			return
		}
		list, err := review.s.ListSessions()
		for _, sess := range list {
			review.ids = append(review.ids, sess.ID)
		}
		review.err = err
	})
	return review.s, review.ids, review.err
}

// generateReview builds the database at path: into a temporary file in
// the same folder, renamed into place when complete.
func generateReview(path string) error {
	tmp := fmt.Sprintf("%s.tmp-%d", path, os.Getpid())
	os.Remove(tmp)
	defer os.Remove(tmp)
	s, err := Open(tmp, Options{})
	if err != nil {
		return err
	}
	if err := fillReview(s); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// fillReview writes the generated data in large transactions, unsynced
// until the end (test data: the store itself commits one record per
// synced transaction).
func fillReview(s *Store) error {
	rng := rand.New(rand.NewPCG(2025, 11))
	var teams []model.Team
	for i := 0; i < genTeams; i++ {
		name := genPlaces[i%len(genPlaces)] + " " + genServices[i/len(genPlaces)%len(genServices)]
		team, err := s.EnsureTeam(name)
		if err != nil {
			return err
		}
		teams = append(teams, team)
	}
	s.db.NoSync = true
	defer func() { s.db.NoSync = false }()
	counts := make([]int, genSessions)
	for i := 0; i < genSessions; i += 2 {
		d := rng.IntN(41)
		counts[i], counts[i+1] = genEntries/genSessions+d, genEntries/genSessions-d
	}
	first := time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)
	span := 5 * 365 * 24 * time.Hour
	var seq uint64
	for n := 0; n < genSessions; n += genPerTx {
		err := s.db.Update(func(tx *bolt.Tx) error {
			sessions, entries, actions := tx.Bucket([]byte(bucketSessions)), tx.Bucket([]byte(bucketEntries)), tx.Bucket([]byte(bucketActions))
			entries.FillPercent = entriesFillPercent
			for i := n; i < n+genPerTx; i++ {
				day := first.Add(span / time.Duration(genSessions) * time.Duration(i)).Truncate(24 * time.Hour)
				started := day.Add(time.Duration(9*60+rng.IntN(6*60)) * time.Minute)
				team := teams[rng.IntN(len(teams))]
				seq++
				sess := model.Session{ID: model.NewID(started, seq), Kind: model.SessionWorkshop, TeamID: team.ID, TeamName: team.Name,
					Facilitator: genFacilitators[rng.IntN(len(genFacilitators))], Started: started,
					Ended: started.Add(time.Duration(60+rng.IntN(120)) * time.Minute), Modules: []string{"intro", "m1", "m2"},
					Exercises: genWorkshopExercises}
				sess.Title = fmt.Sprintf("Module %d with %s", 1+rng.IntN(2), team.Name)
				if rng.IntN(7) == 0 {
					sess.Kind, sess.Modules, sess.Exercises = model.SessionReflection, []string{"m3"}, genReflectionExercises
					sess.Title = "Reflection: embedding my role"
				}
				if _, err := s.putSession(tx, sessions, sess, nil); err != nil {
					return err
				}
				var prev string
				for j := 0; j < counts[i]; j++ {
					seq++
					created := started.Add(time.Duration(j*25) * time.Second)
					e := genEntry(rng, sess, j)
					e.ID, e.SessionID, e.Created = model.NewID(created, seq), sess.ID, created
					if prev != "" && rng.IntN(50) == 0 {
						e.MergedInto = prev
					}
					prev = e.ID
					key, err := entryKey(e.SessionID, e.ID)
					if err != nil {
						return err
					}
					if err := putRecord(entries, key, e); err != nil {
						return err
					}
				}
				for j := rng.IntN(5); j > 0; j-- {
					seq++
					a := model.Action{ID: model.NewID(started, seq), SessionID: sess.ID, TeamID: team.ID,
						ExerciseID: sess.Exercises[rng.IntN(len(sess.Exercises))], Text: genText(rng),
						Owner: genFacilitators[rng.IntN(len(genFacilitators))], Due: started.AddDate(0, 1, 0),
						Status: []string{model.ActionOpen, model.ActionDone, model.ActionDropped}[rng.IntN(3)]}
					if err := putRecord(actions, actionKey(a.SessionID, a.ID), a); err != nil {
						return err
					}
				}
				// The search index and entry count, as an import writes them.
				if err := s.indexSession(tx, sess, false); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return s.db.Sync()
}

// genEntry makes the jth entry of a session: group names first, then
// lines of the session's exercises in turn.
func genEntry(rng *rand.Rand, sess model.Session, j int) model.Entry {
	exID := sess.Exercises[(j/12)%len(sess.Exercises)]
	ex := genExercises[exID]
	e := model.Entry{ExerciseID: exID, Text: genText(rng)}
	switch {
	case j < 3 && sess.Kind == model.SessionWorkshop:
		e.ExerciseID, e.Group, e.Field = "M1-E3", model.GroupKey(j+1), model.FieldGroupName
		e.Text = []string{"The Zoë group", "Window side, \"back row\"", "Café corner"}[j]
		return e
	case rng.IntN(25) == 0:
		e.ExerciseID, e.Field = model.ExerciseParking, model.FieldNote
	case rng.IntN(30) == 0:
		e.ExerciseID, e.Field = model.ExerciseSeesaw, model.FieldNote
		e.Tag, e.Weight = []string{model.TagPositive, model.TagChallenge}[rng.IntN(2)], 1+rng.IntN(3)
		return e
	case ex.Kind == model.KindDiscussion:
		e.Group = model.GroupKey(1 + rng.IntN(ex.Groups))
		e.Field = ex.Fields[rng.IntN(len(ex.Fields))].Key
		if e.Field == "position" {
			e.Text, e.Value = "", genPositions[rng.IntN(3)]
		}
		if rng.IntN(20) == 0 {
			e.Group, e.Field = "", []string{model.FieldClosing, model.PromptField(0), model.PromptField(1)}[rng.IntN(3)]
		}
	case ex.Kind == model.KindChecklist || ex.Kind == model.KindRating:
		n := rng.IntN(len(ex.Items))
		e.Field, e.Value = model.ItemField(n), ex.Scale[rng.IntN(len(ex.Scale))]
		if rng.IntN(2) == 0 {
			e.Text = ""
		}
	case ex.Kind == model.KindAlliesMap:
		e.Field, e.Value = "colleague", ex.Rows[rng.IntN(3)]+"|"+ex.Columns[rng.IntN(3)]
		e.Text = []string{"Ward sister", "Community matron", "GP partner", "Discharge co-ordinator", "OT, café clinic"}[rng.IntN(5)]
	case ex.Kind == model.KindCardSort:
		e.Field, e.Order = "cards", 1+rng.IntN(20)
		e.Text = strings.Fields(e.Text)[1]
	default:
		e.Field = ex.Fields[rng.IntN(len(ex.Fields))].Key
	}
	if rng.IntN(7) == 0 {
		e.Tag, e.Weight = []string{model.TagPositive, model.TagChallenge}[rng.IntN(2)], 1+rng.IntN(3)
	}
	if rng.IntN(10) == 0 {
		e.Votes = 1 + rng.IntN(5)
	}
	return e
}

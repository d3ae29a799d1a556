package toolkit

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// exerciseFence is the line of the opening fence in exerciseModule: the
// block's first line is line exerciseFence+1.
const exerciseFence = 5

// exerciseModule wraps the lines of an exercise block into a module whose
// only slide holds the block and no heading.
func exerciseModule(block ...string) []byte {
	lines := append([]string{"---", "id: t", "title: T", "---", "'''exercise"}, block...)
	lines = append(lines, "'''")
	return src(lines...)
}

func TestParseExerciseKinds(t *testing.T) {
	tests := []struct {
		name  string
		block []string
		want  model.Exercise
	}{
		{
			name: "discussion with every field type",
			block: []string{
				"id: M1-E3",
				"kind: discussion",
				"title: A journey towards integration",
				"duration: 20m",
				"groups: 4",
				"# a comment line",
				"",
				"field: position | Where is the team? | continuum",
				"field: benefits | Benefits | lines",
				"field: note | A note",
				"field: said | Said | text",
				"field: mood | Mood | choice | good / bad /  mixed ",
				"prompt: First prompt?",
				"prompt: Second prompt?",
				"closing: What support do you need?",
				"actions: yes",
			},
			want: model.Exercise{
				ID: "M1-E3", Kind: model.KindDiscussion, Title: "A journey towards integration",
				Duration: 20 * time.Minute, Groups: 4,
				Fields: []model.Field{
					{Key: "position", Label: "Where is the team?", Type: model.FieldContinuum},
					{Key: "benefits", Label: "Benefits", Type: model.FieldLines},
					{Key: "note", Label: "A note", Type: model.FieldText},
					{Key: "said", Label: "Said", Type: model.FieldText},
					{Key: "mood", Label: "Mood", Type: model.FieldChoice, Options: []string{"good", "bad", "mixed"}},
				},
				Prompts: []string{"First prompt?", "Second prompt?"},
				Closing: "What support do you need?",
				Actions: true,
			},
		},
		{
			name:  "discussion defaults to three groups, 1h30m",
			block: []string{"id: D", "kind: discussion", "title: D", "duration: 1h30m", "field: f | F | lines"},
			want: model.Exercise{ID: "D", Kind: model.KindDiscussion, Title: "D", Duration: 90 * time.Minute, Groups: 3,
				Fields: []model.Field{{Key: "f", Label: "F", Type: model.FieldLines}}},
		},
		{
			name:  "checklist with tick scale, 90s",
			block: []string{"id: M1-E4", "kind: checklist", "title: Supports", "duration: 90s", "scale: tick", "item: One", "item: Two", "field: note | Notes | lines"},
			want: model.Exercise{ID: "M1-E4", Kind: model.KindChecklist, Title: "Supports", Duration: 90 * time.Second,
				Scale: []string{"tick"}, Items: []string{"One", "Two"},
				Fields: []model.Field{{Key: "note", Label: "Notes", Type: model.FieldLines}}},
		},
		{
			name:  "checklist with status scale, plain minutes",
			block: []string{"id: P1", "kind: checklist", "title: Principle 1", "duration: 20", "scale: yes | partly | no | not sure", "item: Q1", "actions: no"},
			want: model.Exercise{ID: "P1", Kind: model.KindChecklist, Title: "Principle 1", Duration: 20 * time.Minute,
				Scale: []string{"yes", "partly", "no", "not sure"}, Items: []string{"Q1"}},
		},
		{
			name: "rating with see-saw",
			block: []string{"id: M2-E4", "kind: rating", "title: Readiness",
				"scale: hasn't had the opportunity | could do better | does this well",
				"item: Understand integration", "item: Trust each other",
				"seesaw: positive", "challenge: Role blurring", "challenge: Isolation"},
			want: model.Exercise{ID: "M2-E4", Kind: model.KindRating, Title: "Readiness",
				Scale:  []string{"hasn't had the opportunity", "could do better", "does this well"},
				Items:  []string{"Understand integration", "Trust each other"},
				Seesaw: "positive", Challenges: []string{"Role blurring", "Isolation"}},
		},
		{
			name:  "framework",
			block: []string{"id: M2-E3", "kind: framework", "title: Able, willing, allowed", "field: able | Able | lines", "field: willing | Willing | lines"},
			want: model.Exercise{ID: "M2-E3", Kind: model.KindFramework, Title: "Able, willing, allowed",
				Fields: []model.Field{{Key: "able", Label: "Able", Type: model.FieldLines}, {Key: "willing", Label: "Willing", Type: model.FieldLines}}},
		},
		{
			name:  "actionplan",
			block: []string{"id: A-1", "Kind: ActionPlan", "title: Our actions"},
			want:  model.Exercise{ID: "A-1", Kind: model.KindActionPlan, Title: "Our actions"},
		},
		{
			name: "assessment",
			block: []string{"id: I-A", "kind: assessment", "title: Integration profile",
				"profiles: embedded | aligned | attached",
				"factor: knowledge | Collective knowledge | high/medium/low | high | medium | low",
				"factor: ict | Shared ICT | yes / no | yes | no | no"},
			want: model.Exercise{ID: "I-A", Kind: model.KindAssessment, Title: "Integration profile",
				Profiles: []string{"embedded", "aligned", "attached"},
				Factors: []model.Factor{
					{Key: "knowledge", Label: "Collective knowledge", Scale: []string{"high", "medium", "low"}, Profiles: []string{"high", "medium", "low"}},
					{Key: "ict", Label: "Shared ICT", Scale: []string{"yes", "no"}, Profiles: []string{"yes", "no", "no"}},
				}},
		},
		{
			name: "assessment with a guide per level",
			block: []string{"id: I-A", "kind: assessment", "title: Integration profile",
				"profiles: embedded | attached",
				"factor: ict | Shared ICT | yes/no | yes | no",
				"factor: trust | Trust | high/low | high | low",
				"guide: ict | can open the records | cannot",
				"guide-note: the deck's guidance"},
			want: model.Exercise{ID: "I-A", Kind: model.KindAssessment, Title: "Integration profile",
				Profiles: []string{"embedded", "attached"}, GuideNote: "the deck's guidance",
				Factors: []model.Factor{
					{Key: "ict", Label: "Shared ICT", Scale: []string{"yes", "no"}, Profiles: []string{"yes", "no"}, Guide: []string{"can open the records", "cannot"}},
					{Key: "trust", Label: "Trust", Scale: []string{"high", "low"}, Profiles: []string{"high", "low"}},
				}},
		},
		{
			name: "casestudy",
			block: []string{"id: M2-E2", "kind: casestudy", "title: Two cases",
				"case: A | Case 1: COPD | A man with COPD goes home", "case: B | Case 2: pressure sores",
				"ask: What worked well?", "ask: What did not?",
				"vote: Which case came from the embedded team?",
				"field: actions | Actions | lines"},
			want: model.Exercise{ID: "M2-E2", Kind: model.KindCaseStudy, Title: "Two cases",
				Cases:     []model.Case{{Key: "A", Title: "Case 1: COPD", Gist: "A man with COPD goes home"}, {Key: "B", Title: "Case 2: pressure sores"}},
				Questions: []string{"What worked well?", "What did not?"},
				Question:  "Which case came from the embedded team?",
				Fields:    []model.Field{{Key: "actions", Label: "Actions", Type: model.FieldLines}}},
		},
		{
			name:  "reflection",
			block: []string{"id: M3-E1", "kind: reflection", "title: Embedding", "actions: true", "field: position | Where am I? | continuum", "field: can | What I can do | lines"},
			want: model.Exercise{ID: "M3-E1", Kind: model.KindReflection, Title: "Embedding", Actions: true,
				Fields: []model.Field{{Key: "position", Label: "Where am I?", Type: model.FieldContinuum}, {Key: "can", Label: "What I can do", Type: model.FieldLines}}},
		},
		{
			name:  "alliesmap",
			block: []string{"id: M3-E2", "kind: alliesmap", "title: Allies", "rows: daily | weekly | less often", "columns: ally | neutral | obstructs", "field: influence | How to influence | lines"},
			want: model.Exercise{ID: "M3-E2", Kind: model.KindAlliesMap, Title: "Allies",
				Rows: []string{"daily", "weekly", "less often"}, Columns: []string{"ally", "neutral", "obstructs"},
				Fields: []model.Field{{Key: "influence", Label: "How to influence", Type: model.FieldLines}}},
		},
		{
			name:  "casereview",
			block: []string{"id: M3-E4", "kind: casereview", "title: Case review", "field: label | Case label", "field: avoided | Admission avoided | choice | yes / no"},
			want: model.Exercise{ID: "M3-E4", Kind: model.KindCaseReview, Title: "Case review",
				Fields: []model.Field{{Key: "label", Label: "Case label", Type: model.FieldText}, {Key: "avoided", Label: "Admission avoided", Type: model.FieldChoice, Options: []string{"yes", "no"}}}},
		},
		{
			name:  "cardsort",
			block: []string{"id: M3-E5", "kind: cardsort", "title: Values", "rounds: 3 | 2", "card: Respect", "card: Honesty", "card: Empowerment", "card: Dignity"},
			want: model.Exercise{ID: "M3-E5", Kind: model.KindCardSort, Title: "Values",
				Rounds: []int{3, 2}, Cards: []string{"Respect", "Honesty", "Empowerment", "Dignity"}},
		},
		{
			name: "cardsort with extra cards, notes and a round kept as a range",
			block: []string{"id: M3-E5", "kind: cardsort", "title: Values", "rounds: 4 | 2-3",
				"card: Respect", "card-note: the source's examples", "extra-card: Dignity", "card: Honesty",
				"extra-card: Justice", "extra-note: added by the deck", "card: Play"},
			want: model.Exercise{ID: "M3-E5", Kind: model.KindCardSort, Title: "Values",
				Rounds: []int{4, 2}, RoundsMax: []int{4, 3},
				Cards:     []string{"Respect", "Dignity", "Honesty", "Justice", "Play"},
				CardExtra: []bool{false, true, false, true, false},
				CardNote:  "the source's examples", ExtraNote: "added by the deck"},
		},
		{
			name:  "cardsort without starting cards",
			block: []string{"id: CS", "kind: cardsort", "title: Values", "rounds: 10 | 6"},
			want:  model.Exercise{ID: "CS", Kind: model.KindCardSort, Title: "Values", Rounds: []int{10, 6}},
		},
		{
			name:  "poll",
			block: []string{"id: B-1", "kind: poll", "title: Shared DNA", "question: Do we share a DNA?", "option: Yes", "option: No", "option: Not sure"},
			want: model.Exercise{ID: "B-1", Kind: model.KindPoll, Title: "Shared DNA",
				Question: "Do we share a DNA?", Options: []string{"Yes", "No", "Not sure"}},
		},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mod, errs := ParseModule("e.md", exerciseModule(tt.block...))
			if len(errs) > 0 {
				t.Fatalf("errors:\n%v", errs)
			}
			if len(mod.Slides) != 1 || mod.Slides[0].Exercise == nil {
				t.Fatalf("slides: %+v", mod.Slides)
			}
			s := mod.Slides[0]
			if s.Title != tt.want.Title {
				t.Errorf("slide title %q, want the exercise title %q", s.Title, tt.want.Title)
			}
			want := tt.want
			want.Line = exerciseFence
			if got := *s.Exercise; !reflect.DeepEqual(got, want) {
				t.Errorf("exercise:\n got %+v\nwant %+v", got, want)
			}
			covered[s.Exercise.Kind] = true
		})
	}
	for _, k := range model.Kinds {
		if !covered[k] {
			t.Errorf("kind %s has no passing case", k)
		}
	}
}

func TestParseExerciseSlideTitle(t *testing.T) {
	data := src("---", "id: t", "title: T", "---", "## Slide heading", "", "'''exercise",
		"id: X", "kind: actionplan", "title: Exercise title", "'''")
	mod, errs := ParseModule("e.md", data)
	if len(errs) > 0 {
		t.Fatalf("errors:\n%v", errs)
	}
	s := mod.Slides[0]
	if s.Title != "Slide heading" {
		t.Errorf("title %q, want the slide's heading", s.Title)
	}
	if s.Exercise == nil || s.Exercise.Line != 7 || s.Exercise.Title != "Exercise title" {
		t.Errorf("exercise %+v", s.Exercise)
	}
	if strings.Contains(s.Body, "kind:") {
		t.Errorf("body holds the exercise block: %q", s.Body)
	}
}

func TestParseExerciseErrors(t *testing.T) {
	// line returns the file line of the block's n-th line (1-based).
	line := func(n int) int { return exerciseFence + n }
	poll := []string{"id: E", "kind: poll", "title: T", "question: Q", "option: a", "option: b"}
	with := func(base []string, more ...string) []string {
		return append(append([]string{}, base...), more...)
	}
	tests := []struct {
		name  string
		block []string
		want  []wantErr
	}{
		{"unknown key", with(poll, "colour: red"), []wantErr{{line(7), `unknown exercise key "colour"`}}},
		{"line without colon", with(poll, "just words"), []wantErr{{line(7), "must be key: value"}}},
		{"key without value", with(poll, "closing:"), []wantErr{{line(7), "closing: has no value"}}},
		{"key not allowed for the kind", with(poll, "groups: 3"), []wantErr{{line(7), "groups: does not belong to a poll exercise"}}},
		{"scale on a discussion", []string{"id: E", "kind: discussion", "scale: tick", "title: T", "field: a | A"}, []wantErr{{line(3), "scale: does not belong to a discussion exercise"}}},
		{"title twice", with(poll, "title: Again"), []wantErr{{line(7), "title: given twice (first on line 8)"}}},
		{"question twice", with(poll, "question: R"), []wantErr{{line(7), "question: given twice (first on line 9)"}}},
		{"missing id", poll[1:], []wantErr{{exerciseFence, "exercise has no id:"}}},
		{"missing kind", []string{"id: E", "title: T"}, []wantErr{{exerciseFence, "exercise block has no kind:"}}},
		{"missing title", []string{"id: E", "kind: poll", "question: Q", "option: a", "option: b"}, []wantErr{{exerciseFence, "exercise has no title:"}}},
		{"unknown kind", []string{"id: E", "title: T", "kind: lecture"}, []wantErr{{line(3), `unknown exercise kind "lecture"`}}},
		{"bad id", []string{"id: E 1", "kind: actionplan", "title: T"}, []wantErr{{line(1), `exercise id "E 1"`}}},
		{"duration word", with(poll, "duration: soon"), []wantErr{{line(7), "duration: want a length"}}},
		{"duration zero", with(poll, "duration: 0"), []wantErr{{line(7), "duration: want a length"}}},
		{"duration negative", with(poll, "duration: -5"), []wantErr{{line(7), "duration: want a length"}}},
		{"duration too long", with(poll, "duration: 9h"), []wantErr{{line(7), "duration: want a length"}}},
		{"duration fraction without unit", with(poll, "duration: 1.5"), []wantErr{{line(7), "duration: want a length"}}},
		{"groups zero", []string{"id: E", "kind: discussion", "title: T", "field: a | A", "groups: 0"}, []wantErr{{line(5), "groups: want a number from 1 to 12"}}},
		{"groups too many", []string{"id: E", "kind: discussion", "title: T", "field: a | A", "groups: 13"}, []wantErr{{line(5), "groups: want a number"}}},
		{"groups word", []string{"id: E", "kind: discussion", "title: T", "field: a | A", "groups: three"}, []wantErr{{line(5), "groups: want a number"}}},
		{"actions maybe", with(poll, "actions: maybe"), []wantErr{{line(7), "actions: want yes or no"}}},
		{"choice without options", []string{"id: E", "kind: reflection", "title: T", "field: a | A | choice"}, []wantErr{{line(4), "a choice field wants its options"}}},
		{"choice with one option", []string{"id: E", "kind: reflection", "title: T", "field: a | A | choice | only"}, []wantErr{{line(4), "a choice field wants its options"}}},
		{"options on a text field", []string{"id: E", "kind: reflection", "title: T", "field: a | A | text | x / y"}, []wantErr{{line(4), "only a choice field takes options"}}},
		{"unknown field type", []string{"id: E", "kind: reflection", "title: T", "field: a | A | essay"}, []wantErr{{line(4), `unknown type "essay"`}}},
		{"field without label", []string{"id: E", "kind: reflection", "title: T", "field: a"}, []wantErr{{line(4), "field: want key | label | type"}}},
		{"field key twice", []string{"id: E", "kind: framework", "title: T", "field: a | A", "field: a | B"}, []wantErr{{line(5), `field key "a" is used twice`}}},
		{"discussion without fields", []string{"id: E", "kind: discussion", "title: T"}, []wantErr{{exerciseFence, "a discussion exercise needs at least one field"}}},
		{"framework with one box", []string{"id: E", "kind: framework", "title: T", "field: a | A"}, []wantErr{{line(4), "two or more field: boxes"}}},
		{"checklist without scale", []string{"id: E", "kind: checklist", "title: T", "item: x"}, []wantErr{{exerciseFence, "needs a scale:"}}},
		{"checklist without items", []string{"id: E", "kind: checklist", "title: T", "scale: tick"}, []wantErr{{exerciseFence, "at least one item:"}}},
		{"rating with one column", []string{"id: E", "kind: rating", "title: T", "scale: only", "item: x"}, []wantErr{{line(4), "a scale: of two or more columns"}}},
		{"rating bad seesaw", []string{"id: E", "kind: rating", "title: T", "scale: a | b", "item: x", "seesaw: left"}, []wantErr{{line(6), "seesaw: want positive or challenge"}}},
		{"rating challenges without seesaw", []string{"id: E", "kind: rating", "title: T", "scale: a | b", "item: x", "challenge: c1", "challenge: c2"}, []wantErr{{line(7), "seesaw: positive when it lists challenges"}}},
		{"assessment level not on scale", []string{"id: E", "kind: assessment", "title: T", "profiles: embedded | aligned",
			"factor: ict | Shared ICT | yes/no | yes | no", "factor: trust | Trust | high/low | high | medium"},
			[]wantErr{{line(6), `factor "trust": level "medium" is not on its scale high/low`}}},
		{"assessment wrong count of profile levels", []string{"id: E", "kind: assessment", "title: T", "factor: k | K | high/medium/low | high | low",
			"profiles: embedded | aligned | attached"},
			[]wantErr{{line(4), `factor "k" gives 2 profile levels for 3 profiles`}}},
		{"assessment factor too short", []string{"id: E", "kind: assessment", "title: T", "profiles: a | b", "factor: k | K | high/low"},
			[]wantErr{{line(5), "factor: want key | label | scale"}}},
		{"assessment factor scale of one", []string{"id: E", "kind: assessment", "title: T", "profiles: a", "factor: k | K | high | high"},
			[]wantErr{{line(5), `factor "k" needs a scale of two or more levels`}}},
		{"assessment without profiles", []string{"id: E", "kind: assessment", "title: T"},
			[]wantErr{{exerciseFence, "profiles: naming the reference levels"}, {exerciseFence, "at least one factor:"}}},
		{"casestudy bad case", []string{"id: E", "kind: casestudy", "title: T", "case: A", "ask: q"}, []wantErr{{line(4), "case: want key | title"}}},
		{"casestudy case of four parts", []string{"id: E", "kind: casestudy", "title: T", "case: A | a | gist | more", "ask: q"}, []wantErr{{line(4), "case: want key | title, or key | title | gist"}}},
		{"guide before its factor", []string{"id: E", "kind: assessment", "title: T", "profiles: a", "guide: k | yes | no", "factor: k | K | yes/no | yes", "guide-note: n"},
			[]wantErr{{line(5), `guide: no factor "k" above this line`}, {line(7), "guide: lines for its guide-note: to describe"}}},
		{"guide with the wrong count of levels", []string{"id: E", "kind: assessment", "title: T", "profiles: a", "factor: k | K | high/medium/low | high", "guide: k | up | down", "guide-note: n"},
			[]wantErr{{line(6), `guide: factor "k" has 3 levels (high/medium/low), the guide gives 2`}, {line(7), "guide: lines for its guide-note"}}},
		{"guide twice", []string{"id: E", "kind: assessment", "title: T", "profiles: a", "factor: k | K | yes/no | yes", "guide: k | y | n", "guide: k | y | n", "guide-note: n"},
			[]wantErr{{line(7), `guide: factor "k" already has a guide`}}},
		{"guide with an empty level", []string{"id: E", "kind: assessment", "title: T", "profiles: a", "factor: k | K | yes/no | yes", "guide: k | y |", "guide-note: n"},
			[]wantErr{{line(6), `guide: factor "k": every level needs its text`}, {line(7), "guide: lines for its guide-note"}}},
		{"guide without guide-note", []string{"id: E", "kind: assessment", "title: T", "profiles: a", "factor: k | K | yes/no | yes", "guide: k | y | n"},
			[]wantErr{{line(6), "guide-note: saying whose guidance"}}},
		{"guide on a poll", with(poll, "guide: k | a | b"), []wantErr{{line(7), "guide: does not belong to a poll exercise"}}},
		{"cardsort extra card without note", []string{"id: E", "kind: cardsort", "title: T", "rounds: 1", "card: a", "extra-card: b"}, []wantErr{{line(6), "extra-note: saying where its extra cards come from"}}},
		{"cardsort extra note without extra cards", []string{"id: E", "kind: cardsort", "title: T", "rounds: 1", "card: a", "card: b", "extra-note: n"}, []wantErr{{line(7), "extra-card: lines for its extra-note:"}}},
		{"cardsort range backwards", []string{"id: E", "kind: cardsort", "title: T", "rounds: 10 | 6-5"}, []wantErr{{line(4), `rounds: "6-5": write the smaller count first`}}},
		{"cardsort range not numbers", []string{"id: E", "kind: cardsort", "title: T", "rounds: 10 | five-6"}, []wantErr{{line(4), `rounds: "five-6" is not a positive whole number or a range`}}},
		{"cardsort range overlapping the next round", []string{"id: E", "kind: cardsort", "title: T", "rounds: 5-8 | 6"}, []wantErr{{line(4), "rounds: each count must be smaller than the one before"}}},
		{"cardsort too few cards for a range", []string{"id: E", "kind: cardsort", "title: T", "rounds: 2-3", "card: a", "card: b", "card: c"}, []wantErr{{line(7), "needs more cards (3) than its first round keeps (3)"}}},
		{"casestudy without ask", []string{"id: E", "kind: casestudy", "title: T", "case: A | a"}, []wantErr{{exerciseFence, "at least one ask: question"}}},
		{"alliesmap one row", []string{"id: E", "kind: alliesmap", "title: T", "rows: daily", "columns: ally | neutral"}, []wantErr{{line(4), "rows: of two or more"}}},
		{"cardsort rounds increasing", []string{"id: E", "kind: cardsort", "title: T", "rounds: 6 | 10"}, []wantErr{{line(4), "rounds: each count must be smaller than the one before"}}},
		{"cardsort rounds equal", []string{"id: E", "kind: cardsort", "title: T", "rounds: 10 | 6 | 6"}, []wantErr{{line(4), "rounds: each count must be smaller"}}},
		{"cardsort rounds not a number", []string{"id: E", "kind: cardsort", "title: T", "rounds: ten | 6"}, []wantErr{{line(4), `rounds: "ten" is not a positive whole number`}}},
		{"cardsort rounds of zero", []string{"id: E", "kind: cardsort", "title: T", "rounds: 0-2"}, []wantErr{{line(4), `rounds: "0-2" is not a positive whole number`}}},
		{"cardsort too few cards", []string{"id: E", "kind: cardsort", "title: T", "card: a", "rounds: 2", "card: b"}, []wantErr{{line(6), "needs more cards (2) than its first round keeps (2)"}}},
		{"poll with one option", []string{"id: E", "kind: poll", "title: T", "question: Q", "option: only"}, []wantErr{{line(5), "a poll exercise needs two or more option: lines"}}},
		{"poll without question", []string{"id: E", "kind: poll", "title: T", "option: a", "option: b"}, []wantErr{{exerciseFence, "a poll exercise needs a question:"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseModule("deck/e.md", exerciseModule(tt.block...))
			checkErrs(t, "deck/e.md", errs, tt.want)
		})
	}
}

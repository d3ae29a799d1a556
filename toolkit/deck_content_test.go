package toolkit

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// abbreviations must be spelled out at their first use in each module,
// because a module can be run on its own.
var abbreviations = map[string]string{
	"MDT":   "multidisciplinary team",
	"ICT":   "information and communication technology",
	"SCIE":  "Social Care Institute for Excellence",
	"CAIPE": "Centre for the Advancement of Interprofessional Education",
	"BASW":  "British Association of Social Workers",
	"WHO":   "World Health Organization",
}

// unexpanded lists the abbreviations whose first use in text is not
// spelled out beside it, as "expansion (ABBR" or "ABBR (expansion", with
// the line of that first use. Emphasis marks and line breaks are ignored.
func unexpanded(text string) []string {
	var out []string
	for abbr, long := range abbreviations {
		first := regexp.MustCompile(`\b` + abbr + `\b`).FindStringIndex(text)
		if first == nil {
			continue
		}
		line := strings.Count(text[:first[0]], "\n") + 1
		flat := strings.Join(strings.Fields(strings.ReplaceAll(text, "*", "")), " ")
		at := regexp.MustCompile(`\b` + abbr + `\b`).FindStringIndex(flat)
		before, after := strings.ToLower(flat[:at[0]]), strings.ToLower(flat[at[1]:])
		l := strings.ToLower(long)
		spelled := strings.HasSuffix(before, l+" (") || strings.HasSuffix(before, l+"'s (") ||
			strings.HasPrefix(after, " ("+l) || strings.HasPrefix(after, " (the "+l)
		if !spelled {
			out = append(out, fmt.Sprintf("line %d: %s first used without %q beside it", line, abbr, long))
		}
	}
	return out
}

func TestUnexpandedCanFail(t *testing.T) {
	tests := []struct {
		text string
		bad  bool
	}{
		{"Go to the MDT.\nThe multidisciplinary team (MDT) meets.", true},
		{"The multidisciplinary\nteam (MDT) meets. The MDT decides.", false},
		{"The **World Health Organization's** (WHO) view.", false},
		{"SCIE (the Social Care Institute for Excellence) says.", false},
		{"BASW (British Association of Social Workers) says.", false},
		{"Shared ICT is rare.", true},
		{"WHOLE words only: nothing to expand.", false},
	}
	for _, tt := range tests {
		if got := unexpanded(tt.text); (len(got) > 0) != tt.bad {
			t.Errorf("unexpanded(%q) = %v, want a problem: %v", tt.text, got, tt.bad)
		}
	}
}

// deckFiles is every module file of the built-in deck with its text.
func deckFiles(t *testing.T) map[string]string {
	t.Helper()
	names, err := fs.Glob(builtin, "deck/*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no deck files: %v", err)
	}
	out := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(builtin, n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = string(b)
	}
	return out
}

// TestDeckAbbreviationsSpelledOut: in every module, MDT, ICT, SCIE, CAIPE,
// BASW and WHO are spelled out where they are first used (slide, notes or
// exercise text alike).
func TestDeckAbbreviationsSpelledOut(t *testing.T) {
	for name, text := range deckFiles(t) {
		for _, p := range unexpanded(text) {
			t.Errorf("%s %s", name, p)
		}
	}
}

// TestDeckNamesExercisesByID: exercises are referred to by their ids
// (M1-E1), never as "Exercise 1", so that references stay clear in exports.
func TestDeckNamesExercisesByID(t *testing.T) {
	byNumber := regexp.MustCompile(`(?i)\bexercises? \d`)
	for name, text := range deckFiles(t) {
		for i, line := range strings.Split(text, "\n") {
			if m := byNumber.FindString(line); m != "" {
				t.Errorf("%s:%d: %q names an exercise by number, not by id", name, i+1, m)
			}
		}
	}
}

func builtinExercise(t *testing.T, deck *model.Deck, id string) *model.Exercise {
	t.Helper()
	ref, ok := deck.Exercises()[id]
	if !ok {
		t.Fatalf("exercise %s is missing", id)
	}
	return deck.Slide(ref).Exercise
}

// TestDeckTeachingData: the data the runners show beside an exercise is
// in the deck: the card sort labels the deck's added cards apart and keeps
// 5 or 6 values at the end, every I-A factor has a guide marked as
// huddle's, and every M2-E2 case has its gist.
func TestDeckTeachingData(t *testing.T) {
	deck, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cs := builtinExercise(t, deck, "M3-E5")
	if cs.CardNote == "" || !strings.Contains(cs.ExtraNote, "huddle") {
		t.Errorf("M3-E5 should say where its cards come from: card-note %q, extra-note %q", cs.CardNote, cs.ExtraNote)
	}
	var own, extra int
	for i, c := range cs.Cards {
		if cs.IsExtraCard(i) {
			extra++
		} else {
			own++
		}
		if strings.Contains(c, " and choice") {
			t.Errorf("M3-E5 card %q: neither the toolkit nor the IFSW principles name choice", c)
		}
	}
	if own != 11 || extra == 0 {
		t.Errorf("M3-E5 has %d of the toolkit's cards (want its 11 examples) and %d added", own, extra)
	}
	if lo, hi := cs.RoundRange(len(cs.Rounds) - 1); lo != 5 || hi != 6 {
		t.Errorf("M3-E5's last round keeps %d-%d values, the toolkit allows 5 or 6", lo, hi)
	}

	ia := builtinExercise(t, deck, "I-A")
	if !strings.Contains(ia.GuideNote, "huddle") {
		t.Errorf("I-A's guide-note %q should mark the guide as huddle's", ia.GuideNote)
	}
	for _, f := range ia.Factors {
		if len(f.Guide) != len(f.Scale) {
			t.Errorf("I-A factor %s has no guide for each of its levels %v", f.Key, f.Scale)
		}
	}

	cases := builtinExercise(t, deck, "M2-E2").Cases
	for _, c := range cases {
		if len(strings.Fields(c.Gist)) < 8 {
			t.Errorf("M2-E2 case %s has no gist to show beside its questions: %q", c.Key, c.Gist)
		}
	}
}

// TestDeckCreditsTheToolkit: the toolkit's modules carry its licence link
// on every sources slide, and the first module credits its creator, says
// what huddle changed and that the toolkit's authors have not reviewed it.
func TestDeckCreditsTheToolkit(t *testing.T) {
	deck, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	toolkitModules := map[string]bool{"intro": true, "m1": true, "m2": true, "m3": true, "final": true}
	for _, m := range deck.Modules {
		if !toolkitModules[m.ID] {
			continue
		}
		delete(toolkitModules, m.ID)
		sources := 0
		for _, s := range m.Slides {
			if !strings.HasPrefix(s.Title, "Sources") {
				continue
			}
			sources++
			if !strings.Contains(s.Body, "creativecommons.org/licenses/by/4.0") {
				t.Errorf("%s:%d %q: no CC BY 4.0 licence link on the slide", m.Source, s.Line, s.Title)
			}
		}
		if sources == 0 {
			t.Errorf("module %s has no sources slide", m.ID)
		}
	}
	for id := range toolkitModules {
		t.Errorf("module %s is missing", id)
	}
	intro := deck.Modules[deck.ModuleByID("intro")]
	var text strings.Builder
	for _, s := range intro.Slides[:2] {
		text.WriteString(s.Body + "\n")
	}
	for _, want := range []string{"Nottingham Trent University", "have not reviewed huddle", "M3-E5", "neutral", "Timings"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the first two slides should credit the toolkit and list huddle's changes: no %q", want)
		}
	}
}

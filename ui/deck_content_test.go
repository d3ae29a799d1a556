package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// catalog is every exercise id of the built-in deck and its kind.
var catalog = map[string]string{
	"I-A":   model.KindAssessment,
	"M1-E1": model.KindFramework,
	"M1-E2": model.KindChecklist,
	"M1-E3": model.KindDiscussion,
	"M1-E4": model.KindChecklist,
	"M2-E1": model.KindChecklist,
	"M2-E2": model.KindCaseStudy,
	"M2-E3": model.KindFramework,
	"M2-E4": model.KindRating,
	"M3-E1": model.KindReflection,
	"M3-E2": model.KindAlliesMap,
	"M3-E3": model.KindReflection,
	"M3-E4": model.KindCaseReview,
	"M3-E5": model.KindCardSort,
	"M3-E6": model.KindDiscussion,
	"P1":    model.KindChecklist,
	"P2":    model.KindChecklist,
	"P3":    model.KindChecklist,
	"P4":    model.KindChecklist,
	"P5":    model.KindChecklist,
	"P6":    model.KindChecklist,
	"B-1":   model.KindPoll,
	"B-2":   model.KindPoll,
	"B-3":   model.KindPoll,
}

// withActions are the catalog's "+ action plan" exercises.
var withActions = []string{"M1-E2", "M2-E1", "M3-E1"}

// TestDeckContent checks the built-in deck: it validates, every module is
// present and ends with a sources slide, every exercise of the catalog is
// there with its kind, and every slide keeps within its budget at 120x40.
func TestDeckContent(t *testing.T) {
	deck := builtinDeck(t) // fails if the deck does not validate

	for _, id := range []string{"intro", "m1", "m2", "m3", "final", "principles", "briefing", "background"} {
		if deck.ModuleByID(id) < 0 {
			t.Errorf("module %s is missing", id)
		}
	}
	for _, m := range deck.Modules {
		last := m.Slides[len(m.Slides)-1]
		if !strings.HasPrefix(last.Title, "Sources") {
			t.Errorf("module %s ends with %q, not a sources slide", m.ID, last.Title)
		}
	}
	first := deck.Modules[0].Slides[0].Body
	for _, want := range []string{"Creative Commons Attribution 4.0", "irep.ntu.ac.uk/id/eprint/32630", "video"} {
		if !strings.Contains(first, want) {
			t.Errorf("the title slide should mention %q", want)
		}
	}

	exercises := deck.Exercises()
	for id, kind := range catalog {
		ref, ok := exercises[id]
		if !ok {
			t.Errorf("exercise %s is missing", id)
			continue
		}
		if got := deck.Slide(ref).Exercise.Kind; got != kind {
			t.Errorf("exercise %s is a %s, want %s", id, got, kind)
		}
	}
	for _, id := range withActions {
		if ref, ok := exercises[id]; ok && !deck.Slide(ref).Exercise.Actions {
			t.Errorf("exercise %s should carry an action plan (actions: yes)", id)
		}
	}
	if ref, ok := exercises["M1-E3"]; ok {
		ex := deck.Slide(ref).Exercise
		if ex.Duration.Minutes() != 20 {
			t.Errorf("M1-E3 lasts %v, the toolkit says 20 minutes", ex.Duration)
		}
		if !hasField(ex, model.FieldContinuum) {
			t.Errorf("M1-E3 needs a continuum field")
		}
	}
	if ref, ok := exercises["M2-E4"]; ok {
		ex := deck.Slide(ref).Exercise
		if ex.Seesaw != "positive" || len(ex.Items) != 6 || len(ex.Challenges) != 4 {
			t.Errorf("M2-E4 should rate six attitudes onto the see-saw against four challenges: %+v", ex)
		}
	}
	if ref, ok := exercises["I-A"]; ok {
		if n := len(deck.Slide(ref).Exercise.Factors); n != 10 {
			t.Errorf("I-A has %d factors, the toolkit's table has 10", n)
		}
	}

	// Slides sized for a room: every slide within its budget at 120x40.
	cache := NewSlideCache(SlideBodies(deck), common.NewTheme(common.ThemeDark).Glamour, 0)
	for i, ref := range deck.Flat() {
		m, s := deck.Modules[ref.Module], deck.Slide(ref)
		// The presenter sets slides at its measure (at most maxMeasure columns).
		for _, p := range overBudget(s.Body, cache.Render(i, min(120, maxMeasure))) {
			t.Errorf("%s:%d %q: %s", m.Source, s.Line, s.Title, p)
		}
	}
}

// A slide's budget: it has to be read at a glance from the back of a room,
// so at most slideTextLines lines of text in the deck file (headings and
// blank lines aside) and at most slideRows rendered rows at 120 columns,
// about half of what the presenter shows at 120x40 (40 rows less its
// footer), so nothing scrolls and nothing fills the screen.
const (
	slideTextLines = 12
	slideRows      = 20
)

// overBudget lists how a slide, its Markdown body and its rendering at 120
// columns, goes over the budget.
func overBudget(body, rendered string) []string {
	var out []string
	text := 0
	for _, line := range strings.Split(body, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "#") {
			text++
		}
	}
	if text > slideTextLines {
		out = append(out, fmt.Sprintf("%d lines of text, at most %d fit the budget", text, slideTextLines))
	}
	rows := strings.Count(rendered, "\n") + 1
	if rows > slideRows || rows > 40-footerH {
		out = append(out, fmt.Sprintf("%d rows at 120 columns, at most %d fit the budget", rows, min(slideRows, 40-footerH)))
	}
	return out
}

// TestOverBudgetCanFail: the budget check catches a slide with too many
// lines of text and a rendering taller than the budget, and passes one
// within both.
func TestOverBudgetCanFail(t *testing.T) {
	lines := func(n int) string { return strings.Repeat("- a line\n", n) }
	tests := []struct {
		name, body, rendered string
		problems             int
	}{
		{"within", "# T\n\n" + lines(slideTextLines), lines(slideRows), 0},
		{"too many lines", "# T\n" + lines(slideTextLines+1), lines(5), 1},
		{"too tall", "# T\n" + lines(3), lines(slideRows + 1), 1},
		{"both", lines(slideTextLines + 1), lines(40), 2},
	}
	for _, tt := range tests {
		if got := overBudget(tt.body, strings.TrimSuffix(tt.rendered, "\n")); len(got) != tt.problems {
			t.Errorf("%s: %v, want %d problems", tt.name, got, tt.problems)
		}
	}
}

func hasField(ex *model.Exercise, typ string) bool {
	for _, f := range ex.Fields {
		if f.Type == typ {
			return true
		}
	}
	return false
}

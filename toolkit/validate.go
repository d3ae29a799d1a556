package toolkit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/carehuddle/huddle/model"
)

// validateExercise checks what each kind needs once all keys are read.
// seen maps keys to the line they were given on, for error positions.
func validateExercise(c *errs, ex *model.Exercise, seen map[string]int) {
	at := func(key string) int {
		if n, ok := seen[key]; ok {
			return n
		}
		return ex.Line
	}
	if ex.ID == "" {
		c.add(ex.Line, "exercise has no id:")
	}
	if ex.Title == "" {
		c.add(ex.Line, "exercise has no title:")
	}
	keys := map[string]bool{}
	for _, f := range ex.Fields {
		if keys[f.Key] {
			c.add(at("field"), "field key %q is used twice", f.Key)
		}
		keys[f.Key] = true
	}
	need := func(ok bool, key, msg string) {
		if !ok {
			c.add(at(key), "a %s exercise needs %s", ex.Kind, msg)
		}
	}
	switch ex.Kind {
	case model.KindDiscussion:
		need(len(ex.Fields) > 0, "field", "at least one field: for each group to answer")
		if ex.Groups == 0 {
			ex.Groups = 3
		}
	case model.KindChecklist:
		need(len(ex.Scale) > 0, "scale", "a scale: (tick, or options such as yes | partly | no | not sure)")
		need(len(ex.Items) > 0, "item", "at least one item:")
	case model.KindRating:
		need(len(ex.Scale) >= 2, "scale", "a scale: of two or more columns")
		need(len(ex.Items) > 0, "item", "at least one item: to rate")
		need(len(ex.Challenges) == 0 || ex.Seesaw != "", "challenge", "seesaw: positive when it lists challenges")
	case model.KindFramework:
		need(len(ex.Fields) >= 2, "field", "two or more field: boxes")
	case model.KindAssessment:
		need(len(ex.Profiles) > 0, "profiles", "profiles: naming the reference levels")
		need(len(ex.Factors) > 0, "factor", "at least one factor:")
		for _, f := range ex.Factors {
			if len(f.Scale) < 2 {
				c.add(at("factor"), "factor %q needs a scale of two or more levels, such as high/medium/low", f.Key)
			}
			if len(f.Profiles) != len(ex.Profiles) {
				c.add(at("factor"), "factor %q gives %d profile levels for %d profiles", f.Key, len(f.Profiles), len(ex.Profiles))
				continue
			}
			for _, lv := range f.Profiles {
				if !slices.Contains(f.Scale, lv) {
					c.add(at("factor"), "factor %q: level %q is not on its scale %s", f.Key, lv, strings.Join(f.Scale, "/"))
				}
			}
		}
		guided := slices.ContainsFunc(ex.Factors, func(f model.Factor) bool { return f.Guide != nil })
		need(!guided || ex.GuideNote != "", "guide", "guide-note: saying whose guidance its guides are")
		need(guided || ex.GuideNote == "", "guide-note", "guide: lines for its guide-note: to describe")
	case model.KindCaseStudy:
		need(len(ex.Cases) > 0, "case", "at least one case:")
		need(len(ex.Questions) > 0, "ask", "at least one ask: question")
	case model.KindReflection:
		need(len(ex.Fields) > 0, "field", "at least one field: prompt")
	case model.KindAlliesMap:
		need(len(ex.Rows) >= 2, "rows", "rows: of two or more contact frequencies")
		need(len(ex.Columns) >= 2, "columns", "columns: of two or more stances")
	case model.KindCaseReview:
		need(len(ex.Fields) > 0, "field", "at least one field: column")
	case model.KindCardSort:
		need(len(ex.Rounds) > 0, "rounds", "rounds: the counts to narrow to, such as 10 | 6")
		for i := 1; i < len(ex.Rounds); i++ {
			if _, hi := ex.RoundRange(i); hi >= ex.Rounds[i-1] {
				c.add(at("rounds"), "rounds: each count must be smaller than the one before")
				break
			}
		}
		extra := slices.Contains(ex.CardExtra, true)
		need(!extra || ex.ExtraNote != "", "extra-card", "extra-note: saying where its extra cards come from")
		need(extra || ex.ExtraNote == "", "extra-note", "extra-card: lines for its extra-note: to describe")
		if _, hi := ex.RoundRange(0); len(ex.Cards) > 0 && len(ex.Cards) <= hi {
			c.add(at("card"), "a card sort needs more cards (%d) than its first round keeps (%d)", len(ex.Cards), hi)
		}
	case model.KindPoll:
		need(ex.Question != "", "question", "a question:")
		need(len(ex.Options) >= 2, "option", "two or more option: lines")
	}
}

// ValidateDeck checks what spans files: unique module and exercise ids.
func ValidateDeck(d *model.Deck) Errors {
	var out Errors
	mods := map[string]string{}
	exs := map[string]string{}
	for _, m := range d.Modules {
		if prev, ok := mods[m.ID]; ok {
			out = append(out, LineError{File: m.Source, Msg: "module id " + m.ID + " is also used by " + prev})
		}
		mods[m.ID] = m.Source
		for _, s := range m.Slides {
			if s.Exercise == nil || s.Exercise.ID == "" {
				continue
			}
			where := fmt.Sprintf("%s:%d", m.Source, s.Exercise.Line)
			if prev, ok := exs[s.Exercise.ID]; ok {
				out = append(out, LineError{File: m.Source, Line: s.Exercise.Line, Msg: "exercise id " + s.Exercise.ID + " is also used at " + prev})
			}
			exs[s.Exercise.ID] = where
		}
	}
	return out
}

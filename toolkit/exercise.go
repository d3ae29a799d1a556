package toolkit

import (
	"strconv"
	"strings"
	"time"

	"github.com/carehuddle/huddle/model"
)

// keyRule says how often a key of an exercise block may appear and for
// which kinds ("*" for all).
type keyRule struct {
	repeat bool
	kinds  []string
}

var exerciseKeys = map[string]keyRule{
	"id":         {kinds: []string{"*"}},
	"kind":       {kinds: []string{"*"}},
	"title":      {kinds: []string{"*"}},
	"duration":   {kinds: []string{"*"}},
	"prompt":     {repeat: true, kinds: []string{"*"}},
	"closing":    {kinds: []string{"*"}},
	"field":      {repeat: true, kinds: []string{"*"}},
	"actions":    {kinds: []string{"*"}},
	"groups":     {kinds: []string{model.KindDiscussion}},
	"scale":      {kinds: []string{model.KindChecklist, model.KindRating}},
	"item":       {repeat: true, kinds: []string{model.KindChecklist, model.KindRating}},
	"seesaw":     {kinds: []string{model.KindRating}},
	"challenge":  {repeat: true, kinds: []string{model.KindRating}},
	"profiles":   {kinds: []string{model.KindAssessment}},
	"factor":     {repeat: true, kinds: []string{model.KindAssessment}},
	"guide":      {repeat: true, kinds: []string{model.KindAssessment}},
	"guide-note": {kinds: []string{model.KindAssessment}},
	"case":       {repeat: true, kinds: []string{model.KindCaseStudy}},
	"ask":        {repeat: true, kinds: []string{model.KindCaseStudy}},
	"vote":       {kinds: []string{model.KindCaseStudy}},
	"rows":       {kinds: []string{model.KindAlliesMap}},
	"columns":    {kinds: []string{model.KindAlliesMap}},
	"card":       {repeat: true, kinds: []string{model.KindCardSort}},
	"extra-card": {repeat: true, kinds: []string{model.KindCardSort}},
	"card-note":  {kinds: []string{model.KindCardSort}},
	"extra-note": {kinds: []string{model.KindCardSort}},
	"rounds":     {kinds: []string{model.KindCardSort}},
	"question":   {kinds: []string{model.KindPoll}},
	"option":     {repeat: true, kinds: []string{model.KindPoll}},
}

type kv struct {
	key, val string
	line     int
}

// parseExercise reads the key: value lines of an exercise block. fenceLine
// is the line number of the opening fence.
func parseExercise(c *errs, lines []string, fenceLine int) *model.Exercise {
	ex := &model.Exercise{Line: fenceLine}
	var pairs []kv
	seen := map[string]int{}
	for i, raw := range lines {
		n := fenceLine + 1 + i
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		key, val = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)
		if !ok {
			c.add(n, "exercise line must be key: value")
			continue
		}
		rule, known := exerciseKeys[key]
		if !known {
			c.add(n, "unknown exercise key %q", key)
			continue
		}
		if val == "" {
			c.add(n, "%s: has no value", key)
			continue
		}
		if prev, dup := seen[key]; dup && !rule.repeat {
			c.add(n, "%s: given twice (first on line %d)", key, prev)
			continue
		}
		seen[key] = n
		if key == "kind" {
			ex.Kind = strings.ToLower(val)
		}
		pairs = append(pairs, kv{key, val, n})
	}
	if ex.Kind == "" {
		c.add(fenceLine, "exercise block has no kind: (one of %s)", strings.Join(model.Kinds, ", "))
		return ex
	}
	if !knownKind(ex.Kind) {
		c.add(seen["kind"], "unknown exercise kind %q (one of %s)", ex.Kind, strings.Join(model.Kinds, ", "))
		return ex
	}
	for _, p := range pairs {
		if !allowed(exerciseKeys[p.key], ex.Kind) {
			c.add(p.line, "%s: does not belong to a %s exercise", p.key, ex.Kind)
			continue
		}
		applyKey(c, ex, p)
	}
	validateExercise(c, ex, seen)
	return ex
}

func knownKind(k string) bool {
	for _, x := range model.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func allowed(r keyRule, kind string) bool {
	for _, k := range r.kinds {
		if k == "*" || k == kind {
			return true
		}
	}
	return false
}

// parts splits a value on "|" and trims each part.
func parts(val string) []string {
	ps := strings.Split(val, "|")
	for i := range ps {
		ps[i] = strings.TrimSpace(ps[i])
	}
	return ps
}

// slashList splits a value on "/" and trims each part, dropping empties.
func slashList(val string) []string {
	var out []string
	for _, p := range strings.Split(val, "/") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func applyKey(c *errs, ex *model.Exercise, p kv) {
	switch p.key {
	case "id":
		if !validID(p.val) {
			c.add(p.line, "exercise id %q must be letters, digits and hyphens", p.val)
		}
		ex.ID = p.val
	case "title":
		ex.Title = p.val
	case "duration":
		d, err := parseDuration(p.val)
		if err != "" {
			c.add(p.line, "duration: %s", err)
		}
		ex.Duration = d
	case "prompt":
		ex.Prompts = append(ex.Prompts, p.val)
	case "closing":
		ex.Closing = p.val
	case "field":
		if f, ok := parseField(c, p); ok {
			ex.Fields = append(ex.Fields, f)
		}
	case "actions":
		ex.Actions = yes(c, p)
	case "groups":
		n, err := strconv.Atoi(p.val)
		if err != nil || n < 1 || n > 12 {
			c.add(p.line, "groups: want a number from 1 to 12")
		}
		ex.Groups = n
	case "scale":
		ex.Scale = parts(p.val)
	case "item":
		ex.Items = append(ex.Items, p.val)
	case "seesaw":
		if p.val != "positive" && p.val != "challenge" {
			c.add(p.line, "seesaw: want positive or challenge")
		}
		ex.Seesaw = p.val
	case "challenge":
		ex.Challenges = append(ex.Challenges, p.val)
	case "profiles":
		ex.Profiles = parts(p.val)
	case "factor":
		ps := parts(p.val)
		if len(ps) < 4 {
			c.add(p.line, "factor: want key | label | scale a/b/c | a level for each profile")
			return
		}
		ex.Factors = append(ex.Factors, model.Factor{Key: ps[0], Label: ps[1], Scale: slashList(ps[2]), Profiles: ps[3:]})
	case "guide":
		applyGuide(c, ex, p)
	case "guide-note":
		ex.GuideNote = p.val
	case "case":
		ps := parts(p.val)
		if len(ps) != 2 && len(ps) != 3 {
			c.add(p.line, "case: want key | title, or key | title | gist")
			return
		}
		cs := model.Case{Key: ps[0], Title: ps[1]}
		if len(ps) == 3 {
			cs.Gist = ps[2]
		}
		ex.Cases = append(ex.Cases, cs)
	case "ask":
		ex.Questions = append(ex.Questions, p.val)
	case "vote", "question":
		ex.Question = p.val
	case "rows":
		ex.Rows = parts(p.val)
	case "columns":
		ex.Columns = parts(p.val)
	case "card", "extra-card":
		addCard(ex, p.val, p.key == "extra-card")
	case "card-note":
		ex.CardNote = p.val
	case "extra-note":
		ex.ExtraNote = p.val
	case "rounds":
		applyRounds(c, ex, p)
	case "option":
		ex.Options = append(ex.Options, p.val)
	}
}

func yes(c *errs, p kv) bool {
	switch strings.ToLower(p.val) {
	case "yes", "true":
		return true
	case "no", "false":
		return false
	}
	c.add(p.line, "%s: want yes or no", p.key)
	return false
}

// parseField reads "key | label | type [| a / b / c]".
func parseField(c *errs, p kv) (model.Field, bool) {
	ps := parts(p.val)
	if len(ps) < 2 || ps[0] == "" || ps[1] == "" {
		c.add(p.line, "field: want key | label | type (text, lines, continuum, choice)")
		return model.Field{}, false
	}
	f := model.Field{Key: ps[0], Label: ps[1], Type: model.FieldText}
	if len(ps) > 2 {
		f.Type = strings.ToLower(ps[2])
	}
	switch f.Type {
	case model.FieldText, model.FieldLines, model.FieldContinuum:
		if len(ps) > 3 {
			c.add(p.line, "field: only a choice field takes options")
			return f, false
		}
	case model.FieldChoice:
		if len(ps) != 4 || len(slashList(ps[3])) < 2 {
			c.add(p.line, "field: a choice field wants its options: key | label | choice | a / b / c")
			return f, false
		}
		f.Options = slashList(ps[3])
	default:
		c.add(p.line, "field: unknown type %q (text, lines, continuum, choice)", f.Type)
		return f, false
	}
	return f, true
}

// parseDuration accepts Go durations (20m, 1h30m, 90s) and plain minutes.
func parseDuration(s string) (time.Duration, string) {
	if n, err := strconv.Atoi(s); err == nil {
		s = strconv.Itoa(n) + "m"
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 || d > 8*time.Hour {
		return 0, "want a length such as 20m, 1h30m or 90s, up to 8h"
	}
	return d, ""
}

package model

import (
	"slices"
	"strconv"
	"strings"
)

// Summaries. SummaryMarkdown renders what one exercise of a session
// captured as Markdown, for the review screen and for the minutes. Each
// exercise kind may have its own summarizer, in its own file
// (summary_<kind>.go), named by summarizerOf; kinds without one get
// GenericSummary.
//
// Conventions every summarizer keeps:
//   - It does not repeat the exercise's title: the caller heads the
//     summary (Minutes uses a level-2 heading). Sub-headings inside a
//     summary are level 3 ("### Group 1").
//   - Every piece of captured or deck text goes through MarkdownInline,
//     MarkdownText or MarkdownTable, which sanitise and escape it.
//   - It reads only live entries (SessionData.In, ExerciseEntries) and
//     never changes d.
//   - It ends with a newline, and says so when nothing was captured.

// summarizerOf is the summarizer of an exercise kind, or nil. A switch,
// not a registry filled by init functions: every kind is named here.
func summarizerOf(kind string) func(ex *Exercise, d *SessionData) string {
	switch kind {
	case KindDiscussion:
		return DiscussionSummary
	case KindChecklist:
		return ChecklistSummary
	case KindRating:
		return RatingSummary
	case KindFramework:
		return FrameworkSummary
	case KindReflection:
		return ReflectionSummary
	case KindActionPlan:
		return ActionPlanSummary
	case KindPoll:
		return PollSummary
	case KindAssessment:
		return assessmentSummary
	case KindCaseStudy:
		return caseStudySummary
	case KindAlliesMap:
		return alliesSummary
	case KindCaseReview:
		return caseReviewSummary
	case KindCardSort:
		return cardSortSummary
	}
	return nil
}

// NothingCaptured is what a summary says when an exercise holds nothing.
const NothingCaptured = "_Nothing was captured._\n"

// SummaryMarkdown renders a Markdown summary of what one exercise
// captured in a session. A nil ex gives an empty string.
func SummaryMarkdown(ex *Exercise, d *SessionData) string {
	if ex == nil || d == nil {
		return ""
	}
	if fn := summarizerOf(ex.Kind); fn != nil {
		return fn(ex, d)
	}
	return GenericSummary(ex, d)
}

// GenericSummary lists what an exercise captured: per group (with no
// group heading when the exercise has no groups), per field in the deck's
// order, the captured lines as bullets, and then the exercise's actions
// as a table. It copes with entries the deck does not describe (a field or
// an exercise that has since left the deck), listing them under their keys.
func GenericSummary(ex *Exercise, d *SessionData) string {
	entries := slices.DeleteFunc(d.ExerciseEntries(ex.ID), func(e Entry) bool { return e.Field == FieldGroupName })
	actions := d.SessionActions(ex.ID)
	groups := summaryGroups(ex, d, entries)
	var b strings.Builder
	if len(entries) == 0 && len(actions) == 0 {
		b.WriteString(NothingCaptured)
		return b.String()
	}
	headed := len(groups) > 1 || (len(groups) == 1 && groups[0] != "")
	for _, g := range groups {
		in := slices.DeleteFunc(slices.Clone(entries), func(e Entry) bool { return e.Group != g })
		if headed {
			label := GroupLabel(ex, d, g)
			if g == "" {
				label = "Whole team"
			}
			b.WriteString("### " + MarkdownInline(label) + "\n\n")
		}
		if len(in) == 0 {
			b.WriteString(NothingCaptured + "\n")
			continue
		}
		for _, f := range summaryFields(ex, in) {
			b.WriteString("**" + MarkdownInline(FieldLabel(ex, f)) + "**\n\n")
			lines := slices.DeleteFunc(slices.Clone(in), func(e Entry) bool { return e.Field != f })
			if slices.ContainsFunc(lines, func(e Entry) bool { return e.Order != 0 }) {
				slices.SortStableFunc(lines, func(a, b Entry) int { return a.Order - b.Order })
			}
			for _, e := range lines {
				b.WriteString(EntryBullet(e) + "\n")
			}
			b.WriteString("\n")
		}
	}
	if len(actions) > 0 {
		b.WriteString("**Actions**\n\n")
		b.WriteString(ActionsTable(actions, false))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// EntryBullet renders one captured line as a Markdown bullet: the chosen
// value in bold, the text, the see-saw tag as "(+)" or "(−)" with its
// weight, and the dot votes.
func EntryBullet(e Entry) string {
	var parts []string
	if v := MarkdownInline(e.Value); v != "" {
		parts = append(parts, "**"+v+"**")
	}
	if t := MarkdownText(e.Text, "  "); t != "" {
		parts = append(parts, t)
	}
	line := strings.Join(parts, " — ")
	if line == "" {
		line = "_(empty)_"
	}
	switch e.Tag {
	case TagPositive:
		line += " (+) weight " + strconv.Itoa(ClampWeight(e.Weight))
	case TagChallenge:
		line += " (−) weight " + strconv.Itoa(ClampWeight(e.Weight))
	}
	if e.Count() > 0 {
		line += " · " + strings.Repeat("●", min(e.Count(), 10)) + " " + countWords(e, "vote", "votes")
	}
	return "- " + line
}

// countWords says an entry's count ("5 dots"), and how many of them the
// room gave when it gave some ("5 dots, 3 from the room").
func countWords(e Entry, one, many string) string {
	s := plural(e.Count(), one, many)
	if e.RoomVotes > 0 {
		s += ", " + strconv.Itoa(e.RoomVotes) + " from the room"
	}
	return s
}

// ActionsTable renders actions as a Markdown table: action, owner, due
// date, review date and status, and the exercise each came from when
// withExercise is set.
func ActionsTable(actions []Action, withExercise bool) string {
	header := []string{"Action", "Owner", "Due", "Review", "Status"}
	if withExercise {
		header = append(header, "Exercise")
	}
	rows := make([][]string, 0, len(actions))
	for _, a := range actions {
		status := a.Status
		if status == "" {
			status = ActionOpen
		}
		row := []string{a.Text, a.Owner, formatDate(a.Due), formatDate(a.Review), status}
		if withExercise {
			row = append(row, a.ExerciseID)
		}
		rows = append(rows, row)
	}
	return MarkdownTable(header, rows)
}

// summaryGroups lists the group keys to show, in order: the shared
// ungrouped lines first, then the discussion groups (every group the
// exercise starts with, even when empty), then cases in the deck's
// order, then any other group keys in the order they were captured.
func summaryGroups(ex *Exercise, d *SessionData, entries []Entry) []string {
	var out []string
	add := func(k string) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if slices.ContainsFunc(entries, func(e Entry) bool { return e.Group == "" }) {
		add("")
	}
	if ex.Groups > 0 || slices.ContainsFunc(entries, func(e Entry) bool { return GroupNumber(e.Group) > 0 }) {
		for _, g := range d.Groups(ex.ID, ex.Groups) {
			add(g.Key)
		}
	}
	for _, c := range ex.Cases {
		if slices.ContainsFunc(entries, func(e Entry) bool { return e.Group == c.Key }) {
			add(c.Key)
		}
	}
	for _, e := range entries {
		add(e.Group)
	}
	if len(out) == 0 {
		out = append(out, "")
	}
	return out
}

// summaryFields lists the fields present in entries, in the order the
// exercise asks them: its own fields, the prompts, the items, options and
// factors by number, the closing question, the vote, notes and
// challenges, and then any field the deck does not know, as captured.
func summaryFields(ex *Exercise, entries []Entry) []string {
	present := map[string]bool{}
	var seen []string
	for _, e := range entries {
		if !present[e.Field] {
			present[e.Field] = true
			seen = append(seen, e.Field)
		}
	}
	var out []string
	add := func(f string) {
		if present[f] && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	for _, f := range ex.Fields {
		add(f.Key)
	}
	// Numbered fields in number order, whatever the deck says.
	for _, prefix := range []string{FieldPrompt + "/", "item/", "option/"} {
		var nums []int
		for _, f := range seen {
			if n, ok := numbered(f, prefix); ok {
				nums = append(nums, n)
			}
		}
		slices.Sort(nums)
		for _, n := range nums {
			add(prefix + strconv.Itoa(n))
		}
	}
	for _, f := range ex.Factors {
		add("factor/" + f.Key)
	}
	for _, f := range []string{FieldClosing, FieldVote, FieldNote, "", FieldChallenge} {
		add(f)
	}
	for _, f := range seen {
		add(f)
	}
	return out
}

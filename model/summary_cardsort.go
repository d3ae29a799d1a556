package model

import (
	"slices"
	"strconv"
	"strings"
)

// Card sort conventions: each value is an entry of field FieldCard (no
// group), its Text the value, its Order its place (after the last round,
// its rank) and its Value the last round it survived, "round:N" (empty
// before it survived any). The single-valued slot FieldRound holds how
// many rounds were confirmed ("0": narrowing has started; absent: the
// values are still being entered).
const (
	FieldCard  = "card"
	FieldRound = "_round"
)

// CardRound is the last round a card survived, 0 for none.
func CardRound(e Entry) int {
	n, err := strconv.Atoi(strings.TrimPrefix(e.Value, "round:"))
	if err != nil || !strings.HasPrefix(e.Value, "round:") || n < 0 {
		return 0
	}
	return n
}

// CardRoundValue is the Value of a card that survived round n.
func CardRoundValue(n int) string {
	if n <= 0 {
		return ""
	}
	return "round:" + strconv.Itoa(n)
}

// SortedCards lists the live cards of a card sort by Order, then as
// captured.
func SortedCards(exerciseID string, d *SessionData) []Entry {
	cards := d.In(Slot{Exercise: exerciseID, Field: FieldCard})
	slices.SortStableFunc(cards, func(a, b Entry) int { return a.Order - b.Order })
	return cards
}

// CardStage is how many rounds of a card sort were confirmed, or -1
// while the values are still being entered.
func CardStage(exerciseID string, d *SessionData) int {
	e, ok := d.Value(Slot{Exercise: exerciseID, Field: FieldRound})
	if !ok {
		return -1
	}
	n, err := strconv.Atoi(e.Value)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// cardSortSummary lists the result of each confirmed round (the last one
// ranked), the values entered and the reflections.
func cardSortSummary(ex *Exercise, d *SessionData) string {
	cards := SortedCards(ex.ID, d)
	stage := CardStage(ex.ID, d)
	var b strings.Builder
	for r := min(stage, len(ex.Rounds)); r >= 1; r-- {
		var kept []Entry
		for _, c := range cards {
			if CardRound(c) >= r {
				kept = append(kept, c)
			}
		}
		title := "Round " + strconv.Itoa(r) + ": " + plural(len(kept), "value", "values") + " kept"
		if r == len(ex.Rounds) {
			title = "Top " + strconv.Itoa(len(kept)) + ", in order"
		}
		b.WriteString("### " + title + "\n\n")
		for i, c := range kept {
			b.WriteString(strconv.Itoa(i+1) + ". " + MarkdownInline(c.Text) + "\n")
		}
		b.WriteString("\n")
	}
	if len(cards) > 0 {
		b.WriteString("### Values entered (" + strconv.Itoa(len(cards)) + ")\n\n")
		for _, c := range cards {
			b.WriteString("- " + MarkdownInline(c.Text) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(notesSummary(ex, d, ""))
	if b.Len() == 0 {
		return NothingCaptured
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// notesSummary lists, under bold labels, the lines of an exercise's own
// lines and text fields in group, then its prompts and closing question
// (whole team), as bullets; "" when none holds anything.
func notesSummary(ex *Exercise, d *SessionData, group string) string {
	var b strings.Builder
	put := func(g, field, label string) {
		es := d.In(Slot{Exercise: ex.ID, Group: g, Field: field})
		if len(es) == 0 {
			return
		}
		b.WriteString("**" + MarkdownInline(label) + "**\n\n")
		for _, e := range es {
			b.WriteString(EntryBullet(e) + "\n")
		}
		b.WriteString("\n")
	}
	for _, f := range ex.Fields {
		if f.Type == FieldLines || f.Type == FieldText || f.Type == "" {
			put(group, f.Key, FieldLabel(ex, f.Key))
		}
	}
	for i := range ex.Prompts {
		put("", PromptField(i), FieldLabel(ex, PromptField(i)))
	}
	if ex.Closing != "" {
		put("", FieldClosing, ex.Closing)
	}
	return b.String()
}

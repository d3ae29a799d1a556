package model

import (
	"strconv"
	"strings"
)

// CaseVotes counts the votes for each case of a case study by its key.
func CaseVotes(ex *Exercise, d *SessionData) map[string]int {
	out := map[string]int{}
	for _, e := range d.In(Slot{Exercise: ex.ID, Field: FieldVote}) {
		out[e.Value]++
	}
	return out
}

// caseStudySummary lists each case's answers per question, the vote with
// its counts and reasons, and the notes.
func caseStudySummary(ex *Exercise, d *SessionData) string {
	var b strings.Builder
	for _, c := range ex.Cases {
		var part strings.Builder
		for i, q := range ex.Questions {
			es := d.In(Slot{Exercise: ex.ID, Group: c.Key, Field: "q" + strconv.Itoa(i+1)})
			if len(es) == 0 {
				continue
			}
			part.WriteString("**" + MarkdownInline(q) + "**\n\n")
			for _, e := range es {
				part.WriteString(EntryBullet(e) + "\n")
			}
			part.WriteString("\n")
		}
		if part.Len() > 0 {
			b.WriteString("### " + MarkdownInline(GroupLabel(ex, d, c.Key)) + "\n\n" + part.String())
		}
	}
	votes := d.In(Slot{Exercise: ex.ID, Field: FieldVote})
	if len(votes) > 0 {
		b.WriteString("### Vote\n\n")
		if ex.Question != "" {
			b.WriteString("_" + MarkdownInline(ex.Question) + "_\n\n")
		}
		counts := CaseVotes(ex, d)
		var rows [][]string
		for _, c := range ex.Cases {
			rows = append(rows, []string{GroupLabel(ex, d, c.Key), strconv.Itoa(counts[c.Key])})
		}
		b.WriteString(MarkdownTable([]string{"Case", "Votes"}, rows) + "\n**Reasons**\n\n")
		for _, e := range votes {
			who := e.Value
			for _, c := range ex.Cases {
				if c.Key == e.Value {
					who = "Case " + c.Key
				}
			}
			b.WriteString("- **" + MarkdownInline(who) + "** — " + MarkdownText(e.Text, "  ") + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(notesSummary(ex, d, ""))
	if b.Len() == 0 {
		return NothingCaptured
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

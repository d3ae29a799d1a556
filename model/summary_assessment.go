package model

import (
	"strconv"
	"strings"
)

// FactorField is the field holding the level chosen for an assessment
// factor.
func FactorField(key string) string { return "factor/" + key }

// AssessmentAnswers reads the levels chosen for an assessment's factors.
func AssessmentAnswers(ex *Exercise, d *SessionData) map[string]string {
	out := map[string]string{}
	for _, f := range ex.Factors {
		if e, ok := d.Value(Slot{Exercise: ex.ID, Field: FactorField(f.Key)}); ok && e.Value != "" {
			out[f.Key] = e.Value
		}
	}
	return out
}

// FormatDistance shows a profile distance with two decimals.
func FormatDistance(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// assessmentSummary gives the nearest reference profile with every
// distance, the gaps that hold the team back, the answers beside the
// reference profiles, and the notes.
func assessmentSummary(ex *Exercise, d *SessionData) string {
	answers := AssessmentAnswers(ex, d)
	res := Score(ex, answers)
	notes := notesSummary(ex, d, "")
	if res.Answered == 0 && notes == "" {
		return NothingCaptured
	}
	var b strings.Builder
	if res.Answered > 0 {
		b.WriteString("### Where the team stands\n\n")
		nearest := "**" + MarkdownInline(res.Nearest) + "**"
		if len(res.Tied) > 1 {
			nearest = "a tie between " + tieWords(res.Tied, "**")
		}
		b.WriteString("Nearest profile: " + nearest + " (distance " + FormatDistance(res.Distances[0].Distance) +
			", from " + strconv.Itoa(res.Answered) + " of " + strconv.Itoa(len(ex.Factors)) + " factors; 0 is the same, 2 the opposite end throughout)\n\n")
		for _, p := range res.Distances {
			b.WriteString("- " + MarkdownInline(p.Profile) + ": " + FormatDistance(p.Distance) + "\n")
		}
		b.WriteString("\n### Holding the team back\n\n")
		if len(res.Gaps) == 0 {
			b.WriteString("_No factor is below the " + MarkdownInline(firstProfile(ex)) + " level._\n")
		}
		for _, g := range res.Gaps {
			b.WriteString("- " + MarkdownInline(g.Label) + ": " + MarkdownInline(g.Answer) + " (" + MarkdownInline(firstProfile(ex)) + ": " + MarkdownInline(g.Target) + ")\n")
		}
		b.WriteString("\n### Answers\n\n")
		header := append([]string{"Factor", "Team"}, ex.Profiles...)
		var rows [][]string
		for _, f := range ex.Factors {
			ans := answers[f.Key]
			if ans == "" {
				ans = "—"
			}
			row := []string{f.Label, ans}
			for i := range ex.Profiles {
				lvl := ""
				if i < len(f.Profiles) {
					lvl = f.Profiles[i]
				}
				row = append(row, lvl)
			}
			rows = append(rows, row)
		}
		b.WriteString(MarkdownTable(header, rows) + "\n")
	}
	b.WriteString(notes)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func firstProfile(ex *Exercise) string {
	if len(ex.Profiles) > 0 {
		return ex.Profiles[0]
	}
	return "reference"
}

// tieWords names the profiles of a tie: "aligned and attached", "a, b and
// c", each wrapped in mark ("**" for bold, "" for plain).
func tieWords(names []string, mark string) string {
	var b strings.Builder
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		if mark != "" {
			n = MarkdownInline(n)
		}
		b.WriteString(mark + n + mark)
	}
	return b.String()
}

// TieWords names the profiles of a tie in plain words: "aligned and
// attached".
func TieWords(names []string) string { return tieWords(names, "") }

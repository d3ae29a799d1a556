package model

import (
	"slices"
	"strconv"
	"strings"
)

// FieldSupervision holds a case review's summary for supervision.
const FieldSupervision = "_supervision"

// ReviewCases lists the case keys of a case review ("g1", "g2"...) that
// hold anything, in number order.
func ReviewCases(ex *Exercise, d *SessionData) []string {
	var out []string
	for _, e := range d.ExerciseEntries(ex.ID) {
		if GroupNumber(e.Group) > 0 && !slices.Contains(out, e.Group) {
			out = append(out, e.Group)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return GroupNumber(a) - GroupNumber(b) })
	return out
}

// ReviewCell is what a case review shows in one cell: the chosen option
// or the text typed.
func ReviewCell(ex *Exercise, d *SessionData, group string, f Field) string {
	e, ok := d.Value(Slot{Exercise: ex.ID, Group: group, Field: f.Key})
	if !ok {
		return ""
	}
	if f.Type == FieldChoice {
		return e.Value
	}
	return e.Text
}

// ReviewTotals sums a case review's column: the count of each option of
// a choice column, or how many cases have a text column filled.
func ReviewTotals(ex *Exercise, d *SessionData, f Field) string {
	cases := ReviewCases(ex, d)
	if f.Type == FieldChoice {
		var parts []string
		for _, o := range f.Options {
			n := 0
			for _, g := range cases {
				if ReviewCell(ex, d, g, f) == o {
					n++
				}
			}
			parts = append(parts, o+" "+strconv.Itoa(n))
		}
		return strings.Join(parts, " · ")
	}
	n := 0
	for _, g := range cases {
		if strings.TrimSpace(ReviewCell(ex, d, g, f)) != "" {
			n++
		}
	}
	return strconv.Itoa(n) + " of " + strconv.Itoa(len(cases)) + " filled"
}

// caseReviewSummary is a table with a row per case and the totals, the
// summary for supervision and the notes.
func caseReviewSummary(ex *Exercise, d *SessionData) string {
	var b strings.Builder
	cases := ReviewCases(ex, d)
	if len(cases) > 0 {
		b.WriteString("### Cases\n\n")
		var header []string
		for _, f := range ex.Fields {
			header = append(header, FieldLabel(ex, f.Key))
		}
		var rows [][]string
		for _, g := range cases {
			var row []string
			for _, f := range ex.Fields {
				row = append(row, ReviewCell(ex, d, g, f))
			}
			rows = append(rows, row)
		}
		var totals []string
		for i, f := range ex.Fields {
			t := ReviewTotals(ex, d, f)
			if i == 0 && f.Type != FieldChoice {
				t = "Totals: " + strconv.Itoa(len(cases)) + " cases"
			}
			totals = append(totals, t)
		}
		rows = append(rows, totals)
		b.WriteString(MarkdownTable(header, rows) + "\n")
	}
	if e, ok := d.Value(Slot{Exercise: ex.ID, Field: FieldSupervision}); ok && strings.TrimSpace(e.Text) != "" {
		b.WriteString("### Summary for supervision\n\n" + MarkdownText(e.Text, "") + "\n\n")
	}
	b.WriteString(notesSummary(ex, d, ""))
	if b.Len() == 0 {
		return NothingCaptured
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

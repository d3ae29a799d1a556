package model

import (
	"strconv"
	"strings"
)

// FieldAlly holds a colleague placed on an allies map: Text the
// colleague by role (never a name), Value the cell "row|column".
const FieldAlly = "ally"

// AllyCell is the Value of an allies map entry in a row and column.
func AllyCell(row, column string) string { return row + "|" + column }

// AlliesIn lists the colleagues placed in one cell, as captured.
func AlliesIn(ex *Exercise, d *SessionData, row, column string) []Entry {
	var out []Entry
	for _, e := range d.In(Slot{Exercise: ex.ID, Field: FieldAlly}) {
		if e.Value == AllyCell(row, column) {
			out = append(out, e)
		}
	}
	return out
}

// alliesSummary draws the grid as a table (roles and counts per cell),
// lists colleagues placed outside it, and the notes.
func alliesSummary(ex *Exercise, d *SessionData) string {
	all := d.In(Slot{Exercise: ex.ID, Field: FieldAlly})
	var b strings.Builder
	if len(all) > 0 {
		b.WriteString("### Allies map\n\n")
		header := append([]string{"Contact \\ stance"}, ex.Columns...)
		var rows [][]string
		placed := map[string]bool{}
		for _, r := range ex.Rows {
			row := []string{r}
			for _, c := range ex.Columns {
				es := AlliesIn(ex, d, r, c)
				var roles []string
				for _, e := range es {
					roles = append(roles, SanitizeLine(e.Text))
					placed[e.ID] = true
				}
				cell := ""
				if len(es) > 0 {
					cell = "(" + strconv.Itoa(len(es)) + ") " + strings.Join(roles, "; ")
				}
				row = append(row, cell)
			}
			rows = append(rows, row)
		}
		b.WriteString(MarkdownTable(header, rows) + "\n")
		// Totals per stance, in numbers.
		var totals []string
		for _, c := range ex.Columns {
			n := 0
			for _, r := range ex.Rows {
				n += len(AlliesIn(ex, d, r, c))
			}
			totals = append(totals, MarkdownInline(c)+": "+strconv.Itoa(n))
		}
		b.WriteString(strings.Join(totals, " · ") + "\n\n")
		var other []Entry
		for _, e := range all {
			if !placed[e.ID] {
				other = append(other, e)
			}
		}
		if len(other) > 0 {
			b.WriteString("**Placed outside this grid**\n\n")
			for _, e := range other {
				b.WriteString(EntryBullet(e) + "\n")
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(notesSummary(ex, d, ""))
	if b.Len() == 0 {
		return NothingCaptured
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

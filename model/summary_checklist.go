package model

import (
	"slices"
	"strconv"
)

// principleID matches the ids of the principles' checklists: P1, P2...
var principleID = lazyRegexp(`^P[0-9]+$`)

// IsPrincipleChecklist reports whether ex is one of the checklists of the
// principles of workforce integration (P1..P6).
func IsPrincipleChecklist(ex *Exercise) bool {
	return ex != nil && ex.Kind == KindChecklist && principleID().MatchString(ex.ID)
}

// ChecklistSummary renders a checklist: each item with its status and
// note, the counts per status, the exercise's other fields, prompts and
// closing question, its actions and, for a principle's checklist, the
// counts across every principle captured in the session.
func ChecklistSummary(ex *Exercise, d *SessionData) string {
	across := ""
	if IsPrincipleChecklist(ex) {
		across = principlesSection(ex, d)
	}
	return joinSections(
		itemsTable(ex, d, "Item", "Status"),
		restSummary(ex, d, func(e Entry) bool { return isItemField(e.Field) }),
		actionsSection(ex, d),
		across,
	)
}

// PrincipleTally counts the statuses of one principle's checklist.
type PrincipleTally struct {
	ID         string
	Title      string
	Counts     []ScaleCount
	Unanswered int
}

// PrinciplesTally counts statuses per principle across every principle
// checklist captured in the session, in number order. exercises maps ids
// to the deck's exercises (it may lack some: their statuses are counted
// from the entries alone, with no count of unanswered items).
func PrinciplesTally(d *SessionData, exercises map[string]*Exercise) []PrincipleTally {
	seen := map[string]bool{}
	for _, e := range d.Entries {
		if e.Live() && principleID().MatchString(e.ExerciseID) && isItemField(e.Field) {
			seen[e.ExerciseID] = true
		}
	}
	var ids []string
	for id := range seen {
		ids = append(ids, id)
	}
	num := func(id string) int { n, _ := strconv.Atoi(id[1:]); return n }
	slices.SortFunc(ids, func(a, b string) int { return num(a) - num(b) })
	var out []PrincipleTally
	for _, id := range ids {
		ex := exercises[id]
		if ex == nil || ex.Kind != KindChecklist {
			ex = &Exercise{ID: id, Kind: KindChecklist}
			n := 0
			for _, e := range d.ExerciseEntries(id) {
				if k, ok := numbered(e.Field, "item/"); ok {
					n = max(n, k+1)
				}
			}
			ex.Items = make([]string, n)
		}
		_, counts, un := ItemStatuses(ex, d)
		if exercises[id] == nil {
			un = 0
		}
		out = append(out, PrincipleTally{ID: id, Title: ex.Title, Counts: counts, Unanswered: un})
	}
	return out
}

// principlesSection is the table of statuses per principle.
func principlesSection(ex *Exercise, d *SessionData) string {
	tally := PrinciplesTally(d, map[string]*Exercise{ex.ID: ex})
	if len(tally) == 0 {
		return ""
	}
	cols := slices.Clone(ex.Scale)
	for _, t := range tally {
		for _, c := range t.Counts {
			if !slices.Contains(cols, c.Option) {
				cols = append(cols, c.Option)
			}
		}
	}
	header := append([]string{"Principle"}, cols...)
	var rows [][]string
	for _, t := range tally {
		name := t.ID
		if t.Title != "" {
			name += " " + t.Title
		}
		row := []string{name}
		for _, c := range cols {
			n := 0
			for _, sc := range t.Counts {
				if sc.Option == c {
					n = sc.Count
				}
			}
			row = append(row, strconv.Itoa(n))
		}
		rows = append(rows, row)
	}
	return "### Across the principles\n\n" + MarkdownTable(header, rows)
}

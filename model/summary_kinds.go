package model

import (
	"slices"
	"strconv"
	"strings"
)

// Helpers shared by the summaries of the checklist, rating, framework,
// reflection, action plan and poll kinds.

// ItemNoteField is the field of the note on the nth item (0-based) of a
// checklist or rating: "item/N/note", a single-valued text slot.
func ItemNoteField(n int) string { return ItemField(n) + "/note" }

// isItemField reports whether a field is an item's status or its note.
func isItemField(f string) bool { return strings.HasPrefix(f, "item/") }

// restSummary summarises the entries of ex that keep does not leave out,
// the way GenericSummary does, without the actions; "" when none remain.
func restSummary(ex *Exercise, d *SessionData, leaveOut func(Entry) bool) string {
	rest := SessionData{Session: d.Session}
	for _, e := range d.ExerciseEntries(ex.ID) {
		if !leaveOut(e) && e.Field != FieldGroupName {
			rest.Entries = append(rest.Entries, e)
		}
	}
	if len(rest.Entries) == 0 {
		return ""
	}
	return GenericSummary(ex, &rest)
}

// actionsSection is the exercise's actions under a bold "Actions" label,
// or "" when it has none.
func actionsSection(ex *Exercise, d *SessionData) string {
	actions := d.SessionActions(ex.ID)
	if len(actions) == 0 {
		return ""
	}
	return "**Actions**\n\n" + ActionsTable(actions, false)
}

// joinSections joins non-empty Markdown sections with a blank line, ends
// with one newline, and says so when every section is empty.
func joinSections(sections ...string) string {
	var keep []string
	for _, s := range sections {
		if s = strings.TrimRight(s, "\n"); s != "" {
			keep = append(keep, s)
		}
	}
	if len(keep) == 0 {
		return NothingCaptured
	}
	return strings.Join(keep, "\n\n") + "\n"
}

// ScaleCount is how many items sit at one option of a scale.
type ScaleCount struct {
	Option string
	Count  int
}

// ItemStatuses reads the status chosen for each item of a checklist or
// rating ("" where none is chosen) and counts them per option of the
// scale, in the scale's order, followed by any other value found (a scale
// changed since) and the count of items not answered.
func ItemStatuses(ex *Exercise, d *SessionData) (statuses []string, counts []ScaleCount, unanswered int) {
	statuses = make([]string, len(ex.Items))
	idx := map[string]int{}
	for _, o := range ex.Scale {
		idx[o] = len(counts)
		counts = append(counts, ScaleCount{Option: o})
	}
	for i := range ex.Items {
		e, ok := d.Value(Slot{Exercise: ex.ID, Field: ItemField(i)})
		if !ok || strings.TrimSpace(e.Value) == "" {
			unanswered++
			continue
		}
		statuses[i] = e.Value
		j, known := idx[e.Value]
		if !known {
			j = len(counts)
			idx[e.Value] = j
			counts = append(counts, ScaleCount{Option: e.Value})
		}
		counts[j].Count++
	}
	return statuses, counts, unanswered
}

// ItemCounts counts an exercise's items: by the status chosen for each
// (as ItemStatuses does), those that only the room rated (live
// participants rated them, no status was chosen) and those not answered
// at all. An item the room rated is answered: counting it "not answered"
// would hide what the room said.
func ItemCounts(ex *Exercise, d *SessionData) (counts []ScaleCount, byRoom, unanswered int) {
	statuses, counts, _ := ItemStatuses(ex, d)
	byRoom, unanswered = unansweredOf(ex, d, statuses)
	return counts, byRoom, unanswered
}

// unansweredOf counts, of the items without a status, those the room
// rated and the rest.
func unansweredOf(ex *Exercise, d *SessionData, statuses []string) (byRoom, unanswered int) {
	room := RoomRatings(ex, d)
	for i, st := range statuses {
		if st != "" {
			continue
		}
		rated := 0
		if i < len(room) {
			for _, n := range room[i] {
				rated += n
			}
		}
		if rated > 0 {
			byRoom++
		} else {
			unanswered++
		}
	}
	return byRoom, unanswered
}

// CountParts are the parts of an exercise's item counts wherever they are
// shown: each option's count, then "rated by the room only" when the room
// rated some, then "not answered" (always when alwaysUnanswered, else
// only when some are).
func CountParts(counts []ScaleCount, byRoom, unanswered int, alwaysUnanswered bool) []ScaleCount {
	parts := slices.Clone(counts)
	if byRoom > 0 {
		parts = append(parts, ScaleCount{Option: "rated by the room only", Count: byRoom})
	}
	if unanswered > 0 || alwaysUnanswered {
		parts = append(parts, ScaleCount{Option: "not answered", Count: unanswered})
	}
	return parts
}

// countsLine is "yes **3** · partly **1** · rated by the room only **1** ·
// not answered **2**".
func countsLine(counts []ScaleCount, byRoom, unanswered int) string {
	var parts []string
	for _, c := range CountParts(counts, byRoom, unanswered, false) {
		parts = append(parts, MarkdownInline(c.Option)+" **"+strconv.Itoa(c.Count)+"**")
	}
	return strings.Join(parts, " · ")
}

// itemsTable lists each item with its status and note, and then the
// counts per option; "" when no item has a status or a note.
func itemsTable(ex *Exercise, d *SessionData, itemHeader, statusHeader string) string {
	statuses, counts, _ := ItemStatuses(ex, d)
	byRoom, unanswered := unansweredOf(ex, d, statuses)
	var rows [][]string
	found := false
	for i, it := range ex.Items {
		note, _ := d.Value(Slot{Exercise: ex.ID, Field: ItemNoteField(i)})
		if statuses[i] != "" || note.Text != "" {
			found = true
		}
		st := statuses[i]
		if st == "" {
			st = "—"
		}
		rows = append(rows, []string{it, st, note.Text})
	}
	if !found {
		return ""
	}
	return MarkdownTable([]string{itemHeader, statusHeader, "Note"}, rows) + "\n**Counts:** " + countsLine(counts, byRoom, unanswered) + "\n"
}

// boxesSummary lists every field of the exercise in the deck's order
// (framework boxes, reflection prompts), an empty one marked as such,
// followed by the prompts, the closing question and anything else
// captured; "" when nothing was captured.
func boxesSummary(ex *Exercise, d *SessionData) string {
	entries := slices.DeleteFunc(d.ExerciseEntries(ex.ID), func(e Entry) bool { return e.Field == FieldGroupName })
	if len(entries) == 0 {
		return ""
	}
	var b strings.Builder
	for _, f := range ex.Fields {
		b.WriteString("**" + MarkdownInline(FieldLabel(ex, f.Key)) + "**\n\n")
		in := d.In(Slot{Exercise: ex.ID, Field: f.Key})
		if len(in) == 0 {
			b.WriteString("_Nothing yet._\n\n")
			continue
		}
		for _, e := range in {
			b.WriteString(EntryBullet(e) + "\n")
		}
		b.WriteString("\n")
	}
	rest := restSummary(ex, d, func(e Entry) bool {
		return slices.ContainsFunc(ex.Fields, func(f Field) bool { return f.Key == e.Field })
	})
	b.WriteString(rest)
	return b.String()
}

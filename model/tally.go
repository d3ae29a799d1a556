package model

import (
	"slices"
	"strconv"
	"strings"
)

// The room's tallies. What participants choose is saved as counts, never
// per participant: a poll option's RoomVotes, a line's RoomVotes for its
// dots, and for a rating one record per statement and column whose
// RoomVotes counts the participants who chose that column.

// GroupNameRoom is the Value of the group-name entry of the group that
// holds the room's revealed notes in an exercise.
const GroupNameRoom = "room"

// fieldRoomRating prefixes the room's count of one column of a rating.
const fieldRoomRating = "_room/"

// RoomRatingField is the field of the room's count of column k of
// statement n of a rating.
func RoomRatingField(n, k int) string {
	return fieldRoomRating + ItemField(n) + "/" + strconv.Itoa(k)
}

// IsRoomRating reports whether a field is the room's count of a rating.
func IsRoomRating(field string) bool { return strings.HasPrefix(field, fieldRoomRating) }

// roomRatingOf reads statement n and column k out of a RoomRatingField.
func roomRatingOf(field string) (n, k int, ok bool) {
	rest, found := strings.CutPrefix(field, fieldRoomRating+"item/")
	if !found {
		return 0, 0, false
	}
	a, b, found := strings.Cut(rest, "/")
	n, err1 := strconv.Atoi(a)
	k, err2 := strconv.Atoi(b)
	if !found || err1 != nil || err2 != nil || n < 0 || k < 0 {
		return 0, 0, false
	}
	return n, k, true
}

// TallyChoice is the record a room's choice is counted on, named as the
// room names it: "option/N" (a poll option), "dot/ID" (a line's dots),
// "item/N=K" (column K of statement N of a rating). ok is false for
// anything else. The record is named by ID (a line) or by its slot.
func TallyChoice(exerciseID, choice string) (Entry, bool) {
	if id, found := strings.CutPrefix(choice, "dot/"); found && id != "" {
		return Entry{ID: id}, true
	}
	if n, found := numbered(choice, "option/"); found {
		return Entry{ExerciseID: exerciseID, Field: OptionField(n)}, true
	}
	if item, col, found := strings.Cut(choice, "="); found {
		n, ok1 := numbered(item, "item/")
		k, err := strconv.Atoi(col)
		if ok1 && err == nil && k >= 0 {
			return Entry{ExerciseID: exerciseID, Field: RoomRatingField(n, k), Text: "room rating"}, true
		}
	}
	return Entry{}, false
}

// RoomRatings counts the room's ratings of ex: counts[n][k] participants
// put statement n in column k.
func RoomRatings(ex *Exercise, d *SessionData) [][]int {
	counts := make([][]int, len(ex.Items))
	for i := range counts {
		counts[i] = make([]int, len(ex.Scale))
	}
	for _, e := range d.ExerciseEntries(ex.ID) {
		if n, k, ok := roomRatingOf(e.Field); ok && n < len(ex.Items) && k < len(ex.Scale) {
			counts[n][k] += e.RoomVotes
		}
	}
	return counts
}

// RoomGroup is the key of the group holding the room's notes in an
// exercise, if it has one.
func (d *SessionData) RoomGroup(exerciseID string) (string, bool) {
	for _, e := range d.ExerciseEntries(exerciseID) {
		if e.Field == FieldGroupName && e.Value == GroupNameRoom && e.Live() {
			return e.Group, true
		}
	}
	return "", false
}

// ratedColumn is the column a statement is rated in, all ratings taken
// together: the facilitator's (own, -1 for none) and the room's counts,
// as the rounded mean of the columns chosen; ok is false when nobody
// rated it.
func ratedColumn(own int, room []int) (int, bool) {
	sum, n := 0, 0
	if own >= 0 {
		sum, n = own, 1
	}
	for k, c := range room {
		sum += k * c
		n += c
	}
	if n == 0 {
		return 0, false
	}
	return (2*sum + n) / (2 * n), true
}

// roomRatingsTable is the room's ratings of a rating exercise as a
// Markdown table: each statement, the count per column; "" when the room
// rated nothing.
func roomRatingsTable(ex *Exercise, d *SessionData) string {
	counts := RoomRatings(ex, d)
	var rows [][]string
	for n, row := range counts {
		total := 0
		cells := []string{ex.Items[n]}
		for _, c := range row {
			total += c
			cells = append(cells, strconv.Itoa(c))
		}
		if total > 0 {
			rows = append(rows, cells)
		}
	}
	if len(rows) == 0 {
		return ""
	}
	return "**The room's ratings** (how many chose each column)\n\n" + MarkdownTable(append([]string{"Statement"}, ex.Scale...), rows)
}

// DotLines lists the lines of ex that can take dots: every live line of a
// lines field, the prompts' and the closing question's, most dots first,
// then in capture order. The runner's dot vote and the room's show the
// same lines.
func (d *SessionData) DotLines(ex *Exercise) []Entry {
	var out []Entry
	for _, e := range d.ExerciseEntries(ex.ID) {
		if strings.HasPrefix(e.Field, "_") && e.Field != FieldClosing && !strings.HasPrefix(e.Field, FieldPrompt) {
			continue
		}
		if f := ex.Field(e.Field); f != nil && f.Type != FieldLines {
			continue
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return b.Count() - a.Count() })
	return out
}

// RoomNotesField is the field the room's notes go to in ex: its first
// lines field, or "" when it has none (the room cannot write there).
func RoomNotesField(ex *Exercise) string {
	for _, f := range ex.Fields {
		if f.Type == FieldLines {
			return f.Key
		}
	}
	return ""
}

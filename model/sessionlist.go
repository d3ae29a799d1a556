package model

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The session list of `huddle sessions`: a plain text table or JSON.

// SessionListItem is one session of the JSON list: the session's fields
// and how many entries it holds (-1 when not counted).
type SessionListItem struct {
	Session
	EntryCount int `json:"entries"`
}

// SessionListTimeLayout is how the session list shows a start time.
const SessionListTimeLayout = "2006-01-02 15:04"

// sessionListTitleWidth bounds the title column, in characters.
const sessionListTitleWidth = 40

// SessionsTable renders sessions as a plain text table, in the order
// given: date, kind, team, facilitator, title, entries and id. counts maps
// session ids to entry counts; nil leaves the column out. Every cell is
// sanitised to one line.
func SessionsTable(sessions []Session, counts map[string]int) string {
	if len(sessions) == 0 {
		return "No sessions yet.\n"
	}
	header := []string{"DATE", "KIND", "TEAM", "FACILITATOR", "TITLE"}
	if counts != nil {
		header = append(header, "ENTRIES")
	}
	header = append(header, "ID")
	cols := len(header)
	cells := make([]string, 0, cols*(len(sessions)+1))
	cells = append(cells, header...)
	for _, s := range sessions {
		cells = append(cells, s.Started.Format(SessionListTimeLayout), listCell(s.Kind, 12), listCell(s.TeamName, 24),
			listCell(s.Facilitator, 20), listCell(s.Title, sessionListTitleWidth))
		if counts != nil {
			cells = append(cells, strconv.Itoa(counts[s.ID]))
		}
		cells = append(cells, listCell(s.ID, 60))
	}
	return alignColumns(cells, cols)
}

// alignColumns writes cells, cols to a line, each column but the last
// padded to its widest cell (counted in characters) and two spaces more:
// what text/tabwriter does, without its buffering of every cell.
func alignColumns(cells []string, cols int) string {
	widths := make([]int, cols)
	size := 0
	for i, c := range cells {
		n := utf8.RuneCountInString(c)
		widths[i%cols] = max(widths[i%cols], n)
		size += len(c)
	}
	for _, w := range widths[:cols-1] {
		size += (w + 2) * (len(cells) / cols)
	}
	var b strings.Builder
	b.Grow(size + len(cells)/cols)
	for i, c := range cells {
		b.WriteString(c)
		if col := i % cols; col < cols-1 {
			b.WriteString(strings.Repeat(" ", widths[col]-utf8.RuneCountInString(c)+2))
		} else {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// listCell is one cell of the table: one sanitised line, at most width
// characters, "-" when empty.
func listCell(s string, width int) string {
	s = strings.TrimSpace(SanitizeLine(s))
	if s == "" {
		return "-"
	}
	if utf8.RuneCountInString(s) > width {
		s = string([]rune(s)[:width-1]) + "…"
	}
	return s
}

// SessionsJSON renders sessions as an indented JSON array of
// SessionListItem, in the order given. counts maps session ids to entry
// counts; nil gives -1 throughout. Text is data here, as in ExportJSON:
// it is not sanitised.
func SessionsJSON(sessions []Session, counts map[string]int) ([]byte, error) {
	items := make([]SessionListItem, len(sessions))
	for i, s := range sessions {
		n := -1
		if counts != nil {
			n = counts[s.ID]
		}
		items[i] = SessionListItem{Session: s, EntryCount: n}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(items); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DeckExercises maps the id of every exercise of a deck to the exercise.
func DeckExercises(d *Deck) map[string]*Exercise {
	out := map[string]*Exercise{}
	if d == nil {
		return out
	}
	for id, ref := range d.Exercises() {
		out[id] = d.Slide(ref).Exercise
	}
	return out
}

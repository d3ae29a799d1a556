package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// reviewTimeLayout is how the review lists show a start time.
const reviewTimeLayout = model.SessionListTimeLayout

// cell is s sanitised to one line and cut or padded to exactly w cells.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = strings.TrimSpace(model.SanitizeLine(s))
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// marker is the cursor mark: a shape, not only a colour.
func marker(selected bool) string {
	if selected {
		return "▶ "
	}
	return "  "
}

// listColumns are the widths of the sessions table at width w.
type listColumns struct{ date, kind, team, title, entries int }

func columnsFor(w int) listColumns {
	c := listColumns{date: 16, kind: 10, entries: 7}
	c.team = min(max((w-40)/4, 8), 24)
	// marker 2, four gaps of 2
	c.title = max(w-2-c.date-c.kind-c.team-c.entries-8, 8)
	return c
}

func (l *reviewList) view(r *Review, w, h int) string {
	t := r.theme
	var b strings.Builder
	b.WriteString(t.Heading.Render("Past sessions") + "\n")
	b.WriteString(t.Dim.MaxWidth(w).Render(l.filterLine()) + "\n")
	b.WriteString(t.Dim.MaxWidth(w).Render(l.countLine()) + "\n\n")
	head := 4
	inputLine := ""
	if l.inputMode != listInputNone {
		inputLine = ansi.Truncate(l.input.View(), w, "")
	}
	avail := h - head
	if inputLine != "" {
		avail--
	}
	var body string
	if l.query != "" {
		body = l.hitsView(r, w, avail)
	} else {
		body = l.sessionsView(r, w, avail)
	}
	b.WriteString(body)
	out := fitHeight(b.String(), h-boolInt(inputLine != ""))
	if inputLine != "" {
		out += "\n" + inputLine
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (l *reviewList) sessionsView(r *Review, w, h int) string {
	t := r.theme
	if l.loaded && len(l.sessions) == 0 {
		return t.Dim.Render("No sessions match. c clears the filters; r lists sessions past the retention period.")
	}
	c := columnsFor(w)
	header := "  " + cell("DATE", c.date) + "  " + cell("KIND", c.kind) + "  " + cell("TEAM", c.team) + "  " +
		cell("TITLE", c.title) + "  " + lipgloss.PlaceHorizontal(c.entries, lipgloss.Right, "ENTRIES")
	lines := []string{t.Dim.Render(header)}
	visible := max(h-1, 1)
	l.offset = scrollTo(l.cursor, l.offset, visible)
	for i := l.offset; i < len(l.sessions) && i < l.offset+visible; i++ {
		s := l.sessions[i]
		team := s.TeamName
		if team == "" {
			team = "-"
		}
		count := "…"
		if l.counts != nil {
			count = strconv.Itoa(l.counts[s.ID])
		}
		row := marker(i == l.cursor) + cell(s.Started.Format(reviewTimeLayout), c.date) + "  " + cell(s.Kind, c.kind) + "  " +
			cell(team, c.team) + "  " + cell(sessionTitle(s), c.title) + "  " + lipgloss.PlaceHorizontal(c.entries, lipgloss.Right, count)
		if i == l.cursor {
			row = t.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// sessionTitle is a session's title, or a stand-in when it has none.
func sessionTitle(s model.Session) string {
	if strings.TrimSpace(s.Title) != "" {
		return model.SanitizeLine(s.Title)
	}
	if s.Kind == model.SessionReflection {
		return "Solo reflection"
	}
	return "Workshop"
}

// hitPlace says where a hit was found: the exercise, group and field, or
// the session's own title or team.
func hitPlace(h store.SearchHit, exercises map[string]*model.Exercise) string {
	if h.ActionID != "" {
		place := "action"
		if h.Field == store.FieldActionOwner {
			place = "action's owner"
		}
		if h.ExerciseID != "" {
			place += " · " + h.ExerciseID
		}
		return place
	}
	if h.EntryID == "" {
		return "title or team"
	}
	parts := []string{h.ExerciseID}
	switch h.ExerciseID {
	case model.ExerciseParking:
		parts = []string{"parking lot"}
	case model.ExerciseSeesaw:
		parts = []string{"see-saw"}
	}
	if n := model.GroupNumber(h.Group); n > 0 {
		parts = append(parts, "Group "+strconv.Itoa(n))
	} else if h.Group != "" {
		parts = append(parts, h.Group)
	}
	if h.Field != "" && !strings.HasPrefix(h.Field, "_") {
		parts = append(parts, model.FieldLabel(exercises[h.ExerciseID], h.Field))
	}
	return strings.Join(parts, " · ")
}

func (l *reviewList) hitsView(r *Review, w, h int) string {
	t := r.theme
	if l.search {
		return ""
	}
	if len(l.hits) == 0 {
		return t.Dim.Render("Nothing matches. The search covers the sessions the filters show.")
	}
	var lines []string
	visible := max(h/2, 1)
	l.offset = scrollTo(l.cursor, l.offset, visible)
	for i := l.offset; i < len(l.hits) && i < l.offset+visible; i++ {
		hit := l.hits[i]
		team := hit.TeamName
		if team == "" {
			team = "-"
		}
		title := hit.SessionTitle
		if strings.TrimSpace(title) == "" {
			title = sessionTitle(model.Session{Kind: hit.Kind})
		}
		first := marker(i == l.cursor) + hit.Started.Format(reviewTimeLayout) + "  " + model.SanitizeLine(team) + "  " +
			model.SanitizeLine(title) + " · " + model.SanitizeLine(hitPlace(hit, r.exercises))
		first = ansi.Truncate(first, w, "…")
		if i == l.cursor {
			first = t.Selected.Render(first)
		}
		second := "    " + ansi.Truncate(model.SanitizeLine(hit.Snippet), max(w-4, 1), "…")
		lines = append(lines, first, t.Dim.Render(second))
	}
	return strings.Join(lines, "\n")
}

package runner

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// view draws the list in group, w×ht, around the cursor; marks adds a
// pane's own marks to a line (dots, merges).
func (l *captureList) view(h *Host, group string, w, ht int, marks func(model.Entry) string) string {
	t := h.env.Theme
	rows := l.rows(h, group)
	if len(rows) == 0 {
		return t.Dim.Render("Nothing to capture here.")
	}
	cur := l.cur.at(rowKeys(rows))
	var lines []string
	cursorLine := 0
	for i, r := range rows {
		sel := i == cur
		if sel {
			cursorLine = len(lines)
		}
		switch r.kind {
		case rowItem:
			lines = append(lines, itemBlock(h, r.item, sel, w)...)
		case rowField:
			if i > 0 {
				lines = append(lines, "")
				if sel {
					cursorLine++
				}
			}
			lines = append(lines, fieldHeading(h, group, r.field, sel, w)...)
		case rowLine:
			text := "  • " + model.SanitizeLine(r.entry.Text) + tagMark(r.entry)
			if marks != nil {
				text += marks(r.entry)
			}
			lines = append(lines, h.mark(sel, r.entry.ID, text))
		}
	}
	return strings.Join(common.ListWindow(lines, cursorLine, ht), "\n")
}

// tagMark shows a line's tag and weight in text, never colour alone.
func tagMark(e model.Entry) string {
	switch e.Tag {
	case model.TagPositive:
		return fmt.Sprintf("  [+ positive %d]", model.ClampWeight(e.Weight))
	case model.TagChallenge:
		return fmt.Sprintf("  [− challenge %d]", model.ClampWeight(e.Weight))
	}
	return ""
}

// itemBlock draws item i: its number and text (wrapped when selected),
// the scale with the chosen option in capitals, and its note.
func itemBlock(h *Host, i int, sel bool, w int) []string {
	t := h.env.Theme
	ex := h.env.Ex
	_, cur := itemStatus(h, i)
	label := model.SanitizeLine(ex.Items[i])
	num := strconv.Itoa(i+1) + ". "
	tick := len(ex.Scale) == 1
	if tick {
		box := "[ ] "
		if cur == 0 {
			box = "[✓] "
		}
		num = box + num
	}
	indent := strings.Repeat(" ", 2+lipgloss.Width(num))
	var out []string
	if sel {
		wrapped := lipgloss.NewStyle().Width(max(w-len(indent), 10)).Render(label)
		for j, l := range strings.Split(wrapped, "\n") {
			if j == 0 {
				out = append(out, h.mark(true, "", num+strings.TrimRight(l, " ")))
			} else {
				out = append(out, t.Selected.Render(indent+strings.TrimRight(l, " ")))
			}
		}
	} else {
		out = append(out, "  "+num+label)
	}
	if !tick {
		var opts []string
		for j, o := range ex.Scale {
			o = model.SanitizeLine(o)
			if j == cur {
				opts = append(opts, t.Accent.Render(fmt.Sprintf("%d ◉ %s", j+1, strings.ToUpper(o))))
			} else {
				opts = append(opts, fmt.Sprintf("%d ○ %s", j+1, o))
			}
		}
		for _, l := range common.PackWith(opts, "  ", max(w-len(indent), 1)) {
			out = append(out, indent+l)
		}
		out = append(out, roomRatingRows(h, i, indent, w)...)
	}
	if note, ok := h.data.Value(h.Slot("", model.ItemNoteField(i))); ok && note.Text != "" {
		out = append(out, indent+t.Dim.Render("note: ")+model.SanitizeLine(note.Text))
	}
	return out
}

// fieldHeading is a field's row: its label (wrapped: it is the question
// the room answers) and, for a single value, the value.
func fieldHeading(h *Host, group string, f dField, sel bool, w int) []string {
	t := h.env.Theme
	v, _ := h.data.Value(h.Slot(group, f.key))
	label := model.SanitizeLine(f.label)
	if f.typ == model.FieldLines || f.typ == "" {
		n := len(h.data.In(h.Slot(group, f.key)))
		label += fmt.Sprintf("  (%d)", n)
		if n == 0 && sel {
			label += " — enter adds a line"
		}
	}
	style := t.Accent
	if sel {
		style = t.Selected
	}
	var out []string
	for i, l := range strings.Split(lipgloss.NewStyle().Width(max(w-2, 10)).Render(label), "\n") {
		p := "  "
		if i == 0 && sel {
			p = "▶ "
		}
		out = append(out, style.Render(p+strings.TrimRight(l, " ")))
	}
	switch f.typ {
	case model.FieldContinuum, model.FieldChoice:
		var opts []string
		for _, o := range choices(f) {
			if o == v.Value {
				opts = append(opts, t.Accent.Render("◉ "+strings.ToUpper(model.SanitizeLine(o))))
			} else {
				opts = append(opts, "○ "+model.SanitizeLine(o))
			}
		}
		out = append(out, "     "+strings.Join(opts, "   ")+t.Dim.Render("   (←/→)"))
	case model.FieldText:
		val := t.Dim.Render("— enter to write")
		if v.Text != "" {
			val = model.SanitizeLine(v.Text)
		}
		out = append(out, "     "+val)
	}
	return out
}

// roomRatingRows are the room's ratings of item i, when the room (live
// participants) rated it: how many chose each column.
func roomRatingRows(h *Host, i int, indent string, w int) []string {
	ex := h.env.Ex
	counts := model.RoomRatings(ex, &h.data)
	if i >= len(counts) {
		return nil
	}
	total := 0
	var cells []string
	for j, c := range counts[i] {
		total += c
		cells = append(cells, fmt.Sprintf("%s %d", model.SanitizeLine(ex.Scale[j]), c))
	}
	if total == 0 {
		return nil
	}
	var out []string
	cells[0] = "the room: " + cells[0]
	for _, l := range common.PackWith(cells, " · ", max(w-len(indent), 1)) {
		out = append(out, indent+h.env.Theme.Dim.Render(l))
	}
	return out
}

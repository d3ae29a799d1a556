package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// seesawBesideMin is the narrowest window that shows the see-saw beside.
const seesawBesideMin = 90

// View implements tea.Model.
func (d *Discussion) View() string {
	w, h := d.width, d.height
	if w == 0 || h == 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return tooSmall(d.env.Theme, w, h)
	}
	t := d.env.Theme
	head := runnerHeader(t, d.env.Ex, d.save, w)
	var foot []string
	switch {
	case d.input.Active():
		foot = append(foot, d.input.View(w))
	case d.status != "":
		foot = append(foot, t.Warning.Width(w).Render(d.status))
	}
	if d.full {
		d.help.ShowAll = true
		body := t.Box.Render(t.Heading.Render("Discussion keys") + "\n" + d.help.FullHelpView(d.keys.FullHelp()))
		return head + "\n" + lipgloss.Place(w, h-1, lipgloss.Center, lipgloss.Center, body)
	}
	d.help.ShowAll = false
	foot = append(foot, d.help.ShortHelpView(d.keys.ShortHelp()))
	footer := strings.Join(foot, "\n")
	bodyH := max(h-lipgloss.Height(head)-lipgloss.Height(footer), 1)

	mainW := w
	var side string
	if d.seesaw && w >= seesawBesideMin {
		sideW := w * 2 / 5
		mainW = w - sideW - 1
		items := model.SeesawItems(&d.data, d.env.Live.Exercises())
		side = t.Box.Width(sideW - 2).Height(bodyH - 2).Render(SeesawView(t, items, sideW-4, bodyH-2, ""))
	}
	var body string
	if d.voting {
		body = d.voteView(mainW, bodyH)
	} else if d.summary {
		body = d.summaryView(mainW)
		body = clipLines(body, bodyH)
	} else {
		body = d.tabs(mainW) + "\n" + d.rowsView(mainW, bodyH-2)
	}
	body = lipgloss.NewStyle().Width(mainW).Height(bodyH).MaxHeight(bodyH).Render(body)
	if side != "" {
		body = lipgloss.JoinHorizontal(lipgloss.Top, body, " ", side)
	}
	return head + "\n" + body + "\n" + footer
}

// tabs is the line of group tabs; the current one is bracketed.
func (d *Discussion) tabs(w int) string {
	t := d.env.Theme
	var parts []string
	names := make([]string, 0, len(d.groups)+1)
	for _, g := range d.groups {
		names = append(names, model.SanitizeLine(g.Name))
	}
	names = append(names, "Whole team")
	for i, n := range names {
		if i == d.tab {
			parts = append(parts, t.Selected.Render("[ "+n+" ]"))
		} else {
			parts = append(parts, t.Dim.Render("  "+n+"  "))
		}
	}
	line := strings.Join(parts, " ")
	return lipgloss.NewStyle().MaxWidth(w).Render(line) + "\n" + t.Dim.Render(strings.Repeat("─", max(w, 1)))
}

// rowsView draws the current tab's rows, scrolled so the cursor shows.
func (d *Discussion) rowsView(w, h int) string {
	t := d.env.Theme
	rows, fields := d.rows(), d.fields()
	if len(fields) == 0 {
		return t.Dim.Render("Nothing to capture here.")
	}
	var lines []string
	cursorLine := 0
	for i, r := range rows {
		f := fields[r.field]
		mark := "  "
		if i == d.row {
			mark = "▶ "
			cursorLine = len(lines)
		}
		var text string
		if r.entry == "" {
			text = d.heading(f, w-2)
			if r.field > 0 {
				lines = append(lines, "")
				if i == d.row {
					cursorLine++
				}
			}
		} else {
			e, _ := d.data.Entry(r.entry)
			text = "   • " + model.SanitizeLine(e.Text) + tagMark(e) + d.lineMarks(e)
		}
		line := mark + text
		if i == d.row {
			line = t.Selected.Render(line)
		}
		lines = append(lines, lipgloss.NewStyle().MaxWidth(w).Render(line))
	}
	if len(lines) > h && h > 0 {
		start := min(max(cursorLine-h/2, 0), len(lines)-h)
		lines = lines[start : start+h]
	}
	return strings.Join(lines, "\n")
}

// heading is a field's row: its label and, for single values, the value.
func (d *Discussion) heading(f dField, w int) string {
	t := d.env.Theme
	v, _ := d.data.Value(d.slot(f.key))
	label := model.SanitizeLine(f.label)
	switch f.typ {
	case model.FieldContinuum, model.FieldChoice:
		var opts []string
		chosen := d.choiceOf(d.slot(f.key))
		for _, o := range choices(f) {
			if o == chosen {
				opts = append(opts, t.Accent.Render("◉ "+strings.ToUpper(o)))
			} else {
				opts = append(opts, "○ "+o)
			}
		}
		return t.Accent.Render(label) + "\n     " + strings.Join(opts, "   ") + t.Dim.Render("   (←/→)")
	case model.FieldText:
		val := t.Dim.Render("— enter to write")
		if v.Text != "" {
			val = model.SanitizeLine(v.Text)
		}
		return t.Accent.Render(label) + "\n     " + val
	}
	n := len(d.data.In(d.slot(f.key)))
	return t.Accent.Render(fmt.Sprintf("%s (%d)", label, n))
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

// summaryView places every group on the continuum line, then lists what
// each group said.
func (d *Discussion) summaryView(w int) string {
	t := d.env.Theme
	var b strings.Builder
	b.WriteString(t.Heading.Render("Summary") + "\n\n")
	var contField string
	for _, f := range d.env.Ex.Fields {
		if f.Type == model.FieldContinuum {
			contField = f.Key
		}
	}
	if contField != "" {
		placed := map[string][]string{}
		for _, g := range d.groups {
			v, _ := d.data.Value(model.Slot{Exercise: d.env.Ex.ID, Group: g.Key, Field: contField})
			pos := v.Value
			if pos == "" {
				pos = "not placed"
			}
			placed[pos] = append(placed[pos], model.SanitizeLine(g.Name))
		}
		b.WriteString(ContinuumLine(t, placed, min(w, 100)) + "\n\n")
	}
	for _, g := range d.groups {
		b.WriteString(t.Accent.Render(model.SanitizeLine(g.Name)) + "\n")
		for _, f := range d.env.Ex.Fields {
			if f.Type == model.FieldContinuum {
				continue
			}
			es := d.data.In(model.Slot{Exercise: d.env.Ex.ID, Group: g.Key, Field: f.Key})
			if len(es) == 0 {
				continue
			}
			b.WriteString("  " + t.Dim.Render(model.SanitizeLine(f.Label)) + "\n")
			for _, e := range es {
				b.WriteString(lipgloss.NewStyle().MaxWidth(w).Render("    • "+model.SanitizeLine(e.Text)+tagMark(e)) + "\n")
			}
		}
	}
	if es := d.data.In(model.Slot{Exercise: d.env.Ex.ID, Field: model.FieldClosing}); len(es) > 0 {
		b.WriteString(t.Accent.Render("Closing: "+model.SanitizeLine(d.env.Ex.Closing)) + "\n")
		for _, e := range es {
			b.WriteString("    • " + model.SanitizeLine(e.Text) + "\n")
		}
	}
	return b.String()
}

// ContinuumLine draws the attached, aligned, embedded line with the names
// placed under each position; placed maps a position to names.
func ContinuumLine(t Theme, placed map[string][]string, w int) string {
	w = max(w, 30)
	seg := (w - 2) / 2
	line := "●" + strings.Repeat("─", seg-1) + "●" + strings.Repeat("─", w-seg-2) + "●"
	labels := fmt.Sprintf("%-*s%-*s%s", seg, "ATTACHED", w-seg-len("EMBEDDED")-1, "ALIGNED", "EMBEDDED")
	var out []string
	out = append(out, t.Accent.Render(labels), t.Accent.Render(line))
	for _, pos := range []string{"attached", "aligned", "embedded"} {
		if names := placed[pos]; len(names) > 0 {
			out = append(out, fmt.Sprintf("  %-9s %s", pos+":", strings.Join(names, ", ")))
		}
	}
	if names := placed["not placed"]; len(names) > 0 {
		out = append(out, t.Dim.Render("  not placed yet: "+strings.Join(names, ", ")))
	}
	return strings.Join(out, "\n")
}

// lineMarks shows a line's dots and the lines merged into it.
func (d *Discussion) lineMarks(e model.Entry) string {
	var s string
	if e.Votes > 0 {
		s += fmt.Sprintf("  %s %d", strings.Repeat("●", min(e.Votes, 6)), e.Votes)
	}
	if n := d.mergedCount(e.ID); n > 0 {
		s += fmt.Sprintf("  (+%d similar)", n)
	}
	if e.ID == d.merging {
		s += "  ← merging"
	}
	return s
}

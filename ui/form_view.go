package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// mainWidth is the width left for the form beside the see-saw.
func (f *captureForm) mainWidth() int {
	if f.seesaw && !f.summary && f.width >= seesawBesideMin {
		return f.width - f.width*2/5 - 1
	}
	return f.width
}

// View implements tea.Model.
func (f *captureForm) View() string {
	w, h := f.width, f.height
	if w == 0 || h == 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return tooSmall(f.env.Theme, w, h)
	}
	t := f.env.Theme
	head := runnerHeader(t, f.env.Ex, f.save, w)
	if f.full {
		f.help.ShowAll = true
		body := t.Box.Render(t.Heading.Render(f.name+" keys") + "\n" + f.help.FullHelpView(f.keys.FullHelp()))
		return head + "\n" + lipgloss.Place(w, h-1, lipgloss.Center, lipgloss.Center, body)
	}
	var foot []string
	switch {
	case f.input.Active():
		if f.status != "" {
			foot = append(foot, t.Warning.Width(w).Render(f.status))
		}
		foot = append(foot, f.input.View(w))
	case f.planTab && f.plan != nil && !f.summary && f.plan.Footer(w) != "":
		foot = append(foot, f.plan.Footer(w))
	case f.status != "":
		foot = append(foot, t.Warning.Width(w).Render(f.status))
	}
	f.help.ShowAll = false
	foot = append(foot, f.help.ShortHelpView(f.shortHelp()))
	footer := strings.Join(foot, "\n")
	bodyH := max(h-lipgloss.Height(head)-lipgloss.Height(footer), 1)

	mainW := f.mainWidth()
	var side string
	if mainW < w {
		sideW := w - mainW - 1
		items := model.SeesawItems(&f.data, f.env.Live.Exercises())
		side = t.Box.Width(sideW - 2).Height(bodyH - 2).Render(SeesawView(t, items, sideW-4, bodyH-2, ""))
	}
	var body string
	switch {
	case f.summary:
		body = f.sum.view(t, mainW, bodyH)
	default:
		top := f.tabs(mainW)
		inner := bodyH - lipgloss.Height(top)
		if f.planTab && f.plan != nil {
			body = top + "\n" + f.plan.View(&f.data, mainW, inner)
		} else {
			body = top + "\n" + f.rowsView(mainW, inner)
		}
	}
	body = lipgloss.NewStyle().Width(mainW).Height(bodyH).MaxHeight(bodyH).Render(body)
	if side != "" {
		body = lipgloss.JoinHorizontal(lipgloss.Top, body, " ", side)
	}
	return head + "\n" + body + "\n" + footer
}

// tabs is the capture / action plan tab line and, for items, the counts
// per status; always ends with a rule.
func (f *captureForm) tabs(w int) string {
	t := f.env.Theme
	var lines []string
	if f.plan != nil && f.keys.Tab.Enabled() {
		n := len(f.data.SessionActions(f.env.Ex.ID))
		names := []string{"Capture", fmt.Sprintf("Action plan (%d)", n)}
		var parts []string
		for i, name := range names {
			if (i == 1) == f.planTab {
				parts = append(parts, t.Selected.Render("[ "+name+" ]"))
			} else {
				parts = append(parts, t.Dim.Render("  "+name+"  "))
			}
		}
		lines = append(lines, strings.Join(parts, " ")+t.Dim.Render("   tab switches"))
	}
	if f.pollTab {
		lines = append(lines, t.Dim.Render("  Votes  ")+" "+t.Selected.Render("[ Prompts ]")+t.Dim.Render("   tab switches"))
	}
	if len(f.env.Ex.Items) > 0 && !f.planTab {
		_, counts, un := model.ItemStatuses(f.env.Ex, &f.data)
		var parts []string
		for _, c := range counts {
			parts = append(parts, fmt.Sprintf("%s %d", model.SanitizeLine(c.Option), c.Count))
		}
		parts = append(parts, fmt.Sprintf("not answered %d", un))
		for _, l := range packWith(parts, " · ", w) {
			lines = append(lines, t.Dim.Render(l))
		}
	}
	cut := lipgloss.NewStyle().MaxWidth(w)
	for i := range lines {
		lines[i] = cut.Render(lines[i])
	}
	lines = append(lines, t.Dim.Render(strings.Repeat("─", max(w, 1))))
	return strings.Join(lines, "\n")
}

// rowsView draws the rows, scrolled so that the cursor's row shows.
func (f *captureForm) rowsView(w, h int) string {
	t := f.env.Theme
	rows := f.rows()
	if len(rows) == 0 {
		return t.Dim.Render("Nothing to capture here.")
	}
	cut := lipgloss.NewStyle().MaxWidth(w)
	var lines []string
	var starts []int // the first line of each row
	cursorTop, cursorEnd := 0, 0
	for i, r := range rows {
		sel := i == f.row
		mark := "  "
		if sel {
			mark = "▶ "
		}
		var block []string
		switch {
		case r.item >= 0:
			block = f.itemBlock(r.item, mark, sel, w)
		case r.entry == "":
			if i > 0 {
				lines = append(lines, "")
			}
			block = f.heading(f.fields[r.field], mark, sel, w)
		default:
			e, _ := f.data.Entry(r.entry)
			text := model.SanitizeLine(e.Text) + tagMark(e)
			if sel { // the line under the cursor is shown whole
				wrapped := strings.Split(lipgloss.NewStyle().Width(max(w-7, 10)).Render(text), "\n")
				for j, l := range wrapped {
					p := "       "
					if j == 0 {
						p = mark + "   • "
					}
					block = append(block, cut.Render(t.Selected.Render(p+strings.TrimRight(l, " "))))
				}
			} else {
				block = []string{cut.Render(mark + "   • " + text)}
			}
		}
		if sel {
			cursorTop = len(lines)
			cursorEnd = len(lines) + len(block)
		}
		starts = append(starts, len(lines))
		lines = append(lines, block...)
	}
	if len(lines) > h && h > 0 {
		start := min(max(cursorEnd-h+1, 0), cursorTop)
		if cursorEnd-cursorTop < h {
			start = min(max(cursorTop-h/3, 0), len(lines)-h)
		}
		start = max(min(start, len(lines)-h), 0)
		// Start at a row's first line, so that no item loses its text.
		for _, st := range starts {
			if st >= start && st <= cursorTop {
				start = st
				break
			}
		}
		lines = lines[start:min(start+h, len(lines))]
	}
	return strings.Join(lines, "\n")
}

// itemBlock draws one item: its number and text (wrapped when it is the
// cursor's row, cut otherwise), the scale with the chosen option in
// capitals, and its note.
func (f *captureForm) itemBlock(i int, mark string, sel bool, w int) []string {
	t := f.env.Theme
	ex := f.env.Ex
	_, cur := f.itemStatus(i)
	label := model.SanitizeLine(ex.Items[i])
	prefix := mark + strconv.Itoa(i+1) + ". "
	tick := len(ex.Scale) == 1
	if tick {
		box := "[ ] "
		if cur == 0 {
			box = "[✓] "
		}
		prefix = mark + box + strconv.Itoa(i+1) + ". "
	}
	cut := lipgloss.NewStyle().MaxWidth(w)
	indent := strings.Repeat(" ", lipgloss.Width(prefix))
	var out []string
	if sel {
		wrapped := lipgloss.NewStyle().Width(max(w-len(indent), 10)).Render(label)
		for j, l := range strings.Split(wrapped, "\n") {
			p := indent
			if j == 0 {
				p = prefix
			}
			out = append(out, cut.Render(t.Selected.Render(p+strings.TrimRight(l, " "))))
		}
	} else {
		out = append(out, cut.Render(prefix+label))
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
		for _, l := range packOptions(opts, max(w-len(indent), 1)) {
			out = append(out, cut.Render(indent+l))
		}
	}
	if note, ok := f.data.Value(f.slot(model.ItemNoteField(i))); ok && note.Text != "" {
		out = append(out, cut.Render(indent+t.Dim.Render("note: ")+model.SanitizeLine(note.Text)))
	}
	return out
}

// heading is a field's row: its label and, for single values, the value.
func (f *captureForm) heading(fl dField, mark string, sel bool, w int) []string {
	t := f.env.Theme
	v, _ := f.data.Value(f.slot(fl.key))
	label := model.SanitizeLine(fl.label)
	if fl.typ == model.FieldLines || fl.typ == "" {
		n := len(f.data.In(f.slot(fl.key)))
		label += fmt.Sprintf("  (%d)", n)
		if n == 0 && sel {
			label += " — enter adds a line"
		}
	}
	style := t.Accent
	if sel {
		style = t.Selected
	}
	cut := lipgloss.NewStyle().MaxWidth(w)
	// Headings wrap: they are the questions the room answers.
	wrapped := strings.Split(lipgloss.NewStyle().Width(max(w-2, 10)).Render(label), "\n")
	for i, l := range wrapped {
		p := "  "
		if i == 0 {
			p = mark
		}
		wrapped[i] = style.Render(p + strings.TrimRight(l, " "))
	}
	first := strings.Join(wrapped, "\n")
	switch fl.typ {
	case model.FieldContinuum, model.FieldChoice:
		var opts []string
		for _, o := range choices(fl) {
			if o == v.Value {
				opts = append(opts, t.Accent.Render("◉ "+strings.ToUpper(o)))
			} else {
				opts = append(opts, "○ "+o)
			}
		}
		return strings.Split(first+"\n"+cut.Render("     "+strings.Join(opts, "   ")+t.Dim.Render("   (←/→)")), "\n")
	case model.FieldText:
		val := t.Dim.Render("— enter to write")
		if v.Text != "" {
			val = model.SanitizeLine(v.Text)
		}
		return strings.Split(first+"\n"+cut.Render("     "+val), "\n")
	}
	return strings.Split(first, "\n")
}

// shortHelp is the key line: the action plan's keys on its tab.
func (f *captureForm) shortHelp() []key.Binding {
	if f.summary {
		k := f.keys
		return []key.Binding{k.Up, k.Down, k.Summary, k.Back}
	}
	if f.planTab && f.plan != nil {
		k := f.keys
		return append(f.plan.keys.Bindings(), k.Tab, k.Summary, k.Help, k.Back)
	}
	return f.keys.ShortHelp()
}

// packOptions lays options out in lines of at most w columns, never
// splitting one option across lines.
func packOptions(opts []string, w int) []string { return packWith(opts, "  ", w) }

// packWith joins parts with sep in lines of at most w columns, never
// splitting a part across lines.
func packWith(opts []string, sep string, w int) []string {
	var lines []string
	cur := ""
	for _, o := range opts {
		switch {
		case cur == "":
			cur = o
		case lipgloss.Width(cur)+lipgloss.Width(sep)+lipgloss.Width(o) <= w:
			cur += sep + o
		default:
			lines = append(lines, cur)
			cur = o
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

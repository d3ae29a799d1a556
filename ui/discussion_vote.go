package ui

import (
	"fmt"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// voteLines lists the lines of the exercise that can take dots: every
// live line of a lines field, most dots first, then in capture order.
func (d *Discussion) voteLines() []model.Entry {
	var out []model.Entry
	for _, e := range d.data.ExerciseEntries(d.env.Ex.ID) {
		if strings.HasPrefix(e.Field, "_") && e.Field != model.FieldClosing && !strings.HasPrefix(e.Field, model.FieldPrompt) {
			continue
		}
		if f := fieldOf(d.env.Ex, e.Field); f != nil && f.Type != model.FieldLines {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Votes > out[j].Votes })
	return out
}

func fieldOf(ex *model.Exercise, key string) *model.Field {
	for i := range ex.Fields {
		if ex.Fields[i].Key == key {
			return &ex.Fields[i]
		}
	}
	return nil
}

// voteKey handles a key in the dot vote: tab changes the group voting,
// ↑/↓ choose a line, space or enter gives it a dot, x takes one back.
func (d *Discussion) voteKey(msg tea.KeyMsg) tea.Cmd {
	lines := d.voteLines()
	voter := d.groups[d.voter%len(d.groups)].Key
	switch msg.String() {
	case "esc", "V":
		d.voting = false
	case "ctrl+c":
		return tea.Quit
	case "tab":
		d.voter = (d.voter + 1) % len(d.groups)
	case "shift+tab":
		d.voter = (d.voter + len(d.groups) - 1) % len(d.groups)
	case "up", "k":
		d.voteRow = max(d.voteRow-1, 0)
	case "down", "j":
		d.voteRow = min(d.voteRow+1, max(len(lines)-1, 0))
	case " ", "enter":
		if d.voteRow >= len(lines) {
			return nil
		}
		if d.data.DotsUsed(d.env.Ex.ID, voter) >= model.DotsPerGroup {
			d.status = "this group has no dots left: x takes one back"
			return nil
		}
		target := lines[d.voteRow]
		target.Votes++
		dot := model.Entry{ExerciseID: d.env.Ex.ID, Group: voter, Field: model.FieldDot, Value: target.ID, Text: "dot"}
		return d.commit(model.Change{Op: model.OpPutEntries, Entries: []model.Entry{dot, target}})
	case "x", "backspace":
		if d.voteRow >= len(lines) {
			return nil
		}
		target := lines[d.voteRow]
		for _, dot := range d.data.In(model.Slot{Exercise: d.env.Ex.ID, Group: voter, Field: model.FieldDot}) {
			if dot.Value == target.ID {
				dot.MergedInto = model.Withdrawn
				target.Votes = max(target.Votes-1, 0)
				return d.commit(model.Change{Op: model.OpPutEntries, Entries: []model.Entry{dot, target}})
			}
		}
		d.status = "this group gave that line no dot"
	}
	return nil
}

// voteView is the dot vote: the voting group and its dots left, then the
// lines with their dots.
func (d *Discussion) voteView(w, h int) string {
	t := d.env.Theme
	g := d.groups[d.voter%len(d.groups)]
	left := model.DotsPerGroup - d.data.DotsUsed(d.env.Ex.ID, g.Key)
	head := t.Heading.Render("Dot vote") + "  " + t.FooterKey.Render(fmt.Sprintf("%s votes: %s %d of %d dots left",
		model.SanitizeLine(g.Name), strings.Repeat("●", max(left, 0))+strings.Repeat("○", model.DotsPerGroup-max(left, 0)), left, model.DotsPerGroup))
	lines := d.voteLines()
	rows := []string{head, t.Dim.Render("tab: next group · ↑/↓ line · space: give a dot · x: take it back · esc: done"), ""}
	if len(lines) == 0 {
		rows = append(rows, t.Dim.Render("No lines to vote on yet."))
	}
	for i, e := range lines {
		mark := "  "
		if i == d.voteRow {
			mark = "▶ "
		}
		line := fmt.Sprintf("%s%-6s %d  %s · %s", mark, strings.Repeat("●", min(e.Votes, 6)), e.Votes,
			model.SanitizeLine(e.Text), model.SanitizeLine(d.groupName(e.Group)))
		if i == d.voteRow {
			line = t.Selected.Render(line)
		}
		rows = append(rows, lipgloss.NewStyle().MaxWidth(w).Render(line))
	}
	if len(rows) > h {
		start := min(max(d.voteRow+3-h/2, 0), len(rows)-h)
		rows = append(rows[:3:3], rows[3+start:]...)
	}
	return clipLines(strings.Join(rows, "\n"), h)
}

func (d *Discussion) groupName(key string) string {
	for _, g := range d.groups {
		if g.Key == key {
			return g.Name
		}
	}
	if key == "" {
		return "Whole team"
	}
	return key
}

// mergeKey merges the marked line into the line under the cursor: the
// marked line is kept, counted under the other (grouping similar lines),
// and its dots move with it.
func (d *Discussion) mergeInto() tea.Cmd {
	src, ok := d.data.Entry(d.merging)
	d.merging = ""
	_, _, target, isLine := d.current()
	if !ok || !isLine || target.ID == src.ID {
		d.status = "not merged: choose another line and press enter"
		return nil
	}
	src.MergedInto = target.ID
	target.Votes += src.Votes
	d.status = "merged into “" + model.SanitizeLine(target.Text) + "”"
	return d.commit(model.Change{Op: model.OpPutEntries, Entries: []model.Entry{src, target}})
}

// mergedCount counts the lines merged into e.
func (d *Discussion) mergedCount(id string) int {
	n := 0
	for _, e := range d.data.Entries {
		if e.MergedInto == id {
			n++
		}
	}
	return n
}

package live

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// memoryNote is what the writing screen says about unshared notes.
const memoryNote = "Unshared notes are kept in memory only and disappear when the room closes."

// View implements tea.Model: a small screen that reads at 80×24 and less.
func (p *participant) View() string {
	w, h := max(p.w, 20), max(p.h, 6)
	t := p.t
	var b strings.Builder
	head := t.Accent.Render(p.v.Name)
	if c := p.v.Clock.Show(p.now()); c != "" && !p.v.Closed && !p.v.Removed {
		gap := max(w-lipgloss.Width(head)-lipgloss.Width(c), 1)
		head += strings.Repeat(" ", gap) + t.FooterKey.Render(c)
	}
	b.WriteString(head + "\n")
	body := p.body(w)
	foot := p.foot(w)
	room := h - 1 - lipgloss.Height(foot)
	b.WriteString(common.FitLines(body, w, max(room, 1)))
	b.WriteString("\n" + foot)
	return common.FitLines(b.String(), w, h)
}

// wrap draws text in style st wrapped to w columns.
func wrap(st lipgloss.Style, text string, w int) string {
	return st.Width(w).Render(text)
}

// body is the screen's middle, by what is open.
func (p *participant) body(w int) string {
	t, v := p.t, p.v
	switch {
	case v.Closed:
		return wrap(t.Heading, "The room is closed.", w) + "\n\n" +
			wrap(t.Footer, "Thank you for taking part. Notes you did not share were never stored and are gone now.", w)
	case v.Removed:
		return wrap(t.Warning, "The facilitator removed you from the room.", w)
	}
	a := v.Activity
	var out []string
	if a.Kind != model.RoomLobby {
		title := a.Title
		if !a.Open {
			title += " (closed)"
		}
		out = append(out, wrap(t.Heading, model.SanitizeLine(title), w))
		prompt := model.SanitizeLine(a.Prompt)
		switch {
		case a.Kind == model.RoomDots && a.Open:
			prompt = "Give your dots to the lines that matter most to you."
		case a.Kind == model.RoomRating && a.Open:
			prompt = "Rate each statement: ←/→ or its number on the scale."
		}
		if prompt != "" && prompt != model.SanitizeLine(a.Title) {
			out = append(out, wrap(t.Footer, prompt, w))
		}
	}
	switch a.Kind {
	case model.RoomLobby:
		out = append(out, "", wrap(t.FooterKey, "You are "+v.Name+".", w), "",
			wrap(t.Footer, "Waiting for the facilitator to open an activity. Keep this window open.", w))
	case model.RoomWrite:
		out = append(out, p.notesBody(w)...)
	case model.RoomPoll:
		out = append(out, p.pollBody(w)...)
	case model.RoomDots:
		out = append(out, p.dotsBody(w)...)
	case model.RoomRating:
		out = append(out, p.ratingBody(w)...)
	}
	return strings.Join(out, "\n")
}

// row is one list row: a cursor mark, a marker that does not rely on
// colour, the text clipped to the width, and a count at the end.
func (p *participant) row(i int, mark, text, count string, w int) string {
	cur := "  "
	if i == p.cur {
		cur = "▸ "
	}
	room := max(w-lipgloss.Width(cur)-lipgloss.Width(mark)-lipgloss.Width(count)-2, 4)
	line := cur + mark + " " + common.Clip(model.SanitizeLine(text), room)
	if count != "" {
		line += " " + count
	}
	if i == p.cur {
		return p.t.Selected.Render(line)
	}
	return line
}

func (p *participant) notesBody(w int) []string {
	var out []string
	if len(p.v.Notes) == 0 {
		out = append(out, p.t.Dim.Render("No notes yet."))
	}
	for i, n := range p.v.Notes {
		mark := "[private]"
		switch {
		case n.Revealed:
			mark = "[on the wall]"
		case n.Shared:
			mark = "[shared]"
		}
		out = append(out, p.row(i, mark, n.Text, "", w))
	}
	return out
}

// tallyNote is the line about the room's results, or "".
func (p *participant) tallyNote() string {
	switch {
	case p.v.TallyHeld != "":
		return p.t.Dim.Render("Results: " + p.v.TallyHeld + ".")
	case p.v.Tally != nil:
		return p.t.Dim.Render(common.Plural(p.v.Answered, "person has", "people have") + " answered.")
	}
	return ""
}

func (p *participant) count(choice string) string {
	if p.v.Tally == nil {
		return ""
	}
	return fmt.Sprintf("(%d)", p.v.Tally[choice])
}

func (p *participant) pollBody(w int) []string {
	var out []string
	mine := model.Voted(p.v.Choices)
	for i, o := range p.v.Activity.Options {
		mark := "( )"
		if i == mine {
			mark = "(•)"
		}
		out = append(out, p.row(i, mark, o, p.count(model.OptionField(i)), w))
	}
	if mine < 0 {
		out = append(out, p.t.Dim.Render("You have not voted."))
	}
	return append(out, p.tallyNote())
}

func (p *participant) dotsBody(w int) []string {
	a := p.v.Activity
	used := model.DotsUsed(p.v.Choices)
	out := []string{p.t.FooterKey.Render(fmt.Sprintf("Dots left: %d of %d", a.Dots-used, a.Dots))}
	for i, l := range a.Lines {
		n := p.v.Choices[model.DotChoice(l.ID)]
		mark := strings.Repeat("●", n) + strings.Repeat("·", max(a.Dots-n, 0))
		out = append(out, p.row(i, mark, l.Text, p.count(model.DotChoice(l.ID)), w))
	}
	return append(out, p.tallyNote())
}

func (p *participant) ratingBody(w int) []string {
	a := p.v.Activity
	var out []string
	for i, it := range a.Items {
		col := model.Rated(p.v.Choices, i)
		mark := "[ ]"
		if col >= 0 {
			mark = fmt.Sprintf("[%d]", col+1)
		}
		out = append(out, p.row(i, mark, it, "", w))
	}
	// The scale, numbered, with the room's counts for the statement under
	// the cursor when they may be shown.
	var scale []string
	for c, s := range a.Scale {
		label := fmt.Sprintf("%d %s", c+1, model.SanitizeLine(s))
		if n := p.count(model.RatingChoice(p.cur, c)); n != "" {
			label += " " + n
		}
		if c == model.Rated(p.v.Choices, p.cur) {
			label = p.t.Selected.Render("▸" + label)
		}
		scale = append(scale, label)
	}
	out = append(out, "")
	out = append(out, common.PackWith(scale, " · ", w)...)
	return append(out, p.tallyNote())
}

// foot is the input (while typing), the answer to the last action, the
// memory-only note on the writing screen, and the keys.
func (p *participant) foot(w int) string {
	var out []string
	if p.typing {
		out = append(out, ansi.Truncate(p.input.View(p.t), w, ""))
		if n := p.input.CutNote(); n != "" {
			out = append(out, wrap(p.t.Warning, n, w))
		}
	}
	if p.status != "" {
		st := p.t.Footer
		if p.warn {
			st = p.t.Warning
		}
		out = append(out, wrap(st, p.status, w))
	}
	if p.v.Activity.Kind == model.RoomWrite && !p.v.Closed && !p.v.Removed {
		out = append(out, wrap(p.t.Dim, memoryNote, w))
	}
	p.help.Width = w
	out = append(out, p.help.ShortHelpView(p.keys.forScreen(p.v, p.typing)))
	return strings.Join(out, "\n")
}

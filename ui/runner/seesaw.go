package runner

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// seesawLean says in words which way the see-saw leans, so that its state
// never depends on colour or on reading the drawing.
func seesawLean(pos, chal int) string {
	tilt := model.TiltOf(pos, chal)
	switch {
	case tilt > 0:
		return fmt.Sprintf("leans to the positives (%d of %d)", tilt, model.MaxTilt)
	case tilt < 0:
		return fmt.Sprintf("leans to the challenges (%d of %d)", -tilt, model.MaxTilt)
	}
	return "balanced"
}

// seesawPlank draws the plank on its fulcrum, w columns wide: positives
// at the left end, challenges at the right. The heavier end sits lower,
// by one row per step of tilt, so the plank moves in visible steps.
func seesawPlank(t common.Theme, tilt, w int) string {
	w = max(w, 9)
	rows := 2*model.MaxTilt + 1
	grid := make([][]rune, rows)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", w))
	}
	mid := model.MaxTilt
	last := w - 1
	for x := 0; x <= last; x++ {
		// +tilt: the positive (left) end is heavier and lower.
		num := tilt * (last - 2*x)
		y := mid + roundDiv(num, last)
		grid[y][x] = '━'
	}
	var b strings.Builder
	for _, r := range grid {
		b.WriteString(strings.TrimRight(string(r), " "))
		b.WriteByte('\n')
	}
	pad := strings.Repeat(" ", max(w/2-1, 0))
	b.WriteString(pad + "╱▲╲\n")
	b.WriteString(pad[:max(len(pad)-1, 0)] + "▔▔▔▔▔")
	return t.Accent.Render(b.String())
}

// roundDiv is a/b rounded to the nearest integer, halves away from zero.
func roundDiv(a, b int) int {
	if b == 0 {
		return 0
	}
	if (a < 0) != (b < 0) {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// weightMark shows a weight as filled dots and its number.
func weightMark(w int) string {
	w = model.ClampWeight(w)
	return strings.Repeat("●", w) + strings.Repeat("○", model.MaxWeight-w) + fmt.Sprintf(" %d", w)
}

// SeesawView draws the see-saw in w×h: the totals and
// which way it leans, the plank, then each side's items with their
// weights. selected is the id of the highlighted item ("" for none).
func SeesawView(t common.Theme, items []model.SeesawItem, w, h int, selected string) string {
	return seesawDraw(t, items, w, h, selected, nil)
}

// seesawDraw is SeesawView with each item's row marked by mark (nil: a
// ▶ before the selected one). A side's list that does not fit is cut
// around the selected item and says how many more there are.
func seesawDraw(t common.Theme, items []model.SeesawItem, w, h int, selected string, mark func(sel bool, id, text string) string) string {
	if mark == nil {
		mark = func(sel bool, _, text string) string {
			if sel {
				return t.Selected.Render("▶ " + text)
			}
			return "  " + text
		}
	}
	pos, chal := model.Balance(items)
	head := t.Heading.Render("See-saw") + "  " + t.FooterKey.Render(fmt.Sprintf("+ Positives %d · − Challenges %d", pos, chal)) +
		"\n" + t.Warning.Render(seesawLean(pos, chal))
	plankW := max(min(w-2, 60), 9)
	plank := seesawPlank(t, model.TiltOf(pos, chal), plankW)
	ends := fmt.Sprintf("%-*s%s", max(plankW-len("CHALLENGES"), 1), "POSITIVES", "CHALLENGES")
	var sides [2][]string
	var cur [2]int
	for _, it := range items {
		si := 0
		switch it.Side {
		case model.Positive:
		case model.Challenge:
			si = 1
		default:
			continue
		}
		sel := it.ID == selected && selected != ""
		if sel {
			cur[si] = len(sides[si])
		}
		sides[si] = append(sides[si], mark(sel, it.ID, weightMark(it.Weight)+" "+model.SanitizeLine(it.Text)))
	}
	top := head + "\n\n" + t.Dim.Render(ends) + "\n" + plank + "\n\n"
	if w >= seesawBigW && h >= seesawBigH {
		top = seesawBigTop(t, pos, chal, w, h) + "\n\n"
	}
	rows := max(h-strings.Count(top, "\n"), 2) // for the lists, with their titles
	list := func(title string, lines []string, cur, width, rows int) string {
		if len(lines) == 0 {
			lines = []string{t.Dim.Render("  (none yet)")}
		}
		lines = common.ListWindow(lines, cur, max(rows-1, 1))
		for i, l := range lines {
			lines[i] = ansi.Truncate(l, width, "…") // one row each, so the window counts right
		}
		return lipgloss.NewStyle().Width(width).Render(t.Accent.Render(title) + "\n" + strings.Join(lines, "\n"))
	}
	var lists string
	if w >= 70 {
		half := (w - 2) / 2
		lists = lipgloss.JoinHorizontal(lipgloss.Top, list("+ Positive", sides[0], cur[0], half, rows), "  ", list("− Challenge", sides[1], cur[1], half, rows))
	} else {
		lists = list("+ Positive", sides[0], cur[0], w, rows/2) + "\n" + list("− Challenge", sides[1], cur[1], w, rows-rows/2)
	}
	out := strings.Split(top+lists, "\n")
	for i, l := range out {
		out[i] = ansi.Truncate(l, w, "…") // a cut row says so
	}
	return strings.Join(out[:min(len(out), max(h, 1))], "\n")
}

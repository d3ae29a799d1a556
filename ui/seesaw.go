package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
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
func seesawPlank(t Theme, tilt, w int) string {
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
func SeesawView(t Theme, items []model.SeesawItem, w, h int, selected string) string {
	pos, chal := model.Balance(items)
	head := t.Heading.Render("See-saw") + "  " + t.FooterKey.Render(fmt.Sprintf("+ Positives %d · − Challenges %d", pos, chal)) +
		"\n" + t.Warning.Render(seesawLean(pos, chal))
	plankW := max(min(w-2, 60), 9)
	plank := seesawPlank(t, model.TiltOf(pos, chal), plankW)
	ends := fmt.Sprintf("%-*s%s", max(plankW-len("CHALLENGES"), 1), "POSITIVES", "CHALLENGES")
	var sides [2][]string
	for _, it := range items {
		line := weightMark(it.Weight) + " " + model.SanitizeLine(it.Text)
		if it.ID == selected && selected != "" {
			line = t.Selected.Render("▶ " + line)
		} else {
			line = "  " + line
		}
		if it.Side == model.Positive {
			sides[0] = append(sides[0], line)
		} else if it.Side == model.Challenge {
			sides[1] = append(sides[1], line)
		}
	}
	list := func(title string, lines []string, width int) string {
		if len(lines) == 0 {
			lines = []string{t.Dim.Render("  (none yet)")}
		}
		return lipgloss.NewStyle().Width(width).Render(t.Accent.Render(title) + "\n" + strings.Join(lines, "\n"))
	}
	var lists string
	if w >= 70 {
		half := (w - 2) / 2
		lists = lipgloss.JoinHorizontal(lipgloss.Top, list("+ Positive", sides[0], half), "  ", list("− Challenge", sides[1], half))
	} else {
		lists = list("+ Positive", sides[0], w) + "\n" + list("− Challenge", sides[1], w)
	}
	out := head + "\n\n" + t.Dim.Render(ends) + "\n" + plank + "\n\n" + lists
	return lipgloss.NewStyle().MaxWidth(w).MaxHeight(max(h, 1)).Render(out)
}

package runner

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// seesawBigMin is the smallest area that draws the see-saw as the room's
// picture (full screen on a projector): centred, the plank across the
// width, each side's weight stacked on its end, the totals in big digits.
const seesawBigW, seesawBigH = 100, 30

// seesawStack is the most rows a side's weight stacks to.
const seesawStack = 6

// seesawBigTop is the top of the big see-saw, w columns: the lean in
// words, the totals in big digits under each end's name, and the plank
// with both weights on it, tilted in visible steps.
func seesawBigTop(t common.Theme, pos, chal, w, h int) string {
	tilt := model.TiltOf(pos, chal)
	lean := t.Title.Render(strings.ToUpper(seesawLean(pos, chal)))
	plankW := w - 4
	sx, sy := 1, 1
	if h >= 50 { // a large screen: the totals twice the size
		sx, sy = 4, 2
	}
	left := lipgloss.JoinVertical(lipgloss.Left, t.Accent.Render("+ POSITIVES"), common.BigTextScaled(strconv.Itoa(pos), sx, sy))
	right := lipgloss.JoinVertical(lipgloss.Right, t.Accent.Render("− CHALLENGES"), common.BigTextScaled(strconv.Itoa(chal), sx, sy))
	gap := max(plankW-lipgloss.Width(left)-lipgloss.Width(right), 1)
	totals := lipgloss.JoinHorizontal(lipgloss.Top, left, strings.Repeat(" ", gap), right)
	plank := seesawPlankWeighted(t, tilt, pos, chal, plankW)
	body := lipgloss.JoinVertical(lipgloss.Left, totals, "", plank)
	return lipgloss.PlaceHorizontal(w, lipgloss.Center, lean) + "\n\n" + lipgloss.PlaceHorizontal(w, lipgloss.Center, body)
}

// seesawPlankWeighted draws the plank w columns wide on a wide fulcrum,
// the heavier end lower by one row per step of tilt, with each side's
// weight stacked on its end: blocks (█ positives, ▓ challenges) as tall
// as the side's share of the heavier side, so the picture reads without
// colour, and the numbers are written beside it.
func seesawPlankWeighted(t common.Theme, tilt, pos, chal, w int) string {
	w = max(w, 20)
	stack := seesawStack
	rows := stack + 2*model.MaxTilt + 1
	midY := stack + model.MaxTilt
	grid := make([][]rune, rows)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", w))
	}
	last := w - 1
	yAt := func(x int) int { return stack + model.MaxTilt + roundDiv(tilt*(last-2*x), last) }
	for x := 0; x <= last; x++ {
		grid[yAt(x)][x] = '━'
	}
	heaviest := max(pos, chal, 1)
	height := func(n int) int {
		if n <= 0 {
			return 0
		}
		return max((n*stack+heaviest-1)/heaviest, 1)
	}
	bw := max(w/10, 4)
	block := func(x0 int, n int, r rune) {
		for x := x0; x < x0+bw && x <= last; x++ {
			base := yAt(x)
			for k := 1; k <= height(n); k++ {
				if y := base - k; y >= 0 {
					grid[y][x] = r
				}
			}
		}
	}
	block(1, pos, '█')
	block(last-bw, chal, '▓')
	// The fulcrum stands under the middle of the plank, wherever it tilts.
	mid := w / 2
	for i, row := range []string{"╱█╲", "╱███╲", "▔▔▔▔▔▔▔▔▔"} {
		y := midY + 1 + i
		for len(grid) <= y {
			grid = append(grid, []rune(strings.Repeat(" ", w)))
		}
		for j, r := range []rune(row) {
			if x := mid - len([]rune(row))/2 + j; x >= 0 && x <= last && grid[y][x] == ' ' {
				grid[y][x] = r
			}
		}
	}
	var b strings.Builder
	for _, r := range grid {
		b.WriteString(strings.TrimRight(string(r), " "))
		b.WriteByte('\n')
	}
	return t.Accent.Render(strings.TrimRight(b.String(), "\n"))
}

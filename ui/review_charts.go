package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
)

// Chart layout: the row labels' width and each session column's width.
const (
	chartLabelW = 14
	chartColW   = 12
)

// chartColumns is how many session columns fit in w.
func chartColumns(w int) int { return max((w-chartLabelW)/chartColW, 1) }

// lastN keeps the last n points.
func lastN(points []model.JourneyPoint, n int) []model.JourneyPoint {
	if len(points) > n {
		return points[len(points)-n:]
	}
	return points
}

// levelChart draws a three-level chart, embedded at the top: one column per
// session with mark(p, level) in its cells ("·" when empty) and foot(p)
// under it. Levels carry their number as well as their name.
func levelChart(points []model.JourneyPoint, w int, mark func(model.JourneyPoint, model.Continuum) string, foot func(model.JourneyPoint) string, footLabel string) []string {
	points = lastN(points, chartColumns(w))
	head := strings.Repeat(" ", chartLabelW)
	for _, p := range points {
		head += cell(p.Session.Started.Format(dateLayout), chartColW)
	}
	lines := []string{strings.TrimRight(head, " ")}
	for i := len(model.Continuums) - 1; i >= 0; i-- {
		c := model.Continuums[i]
		row := cell(fmt.Sprintf("%s %d", c.String(), int(c)), chartLabelW)
		for _, p := range points {
			m := mark(p, c)
			if m == "" {
				m = "·"
			}
			row += cell(m, chartColW)
		}
		lines = append(lines, strings.TrimRight(row, " "))
	}
	row := cell(footLabel, chartLabelW)
	for _, p := range points {
		row += cell(foot(p), chartColW)
	}
	return append(lines, strings.TrimRight(row, " "))
}

// continuumChart places each session's groups on the continuum.
func continuumChart(points []model.JourneyPoint, w int) []string {
	return levelChart(points, w, func(p model.JourneyPoint, c model.Continuum) string {
		return p.GroupsLabel(c)
	}, func(p model.JourneyPoint) string {
		m, ok := p.MeanPosition()
		if !ok {
			return "not run"
		}
		return fmt.Sprintf("%.1f", m)
	}, "mean (1-3)")
}

// integrationChart marks each session's nearest integration profile.
func integrationChart(points []model.JourneyPoint, w int) []string {
	return levelChart(points, w, func(p model.JourneyPoint, c model.Continuum) string {
		if p.Level == c {
			return "● " + strconv.Itoa(int(c))
		}
		return ""
	}, func(p model.JourneyPoint) string {
		if p.Factors == 0 {
			return "not run"
		}
		return fmt.Sprintf("%d/%d", p.Answers, p.Factors)
	}, "answered")
}

// seesawChart draws, per session, the weight of each side as a bar with
// its number, and which way the see-saw tilts.
func seesawChart(points []model.JourneyPoint, w int) []string {
	most := 1
	for _, p := range points {
		most = max(most, p.Pos, p.Chal)
	}
	// date 12, "+ " bar " nn  ", "− " bar " nn  ", tilt text about 26
	bw := min(max((w-12-2*8-26)/2, 4), 24)
	bar := func(n int) string {
		filled := (n*bw + most - 1) / most
		if n == 0 {
			filled = 0
		}
		return strings.Repeat("█", filled) + strings.Repeat(" ", bw-filled)
	}
	var lines []string
	for _, p := range points {
		row := cell(p.Session.Started.Format(dateLayout), 12)
		if !p.Seesaw {
			lines = append(lines, row+"nothing on the see-saw")
			continue
		}
		row += fmt.Sprintf("+ %s %2d   − %s %2d   %s", bar(p.Pos), p.Pos, bar(p.Chal), p.Chal, model.TiltText(p.Tilt))
		lines = append(lines, ansi.Truncate(row, w, "…"))
	}
	return lines
}

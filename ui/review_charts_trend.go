package ui

import (
	"fmt"
	"strings"

	"github.com/carehuddle/huddle/model"
)

// Trend charts of the team view: one value per session plotted over time
// as a marker on a scale, with the value written under each session, so
// that the shape shows the trend and the numbers say it exactly.

const (
	trendLabelW = 14 // the scale's labels
	trendColW   = 10 // one session
)

// trendColumns is how many sessions fit across w.
func trendColumns(w int) int { return max((w-trendLabelW-1)/trendColW, 1) }

// trendChart draws values (ok false: nothing that session) on a scale of
// rows from top to bottom, each row a value and its label; a value is
// marked on the nearest row. under writes each session's value.
func trendChart(points []model.JourneyPoint, w int, rows []float64, labels []string,
	value func(model.JourneyPoint) (float64, bool), under func(float64) string) []string {
	points = lastN(points, trendColumns(w))
	nearest := func(v float64) int {
		best := 0
		for i, r := range rows {
			if abs(r-v) < abs(rows[best]-v) {
				best = i
			}
		}
		return best
	}
	var lines []string
	for i, label := range labels {
		row := cell(label, trendLabelW) + "┤"
		for _, p := range points {
			mark := "·"
			if v, ok := value(p); ok && nearest(v) == i {
				mark = "●"
			}
			row += "    " + cell(mark, trendColW-4)
		}
		lines = append(lines, strings.TrimRight(row, " "))
	}
	lines = append(lines, strings.Repeat(" ", trendLabelW)+"└"+strings.Repeat("─", trendColW*len(points)))
	nums, dates := cell("value", trendLabelW)+" ", cell("session", trendLabelW)+" "
	for _, p := range points {
		n := "—"
		if v, ok := value(p); ok {
			n = under(v)
		}
		nums += "   " + cell(n, trendColW-3)
		dates += " " + cell(p.Session.Started.Format("06-01-02"), trendColW-1)
	}
	return append(lines, strings.TrimRight(nums, " "), strings.TrimRight(dates, " "))
}

func abs[T int | float64](f T) T {
	if f < 0 {
		return -f
	}
	return f
}

// continuumTrendChart plots each session's mean continuum placement on a
// scale from 1 (attached) to 3 (embedded) in half steps.
func continuumTrendChart(points []model.JourneyPoint, w int) []string {
	return trendChart(points, w, []float64{3, 2.5, 2, 1.5, 1},
		[]string{"3 embedded", "2.5", "2 aligned", "1.5", "1 attached"},
		func(p model.JourneyPoint) (float64, bool) { return p.MeanPosition() },
		func(v float64) string { return fmt.Sprintf("%.1f", v) })
}

// seesawTrendChart plots each session's see-saw tilt, from +3 (leaning
// to the positives) to −3 (to the challenges).
func seesawTrendChart(points []model.JourneyPoint, w int) []string {
	return trendChart(points, w, []float64{3, 2, 1, 0, -1, -2, -3},
		[]string{"+3 positives", "+2", "+1", "0 balanced", "−1", "−2", "−3 challenges"},
		func(p model.JourneyPoint) (float64, bool) { return float64(p.Tilt), p.Seesaw },
		func(v float64) string {
			if v > 0 {
				return fmt.Sprintf("+%.0f", v)
			}
			if v < 0 {
				return fmt.Sprintf("−%.0f", -v)
			}
			return "0"
		})
}

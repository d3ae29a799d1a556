package model

import (
	"strconv"
	"strings"
	"time"
)

// TeamSummary is one team in a side-by-side view of several: how many
// workshop sessions it has had and when the last was, what its recent
// sessions charted (oldest first), and its actions in numbers.
type TeamSummary struct {
	Team     Team
	Sessions int
	Last     time.Time // the last workshop's start; zero if none
	Recent   []JourneyPoint
	Actions  int
	Open     int
	Overdue  int
}

// trendArrow compares the first and last of a series: ↑ up, ↓ down, →
// level. The words beside say the same without the arrow.
func trendArrow(first, last float64) string {
	switch {
	case last > first+0.05:
		return "↑ up"
	case last < first-0.05:
		return "↓ down"
	}
	return "→ level"
}

// ContinuumTrend is the mean continuum placement of each recent session,
// oldest first, and which way it went: "1.3 2.0 2.3 ↑ up". Sessions that
// placed no group are left out; "—" when none did.
func (t TeamSummary) ContinuumTrend() string {
	var vals []float64
	for _, p := range t.Recent {
		if m, ok := p.MeanPosition(); ok {
			vals = append(vals, m)
		}
	}
	if len(vals) == 0 {
		return "—"
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = strconv.FormatFloat(v, 'f', 1, 64)
	}
	if len(vals) == 1 {
		return parts[0]
	}
	return strings.Join(parts, " ") + " " + trendArrow(vals[0], vals[len(vals)-1])
}

// SeesawTrend is the tilt of each recent see-saw, oldest first, and which
// way it went: "−1 0 +1 ↑ up" (+ leans to the positives). "—" when no
// recent session used the see-saw.
func (t TeamSummary) SeesawTrend() string {
	var vals []int
	for _, p := range t.Recent {
		if p.Seesaw {
			vals = append(vals, p.Tilt)
		}
	}
	if len(vals) == 0 {
		return "—"
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		switch {
		case v > 0:
			parts[i] = "+" + strconv.Itoa(v)
		case v < 0:
			parts[i] = "−" + strconv.Itoa(-v)
		default:
			parts[i] = "0"
		}
	}
	if len(vals) == 1 {
		return parts[0]
	}
	return strings.Join(parts, " ") + " " + trendArrow(float64(vals[0]), float64(vals[len(vals)-1]))
}

package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
)

// teamPoint is what the team view charts of one workshop session.
type teamPoint struct {
	sess model.Session
	// groups placed at each continuum position by the discussion
	// exercises' continuum fields, as labels "G1".
	groups  map[model.Continuum][]string
	placed  int // how many placements
	posSum  int // sum of the positions (1 attached .. 3 embedded)
	seesaw  bool
	pos     int
	chal    int
	tilt    int
	level   model.Continuum // nearest integration profile of an assessment; unset if none
	answers int             // factors answered
	factors int             // factors asked
}

// teamPointOf reads a session's continuum placements, see-saw balance and
// integration profile.
func teamPointOf(d model.SessionData, exercises map[string]*model.Exercise) teamPoint {
	p := teamPoint{sess: d.Session, groups: map[model.Continuum][]string{}}
	// The latest entry of each slot counts.
	latest := map[model.Slot]model.Entry{}
	var order []model.Slot
	for _, e := range d.Entries {
		if !e.Live() {
			continue
		}
		s := model.SlotOf(e)
		if _, ok := latest[s]; !ok {
			order = append(order, s)
		}
		latest[s] = e
	}
	assessments := map[string]map[string]string{}
	var assessOrder []string
	for _, s := range order {
		e := latest[s]
		ex := exercises[e.ExerciseID]
		if ex == nil {
			continue
		}
		switch ex.Kind {
		case model.KindDiscussion:
			if !isContinuumField(ex, e.Field) {
				continue
			}
			c, err := model.ParseContinuum(e.Value)
			if err != nil || !c.Valid() {
				continue
			}
			label := e.Group
			if n := model.GroupNumber(e.Group); n > 0 {
				label = "G" + strconv.Itoa(n)
			}
			if label == "" {
				label = "team"
			}
			if !slices.Contains(p.groups[c], label) {
				p.groups[c] = append(p.groups[c], label)
			}
			p.placed++
			p.posSum += int(c)
		case model.KindAssessment:
			k, ok := strings.CutPrefix(e.Field, "factor/")
			if !ok || strings.TrimSpace(e.Value) == "" {
				continue
			}
			if assessments[ex.ID] == nil {
				assessments[ex.ID] = map[string]string{}
				assessOrder = append(assessOrder, ex.ID)
			}
			assessments[ex.ID][k] = e.Value
		}
	}
	if len(assessOrder) > 0 {
		ex := exercises[assessOrder[0]]
		res := model.Score(ex, assessments[ex.ID])
		p.answers, p.factors = res.Answered, len(ex.Factors)
		if c, err := model.ParseContinuum(res.Nearest); err == nil {
			p.level = c
		}
	}
	if items := model.SeesawItems(&d, exercises); len(items) > 0 {
		p.seesaw = true
		p.pos, p.chal = model.Balance(items)
		p.tilt = model.TiltOf(p.pos, p.chal)
	}
	return p
}

func isContinuumField(ex *model.Exercise, field string) bool {
	for _, f := range ex.Fields {
		if f.Key == field {
			return f.Type == model.FieldContinuum
		}
	}
	return false
}

// Chart layout: the row labels' width and each session column's width.
const (
	chartLabelW = 14
	chartColW   = 12
)

// chartColumns is how many session columns fit in w.
func chartColumns(w int) int { return max((w-chartLabelW)/chartColW, 1) }

// lastN keeps the last n points.
func lastN(points []teamPoint, n int) []teamPoint {
	if len(points) > n {
		return points[len(points)-n:]
	}
	return points
}

// levelChart draws a three-level chart, embedded at the top: one column per
// session with mark(p, level) in its cells ("·" when empty) and foot(p)
// under it. Levels carry their number as well as their name.
func levelChart(points []teamPoint, w int, mark func(teamPoint, model.Continuum) string, foot func(teamPoint) string, footLabel string) []string {
	points = lastN(points, chartColumns(w))
	head := strings.Repeat(" ", chartLabelW)
	for _, p := range points {
		head += cell(p.sess.Started.Format(dateLayout), chartColW)
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
func continuumChart(points []teamPoint, w int) []string {
	return levelChart(points, w, func(p teamPoint, c model.Continuum) string {
		gs := p.groups[c]
		if len(gs) == 0 {
			return ""
		}
		// G1,2,3 rather than G1 G2 G3, to fit a column.
		nums := make([]string, len(gs))
		for i, g := range gs {
			nums[i] = strings.TrimPrefix(g, "G")
		}
		if strings.HasPrefix(gs[0], "G") {
			return "G" + strings.Join(nums, ",")
		}
		return strings.Join(gs, ",")
	}, func(p teamPoint) string {
		if p.placed == 0 {
			return "not run"
		}
		return fmt.Sprintf("%.1f", float64(p.posSum)/float64(p.placed))
	}, "mean (1-3)")
}

// integrationChart marks each session's nearest integration profile.
func integrationChart(points []teamPoint, w int) []string {
	return levelChart(points, w, func(p teamPoint, c model.Continuum) string {
		if p.level == c {
			return "● " + strconv.Itoa(int(c))
		}
		return ""
	}, func(p teamPoint) string {
		if p.factors == 0 {
			return "not run"
		}
		return fmt.Sprintf("%d/%d", p.answers, p.factors)
	}, "answered")
}

// seesawChart draws, per session, the weight of each side as a bar with
// its number, and which way the see-saw tilts.
func seesawChart(points []teamPoint, w int) []string {
	most := 1
	for _, p := range points {
		most = max(most, p.pos, p.chal)
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
		row := cell(p.sess.Started.Format(dateLayout), 12)
		if !p.seesaw {
			lines = append(lines, row+"nothing on the see-saw")
			continue
		}
		row += fmt.Sprintf("+ %s %2d   − %s %2d   %s", bar(p.pos), p.pos, bar(p.chal), p.chal, tiltText(p.tilt))
		lines = append(lines, ansi.Truncate(row, w, "…"))
	}
	return lines
}

// tiltText says which way a see-saw leans, in words and numbers.
func tiltText(tilt int) string {
	switch {
	case tilt > 0:
		return fmt.Sprintf("tilt +%d of %d, positives", tilt, model.MaxTilt)
	case tilt < 0:
		return fmt.Sprintf("tilt −%d of %d, challenges", -tilt, model.MaxTilt)
	}
	return "tilt 0, balanced"
}

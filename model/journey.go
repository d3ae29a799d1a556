package model

import (
	"slices"
	"strconv"
	"strings"
)

// JourneyPoint is what a team's journey charts of one workshop session:
// where the groups placed the team on the continuum, the see-saw's
// balance and the nearest integration profile of the assessment. The team
// view on screen and the printable team report both draw from it.
type JourneyPoint struct {
	Session Session
	// Groups placed at each continuum position by the discussion
	// exercises' continuum fields, as labels "G1" ("team" when ungrouped).
	Groups  map[Continuum][]string
	Placed  int // how many placements
	PosSum  int // sum of the positions (1 attached .. 3 embedded)
	Seesaw  bool
	Pos     int // weight of the positives
	Chal    int // weight of the challenges
	Tilt    int
	Level   Continuum // nearest integration profile of an assessment; unset if none
	Answers int       // factors answered
	Factors int       // factors asked
}

// MeanPosition is the mean continuum placement (1 to 3), and false when
// no group was placed.
func (p JourneyPoint) MeanPosition() (float64, bool) {
	if p.Placed == 0 {
		return 0, false
	}
	return float64(p.PosSum) / float64(p.Placed), true
}

// JourneyPointOf reads a session's continuum placements, see-saw balance
// and integration profile. The latest entry of each slot counts; merged
// entries do not.
func JourneyPointOf(d SessionData, exercises map[string]*Exercise) JourneyPoint {
	p := JourneyPoint{Session: d.Session, Groups: map[Continuum][]string{}}
	latest := map[Slot]Entry{}
	var order []Slot
	for _, e := range d.Entries {
		if !e.Live() {
			continue
		}
		s := SlotOf(e)
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
		case KindDiscussion:
			if !isContinuumField(ex, e.Field) {
				continue
			}
			c, err := ParseContinuum(e.Value)
			if err != nil || !c.Valid() {
				continue
			}
			label := e.Group
			if n := GroupNumber(e.Group); n > 0 {
				label = "G" + strconv.Itoa(n)
			}
			if label == "" {
				label = "team"
			}
			if !slices.Contains(p.Groups[c], label) {
				p.Groups[c] = append(p.Groups[c], label)
			}
			p.Placed++
			p.PosSum += int(c)
		case KindAssessment:
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
		res := Score(ex, assessments[ex.ID])
		p.Answers, p.Factors = res.Answered, len(ex.Factors)
		if c, err := ParseContinuum(res.Nearest); err == nil {
			p.Level = c
		}
	}
	if items := SeesawItems(&d, exercises); len(items) > 0 {
		p.Seesaw = true
		p.Pos, p.Chal = Balance(items)
		p.Tilt = TiltOf(p.Pos, p.Chal)
	}
	return p
}

func isContinuumField(ex *Exercise, field string) bool {
	for _, f := range ex.Fields {
		if f.Key == field {
			return f.Type == FieldContinuum
		}
	}
	return false
}

// GroupsLabel joins the groups placed at one position compactly, "G1,2,3"
// rather than "G1 G2 G3", or "" when there are none.
func (p JourneyPoint) GroupsLabel(c Continuum) string {
	gs := p.Groups[c]
	if len(gs) == 0 {
		return ""
	}
	if strings.HasPrefix(gs[0], "G") {
		nums := make([]string, len(gs))
		for i, g := range gs {
			nums[i] = strings.TrimPrefix(g, "G")
		}
		return "G" + strings.Join(nums, ",")
	}
	return strings.Join(gs, ",")
}

// TiltText says which way a see-saw leans, in words and numbers.
func TiltText(tilt int) string {
	switch {
	case tilt > 0:
		return "tilt +" + strconv.Itoa(tilt) + " of " + strconv.Itoa(MaxTilt) + ", positives"
	case tilt < 0:
		return "tilt −" + strconv.Itoa(-tilt) + " of " + strconv.Itoa(MaxTilt) + ", challenges"
	}
	return "tilt 0, balanced"
}

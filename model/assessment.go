package model

import (
	"sort"
	"strings"
)

// ProfileDistance is how far the team's answers are from one reference
// profile of an assessment.
type ProfileDistance struct {
	Profile  string  `json:"profile"`  // the profile's name, such as "embedded"
	Index    int     `json:"index"`    // its place in Exercise.Profiles, 0 the most integrated
	Distance float64 `json:"distance"` // mean over answered factors: 0 (the same) to 2 (opposite ends throughout)
}

// Gap is a factor on which the team stands below the most integrated
// reference profile: one of the factors that hold the team back.
type Gap struct {
	Key    string  `json:"key"`
	Label  string  `json:"label"`
	Answer string  `json:"answer"` // the team's level
	Target string  `json:"target"` // the most integrated profile's level
	Below  float64 `json:"below"`  // how far below, in the same units as a distance
}

// Result is the outcome of an assessment exercise such as I-A.
type Result struct {
	Nearest      string            `json:"nearest"`       // the nearest profile's name; "" when nothing was answered
	NearestIndex int               `json:"nearest_index"` // its index in Exercise.Profiles; -1 when nothing was answered
	Distances    []ProfileDistance `json:"distances"`     // every profile, nearest first
	Answered     int               `json:"answered"`      // factors with an answer on their scale
	Unanswered   []string          `json:"unanswered"`    // keys of the other factors, in the exercise's order
	Gaps         []Gap             `json:"gaps"`          // furthest below first, then in the exercise's order
	// Tied lists the profiles equally near, nearest first (Nearest is the
	// first of them), when more than one is: the answers do not tell them
	// apart, and a screen must say so rather than name Nearest alone.
	// Empty when one profile is nearest.
	Tied []string `json:"tied,omitempty"`
}

// distanceEpsilon absorbs rounding when distances are compared.
const distanceEpsilon = 1e-9

// Score compares a team's answers to an assessment's reference profiles.
// answers maps a factor's key to the level chosen on its scale (matched
// without regard to case or surrounding space).
//
// Exercise.Profiles lists the reference profiles from the most integrated
// to the least (embedded, aligned, attached), and each factor's scale runs
// from one end to the other: high/medium/low, yes/no. On one factor the
// distance between two levels is their difference in scale positions,
// spread over 0..2 whatever the scale's length: high against low is 2,
// high against medium 1, and yes against no 2, so a yes/no mismatch weighs
// like high against low. A profile's distance is the mean over the
// answered factors. A profile level missing from the deck, or not on the
// factor's scale, counts as the full 2.
//
// Factors without an answer, or with an answer not on their scale, are
// skipped and listed in Unanswered. With no answers at all there is no
// nearest profile and no distances.
//
// Ties go to the less integrated profile: a team half way between aligned
// and attached is told attached, so that the tool never flatters; Tied
// lists the profiles that tie, so that the tie can be shown as one.
//
// Gaps are the factors where the team is below the first (most integrated)
// profile's level. Which end of a scale is "below" is read from the
// profiles: the first profile's level is the better end when it differs
// from the last profile's level; when the two agree, the scale is taken as
// written best first (high/medium/low, yes/no).
func Score(ex *Exercise, answers map[string]string) Result {
	res := Result{NearestIndex: -1}
	if ex == nil {
		return res
	}
	sums := make([]float64, len(ex.Profiles))
	for _, f := range ex.Factors {
		ans := scaleIndex(f.Scale, answers[f.Key])
		if ans < 0 {
			res.Unanswered = append(res.Unanswered, f.Key)
			continue
		}
		res.Answered++
		for p := range ex.Profiles {
			level := -1
			if p < len(f.Profiles) {
				level = scaleIndex(f.Scale, f.Profiles[p])
			}
			if level < 0 {
				sums[p] += 2
				continue
			}
			sums[p] += levelDistance(ans, level, len(f.Scale))
		}
		if g, ok := factorGap(f, ans); ok {
			res.Gaps = append(res.Gaps, g)
		}
	}
	sort.SliceStable(res.Gaps, func(i, j int) bool {
		return res.Gaps[i].Below > res.Gaps[j].Below+distanceEpsilon
	})
	if res.Answered == 0 {
		return res
	}
	for p, name := range ex.Profiles {
		res.Distances = append(res.Distances, ProfileDistance{
			Profile:  name,
			Index:    p,
			Distance: sums[p] / float64(res.Answered),
		})
	}
	sort.SliceStable(res.Distances, func(i, j int) bool {
		a, b := res.Distances[i], res.Distances[j]
		if d := a.Distance - b.Distance; d < -distanceEpsilon || d > distanceEpsilon {
			return d < 0
		}
		return a.Index > b.Index // a tie: the less integrated first
	})
	if len(res.Distances) > 0 {
		res.Nearest = res.Distances[0].Profile
		res.NearestIndex = res.Distances[0].Index
	}
	for _, p := range res.Distances {
		if p.Distance-res.Distances[0].Distance > distanceEpsilon {
			break
		}
		res.Tied = append(res.Tied, p.Profile)
	}
	if len(res.Tied) < 2 {
		res.Tied = nil
	}
	return res
}

// scaleIndex finds level on scale, ignoring case and surrounding space,
// or returns -1.
func scaleIndex(scale []string, level string) int {
	level = strings.TrimSpace(level)
	if level == "" {
		return -1
	}
	for i, s := range scale {
		if strings.EqualFold(strings.TrimSpace(s), level) {
			return i
		}
	}
	return -1
}

// levelDistance is the distance between positions a and b of a scale of n
// levels, spread over 0..2.
func levelDistance(a, b, n int) float64 {
	if n < 2 {
		return 0
	}
	d := a - b
	if d < 0 {
		d = -d
	}
	return 2 * float64(d) / float64(n-1)
}

// factorGap reports how far the answer at scale position ans is below the
// first profile's level on f.
func factorGap(f Factor, ans int) (Gap, bool) {
	if len(f.Profiles) == 0 {
		return Gap{}, false
	}
	target := scaleIndex(f.Scale, f.Profiles[0])
	if target < 0 {
		return Gap{}, false
	}
	bestFirst := true
	if last := scaleIndex(f.Scale, f.Profiles[len(f.Profiles)-1]); last >= 0 && last != target {
		bestFirst = target < last
	}
	below := ans - target
	if !bestFirst {
		below = -below
	}
	if below <= 0 {
		return Gap{}, false
	}
	return Gap{
		Key:    f.Key,
		Label:  f.Label,
		Answer: f.Scale[ans],
		Target: f.Scale[target],
		Below:  levelDistance(ans, target, len(f.Scale)),
	}, true
}

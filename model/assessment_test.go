package model

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// integrationProfile is exercise I-A built on the toolkit's critical
// success factors table.
func integrationProfile() *Exercise {
	hml := []string{"high", "medium", "low"}
	yn := []string{"yes", "no"}
	f := func(key, label string, scale []string, levels string) Factor {
		return Factor{Key: key, Label: label, Scale: scale, Profiles: strings.Split(levels, ",")}
	}
	return &Exercise{
		ID:       "I-A",
		Kind:     KindAssessment,
		Profiles: []string{"embedded", "aligned", "attached"},
		Factors: []Factor{
			f("knowledge", "Collective knowledge", hml, "high,medium,low"),
			f("learning", "Mutual learning and educating", hml, "high,medium,low"),
			f("assessment", "Joint assessment", hml, "high,medium,low"),
			f("ict", "Shared ICT", yn, "yes,no,no"),
			f("colocation", "Co-location", yn, "yes,no,no"),
			f("meetings", "Team meetings", hml, "high,medium,low"),
			f("funding", "Security of funding", yn, "yes,no,yes"),
			f("trust", "Trust and respect", hml, "high,high,low"),
			f("understanding", "Understanding of integration", hml, "high,medium,medium"),
			f("experience", "Experience and skills", hml, "high,high,high"),
		},
	}
}

// answersFor builds answers from levels in factor order; "" leaves a
// factor unanswered.
func answersFor(ex *Exercise, levels ...string) map[string]string {
	a := map[string]string{}
	for i, lv := range levels {
		if lv != "" {
			a[ex.Factors[i].Key] = lv
		}
	}
	return a
}

func distancesOf(r Result) string {
	var parts []string
	for _, d := range r.Distances {
		parts = append(parts, fmt.Sprintf("%s=%.2f", d.Profile, d.Distance))
	}
	return strings.Join(parts, " ")
}

func gapsOf(r Result) string {
	var parts []string
	for _, g := range r.Gaps {
		parts = append(parts, fmt.Sprintf("%s:%s<%s(%g)", g.Key, g.Answer, g.Target, g.Below))
	}
	return strings.Join(parts, " ")
}

func TestScoreEachProfileColumn(t *testing.T) {
	ex := integrationProfile()
	for p, name := range ex.Profiles {
		answers := map[string]string{}
		for _, f := range ex.Factors {
			answers[f.Key] = strings.ToUpper(f.Profiles[p][:1]) + f.Profiles[p][1:] // "High": case is ignored
		}
		r := Score(ex, answers)
		if r.Nearest != name || r.NearestIndex != p || r.Distances[0].Distance != 0 {
			t.Errorf("%s column: nearest %s (%d), distances %s", name, r.Nearest, r.NearestIndex, distancesOf(r))
		}
		if r.Answered != 10 || len(r.Unanswered) != 0 {
			t.Errorf("%s column: answered %d, unanswered %v", name, r.Answered, r.Unanswered)
		}
		for _, d := range r.Distances[1:] {
			if d.Distance == 0 {
				t.Errorf("%s column: %s also at distance 0", name, d.Profile)
			}
		}
	}
}

func TestScore(t *testing.T) {
	ex := integrationProfile()
	tests := []struct {
		name       string
		answers    map[string]string
		nearest    string
		distances  string
		gaps       string
		unanswered string
		tied       string // the profiles that tie for nearest, "" when one is nearest
	}{
		{
			name:    "embedded column",
			answers: answersFor(ex, "high", "high", "high", "yes", "yes", "high", "yes", "high", "high", "high"),
			nearest: "embedded", distances: "embedded=0.00 aligned=1.10 attached=1.50",
		},
		{
			name:      "aligned column",
			answers:   answersFor(ex, "medium", "medium", "medium", "no", "no", "medium", "no", "high", "medium", "high"),
			nearest:   "aligned",
			distances: "aligned=0.00 attached=0.80 embedded=1.10",
			gaps:      "ict:no<yes(2) colocation:no<yes(2) funding:no<yes(2) knowledge:medium<high(1) learning:medium<high(1) assessment:medium<high(1) meetings:medium<high(1) understanding:medium<high(1)",
		},
		{
			name:      "attached column",
			answers:   answersFor(ex, "low", "low", "low", "no", "no", "low", "yes", "low", "medium", "high"),
			nearest:   "attached",
			distances: "attached=0.00 aligned=0.80 embedded=1.50",
			gaps:      "knowledge:low<high(2) learning:low<high(2) assessment:low<high(2) ict:no<yes(2) colocation:no<yes(2) meetings:low<high(2) trust:low<high(2) understanding:medium<high(1)",
		},
		{
			name:      "mixed, nearest aligned",
			answers:   answersFor(ex, "medium", "medium", "medium", "no", "no", "medium", "yes", "high", "medium", "high"),
			nearest:   "aligned",
			distances: "aligned=0.20 attached=0.60 embedded=0.90",
			gaps:      "ict:no<yes(2) colocation:no<yes(2) knowledge:medium<high(1) learning:medium<high(1) assessment:medium<high(1) meetings:medium<high(1) understanding:medium<high(1)",
		},
		{
			name:      "mostly embedded with no shared ICT or co-location",
			answers:   answersFor(ex, "high", "high", "medium", "no", "no", "high", "yes", "high", "high", "high"),
			nearest:   "embedded",
			distances: "embedded=0.50 aligned=0.60 attached=1.00",
			gaps:      "ict:no<yes(2) colocation:no<yes(2) assessment:medium<high(1)",
		},
		{
			name:      "mostly attached with good trust",
			answers:   answersFor(ex, "low", "low", "medium", "no", "no", "low", "yes", "high", "medium", "high"),
			nearest:   "attached",
			distances: "attached=0.30 aligned=0.50 embedded=1.20",
			gaps:      "knowledge:low<high(2) learning:low<high(2) ict:no<yes(2) colocation:no<yes(2) meetings:low<high(2) assessment:medium<high(1) understanding:medium<high(1)",
		},
		{
			name:       "tie between embedded and attached goes to attached",
			answers:    answersFor(ex, "medium", "", "", "", "", "", "yes"),
			nearest:    "attached",
			distances:  "attached=0.50 embedded=0.50 aligned=1.00",
			gaps:       "knowledge:medium<high(1)",
			unanswered: "learning assessment ict colocation meetings trust understanding experience",
			tied:       "attached embedded",
		},
		{
			name:       "tie between embedded and aligned goes to aligned",
			answers:    answersFor(ex, "high", "", "", "", "", "", "", "", "medium"),
			nearest:    "aligned",
			distances:  "aligned=0.50 embedded=0.50 attached=1.00",
			gaps:       "understanding:medium<high(1)",
			unanswered: "learning assessment ict colocation meetings funding trust experience",
			tied:       "aligned embedded",
		},
		{
			name:       "two of ten at opposite ends: a three-way tie",
			answers:    answersFor(ex, "high", "low"),
			nearest:    "attached",
			distances:  "attached=1.00 aligned=1.00 embedded=1.00",
			gaps:       "learning:low<high(2)",
			unanswered: "assessment ict colocation meetings funding trust understanding experience",
			tied:       "attached aligned embedded",
		},
		{
			name:       "answers off the scale are unanswered",
			answers:    answersFor(ex, " High ", "maybe", "", "YES", "", "", "", "", "", "excellent"),
			nearest:    "embedded",
			distances:  "embedded=0.00 aligned=1.50 attached=2.00",
			unanswered: "learning assessment colocation meetings funding trust understanding experience",
		},
		{
			name:       "nothing answered",
			answers:    nil,
			nearest:    "",
			unanswered: "knowledge learning assessment ict colocation meetings funding trust understanding experience",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(ex, tt.answers)
			if r.Nearest != tt.nearest {
				t.Errorf("nearest %q, want %q (distances %s)", r.Nearest, tt.nearest, distancesOf(r))
			}
			if got := distancesOf(r); got != tt.distances {
				t.Errorf("distances %s\n                want %s", got, tt.distances)
			}
			if got := gapsOf(r); got != tt.gaps {
				t.Errorf("gaps %s\n           want %s", got, tt.gaps)
			}
			if got := strings.Join(r.Tied, " "); got != tt.tied {
				t.Errorf("tied %q, want %q", got, tt.tied)
			}
			if got := strings.Join(r.Unanswered, " "); got != tt.unanswered {
				t.Errorf("unanswered %q, want %q", got, tt.unanswered)
			}
			if r.Answered+len(r.Unanswered) != len(ex.Factors) {
				t.Errorf("answered %d + unanswered %d != %d factors", r.Answered, len(r.Unanswered), len(ex.Factors))
			}
			if tt.nearest == "" && (r.NearestIndex != -1 || r.Distances != nil) {
				t.Errorf("no answers: index %d, distances %v", r.NearestIndex, r.Distances)
			}
		})
	}
}

func TestScoreNilExercise(t *testing.T) {
	r := Score(nil, map[string]string{"x": "high"})
	if r.Nearest != "" || r.NearestIndex != -1 || r.Answered != 0 {
		t.Errorf("Score(nil) = %+v", r)
	}
}

func TestScoreReversedScaleAndLongScale(t *testing.T) {
	ex := &Exercise{
		Profiles: []string{"best", "middle", "worst"},
		Factors: []Factor{
			// written worst first: the profiles show which end is better
			{Key: "up", Scale: []string{"low", "medium", "high"}, Profiles: []string{"high", "medium", "low"}},
			// five levels: distances in quarters of 2
			{Key: "five", Scale: []string{"a", "b", "c", "d", "e"}, Profiles: []string{"a", "c", "e"}},
		},
	}
	r := Score(ex, map[string]string{"up": "low", "five": "b"})
	if got := gapsOf(r); got != "up:low<high(2) five:b<a(0.5)" {
		t.Errorf("gaps %s", got)
	}
	if r.Nearest != "worst" {
		t.Errorf("nearest %s (%s)", r.Nearest, distancesOf(r))
	}
	want := map[string]float64{"best": 1.25, "middle": 0.75, "worst": 0.75}
	for _, d := range r.Distances {
		if math.Abs(d.Distance-want[d.Profile]) > 1e-9 {
			t.Errorf("%s distance %v, want %v", d.Profile, d.Distance, want[d.Profile])
		}
	}
	// A team above the first profile's level has no gap.
	r = Score(ex, map[string]string{"up": "high", "five": "a"})
	if len(r.Gaps) != 0 {
		t.Errorf("gaps at the top: %s", gapsOf(r))
	}
}

func TestScoreMalformedProfiles(t *testing.T) {
	ex := &Exercise{
		Profiles: []string{"one", "two"},
		Factors: []Factor{
			{Key: "a", Scale: []string{"yes", "no"}, Profiles: []string{"yes"}},           // too few levels
			{Key: "b", Scale: []string{"yes", "no"}, Profiles: []string{"perhaps", "no"}}, // off the scale
		},
	}
	r := Score(ex, map[string]string{"a": "yes", "b": "no"})
	// one: a 0 + b 2 (unknown level) = 1; two: a 2 (missing) + b 0 = 1: a tie, so two.
	if r.Nearest != "two" || distancesOf(r) != "two=1.00 one=1.00" {
		t.Errorf("nearest %s, distances %s", r.Nearest, distancesOf(r))
	}
	if len(r.Gaps) != 0 {
		t.Errorf("gaps %s", gapsOf(r))
	}
}

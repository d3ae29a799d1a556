package model

import (
	"encoding/json"
	"testing"
)

func seesawItems(spec ...any) []SeesawItem {
	var out []SeesawItem
	for i := 0; i+1 < len(spec); i += 2 {
		out = append(out, SeesawItem{Side: spec[i].(Side), Weight: spec[i+1].(int)})
	}
	return out
}

func TestBalance(t *testing.T) {
	tests := []struct {
		name      string
		items     []SeesawItem
		pos, chal int
	}{
		{"empty", nil, 0, 0},
		{"one each", seesawItems(Positive, 2, Challenge, 3), 2, 3},
		{"several", seesawItems(Positive, 1, Positive, 3, Challenge, 2, Positive, 2), 6, 2},
		{"clamped", seesawItems(Positive, 0, Positive, 9, Challenge, -4), 4, 1},
		{"unknown side left out", []SeesawItem{{Side: "sideways", Weight: 3}, {Side: Positive, Weight: 1}}, 1, 0},
	}
	for _, tt := range tests {
		pos, chal := Balance(tt.items)
		if pos != tt.pos || chal != tt.chal {
			t.Errorf("%s: Balance = %d, %d; want %d, %d", tt.name, pos, chal, tt.pos, tt.chal)
		}
	}
}

func TestTilt(t *testing.T) {
	tests := []struct {
		pos, chal, want int
	}{
		{0, 0, 0},
		{3, 3, 0},
		{1, 0, 3},
		{0, 1, -3},
		{4, 3, 1},  // 1/7
		{2, 1, 1},  // 1/3
		{3, 1, 2},  // 1/2
		{5, 1, 2},  // 4/6 = 2/3 exactly
		{6, 1, 3},  // 5/7
		{1, 3, -2}, // -1/2
		{31, 30, 1},
		{-5, 2, -3}, // negative totals treated as 0
	}
	for _, tt := range tests {
		if got := TiltOf(tt.pos, tt.chal); got != tt.want {
			t.Errorf("TiltOf(%d, %d) = %d, want %d", tt.pos, tt.chal, got, tt.want)
		}
	}
}

func TestTiltSteps(t *testing.T) {
	// Adding challenges one by one against six positive attitudes rated
	// "does this well" moves the plank through every step.
	var its []SeesawItem
	for range 6 {
		its = append(its, SeesawItem{Side: Positive, Weight: 3})
	}
	seen := map[int]bool{}
	prev := Tilt(its)
	seen[prev] = true
	for range 40 {
		its = append(its, SeesawItem{Side: Challenge, Weight: 3})
		got := Tilt(its)
		if got > prev {
			t.Fatalf("tilt rose from %d to %d when a challenge was added", prev, got)
		}
		seen[got] = true
		prev = got
	}
	for s := -MaxTilt; s <= MaxTilt; s++ {
		if !seen[s] {
			t.Errorf("tilt never showed step %d (seen %v)", s, seen)
		}
	}
}

func TestTiltSymmetric(t *testing.T) {
	for p := 0; p < 20; p++ {
		for c := 0; c < 20; c++ {
			if TiltOf(p, c) != -TiltOf(c, p) {
				t.Fatalf("TiltOf(%d,%d) != -TiltOf(%d,%d)", p, c, c, p)
			}
			if tl := TiltOf(p, c); tl < -MaxTilt || tl > MaxTilt || (p != c && tl == 0) {
				t.Fatalf("TiltOf(%d,%d) = %d", p, c, tl)
			}
		}
	}
}

func TestAttitudeWeight(t *testing.T) {
	tests := []struct {
		index, scale, want int
	}{
		// the toolkit's scale: hasn't had the opportunity / could do better / does this well
		{0, 3, 1}, {1, 3, 2}, {2, 3, 3},
		{0, 2, 1}, {1, 2, 3},
		{0, 4, 1}, {1, 4, 2}, {2, 4, 2}, {3, 4, 3},
		{0, 5, 1}, {1, 5, 2}, {2, 5, 2}, {3, 5, 3}, {4, 5, 3},
		{-1, 3, 1}, {7, 3, 3},
		{0, 1, 2}, {0, 0, 2},
	}
	for _, tt := range tests {
		if got := AttitudeWeight(tt.index, tt.scale); got != tt.want {
			t.Errorf("AttitudeWeight(%d, %d) = %d, want %d", tt.index, tt.scale, got, tt.want)
		}
	}
}

func TestClampWeight(t *testing.T) {
	for w, want := range map[int]int{-3: 1, 0: 1, 1: 1, 2: 2, 3: 3, 4: 3} {
		if got := ClampWeight(w); got != want {
			t.Errorf("ClampWeight(%d) = %d, want %d", w, got, want)
		}
	}
}

func TestSideAndJSON(t *testing.T) {
	if !Positive.Valid() || !Challenge.Valid() || Side("x").Valid() {
		t.Error("Side.Valid")
	}
	if string(Positive) != TagPositive || string(Challenge) != TagChallenge {
		t.Error("sides and entry tags differ")
	}
	it := SeesawItem{ID: "1", Text: "Willing to share", Side: Positive, Weight: 3, Origin: "M2-E4"}
	data, _ := json.Marshal(it)
	if string(data) != `{"id":"1","text":"Willing to share","side":"positive","weight":3,"origin":"M2-E4"}` {
		t.Errorf("json %s", data)
	}
}

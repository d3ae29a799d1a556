package model

import "testing"

func TestRoundRange(t *testing.T) {
	exact := &Exercise{Rounds: []int{10, 5}}
	ranged := &Exercise{Rounds: []int{10, 5}, RoundsMax: []int{10, 6}}
	tests := []struct {
		ex     *Exercise
		i      int
		lo, hi int
	}{
		{exact, 0, 10, 10},
		{exact, 1, 5, 5},
		{ranged, 0, 10, 10},
		{ranged, 1, 5, 6},
		{ranged, 2, 0, 0},
		{ranged, -1, 0, 0},
	}
	for _, tt := range tests {
		if lo, hi := tt.ex.RoundRange(tt.i); lo != tt.lo || hi != tt.hi {
			t.Errorf("RoundRange(%d) of %+v = %d-%d, want %d-%d", tt.i, tt.ex, lo, hi, tt.lo, tt.hi)
		}
	}
}

func TestIsExtraCard(t *testing.T) {
	ex := &Exercise{Cards: []string{"a", "b", "c"}, CardExtra: []bool{false, true, false}}
	for i, want := range []bool{false, true, false, false} {
		if got := ex.IsExtraCard(i); got != want {
			t.Errorf("IsExtraCard(%d) = %v, want %v", i, got, want)
		}
	}
	plain := &Exercise{Cards: []string{"a"}}
	if plain.IsExtraCard(0) || plain.IsExtraCard(-1) {
		t.Error("a deck without extra-card: lines has no extra cards")
	}
}

package model

import (
	"fmt"
	"slices"
	"testing"
)

// sortCards builds n cards c1..cn with Order i; kept[i] is the last
// round card i+1 survived.
func sortCards(n int, kept ...int) []Entry {
	var out []Entry
	for i := range n {
		e := Entry{ID: fmt.Sprintf("c%d", i+1), Field: FieldCard, Text: fmt.Sprintf("Value %d", i+1), Order: i + 1}
		if i < len(kept) {
			e.Value = CardRoundValue(kept[i])
		}
		out = append(out, e)
	}
	return out
}

func ids(es []Entry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestCardLimits(t *testing.T) {
	for _, c := range []struct {
		n           int
		add, narrow bool
	}{
		{0, true, false}, {14, true, false}, {15, true, true}, {19, true, true}, {20, false, true}, {21, false, false},
	} {
		if CanAddCard(c.n) != c.add || CanNarrow(c.n) != c.narrow {
			t.Errorf("%d values: add %v narrow %v, want %v %v", c.n, CanAddCard(c.n), CanNarrow(c.n), c.add, c.narrow)
		}
	}
}

func TestCardsDone(t *testing.T) {
	rounds := []int{10, 5}
	for _, c := range []struct {
		stage int
		done  bool
	}{{-1, false}, {0, false}, {1, false}, {2, true}, {3, true}} {
		if got := CardsDone(rounds, c.stage); got != c.done {
			t.Errorf("stage %d: done %v, want %v", c.stage, got, c.done)
		}
	}
}

func TestCardsInPlayAndKept(t *testing.T) {
	cards := sortCards(5, 2, 1, 0, 2, 1)
	for _, c := range []struct {
		stage int
		play  []string
		kept  int
	}{
		{-1, []string{"c1", "c2", "c3", "c4", "c5"}, 0},
		{0, []string{"c1", "c2", "c3", "c4", "c5"}, 4},
		{1, []string{"c1", "c2", "c4", "c5"}, 2},
		{2, []string{"c1", "c4"}, 0},
	} {
		if got := ids(CardsInPlay(cards, c.stage)); !slices.Equal(got, c.play) {
			t.Errorf("stage %d: in play %v, want %v", c.stage, got, c.play)
		}
		if got := CardsKept(cards, c.stage); got != c.kept {
			t.Errorf("stage %d: kept %d, want %d", c.stage, got, c.kept)
		}
	}
}

func TestNextCardOrderAndSeed(t *testing.T) {
	cards := sortCards(3)
	cards[2].Order = 7
	if got := NextCardOrder(cards); got != 8 {
		t.Errorf("next order %d, want 8", got)
	}
	if got := NextCardOrder(nil); got != 1 {
		t.Errorf("first order %d, want 1", got)
	}
	for _, c := range []struct {
		have   int
		values []string
		want   []string
	}{
		{3, []string{"Value 1", "Privacy", "Privacy", "Tolerance"}, []string{"Privacy", "Tolerance"}},
		{19, []string{"Privacy", "Tolerance"}, []string{"Privacy"}},
		{20, []string{"Privacy"}, nil},
	} {
		if got := SeedCards(sortCards(c.have), c.values); !slices.Equal(got, c.want) {
			t.Errorf("%d entered, seed %v: %v, want %v", c.have, c.values, got, c.want)
		}
	}
}

func TestToggleCard(t *testing.T) {
	rounds := []int{2, 1}
	for _, c := range []struct {
		name  string
		cards []Entry
		stage int
		id    string
		ok    bool
		value string
	}{
		{"keep in round 1", sortCards(4), 0, "c2", true, "round:1"},
		{"let go in round 1", sortCards(4, 1), 0, "c1", true, ""},
		{"round 1 full", sortCards(4, 1, 1), 0, "c3", false, ""},
		{"keep in round 2", sortCards(4, 1, 1), 1, "c2", true, "round:2"},
		{"let go in round 2", sortCards(4, 2, 1), 1, "c1", true, "round:1"},
		{"still entering", sortCards(4), -1, "c1", false, ""},
		{"all rounds done", sortCards(4, 2, 1), 2, "c1", false, ""},
		{"no such card", sortCards(4), 0, "c9", false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, ok := ToggleCard(c.cards, rounds, c.stage, c.id)
			if ok != c.ok || (ok && (e.ID != c.id || e.Value != c.value)) {
				t.Fatalf("got %+v %v, want %s %q %v", e, ok, c.id, c.value, c.ok)
			}
		})
	}
}

func TestConfirmRound(t *testing.T) {
	rounds := []int{2, 1}
	for _, c := range []struct {
		name    string
		cards   []Entry
		stage   int
		ok      bool
		changed []string // ids whose order changes, in their new order
	}{
		{"kept go first", sortCards(4, 0, 1, 0, 1), 0, true, []string{"c2", "c4", "c1", "c3"}},
		{"already first", sortCards(4, 1, 1), 0, true, nil},
		{"too few kept", sortCards(4, 1), 0, false, nil},
		{"too many kept", sortCards(4, 1, 1, 1), 0, false, nil},
		{"round 2", sortCards(3, 1, 2), 1, true, []string{"c2", "c1"}},
		{"entering", sortCards(3), -1, false, nil},
		{"all rounds done", sortCards(3, 2, 2), 2, false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			changed, ok := ConfirmRound(c.cards, rounds, rounds, c.stage)
			if ok != c.ok {
				t.Fatalf("ok %v, want %v", ok, c.ok)
			}
			if got := ids(changed); ok && !slices.Equal(got, c.changed) && !(len(got) == 0 && len(c.changed) == 0) {
				t.Fatalf("changed %v, want %v", got, c.changed)
			}
			for i, e := range changed {
				if i > 0 && e.Order <= changed[i-1].Order {
					t.Fatalf("orders not rising: %+v", changed)
				}
			}
		})
	}
}

func TestMoveCard(t *testing.T) {
	for _, c := range []struct {
		name  string
		cards []Entry
		stage int
		id    string
		by    int
		want  map[string]int // new orders
	}{
		{"up", sortCards(3), -1, "c2", -1, map[string]int{"c2": 1, "c1": 2}},
		{"down", sortCards(3), -1, "c2", 1, map[string]int{"c2": 3, "c3": 2}},
		{"top cannot go up", sortCards(3), -1, "c1", -1, map[string]int{}},
		{"bottom cannot go down", sortCards(3), -1, "c3", 1, map[string]int{}},
		// In round 2 only c1 and c3 are in play: c3 swaps with c1, c2 stays.
		{"over a card out of play", sortCards(3, 1, 0, 1), 1, "c3", -1, map[string]int{"c3": 1, "c1": 3}},
		{"no such card", sortCards(3), -1, "c9", 1, map[string]int{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := map[string]int{}
			for _, e := range MoveCard(c.cards, c.stage, c.id, c.by) {
				got[e.ID] = e.Order
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Fatalf("orders %v, want %v", got, c.want)
			}
		})
	}
}

func TestRenumberCards(t *testing.T) {
	cards := sortCards(3)
	cards[0].Order, cards[1].Order, cards[2].Order = 4, 2, 9
	got := RenumberCards(cards)
	if len(got) != 2 || got[0].ID != "c1" || got[0].Order != 1 || got[1].ID != "c3" || got[1].Order != 3 {
		t.Fatalf("renumbered %+v", got)
	}
}

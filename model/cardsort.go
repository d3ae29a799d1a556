package model

import "slices"

// Card sort limits: a person enters 15 to 20 values before narrowing.
const (
	CardsMin = 15
	CardsMax = 20
)

// The rules of a card sort. cards are the live cards sorted by Order
// (SortedCards); stage is CardStage: -1 while values are entered, else
// how many rounds were confirmed; rounds are the exercise's target
// counts, one per round.

// CanAddCard reports whether a sort holding n values takes another.
func CanAddCard(n int) bool { return n < CardsMax }

// CanNarrow reports whether n values are enough, and not too many, to
// start narrowing.
func CanNarrow(n int) bool { return n >= CardsMin && n <= CardsMax }

// CardsDone reports whether every round is confirmed.
func CardsDone(rounds []int, stage int) bool { return stage >= len(rounds) }

// CardsInPlay lists the cards in play: all while entering, the survivors
// of the last confirmed round during a round, the result when done.
func CardsInPlay(cards []Entry, stage int) []Entry {
	if stage <= 0 {
		return cards
	}
	out := cards[:0:0]
	for _, e := range cards {
		if CardRound(e) >= stage {
			out = append(out, e)
		}
	}
	return out
}

// CardsKept counts the cards kept so far in the current round.
func CardsKept(cards []Entry, stage int) int {
	n := 0
	for _, e := range CardsInPlay(cards, stage) {
		if CardKept(e, stage) {
			n++
		}
	}
	return n
}

// CardKept reports whether a card is kept in the current round.
func CardKept(e Entry, stage int) bool { return stage >= 0 && CardRound(e) > stage }

// NextCardOrder is the Order of a value added after cards.
func NextCardOrder(cards []Entry) int {
	order := len(cards) + 1
	if len(cards) > 0 {
		order = max(order, cards[len(cards)-1].Order+1)
	}
	return order
}

// SeedCards lists the starting values (the toolkit's) that are not
// entered yet, as many as the limit leaves room for.
func SeedCards(cards []Entry, values []string) []string {
	var out []string
	for _, v := range values {
		have := slices.ContainsFunc(cards, func(e Entry) bool { return e.Text == v }) || slices.Contains(out, v)
		if !have && len(cards)+len(out) < CardsMax {
			out = append(out, v)
		}
	}
	return out
}

// ToggleCard keeps the card id in the current round, or lets it go if it
// was kept; ok is false (and nothing changes) outside the rounds, or when
// keeping it would keep more than the round's most (most[i] for round i).
func ToggleCard(cards []Entry, most []int, stage int, id string) (e Entry, ok bool) {
	i := slices.IndexFunc(cards, func(e Entry) bool { return e.ID == id })
	if i < 0 || stage < 0 || CardsDone(most, stage) {
		return Entry{}, false
	}
	e = cards[i]
	if CardKept(e, stage) {
		e.Value = CardRoundValue(stage)
		return e, true
	}
	if CardsKept(cards, stage) >= most[stage] {
		return Entry{}, false
	}
	e.Value = CardRoundValue(stage + 1)
	return e, true
}

// ConfirmRound ends the current round when it keeps from least[i] to
// most[i] cards (ok): a round may keep an exact count, or a range such as
// 5 or 6 professional values. The kept cards go first, in their order,
// then the rest; changed lists the cards whose Order changes.
func ConfirmRound(cards []Entry, least, most []int, stage int) (changed []Entry, ok bool) {
	if stage < 0 || CardsDone(most, stage) || stage >= len(least) {
		return nil, false
	}
	if kept := CardsKept(cards, stage); kept < least[stage] || kept > most[stage] {
		return nil, false
	}
	var first, rest []Entry
	for _, e := range cards {
		if CardRound(e) > stage {
			first = append(first, e)
		} else {
			rest = append(rest, e)
		}
	}
	return RenumberCards(append(first, rest...)), true
}

// RenumberCards gives the cards the Orders 1, 2, 3... as listed and
// returns those whose Order changes.
func RenumberCards(cards []Entry) []Entry {
	var changed []Entry
	for i, e := range cards {
		if e.Order != i+1 {
			e.Order = i + 1
			changed = append(changed, e)
		}
	}
	return changed
}

// MoveCard moves the card id by places (-1 up, 1 down) among the cards
// in play at stage, swapping it with its neighbour there, and returns the
// cards whose Order changes (none if it cannot move).
func MoveCard(cards []Entry, stage int, id string, by int) []Entry {
	play := CardsInPlay(cards, stage)
	i := slices.IndexFunc(play, func(e Entry) bool { return e.ID == id })
	j := i + by
	if i < 0 || j < 0 || j >= len(play) {
		return nil
	}
	all := slices.Clone(cards)
	ia := slices.IndexFunc(all, func(e Entry) bool { return e.ID == play[i].ID })
	ib := slices.IndexFunc(all, func(e Entry) bool { return e.ID == play[j].ID })
	all[ia], all[ib] = all[ib], all[ia]
	return RenumberCards(all)
}

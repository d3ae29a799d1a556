package toolkit

import (
	"slices"
	"strconv"
	"strings"

	"github.com/carehuddle/huddle/model"
)

// addCard appends a card sort's starting card. CardExtra stays nil until
// the first extra card, so that a deck without extra-card: lines parses as
// before.
func addCard(ex *model.Exercise, card string, extra bool) {
	if extra && ex.CardExtra == nil {
		ex.CardExtra = make([]bool, len(ex.Cards))
	}
	ex.Cards = append(ex.Cards, card)
	if ex.CardExtra != nil {
		ex.CardExtra = append(ex.CardExtra, extra)
	}
}

// applyRounds reads "10 | 5-6": each round keeps an exact count or a range
// written low-high. Rounds holds the lows, so that a reader that knows
// only Rounds narrows to the low count; RoundsMax the highs, set only when
// some round is a range.
func applyRounds(c *errs, ex *model.Exercise, p kv) {
	var los, his []int
	ranged := false
	for _, s := range parts(p.val) {
		a, b, isRange := strings.Cut(s, "-")
		lo, err1 := strconv.Atoi(strings.TrimSpace(a))
		hi, err2 := lo, error(nil)
		if isRange {
			hi, err2 = strconv.Atoi(strings.TrimSpace(b))
		}
		if err1 != nil || err2 != nil || lo < 1 || hi < 1 {
			c.add(p.line, "rounds: %q is not a positive whole number or a range such as 5-6", s)
			return
		}
		if lo > hi {
			c.add(p.line, "rounds: %q: write the smaller count first", s)
			return
		}
		ranged = ranged || lo != hi
		los, his = append(los, lo), append(his, hi)
	}
	ex.Rounds = los
	if ranged {
		ex.RoundsMax = his
	}
}

// applyGuide reads "key | text per level": what each level of a factor
// given above looks like, in the order of the factor's scale.
func applyGuide(c *errs, ex *model.Exercise, p kv) {
	ps := parts(p.val)
	for i := range ex.Factors {
		f := &ex.Factors[i]
		if f.Key != ps[0] {
			continue
		}
		switch {
		case f.Guide != nil:
			c.add(p.line, "guide: factor %q already has a guide", f.Key)
		case len(ps)-1 != len(f.Scale):
			c.add(p.line, "guide: factor %q has %d levels (%s), the guide gives %d", f.Key, len(f.Scale), strings.Join(f.Scale, "/"), len(ps)-1)
		case slices.Contains(ps[1:], ""):
			c.add(p.line, "guide: factor %q: every level needs its text", f.Key)
		default:
			f.Guide = ps[1:]
		}
		return
	}
	c.add(p.line, "guide: no factor %q above this line (a guide follows its factor)", ps[0])
}

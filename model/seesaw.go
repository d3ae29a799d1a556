package model

import (
	"slices"
	"strconv"
	"strings"
)

// Side is the end of the see-saw an item sits on. Its values are the same
// strings as the entry tags TagPositive and TagChallenge.
type Side string

// See-saw sides.
const (
	Positive  Side = "positive"
	Challenge Side = "challenge"
)

// Valid reports whether s is one of the two sides.
func (s Side) Valid() bool { return s == Positive || s == Challenge }

// Where a see-saw item came from.
const (
	OriginTag   = "tag"   // a captured line tagged positive or challenge
	OriginTyped = "typed" // typed straight onto the see-saw
	// otherwise the id of the exercise that seeded it, such as "M2-E4"
)

// Weights of see-saw items.
const (
	MinWeight = 1
	MaxWeight = 3
)

// MaxTilt is the largest tilt either way.
const MaxTilt = 3

// SeesawItem is one item on the see-saw.
type SeesawItem struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Side   Side   `json:"side"`
	Weight int    `json:"weight"` // 1 to 3; out-of-range values are clamped
	Origin string `json:"origin"` // an exercise id such as "M2-E4", OriginTag or OriginTyped
}

// ClampWeight brings a weight into 1..3.
func ClampWeight(w int) int {
	return min(max(w, MinWeight), MaxWeight)
}

// Balance sums the clamped weights of each side. Items whose side is
// neither Positive nor Challenge are left out.
func Balance(items []SeesawItem) (pos, chal int) {
	for _, it := range items {
		switch it.Side {
		case Positive:
			pos += ClampWeight(it.Weight)
		case Challenge:
			chal += ClampWeight(it.Weight)
		}
	}
	return pos, chal
}

// Tilt is how far the plank leans, from -MaxTilt (challenges heavily
// outweigh the positives) to +MaxTilt (positives heavily outweigh), 0 when
// the sides balance. It is the difference relative to the total weight,
// rounded away from zero into thirds, so any imbalance shows as at least
// one step and the plank moves in visible steps as items are added:
//
//	|pos-chal| / (pos+chal)   tilt
//	(0, 1/3]                  1
//	(1/3, 2/3]                2
//	(2/3, 1]                  3
func Tilt(items []SeesawItem) int {
	pos, chal := Balance(items)
	return TiltOf(pos, chal)
}

// TiltOf is Tilt for side totals already summed.
func TiltOf(pos, chal int) int {
	pos, chal = max(pos, 0), max(chal, 0)
	diff, total := pos-chal, pos+chal
	if diff == 0 || total == 0 {
		return 0
	}
	mag := diff
	if mag < 0 {
		mag = -mag
	}
	step := (MaxTilt*mag + total - 1) / total // ceil(3·|diff|/total), 1..3
	if diff < 0 {
		return -step
	}
	return step
}

// AttitudeWeight maps a rating of one of M2-E4's positive attitudes onto a
// see-saw weight: ratingIndex is the chosen column of the exercise's scale
// of scaleLen columns, the last column the best. An attitude the team holds
// well weighs most on the positive side: with the toolkit's scale,
// "hasn't had the opportunity" weighs 1, "could do better" 2 and "does
// this well" 3. Longer or shorter scales are spread evenly over 1..3
// (rounding half up); an index outside the scale is clamped, and a scale
// of fewer than two columns gives the middle weight, 2.
func AttitudeWeight(ratingIndex, scaleLen int) int {
	if scaleLen < 2 {
		return 2
	}
	i := min(max(ratingIndex, 0), scaleLen-1)
	span := scaleLen - 1
	// 1 + round(2·i/span), rounding half up, in integers.
	return MinWeight + (4*i+span)/(2*span)
}

// SeesawItems gathers the see-saw's items from a session:
// every live entry tagged positive or challenge (typed straight onto the
// see-saw, tagged feedback, challenges an exercise seeded), and the rated
// statements of every exercise whose ratings feed the see-saw's positive
// side (M2-E4), weighted by their rating (the facilitator's and the
// room's taken together). exercises maps exercise ids to
// the deck's exercises; it may be nil.
func SeesawItems(d *SessionData, exercises map[string]*Exercise) []SeesawItem {
	var out []SeesawItem
	var rated ratings
	for _, e := range d.Entries {
		if !e.Live() {
			continue
		}
		if e.Tag == TagPositive || e.Tag == TagChallenge {
			origin := OriginTag
			switch {
			case e.ExerciseID == ExerciseSeesaw:
				origin = OriginTyped
			case e.Field == FieldChallenge:
				origin = e.ExerciseID
			}
			out = append(out, SeesawItem{ID: e.ID, Text: e.Text, Side: Side(e.Tag), Weight: ClampWeight(e.Weight), Origin: origin})
			continue
		}
		ex := exercises[e.ExerciseID]
		if ex == nil || ex.Seesaw != string(Positive) {
			continue
		}
		if n, _, ok := roomRatingOf(e.Field); ok && n < len(ex.Items) && !rated.has(d, ex, n) {
			// rated by the room alone: the statement's first tally stands for it
			if col, ok := ratedColumn(-1, rated.room(d, ex)[n]); ok && rated.first(ex.ID, n) {
				out = append(out, SeesawItem{ID: e.ID, Text: ex.Items[n], Side: Positive, Weight: AttitudeWeight(col, len(ex.Scale)), Origin: ex.ID})
			}
			continue
		}
		if !strings.HasPrefix(e.Field, "item/") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimPrefix(e.Field, "item/"))
		idx := slices.Index(ex.Scale, e.Value)
		if err != nil || n < 0 || n >= len(ex.Items) || idx < 0 {
			continue
		}
		col, _ := ratedColumn(idx, rated.room(d, ex)[n])
		out = append(out, SeesawItem{ID: e.ID, Text: ex.Items[n], Side: Positive, Weight: AttitudeWeight(col, len(ex.Scale)), Origin: ex.ID})
	}
	return out
}

// ratings remembers, while the see-saw's items are gathered, the room's
// ratings of each exercise and which statements already have an item.
type ratings struct {
	counts map[string][][]int
	done   map[string]bool
}

func (r *ratings) room(d *SessionData, ex *Exercise) [][]int {
	if r.counts == nil {
		r.counts, r.done = map[string][][]int{}, map[string]bool{}
	}
	if c, ok := r.counts[ex.ID]; ok {
		return c
	}
	c := RoomRatings(ex, d)
	r.counts[ex.ID] = c
	return c
}

// has reports whether the facilitator rated statement n of ex.
func (r *ratings) has(d *SessionData, ex *Exercise, n int) bool {
	e, ok := d.Value(Slot{Exercise: ex.ID, Field: ItemField(n)})
	return ok && slices.Contains(ex.Scale, e.Value)
}

// first reports whether statement n of exercise id is met for the first time.
func (r *ratings) first(id string, n int) bool {
	k := id + "/" + strconv.Itoa(n)
	if r.done[k] {
		return false
	}
	r.done[k] = true
	return true
}

package model

import (
	"strconv"
)

// RatingSummary renders a rating: each statement with the column it was
// rated in and its note, the counts per column, the see-saw balance when
// the ratings feed it, the challenges and other fields, and the actions.
func RatingSummary(ex *Exercise, d *SessionData) string {
	seesaw := ""
	if ex.Seesaw == string(Positive) {
		var items []SeesawItem
		for _, it := range SeesawItems(d, map[string]*Exercise{ex.ID: ex}) {
			if it.Origin == ex.ID {
				items = append(items, it)
			}
		}
		if len(items) > 0 {
			pos, chal := Balance(items)
			seesaw = "**See-saw (this exercise):** positives " + strconv.Itoa(pos) + " · challenges " + strconv.Itoa(chal) + " — " + leanWords(pos, chal)
		}
	}
	return joinSections(
		itemsTable(ex, d, "Statement", "Rating"),
		roomRatingsTable(ex, d),
		seesaw,
		restSummary(ex, d, func(e Entry) bool { return isItemField(e.Field) || IsRoomRating(e.Field) }),
		actionsSection(ex, d),
	)
}

// leanWords says which way a see-saw leans.
func leanWords(pos, chal int) string {
	switch t := TiltOf(pos, chal); {
	case t > 0:
		return "leans to the positives (" + strconv.Itoa(t) + " of " + strconv.Itoa(MaxTilt) + ")"
	case t < 0:
		return "leans to the challenges (" + strconv.Itoa(-t) + " of " + strconv.Itoa(MaxTilt) + ")"
	}
	return "balanced"
}

package model

import "strconv"

// ActionPlanSummary renders an action plan: the actions as a table, how
// many are open, done and dropped, then anything else captured.
func ActionPlanSummary(ex *Exercise, d *SessionData) string {
	actions := d.SessionActions(ex.ID)
	counts := ""
	if len(actions) > 0 {
		n := map[string]int{}
		for _, a := range actions {
			s := a.Status
			if s == "" {
				s = ActionOpen
			}
			n[s]++
		}
		counts = "**Status:** open **" + strconv.Itoa(n[ActionOpen]) + "** · done **" + strconv.Itoa(n[ActionDone]) +
			"** · dropped **" + strconv.Itoa(n[ActionDropped]) + "**"
	}
	return joinSections(actionsSection(ex, d), counts, restSummary(ex, d, func(Entry) bool { return false }))
}

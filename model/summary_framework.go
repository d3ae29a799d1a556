package model

// FrameworkSummary renders a framework: every box in the deck's order
// with its lines (an empty box says so), then anything else captured and
// the actions.
func FrameworkSummary(ex *Exercise, d *SessionData) string {
	return joinSections(boxesSummary(ex, d), actionsSection(ex, d))
}

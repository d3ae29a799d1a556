package model

// ReflectionSummary renders a reflection: every prompt of the exercise in
// the deck's order with what was written (a continuum answer as its
// position), the facilitator's prompts and closing question, then the
// planned actions.
func ReflectionSummary(ex *Exercise, d *SessionData) string {
	return joinSections(boxesSummary(ex, d), actionsSection(ex, d))
}

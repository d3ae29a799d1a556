package ui

import "github.com/carehuddle/huddle/model"

func init() {
	runnerKinds[model.KindChecklist] = func(env RunnerEnv) Runner { return NewChecklist(env) }
}

// NewChecklist builds the runner of a checklist exercise (SPEC section 6):
// each item gets a status from the exercise's scale (a tick, or yes /
// partly / no / not sure) and a note; the exercise's own fields, prompts
// and closing question are lines or text below the items, and an
// exercise with Actions has an action plan tab. The summary (S) lists the
// statuses and counts; for the principles' checklists it adds the counts
// per principle across every principle captured in the session.
func NewChecklist(env RunnerEnv) Runner {
	return newCaptureForm(env, "Checklist")
}

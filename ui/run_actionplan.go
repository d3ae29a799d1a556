package ui

import "github.com/carehuddle/huddle/model"

func init() {
	runnerKinds[model.KindActionPlan] = func(env RunnerEnv) Runner { return NewActionPlanRunner(env) }
}

// NewActionPlanRunner builds the runner of an action plan exercise (SPEC
// section 6): the action plan section (actionplan.go) on its own, with a
// capture tab for the exercise's fields and prompts when it has any.
func NewActionPlanRunner(env RunnerEnv) Runner {
	f := newCaptureForm(env, "Action plan")
	f.planTab = true
	if len(f.rows()) == 0 {
		f.keys.Tab.SetEnabled(false)
	}
	return f
}

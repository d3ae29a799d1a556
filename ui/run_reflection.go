package ui

import "github.com/carehuddle/huddle/model"

func init() {
	runnerKinds[model.KindReflection] = func(env RunnerEnv) Runner { return NewReflection(env) }
}

// NewReflection builds the runner of a reflection exercise (SPEC section
// 6): the exercise's prompts (its fields: free-text lines, a continuum
// position) and the facilitator's prompts and closing question, each
// answered in lines of free text; an exercise with Actions (M3-E1) has an
// action plan tab for the planned actions.
func NewReflection(env RunnerEnv) Runner {
	return newCaptureForm(env, "Reflection")
}

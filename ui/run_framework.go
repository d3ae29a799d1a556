package ui

import "github.com/carehuddle/huddle/model"

func init() {
	runnerKinds[model.KindFramework] = func(env RunnerEnv) Runner { return NewFramework(env) }
}

// NewFramework builds the runner of a framework exercise (SPEC section 6):
// the exercise's named boxes (values, vision, mission... or able,
// willing, allowed), each holding several lines, drawn like the
// discussion runner's fields. Lines can be edited, deleted and tagged
// positive or challenge for the see-saw.
func NewFramework(env RunnerEnv) Runner {
	return newCaptureForm(env, "Framework")
}

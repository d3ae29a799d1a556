package ui

import "github.com/carehuddle/huddle/model"

func init() {
	runnerKinds[model.KindRating] = func(env RunnerEnv) Runner { return NewRating(env) }
}

// NewRating builds the runner of a rating exercise (SPEC section 6): each
// statement is rated in one column of the exercise's scale (1-9 or ←/→),
// with counts per column above the statements. When the ratings feed the
// see-saw (M2-E4: the positive attitudes, weighted by their rating,
// against the challenges the app seeds), the see-saw opens beside the
// statements and moves with every rating.
func NewRating(env RunnerEnv) Runner {
	f := newCaptureForm(env, "Rating")
	f.seesaw = env.Ex.Seesaw == string(model.Positive)
	return f
}

package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// Runner is a screen that runs one exercise of a live session. It saves
// through its Live and redraws from Live's state when a SavedMsg or
// ChangedMsg arrives. While Typing, the app's own keys (timer, see-saw)
// are off so that every key reaches the input.
type Runner interface {
	tea.Model
	Typing() bool
	Exercise() *model.Exercise
}

// RunnerEnv is what a runner is built from.
type RunnerEnv struct {
	Live  *Live
	Ex    *model.Exercise
	Theme Theme
	Draft *model.Draft // typing recovered after a crash, to put back
}

// kindPanes builds the pane of each exercise kind: what the kind adds to
// the runner host.
var kindPanes = map[string]func(ex *model.Exercise) Pane{
	model.KindDiscussion: func(ex *model.Exercise) Pane {
		p := newTabsPane("Discussion", newDiscussionSection())
		if ex.Actions {
			p = newTabsPane("Discussion", newDiscussionSection(), newActionSection())
		}
		return p
	},
	model.KindChecklist:  func(ex *model.Exercise) Pane { return newTabsPane("Checklist", formSections(ex)...) },
	model.KindRating:     func(ex *model.Exercise) Pane { return newTabsPane("Rating", formSections(ex)...) },
	model.KindFramework:  func(ex *model.Exercise) Pane { return newTabsPane("Framework", formSections(ex)...) },
	model.KindReflection: func(ex *model.Exercise) Pane { return newTabsPane("Reflection", formSections(ex)...) },
	model.KindActionPlan: func(ex *model.Exercise) Pane {
		secs := []section{newActionSection()}
		if fields := append(exerciseFields(ex), promptFields(ex)...); len(fields) > 0 {
			secs = append(secs, newCaptureSection("Capture", false, fields))
		}
		return newTabsPane("Action plan", secs...)
	},
	model.KindAssessment: newAssessmentPane,
	model.KindCaseStudy:  newCaseStudyPane,
	model.KindAlliesMap:  newAlliesMapPane,
	model.KindPoll: func(ex *model.Exercise) Pane {
		secs := []section{newPollSection()}
		if fields := promptFields(ex); len(fields) > 0 {
			secs = append(secs, newCaptureSection("Prompts", false, fields))
		}
		if ex.Actions {
			secs = append(secs, newActionSection())
		}
		return newTabsPane("Poll", secs...)
	},
}

// oldKinds are the kinds still on their own engine (being moved to the host).
var oldKinds = map[string]func(RunnerEnv) Runner{
	model.KindCaseReview: func(env RunnerEnv) Runner { return NewCaseReview(env) },
	model.KindCardSort:   func(env RunnerEnv) Runner { return NewCardSort(env) },
}

// NewRunner builds the runner for env's exercise, or nil if its kind has
// no runner.
func NewRunner(env RunnerEnv) Runner {
	if mk := kindPanes[env.Ex.Kind]; mk != nil {
		return NewHost(env, mk(env.Ex))
	}
	if mk := oldKinds[env.Ex.Kind]; mk != nil {
		return mk(env)
	}
	return nil
}

// closeRunnerMsg asks the app to close the runner and return to the slides.
type closeRunnerMsg struct{}

func closeRunner() tea.Msg { return closeRunnerMsg{} }

// openSeesawMsg asks the app for the full-screen see-saw.
type openSeesawMsg struct{}

// openParkingMsg asks the app for the parking lot.
type openParkingMsg struct{}

// stampClock gives the time shown as "saved ✓ hh:mm:ss"; tests fix it.
var stampClock = now

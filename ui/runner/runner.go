// Package runner runs the exercises: the runner host (frame, capture
// input, saving through Live, failure handling, summary, help) and one
// file per kind of exercise with its panes, plus the parking lot and the
// see-saw screen built on the same pieces. Kinds are listed in a map
// literal, never registered by init. It builds on ui/common and
// ui/session; package ui opens runners and handles their messages.
package runner

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
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
	Live  *session.Live
	Ex    *model.Exercise
	Theme common.Theme
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
	model.KindCaseReview: caseReviewPane,
	model.KindCardSort:   cardSortPane,
}

// NewRunner builds the runner for env's exercise, or nil if its kind has
// no runner.
func NewRunner(env RunnerEnv) Runner {
	if mk := kindPanes[env.Ex.Kind]; mk != nil {
		return newBoundHost(env, mk(env.Ex))
	}
	return nil
}

// sectionBind is a section whose key help depends on the session (the
// card sort's, on its stage): it is given its host once built, as the
// help is drawn before any key or view reaches it.
type sectionBind interface{ bind(h *Host) }

// newBoundHost builds the host of a pane and binds its sections.
func newBoundHost(env RunnerEnv, p Pane) *Host {
	h := NewHost(env, p)
	if tp, ok := p.(*tabsPane); ok {
		for _, s := range tp.sections {
			if b, ok := s.(sectionBind); ok {
				b.bind(h)
			}
		}
	}
	return h
}

// CloseRunnerMsg asks the app to close the runner and return to the slides.
type CloseRunnerMsg struct{}

func closeRunner() tea.Msg { return CloseRunnerMsg{} }

// CloseScreenMsg asks the app to return to the screen underneath.
type CloseScreenMsg struct{}

func CloseScreen() tea.Msg { return CloseScreenMsg{} }

// OpenSeesawMsg asks the app for the full-screen see-saw.
type OpenSeesawMsg struct{}

// OpenParkingMsg asks the app for the parking lot.
type OpenParkingMsg struct{}

package runner

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// screenPane is a pane of the host that is not an exercise of the deck
// (the parking lot, the see-saw screen): its summary is its own.
type screenPane struct {
	*tabsPane
	summary  func(d *model.SessionData) string
	captured func(d *model.SessionData) bool
}

func (p screenPane) Summary(d *model.SessionData) string { return p.summary(d) }

func (p screenPane) Captured(d *model.SessionData) bool {
	return p.captured != nil && p.captured(d)
}

// newPlainNotes is a capture of lines and text answers only: notes that
// have no status and are not tagged onto the team's see-saw (the parking
// lot, a case review's supervision notes, a card sort's reflections).
func newPlainNotes(name string, fields []dField) *captureSection {
	sec := newCaptureSection(name, false, fields)
	k := &sec.list.keys
	for _, b := range []*key.Binding{&k.Left, &k.Right, &k.Pick, &k.Clear, &k.Note, &k.Positive, &k.Challenge} {
		b.SetEnabled(false)
	}
	return sec
}

// newScreenHost builds the host of a screen of a live session, with a
// synthetic exercise: its id (model.ExerciseParking, model.ExerciseSeesaw)
// is where its entries are kept.
func newScreenHost(live *session.Live, theme common.Theme, id, title string, pane Pane, draft *model.Draft) *Host {
	ex := &model.Exercise{ID: id, Title: title}
	return NewHost(RunnerEnv{Live: live, Ex: ex, Theme: theme, Draft: draft}, pane)
}

// NewParking builds the parking lot of a live session: questions and
// points that come up during a session, to come back to, kept as lines
// (model.FieldNote) of model.ExerciseParking. It opens from any slide or
// exercise; draft is typing recovered after a crash (nil: none).
func NewParking(live *session.Live, theme common.Theme, draft *model.Draft) *Host {
	sec := newPlainNotes("Parking lot", []dField{{
		key: model.FieldNote, label: "Questions and points to come back to", typ: model.FieldLines,
	}})
	sec.list.keys.Add.SetHelp("enter/a", "park a question or point")
	pane := screenPane{tabsPane: newTabsPane("Parking lot", sec), summary: model.ParkingMarkdown}
	return newScreenHost(live, theme, model.ExerciseParking, "Parking lot", pane, draft)
}

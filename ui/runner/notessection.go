package runner

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// noteFields are the line fields of a kind whose own capture is not a
// form (assessment, case study, allies map): the exercise's lines and
// text fields, then its prompts and closing question, all of the whole
// team.
func noteFields(ex *model.Exercise) []dField {
	var out []dField
	for _, f := range exerciseFields(ex) {
		if f.typ == model.FieldLines || f.typ == model.FieldText || f.typ == "" {
			out = append(out, f)
		}
	}
	return append(out, promptFields(ex)...)
}

// notesSection is such a kind's notes tab: a capture section of its
// note fields, its title counting what was written, and optionally a
// block above the list (the assessment's result, so that the room
// discusses the prompts with it in view).
type notesSection struct {
	*captureSection
	top func(h *Host, w int) string
}

// withNotes is a kind's pane: its own sections, then a notes tab when the
// exercise has note fields (top is drawn above the notes, or nil).
func withNotes(name string, ex *model.Exercise, top func(h *Host, w int) string, secs ...section) Pane {
	if len(noteFields(ex)) > 0 {
		secs = append(secs, newNotesSection(ex, top))
	}
	return newTabsPane(name, secs...)
}

func newNotesSection(ex *model.Exercise, top func(h *Host, w int) string) *notesSection {
	s := &notesSection{captureSection: newCaptureSection("Notes", false, noteFields(ex)), top: top}
	linesOnly(&s.list)
	return s
}

// linesOnly turns off the choice keys of a list that has no choice field.
func linesOnly(l *captureList) {
	l.keys.Left.SetEnabled(false)
	l.keys.Right.SetEnabled(false)
}

func (s *notesSection) title(h *Host) string {
	n := 0
	for _, f := range s.list.fields {
		n += len(h.data.In(h.Slot("", f.key)))
	}
	return fmt.Sprintf("Notes (%d)", n)
}

func (s *notesSection) view(h *Host, w, ht int) string {
	if s.top == nil {
		return s.captureSection.view(h, w, ht)
	}
	top := s.top(h, w)
	return top + "\n\n" + s.captureSection.view(h, w, max(ht-lipgloss.Height(top)-1, 1))
}

// editEntryText opens the input on an entry's text and saves the edit on
// enter, to the entry as it is then (another change to it kept).
func editEntryText(h *Host, prompt string, e model.Entry, slot model.Slot) tea.Cmd {
	return h.Input(prompt, e.Text, slot, func(text string) tea.Cmd {
		cur, ok := h.data.Entry(e.ID)
		if !ok {
			h.Status("that entry is gone")
			return nil
		}
		cur.Text = text
		return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: cur})
	})
}

// askDelete asks before an entry is deleted, naming it.
func askDelete(h *Host, what string, e model.Entry) {
	id := e.ID
	h.Ask("delete "+what+" “"+common.Clip(model.SanitizeLine(e.Text), 40)+"”?", func() tea.Cmd {
		h.Status(what + " deleted")
		return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
	})
}

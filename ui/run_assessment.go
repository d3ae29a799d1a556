package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// Assessment runs the assessment kind (I-A): a level per factor, and, as
// levels are chosen, the nearest reference profile with its distance and
// the factors that hold the team back. Notes pane: prompts and closing.
type Assessment struct {
	kit
	keys    AssessmentKeys
	notes   notesPane
	onNotes bool
	cursor  int
}

// NewAssessment builds the runner of an assessment exercise.
func NewAssessment(env RunnerEnv) *Assessment {
	a := &Assessment{kit: newKit(env), keys: DefaultAssessmentKeys()}
	a.notes.fields = append(exerciseLineFields(env.Ex, ""), promptNoteFields(env.Ex)...)
	return a
}

// Exercise is the exercise being run.
func (a *Assessment) Exercise() *model.Exercise { return a.env.Ex }

// Typing reports whether keys go to the input.
func (a *Assessment) Typing() bool { return a.typing() }

// Init implements tea.Model: a recovered draft goes back in the input.
func (a *Assessment) Init() tea.Cmd { return recoverNote(&a.kit, &a.notes, &a.onNotes) }

// recoverNote puts a recovered draft back in a notes pane's input.
func recoverNote(k *kit, p *notesPane, onNotes *bool) tea.Cmd {
	dr := k.env.Draft
	if dr == nil {
		return nil
	}
	for i, f := range p.fields {
		if dr.Key == k.draftKey(f.group, f.key) {
			*onNotes, p.editField, p.editID = true, i, ""
			if f.single {
				v, _ := k.data.Value(k.slot(f.group, f.key))
				p.editID = v.ID
			}
			k.status = "recovered typing put back: enter saves it, esc drops it"
			return k.input.Open(f.label, dr.Text, dr.Key)
		}
	}
	return nil
}

// notesInputKey feeds a key to the input of a notes pane.
func notesInputKey(k *kit, p *notesPane, msg tea.KeyMsg) tea.Cmd {
	return k.input.Key(msg, func(text string) tea.Cmd { return p.submit(k, text) })
}

// Update implements tea.Model.
func (a *Assessment) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if handled, cmd := a.common(msg); handled {
		return a, cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		return a, a.key(k)
	}
	return a, nil
}

func (a *Assessment) key(msg tea.KeyMsg) tea.Cmd {
	if a.input.Active() {
		return notesInputKey(&a.kit, &a.notes, msg)
	}
	if ok, cmd := a.commonKey(msg, a.keys.kitKeys); ok {
		return cmd
	}
	k := a.keys
	if keyMatches(msg, k.Pane) {
		a.onNotes = !a.onNotes
		return nil
	}
	if a.onNotes {
		return a.notes.key(&a.kit, msg, k.notes)
	}
	factors := a.env.Ex.Factors
	if len(factors) == 0 {
		return nil
	}
	f := factors[min(a.cursor, len(factors)-1)]
	cur := a.level(f)
	switch {
	case keyMatches(msg, k.Up):
		a.cursor = max(a.cursor-1, 0)
	case keyMatches(msg, k.Down):
		a.cursor = min(a.cursor+1, len(factors)-1)
	case keyMatches(msg, k.Left):
		if cur < 0 {
			return a.choose(f, len(f.Scale)-1)
		}
		return a.choose(f, max(cur-1, 0))
	case keyMatches(msg, k.Right):
		return a.choose(f, min(cur+1, len(f.Scale)-1))
	case keyMatches(msg, k.Level):
		n := int(keyName(msg)[0] - '1')
		if n < len(f.Scale) {
			return a.choose(f, n)
		}
	case keyMatches(msg, k.Clear):
		if v, ok := a.data.Value(a.slot("", model.FactorField(f.Key))); ok {
			return a.commit(model.Change{Op: model.OpDeleteEntry, Entry: v})
		}
	}
	return nil
}

// level is the position of the factor's chosen level on its scale, or -1.
func (a *Assessment) level(f model.Factor) int {
	v, ok := a.data.Value(a.slot("", model.FactorField(f.Key)))
	if !ok {
		return -1
	}
	for i, s := range f.Scale {
		if s == v.Value {
			return i
		}
	}
	return -1
}

func (a *Assessment) choose(f model.Factor, i int) tea.Cmd {
	if i < 0 || i >= len(f.Scale) || i == a.level(f) {
		return nil
	}
	return a.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{
		ExerciseID: a.env.Ex.ID, Field: model.FactorField(f.Key), Value: f.Scale[i],
	}})
}

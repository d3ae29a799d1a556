package ui

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// CaseReview runs the case review kind (M3-E4): a row per case (Group
// "g1", "g2"...; cases get labels, never names: the prompt says so and
// the privacy guard runs on every cell), a column per exercise field
// (text cells in Text, choice cells in Value, one entry per cell), totals
// per column, and a pane for the summary for supervision, the prompts
// and the closing question.
type CaseReview struct {
	kit
	keys    CaseReviewKeys
	notes   notesPane
	onNotes bool
	row     int
	col     int
	editing model.Slot // the cell the input writes to
}

// NewCaseReview builds the runner of a case review exercise.
func NewCaseReview(env RunnerEnv) *CaseReview {
	c := &CaseReview{kit: newKit(env), keys: DefaultCaseReviewKeys()}
	c.notes.fields = append([]noteField{{key: model.FieldSupervision, label: "Summary for supervision (no names)", single: true}}, promptNoteFields(env.Ex)...)
	return c
}

// Exercise is the exercise being run.
func (c *CaseReview) Exercise() *model.Exercise { return c.env.Ex }

// Typing reports whether keys go to the input.
func (c *CaseReview) Typing() bool { return c.typing() }

// Init implements tea.Model: a recovered draft goes back in the input.
func (c *CaseReview) Init() tea.Cmd {
	if dr := c.env.Draft; dr != nil {
		for _, g := range c.cases() {
			for _, f := range c.env.Ex.Fields {
				if dr.Key == c.draftKey(g, f.Key) {
					c.editing = c.slot(g, f.Key)
					c.status = "recovered typing put back: enter saves it, esc drops it"
					return c.input.Open(f.Label, dr.Text, dr.Key)
				}
			}
		}
	}
	return recoverNote(&c.kit, &c.notes, &c.onNotes)
}

func (c *CaseReview) cases() []string { return model.ReviewCases(c.env.Ex, &c.data) }

// Update implements tea.Model.
func (c *CaseReview) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if handled, cmd := c.common(msg); handled {
		if !c.input.Active() {
			c.row = min(c.row, max(len(c.cases())-1, 0))
		}
		return c, cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		return c, c.key(k)
	}
	return c, nil
}

func (c *CaseReview) key(msg tea.KeyMsg) tea.Cmd {
	if c.input.Active() {
		if c.onNotes {
			return notesInputKey(&c.kit, &c.notes, msg)
		}
		return c.inputKey(msg)
	}
	if ok, cmd := c.commonKey(msg, c.keys.kitKeys); ok {
		return cmd
	}
	k := c.keys
	if keyMatches(msg, k.Pane) {
		c.onNotes = !c.onNotes
		return nil
	}
	if c.onNotes {
		return c.notes.key(&c.kit, msg, k.notes)
	}
	ex, cases := c.env.Ex, c.cases()
	switch {
	case keyMatches(msg, k.Up):
		c.row = max(c.row-1, 0)
	case keyMatches(msg, k.Down):
		c.row = min(c.row+1, max(len(cases)-1, 0))
	case keyMatches(msg, k.Left):
		c.col = max(c.col-1, 0)
	case keyMatches(msg, k.Right):
		c.col = min(c.col+1, max(len(ex.Fields)-1, 0))
	case keyMatches(msg, k.NewCase):
		n := 1
		if len(cases) > 0 {
			n = model.GroupNumber(cases[len(cases)-1]) + 1
		}
		g := model.GroupKey(n)
		c.row, c.col = len(cases), 0
		if len(ex.Fields) == 0 {
			return nil
		}
		return c.openCell(g, ex.Fields[0])
	case len(cases) == 0:
		c.status = "no cases yet: n adds one (a label such as Case A, never a name)"
	case keyMatches(msg, k.DelCase):
		g := cases[min(c.row, len(cases)-1)]
		c.ask("Delete this case's row?", func() tea.Cmd {
			var cmds []tea.Cmd
			for _, e := range c.data.ExerciseEntries(ex.ID) {
				if e.Group == g {
					cmds = append(cmds, c.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: e.ID}}))
				}
			}
			return tea.Batch(cmds...)
		})
	case keyMatches(msg, k.Edit), keyMatches(msg, k.Cycle):
		if len(ex.Fields) == 0 {
			return nil
		}
		g, f := cases[min(c.row, len(cases)-1)], ex.Fields[min(c.col, len(ex.Fields)-1)]
		if f.Type == model.FieldChoice {
			return c.cycle(g, f)
		}
		if keyMatches(msg, k.Edit) {
			return c.openCell(g, f)
		}
	case keyMatches(msg, k.Clear):
		g, f := cases[min(c.row, len(cases)-1)], ex.Fields[min(c.col, len(ex.Fields)-1)]
		if v, ok := c.data.Value(c.slot(g, f.Key)); ok {
			return c.commit(model.Change{Op: model.OpDeleteEntry, Entry: v})
		}
	}
	return nil
}

// openCell opens the input on a text cell (a choice cell's first column
// of a new case gets the label input too).
func (c *CaseReview) openCell(g string, f model.Field) tea.Cmd {
	c.editing = c.slot(g, f.Key)
	v, _ := c.data.Value(c.editing)
	prompt := f.Label
	if f.Type == model.FieldChoice {
		prompt += " (" + joinOptions(f.Options) + ")"
	}
	if c.col == 0 {
		prompt += " — a label, never a name"
	}
	return c.input.Open(prompt, v.Text, c.draftKey(g, f.Key))
}

func joinOptions(opts []string) string {
	out := ""
	for i, o := range opts {
		if i > 0 {
			out += " / "
		}
		out += o
	}
	return out
}

// cycle chooses the next option of a choice cell.
func (c *CaseReview) cycle(g string, f model.Field) tea.Cmd {
	if len(f.Options) == 0 {
		return nil
	}
	v, _ := c.data.Value(c.slot(g, f.Key))
	i := slices.Index(f.Options, v.Value)
	next := f.Options[(i+1)%len(f.Options)]
	return c.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: c.env.Ex.ID, Group: g, Field: f.Key, Value: next}})
}

func (c *CaseReview) inputKey(msg tea.KeyMsg) tea.Cmd {
	return c.input.Key(msg, func(text string) tea.Cmd {
		s := c.editing
		return c.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{
			ExerciseID: s.Exercise, Group: s.Group, Field: s.Field, Text: text,
		}})
	})
}

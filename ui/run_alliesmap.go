package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// AlliesMap runs the allies map kind (M3-E2): colleagues, by role and
// never by name, placed on a grid of contact (the exercise's rows) by
// stance (its columns): Field model.FieldAlly, Value "row|column", Text
// the role. A notes pane holds "how to influence", prompts and closing.
type AlliesMap struct {
	kit
	keys    AlliesMapKeys
	notes   notesPane
	onNotes bool
	row     int
	col     int
	pick    int    // the colleague selected in the cell
	moving  string // colleague being moved to another cell
	editID  string // colleague being edited; "" when adding
}

// NewAlliesMap builds the runner of an allies map exercise.
func NewAlliesMap(env RunnerEnv) *AlliesMap {
	a := &AlliesMap{kit: newKit(env), keys: DefaultAlliesMapKeys()}
	a.notes.fields = append(exerciseLineFields(env.Ex, ""), promptNoteFields(env.Ex)...)
	return a
}

// Exercise is the exercise being run.
func (a *AlliesMap) Exercise() *model.Exercise { return a.env.Ex }

// Typing reports whether keys go to the input (or a move is under way).
func (a *AlliesMap) Typing() bool { return a.typing() || a.moving != "" }

// Init implements tea.Model: a recovered draft goes back in the input.
func (a *AlliesMap) Init() tea.Cmd {
	if dr := a.env.Draft; dr != nil && dr.Key == a.draftKey("", model.FieldAlly) {
		a.status = "recovered typing put back: enter adds it to the cell shown, esc drops it"
		return a.input.Open("a colleague, by role, not name", dr.Text, dr.Key)
	}
	return recoverNote(&a.kit, &a.notes, &a.onNotes)
}

func (a *AlliesMap) cell() (string, string) {
	ex := a.env.Ex
	if len(ex.Rows) == 0 || len(ex.Columns) == 0 {
		return "", ""
	}
	return ex.Rows[min(a.row, len(ex.Rows)-1)], ex.Columns[min(a.col, len(ex.Columns)-1)]
}

// inCell lists the colleagues in the cell under the cursor.
func (a *AlliesMap) inCell() []model.Entry {
	r, c := a.cell()
	return model.AlliesIn(a.env.Ex, &a.data, r, c)
}

func (a *AlliesMap) picked() (model.Entry, bool) {
	es := a.inCell()
	if len(es) == 0 {
		return model.Entry{}, false
	}
	return es[min(a.pick, len(es)-1)], true
}

// Update implements tea.Model.
func (a *AlliesMap) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if handled, cmd := a.common(msg); handled {
		return a, cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		return a, a.key(k)
	}
	return a, nil
}

func (a *AlliesMap) key(msg tea.KeyMsg) tea.Cmd {
	if a.input.Active() {
		if a.onNotes {
			return notesInputKey(&a.kit, &a.notes, msg)
		}
		return a.inputKey(msg)
	}
	k := a.keys
	if a.moving != "" {
		return a.moveKey(msg)
	}
	if ok, cmd := a.commonKey(msg, k.kitKeys); ok {
		return cmd
	}
	if keyMatches(msg, k.Pane) {
		a.onNotes = !a.onNotes
		return nil
	}
	if a.onNotes {
		return a.notes.key(&a.kit, msg, k.notes)
	}
	if a.arrows(msg) {
		return nil
	}
	switch {
	case keyMatches(msg, k.Add):
		a.editID = ""
		r, c := a.cell()
		return a.input.Open("a colleague in "+r+" contact, "+c+": their role, not name (e.g. district nurse)", "", a.draftKey("", model.FieldAlly))
	case keyMatches(msg, k.Next):
		a.pick = min(a.pick+1, max(len(a.inCell())-1, 0))
	case keyMatches(msg, k.Prev):
		a.pick = max(a.pick-1, 0)
	case keyMatches(msg, k.Edit):
		if e, ok := a.picked(); ok {
			a.editID = e.ID
			return a.input.Open("the colleague's role, not name", e.Text, a.draftKey("", model.FieldAlly))
		}
	case keyMatches(msg, k.Delete):
		if e, ok := a.picked(); ok {
			a.ask("Remove “"+model.SanitizeLine(e.Text)+"” from the map?", func() tea.Cmd {
				return a.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: e.ID}})
			})
		}
	case keyMatches(msg, k.Move):
		if e, ok := a.picked(); ok {
			a.moving = e.ID
			a.status = "moving “" + model.SanitizeLine(e.Text) + "”: arrows choose the cell, enter puts it there, esc cancels"
		}
	}
	return nil
}

// arrows moves the cell cursor; it reports whether msg was an arrow.
func (a *AlliesMap) arrows(msg tea.KeyMsg) bool {
	k, ex := a.keys, a.env.Ex
	switch {
	case keyMatches(msg, k.Up):
		a.row = max(a.row-1, 0)
	case keyMatches(msg, k.Down):
		a.row = min(a.row+1, max(len(ex.Rows)-1, 0))
	case keyMatches(msg, k.Left):
		a.col = max(a.col-1, 0)
	case keyMatches(msg, k.Right):
		a.col = min(a.col+1, max(len(ex.Columns)-1, 0))
	default:
		return false
	}
	a.pick = 0
	return true
}

func (a *AlliesMap) moveKey(msg tea.KeyMsg) tea.Cmd {
	if a.arrows(msg) {
		return nil
	}
	id := a.moving
	switch {
	case keyName(msg) == "esc":
		a.moving, a.status = "", "not moved"
	case keyMatches(msg, a.keys.Add):
		a.moving, a.status = "", ""
		e, ok := a.data.Entry(id)
		if !ok {
			return nil
		}
		e.Value = model.AllyCell(a.cell())
		return a.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
	}
	return nil
}

func (a *AlliesMap) inputKey(msg tea.KeyMsg) tea.Cmd {
	return a.input.Key(msg, func(text string) tea.Cmd {
		if a.editID != "" {
			e, ok := a.data.Entry(a.editID)
			if !ok {
				return nil
			}
			e.Text = text
			return a.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
		}
		a.pick = len(a.inCell())
		return a.commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: a.env.Ex.ID, Field: model.FieldAlly, Value: model.AllyCell(a.cell()), Text: text,
		}})
	})
}

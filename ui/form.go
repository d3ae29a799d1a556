package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// formRow is one row of a capture form: an item with its status (item >=
// 0), a field's heading (entry "") or one captured line of a field.
type formRow struct {
	item  int
	field int
	entry string
}

// formPurpose says what the form's open input is for.
type formPurpose int

const (
	formAddLine formPurpose = iota
	formEditLine
	formSetText
	formNote
)

// captureForm is the runner shared by the checklist, rating, framework and
// reflection kinds (run_checklist.go, run_rating.go, run_framework.go,
// run_reflection.go build it). It shows, one row after another: the
// exercise's items, each with a status from its scale and a note; the
// exercise's fields (named boxes of lines, a text answer, a continuum or a
// choice), drawn like the discussion runner's; the facilitator's prompts
// and the closing question, as lines. An exercise with Actions has a
// second tab, the action plan (actionplan.go). Every change is saved at
// once through Live; S shows the exercise's Markdown summary.
type captureForm struct {
	env     RunnerEnv
	name    string // the kind's name, for the help view
	keys    FormKeys
	help    help.Model
	data    model.SessionData
	fields  []dField
	row     int
	input   CaptureInput
	purpose formPurpose
	target  string // field key or item number (note) or entry id (edit)
	confirm string // entry id awaiting delete confirmation
	follow  bool   // move the cursor to the next line this form adds
	save    saveState
	status  string
	summary bool
	sum     summaryPanel
	seesaw  bool
	full    bool
	width   int
	height  int
	planTab bool
	plan    *ActionPlan // nil unless the exercise has Actions
	pollTab bool        // the form is a poll's prompts tab
}

// newCaptureForm builds the form runner of env's exercise; name is the
// kind shown in the help view.
func newCaptureForm(env RunnerEnv, name string) *captureForm {
	ex := env.Ex
	f := &captureForm{env: env, name: name, help: help.New()}
	f.keys = DefaultFormKeys(len(ex.Items) > 0, ex.Actions || ex.Kind == model.KindActionPlan)
	f.help.Styles.ShortKey = env.Theme.FooterKey
	f.help.Styles.ShortDesc = env.Theme.Footer
	f.help.Styles.FullKey = env.Theme.Accent
	f.input = NewCaptureInput(env.Theme, env.Live)
	for _, fl := range ex.Fields {
		f.fields = append(f.fields, dField{key: fl.Key, label: fl.Label, typ: fl.Type, options: fl.Options})
	}
	for i, p := range ex.Prompts {
		f.fields = append(f.fields, dField{key: model.PromptField(i), label: "Prompt: " + p, typ: model.FieldLines})
	}
	if ex.Closing != "" {
		f.fields = append(f.fields, dField{key: model.FieldClosing, label: "Closing: " + ex.Closing, typ: model.FieldLines})
	}
	if ex.Actions || ex.Kind == model.KindActionPlan {
		f.plan = NewActionPlan(env, f.commit)
	}
	f.refresh()
	return f
}

// Exercise is the exercise being run.
func (f *captureForm) Exercise() *model.Exercise { return f.env.Ex }

// Typing reports whether keys go to an input or a confirmation.
func (f *captureForm) Typing() bool {
	return f.input.Active() || f.confirm != "" || (f.plan != nil && f.plan.Typing())
}

// Init implements tea.Model: a recovered draft goes back in its place.
func (f *captureForm) Init() tea.Cmd {
	dr := f.env.Draft
	if dr == nil || f.env.Live == nil {
		return nil
	}
	rest, ok := strings.CutPrefix(dr.Key, f.env.Live.DraftKey(f.env.Ex.ID))
	if !ok {
		return nil
	}
	group, field, _ := strings.Cut(strings.TrimSuffix(rest, "/"), "/")
	if group == actionPlanDraftGroup && f.plan != nil {
		f.planTab = true
		return f.plan.Recover(dr.Text)
	}
	f.status = "recovered typing put back: enter saves it, esc drops it"
	for i, r := range f.rows() {
		if r.item >= 0 && model.ItemNoteField(r.item) == field {
			f.row, f.purpose, f.target = i, formNote, field
			return f.input.Open("recovered note", dr.Text, dr.Key)
		}
		if r.item < 0 && r.entry == "" && f.fields[r.field].key == field {
			f.row, f.purpose, f.target = i, formAddLine, field
			if f.fields[r.field].typ == model.FieldText {
				f.purpose = formSetText
			}
			return f.input.Open("recovered typing", dr.Text, dr.Key)
		}
	}
	return nil
}

// draftKey is where typing for a field is kept.
func (f *captureForm) draftKey(field string) string {
	if f.env.Live == nil {
		return ""
	}
	return f.env.Live.DraftKey(f.env.Ex.ID, "", field)
}

// refresh reads the session's state again.
func (f *captureForm) refresh() {
	if f.env.Live != nil {
		f.data = f.env.Live.Data()
	}
	f.row = min(f.row, max(len(f.rows())-1, 0))
	if f.summary {
		f.sum.update(f.env.Theme, f.env.Ex, &f.data, f.mainWidth())
	}
}

// rows lists the form's rows: the items, then each field's heading and
// its lines.
func (f *captureForm) rows() []formRow {
	var out []formRow
	for i := range f.env.Ex.Items {
		out = append(out, formRow{item: i, field: -1})
	}
	for j, fl := range f.fields {
		out = append(out, formRow{item: -1, field: j})
		if fl.typ == model.FieldLines || fl.typ == "" {
			for _, e := range f.data.In(f.slot(fl.key)) {
				out = append(out, formRow{item: -1, field: j, entry: e.ID})
			}
		}
	}
	return out
}

func (f *captureForm) slot(field string) model.Slot {
	return model.Slot{Exercise: f.env.Ex.ID, Field: field}
}

// current is the row under the cursor and its entry, if it is a line.
func (f *captureForm) current() (formRow, model.Entry, bool) {
	rows := f.rows()
	if len(rows) == 0 {
		return formRow{item: -1, field: -1}, model.Entry{}, false
	}
	r := rows[min(f.row, len(rows)-1)]
	e, ok := f.data.Entry(r.entry)
	return r, e, ok && r.entry != ""
}

// commit saves a change and notes it in the header.
func (f *captureForm) commit(c model.Change) tea.Cmd {
	if f.env.Live == nil {
		f.status = "not saved: no session is open"
		return nil
	}
	f.save.note()
	return f.env.Live.Commit(c)
}

// Update implements tea.Model.
func (f *captureForm) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.width, f.height = msg.Width, msg.Height
		f.help.Width = msg.Width
		f.input.SetWidth(msg.Width)
		if f.plan != nil {
			f.plan.SetWidth(msg.Width)
		}
		f.refresh()
		return f, nil
	case SavedMsg:
		f.save.done(msg)
		if msg.Err != nil && msg.Change.Op == model.OpAddEntry && !f.input.Active() {
			// Not saved: put the text back so that nothing typed is lost.
			f.purpose, f.target = formAddLine, msg.Change.Entry.Field
			f.status = "not saved; the line is back in the input: enter tries again"
			return f, f.input.Open("try again", msg.Change.Entry.Text, f.draftKey(msg.Change.Entry.Field))
		}
		if msg.Err != nil && msg.Change.Op == model.OpPutAction && msg.Change.Action.ID == "" && f.plan != nil && !f.plan.Typing() {
			f.planTab = true
			return f, f.plan.Recover(msg.Change.Action.Text)
		}
		f.refresh()
		if msg.Err == nil && msg.Change.Op == model.OpAddEntry && f.follow {
			f.follow = false
			for i, r := range f.rows() {
				if r.entry == msg.Change.Entry.ID {
					f.row = i
				}
			}
		}
		return f, nil
	case ChangedMsg:
		f.refresh()
		return f, nil
	case statusMsg:
		f.status = msg.text
		return f, nil
	case tea.KeyMsg:
		return f, f.key(msg)
	}
	if f.input.Active() {
		_, cmd := f.input.Update(msg)
		return f, cmd
	}
	if f.plan != nil && f.plan.Typing() {
		cmd, _ := f.plan.Update(msg, &f.data)
		return f, cmd
	}
	return f, nil
}

func (f *captureForm) key(msg tea.KeyMsg) tea.Cmd {
	if f.input.Active() {
		return f.inputKey(msg)
	}
	if f.confirm != "" {
		id := f.confirm
		f.confirm = ""
		if msg.String() == "y" {
			f.status = "deleted"
			return f.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
		}
		f.status = "kept"
		return nil
	}
	if f.plan != nil && f.plan.Typing() {
		cmd, _ := f.plan.Update(msg, &f.data)
		return cmd
	}
	f.status = ""
	k := f.keys
	switch {
	case key.Matches(msg, k.Back):
		if f.summary || f.full {
			f.summary, f.full = false, false
			return nil
		}
		return closeRunner
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		f.full = !f.full
		return nil
	case key.Matches(msg, k.Summary):
		f.summary = !f.summary
		f.sum.scroll = 0
		f.refresh()
		return nil
	case key.Matches(msg, k.Tab):
		f.planTab = !f.planTab
		return nil
	case key.Matches(msg, k.Seesaw):
		f.seesaw = !f.seesaw
		f.refresh()
		return nil
	case key.Matches(msg, k.FullSeesaw):
		return func() tea.Msg { return openSeesawMsg{} }
	case key.Matches(msg, k.Parking):
		return func() tea.Msg { return openParkingMsg{} }
	}
	if f.summary {
		switch {
		case key.Matches(msg, k.Down):
			f.sum.scrollBy(1)
		case key.Matches(msg, k.Up):
			f.sum.scrollBy(-1)
		}
		return nil
	}
	if f.planTab && f.plan != nil {
		cmd, _ := f.plan.Update(msg, &f.data)
		return cmd
	}
	return f.formKey(msg)
}

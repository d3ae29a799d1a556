package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// formKey handles a key on the capture tab.
func (f *captureForm) formKey(msg tea.KeyMsg) tea.Cmd {
	k := f.keys
	r, e, isLine := f.current()
	switch {
	case key.Matches(msg, k.Down):
		f.row = min(f.row+1, max(len(f.rows())-1, 0))
	case key.Matches(msg, k.Up):
		f.row = max(f.row-1, 0)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		right := key.Matches(msg, k.Right)
		if r.item >= 0 {
			return f.stepStatus(r.item, right)
		}
		if r.field >= 0 {
			return f.choose(f.fields[r.field], right)
		}
	case key.Matches(msg, k.Pick):
		n, _ := strconv.Atoi(msg.String())
		if r.item >= 0 {
			return f.setStatus(r.item, n-1)
		}
		if isLine {
			return f.weigh(e, n)
		}
	case key.Matches(msg, k.Clear):
		if r.item >= 0 {
			return f.setStatus(r.item, -1)
		}
	case key.Matches(msg, k.Note):
		if r.item >= 0 {
			return f.openNote(r.item)
		}
	case key.Matches(msg, k.Add):
		if r.item >= 0 {
			return f.openNote(r.item)
		}
		return f.add(r)
	case key.Matches(msg, k.Edit):
		switch {
		case r.item >= 0:
			return f.openNote(r.item)
		case isLine:
			f.purpose, f.target = formEditLine, e.ID
			return f.input.Open("edit line", e.Text, f.draftKey(e.Field))
		case r.field >= 0 && f.fields[r.field].typ == model.FieldText:
			return f.add(r)
		}
	case key.Matches(msg, k.Delete):
		target := e
		ok := isLine
		if r.item >= 0 {
			target, ok = f.data.Value(f.slot(model.ItemNoteField(r.item)))
		}
		if r.item < 0 && !isLine && r.field >= 0 && f.fields[r.field].typ == model.FieldText {
			target, ok = f.data.Value(f.slot(f.fields[r.field].key))
		}
		if ok {
			f.confirm = target.ID
			f.status = "delete this? y: delete · any other key: keep"
		}
	case key.Matches(msg, k.Positive):
		return f.tag(e, isLine, model.TagPositive)
	case key.Matches(msg, k.Challenge):
		return f.tag(e, isLine, model.TagChallenge)
	}
	return nil
}

// status is the option chosen for item i, and its index in the scale (-1
// for none).
func (f *captureForm) itemStatus(i int) (model.Entry, int) {
	e, ok := f.data.Value(f.slot(model.ItemField(i)))
	if !ok {
		return e, -1
	}
	for j, o := range f.env.Ex.Scale {
		if o == e.Value {
			return e, j
		}
	}
	return e, -1
}

// stepStatus moves item i's status along its scale: none, then each
// option; left from the first option clears it.
func (f *captureForm) stepStatus(i int, right bool) tea.Cmd {
	_, j := f.itemStatus(i)
	if right {
		return f.setStatus(i, min(j+1, len(f.env.Ex.Scale)-1))
	}
	return f.setStatus(i, max(j-1, -1))
}

// setStatus chooses option j of the scale for item i (-1 clears it).
func (f *captureForm) setStatus(i, j int) tea.Cmd {
	scale := f.env.Ex.Scale
	old, cur := f.itemStatus(i)
	if j >= len(scale) || j == cur {
		return nil
	}
	if j < 0 {
		if old.ID == "" {
			return nil
		}
		return f.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: old.ID}})
	}
	return f.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: f.env.Ex.ID, Field: model.ItemField(i), Value: scale[j]}})
}

func (f *captureForm) openNote(i int) tea.Cmd {
	field := model.ItemNoteField(i)
	old, _ := f.data.Value(f.slot(field))
	f.purpose, f.target = formNote, field
	return f.input.Open("note on item "+strconv.Itoa(i+1), old.Text, f.draftKey(field))
}

// add opens the input for a new line of the row's field, or its text, or
// moves its choice right.
func (f *captureForm) add(r formRow) tea.Cmd {
	if r.field < 0 {
		return nil
	}
	fl := f.fields[r.field]
	switch fl.typ {
	case model.FieldContinuum, model.FieldChoice:
		return f.choose(fl, true)
	case model.FieldText:
		old, _ := f.data.Value(f.slot(fl.key))
		f.purpose, f.target = formSetText, fl.key
		return f.input.Open(fl.label, old.Text, f.draftKey(fl.key))
	}
	f.purpose, f.target = formAddLine, fl.key
	return f.input.Open(fl.label, "", f.draftKey(fl.key))
}

// choose moves a continuum or choice field's selection.
func (f *captureForm) choose(fl dField, right bool) tea.Cmd {
	opts := choices(fl)
	if len(opts) == 0 {
		return nil
	}
	old, _ := f.data.Value(f.slot(fl.key))
	i := -1
	for j, o := range opts {
		if o == old.Value {
			i = j
		}
	}
	switch {
	case i < 0 && right:
		i = 0
	case i < 0:
		i = len(opts) - 1
	case right:
		i = min(i+1, len(opts)-1)
	default:
		i = max(i-1, 0)
	}
	if opts[i] == old.Value {
		return nil
	}
	return f.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: f.env.Ex.ID, Field: fl.key, Value: opts[i]}})
}

func (f *captureForm) tag(e model.Entry, isLine bool, tag string) tea.Cmd {
	if !isLine {
		f.status = "choose a line first (↑/↓)"
		return nil
	}
	if e.Tag == tag {
		e.Tag, e.Weight = model.TagNone, 0
	} else {
		e.Tag, e.Weight = tag, max(e.Weight, 1)
	}
	return f.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

func (f *captureForm) weigh(e model.Entry, w int) tea.Cmd {
	if e.Tag == model.TagNone {
		f.status = "tag the line first: p positive, c challenge"
		return nil
	}
	e.Weight = model.ClampWeight(w)
	return f.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

func (f *captureForm) inputKey(msg tea.KeyMsg) tea.Cmd {
	cmd := f.input.Key(msg, f.submit)
	if !f.input.Active() {
		f.status = ""
	}
	return cmd
}

// submit saves what the input was opened for.
func (f *captureForm) submit(text string) tea.Cmd {
	ex := f.env.Ex.ID
	switch f.purpose {
	case formAddLine:
		f.follow = true
		return f.commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: ex, Field: f.target, Text: text}})
	case formSetText, formNote:
		return f.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: ex, Field: f.target, Text: text}})
	case formEditLine:
		e, ok := f.data.Entry(f.target)
		if !ok {
			f.status = "that line is gone"
			return nil
		}
		e.Text = text
		return f.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
	}
	return nil
}

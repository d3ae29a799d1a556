package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

func (d *Discussion) inputKey(msg tea.KeyMsg) tea.Cmd {
	return d.input.Key(msg, d.submit)
}

// submit saves what the input was opened for.
func (d *Discussion) submit(text string) tea.Cmd {
	ex := d.env.Ex.ID
	switch d.purpose {
	case purposeAdd:
		d.follow = true
		return d.commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: ex, Group: d.groupKey(), Field: d.target, Text: text}})
	case purposeSetText:
		return d.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: ex, Group: d.groupKey(), Field: d.target, Text: text}})
	case purposeEdit:
		e, ok := d.data.Entry(d.target)
		if !ok {
			d.status = "that line is gone"
			return nil
		}
		e.Text = text
		return d.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
	case purposeRename:
		return d.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: ex, Group: d.groupKey(), Field: model.FieldGroupName, Text: text}})
	}
	return nil
}

// add opens the input for a new line of the current field (or to set a
// text field); on a continuum or choice field it moves the choice right.
func (d *Discussion) add() tea.Cmd {
	_, f, _, _ := d.current()
	switch f.typ {
	case "":
		return nil
	case model.FieldContinuum, model.FieldChoice:
		return d.choose(true)
	case model.FieldText:
		d.purpose, d.target = purposeSetText, f.key
		old, _ := d.data.Value(d.slot(f.key))
		return d.input.Open(f.label, old.Text, d.draftKey(f.key))
	}
	d.purpose, d.target = purposeAdd, f.key
	return d.input.Open(f.label, "", d.draftKey(f.key))
}

func (d *Discussion) edit() tea.Cmd {
	_, f, e, ok := d.current()
	if !ok {
		if f.typ == model.FieldText {
			return d.add()
		}
		return nil
	}
	d.purpose, d.target = purposeEdit, e.ID
	return d.input.Open("edit line", e.Text, d.draftKey(f.key))
}

// choices are a field's options: the continuum's three positions, or the
// field's own.
func choices(f dField) []string {
	if f.typ == model.FieldContinuum {
		return []string{model.Attached.String(), model.Aligned.String(), model.Embedded.String()}
	}
	return f.options
}

// choose moves a continuum or choice field's selection left or right.
func (d *Discussion) choose(right bool) tea.Cmd {
	_, f, _, _ := d.current()
	opts := choices(f)
	if len(opts) == 0 {
		return nil
	}
	cur := d.choiceOf(d.slot(f.key))
	i := -1
	for j, o := range opts {
		if o == cur {
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
	if opts[i] == cur {
		return nil
	}
	d.chosen[d.slot(f.key)] = opts[i]
	return d.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: d.env.Ex.ID, Group: d.groupKey(), Field: f.key, Value: opts[i]}})
}

// tag marks the current line positive or challenge; the same tag again
// takes it off.
func (d *Discussion) tag(tag string) tea.Cmd {
	_, _, e, ok := d.current()
	if !ok {
		d.status = "choose a line first (↑/↓)"
		return nil
	}
	if e.Tag == tag {
		e.Tag, e.Weight = model.TagNone, 0
	} else {
		e.Tag, e.Weight = tag, max(e.Weight, 1)
	}
	return d.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

func (d *Discussion) weigh(k string) tea.Cmd {
	_, _, e, ok := d.current()
	if !ok || e.Tag == model.TagNone {
		d.status = "tag the line first: p positive, c challenge"
		return nil
	}
	w, _ := strconv.Atoi(k)
	e.Weight = model.ClampWeight(w)
	return d.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

func (d *Discussion) moveTo(k string) tea.Cmd {
	id := d.moving
	d.moving = ""
	n, err := strconv.Atoi(k)
	if err != nil || n < 1 || n > len(d.groups) {
		d.status = "not moved"
		return nil
	}
	e, ok := d.data.Entry(id)
	if !ok {
		return nil
	}
	e.Group = d.groups[n-1].Key
	d.status = "moved to " + d.groups[n-1].Name
	return d.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

// choiceOf is a choice slot's value: the one just chosen if its save has
// not come back yet (keys pressed in quick succession build on it), else
// the saved one.
func (d *Discussion) choiceOf(s model.Slot) string {
	if v, ok := d.chosen[s]; ok {
		return v
	}
	v, _ := d.data.Value(s)
	return v.Value
}

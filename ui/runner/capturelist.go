package runner

import (
	"slices"
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// dField is one field a capture list shows: an exercise field, a prompt
// or the closing question.
type dField struct {
	key, label, typ string
	options         []string
}

// exerciseFields are an exercise's own fields.
func exerciseFields(ex *model.Exercise) []dField {
	out := make([]dField, 0, len(ex.Fields))
	for _, f := range ex.Fields {
		out = append(out, dField{key: f.Key, label: f.Label, typ: f.Type, options: f.Options})
	}
	return out
}

// promptFields are the facilitator's prompts and the closing question,
// captured as lines.
func promptFields(ex *model.Exercise) []dField {
	var out []dField
	for i, p := range ex.Prompts {
		out = append(out, dField{key: model.PromptField(i), label: "Prompt: " + p, typ: model.FieldLines})
	}
	if ex.Closing != "" {
		out = append(out, dField{key: model.FieldClosing, label: "Closing: " + ex.Closing, typ: model.FieldLines})
	}
	return out
}

// choices are a field's options: the continuum's three positions, or the
// field's own.
func choices(f dField) []string {
	if f.typ == model.FieldContinuum {
		return []string{model.Attached.String(), model.Aligned.String(), model.Embedded.String()}
	}
	return f.options
}

// itemCursor is a selection that follows its item, not its row: it keeps the
// item's key, so that after a re-sort, an add, a move or a delete it is
// still on the item acted on (or, if that item is gone, on the row where
// it was).
type itemCursor struct {
	key string
	idx int
}

// at is the cursor's row among keys, and makes the cursor that row's.
func (c *itemCursor) at(keys []string) int {
	if len(keys) == 0 {
		return 0
	}
	if i := slices.Index(keys, c.key); i >= 0 {
		c.idx = i
		return i
	}
	c.idx = min(max(c.idx, 0), len(keys)-1)
	c.key = keys[c.idx]
	return c.idx
}

// move moves the cursor by d rows.
func (c *itemCursor) move(keys []string, d int) {
	if len(keys) == 0 {
		return
	}
	i := min(max(c.at(keys)+d, 0), len(keys)-1)
	c.key, c.idx = keys[i], i
}

// set puts the cursor on the item with key k.
func (c *itemCursor) set(k string) { c.key = k }

// rowKind says what a capture row is.
type rowKind int

const (
	rowItem  rowKind = iota // an item with a status on the exercise's scale, and a note
	rowField                // a field's heading (and its value, for a single value)
	rowLine                 // one captured line of a lines field
)

// crow is one row of a capture list.
type crow struct {
	key   string
	kind  rowKind
	item  int
	field dField
	entry model.Entry
}

// CaptureKeys are the keys of a capture list.
type CaptureKeys struct {
	Up, Down, Left, Right, Pick, Clear, Add, Note, Edit, Delete, Positive, Challenge key.Binding
}

// DefaultCaptureKeys returns the capture list's keys; items says whether
// the list has items with a status.
func DefaultCaptureKeys(items bool) CaptureKeys {
	k := CaptureKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous row")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next row")),
		Left:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "choice left")),
		Right:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "choice right")),
		Pick:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-3", "line weight")),
		Clear:     key.NewBinding(key.WithKeys("0"), key.WithHelp("0", "clear status")),
		Add:       key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "add a line / write")),
		Note:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note on item")),
		Edit:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:    key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete (asks)")),
		Positive:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "tag positive")),
		Challenge: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "tag challenge")),
	}
	k.Note.SetEnabled(items)
	k.Clear.SetEnabled(items)
	if items {
		k.Left.SetHelp("←/h", "status / choice left")
		k.Right = key.NewBinding(key.WithKeys("right", "l", " "), key.WithHelp("→/l/space", "status / choice right"))
		k.Pick.SetHelp("1-9", "status n · line weight")
	}
	return k
}

// Bindings lists the keys for help.
func (k CaptureKeys) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Pick, k.Clear, k.Note, k.Add, k.Edit, k.Delete, k.Positive, k.Challenge}
}

// captureList is the capture every form-like kind shares: an exercise's
// items (each with a status and a note), then fields (a heading, and a
// value or lines), in one group. A pane keeps one per tab or group.
type captureList struct {
	keys   CaptureKeys
	items  bool
	fields []dField
	cur    itemCursor
}

func newCaptureList(items bool, fields []dField) captureList {
	return captureList{keys: DefaultCaptureKeys(items), items: items, fields: fields}
}

// rows lists the list's rows in group.
func (l *captureList) rows(h *Host, group string) []crow {
	var out []crow
	if l.items {
		for i := range h.env.Ex.Items {
			out = append(out, crow{key: "item/" + strconv.Itoa(i), kind: rowItem, item: i})
		}
	}
	for _, f := range l.fields {
		out = append(out, crow{key: "field/" + f.key, kind: rowField, item: -1, field: f})
		if f.typ == model.FieldLines || f.typ == "" {
			for _, e := range h.data.In(h.Slot(group, f.key)) {
				out = append(out, crow{key: e.ID, kind: rowLine, item: -1, field: f, entry: e})
			}
		}
	}
	return out
}

func rowKeys(rows []crow) []string { return keysOf(rows, func(r crow) string { return r.key }) }

// keysOf lists the keys of items, in order: what an itemCursor follows.
func keysOf[T any](items []T, key func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = key(it)
	}
	return out
}

// current is the row under the cursor.
func (l *captureList) current(h *Host, group string) (crow, bool) {
	rows := l.rows(h, group)
	if len(rows) == 0 {
		return crow{item: -1}, false
	}
	return rows[l.cur.at(rowKeys(rows))], true
}

// focus puts the cursor on a field's heading (for recovered typing).
func (l *captureList) focus(field string) { l.cur.set("field/" + field) }

// key handles a key on the list; handled is false for keys it has none for.
func (l *captureList) key(h *Host, group string, msg tea.KeyMsg) (bool, tea.Cmd) {
	k := l.keys
	rows := l.rows(h, group)
	r, ok := l.current(h, group)
	if !ok {
		return false, nil
	}
	switch {
	case common.Matches(msg, k.Down):
		l.cur.move(rowKeys(rows), 1)
	case common.Matches(msg, k.Up):
		l.cur.move(rowKeys(rows), -1)
	case common.Matches(msg, k.Left), common.Matches(msg, k.Right):
		right := common.Matches(msg, k.Right)
		if r.kind == rowItem {
			_, j := itemStatus(h, r.item)
			if right {
				return true, setStatus(h, r.item, min(j+1, len(h.env.Ex.Scale)-1))
			}
			return true, setStatus(h, r.item, max(j-1, -1))
		}
		if r.kind == rowField {
			return true, choose(h, group, r.field, right)
		}
	case common.Matches(msg, k.Pick):
		n, _ := strconv.Atoi(common.KeyName(msg))
		switch r.kind {
		case rowItem:
			return true, setStatus(h, r.item, n-1)
		case rowLine:
			return true, weigh(h, r.entry, n)
		}
	case common.Matches(msg, k.Clear):
		if r.kind == rowItem {
			return true, setStatus(h, r.item, -1)
		}
	case common.Matches(msg, k.Note), common.Matches(msg, k.Add) && r.kind == rowItem, common.Matches(msg, k.Edit) && r.kind == rowItem:
		if r.kind == rowItem {
			return true, l.note(h, r.item)
		}
	case common.Matches(msg, k.Add):
		return true, l.add(h, group, r.field)
	case common.Matches(msg, k.Edit):
		switch {
		case r.kind == rowLine:
			return true, h.Input("edit line", r.entry.Text, h.Slot(group, r.field.key), func(text string) tea.Cmd {
				e, ok := h.data.Entry(r.entry.ID)
				if !ok {
					h.Status("that line is gone")
					return nil
				}
				e.Text = text
				return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
			})
		case r.field.typ == model.FieldText:
			return true, l.add(h, group, r.field)
		}
	case common.Matches(msg, k.Delete):
		target, found := r.entry, r.kind == rowLine
		if r.kind == rowItem {
			target, found = h.data.Value(h.Slot(group, model.ItemNoteField(r.item)))
		}
		if r.kind == rowField && r.field.typ == model.FieldText {
			target, found = h.data.Value(h.Slot(group, r.field.key))
		}
		if found {
			id := target.ID
			h.Ask("delete “"+common.Clip(model.SanitizeLine(target.Text), 40)+"”?", func() tea.Cmd {
				h.Status("deleted")
				return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
			})
		}
	case common.Matches(msg, k.Positive), common.Matches(msg, k.Challenge):
		if r.kind != rowLine {
			h.Status("choose a line first (↑/↓)")
			return true, nil
		}
		tag := model.TagPositive
		if common.Matches(msg, k.Challenge) {
			tag = model.TagChallenge
		}
		return true, tagLine(h, r.entry, tag)
	default:
		return false, nil
	}
	return true, nil
}

// add opens the input for a new line of f, or its text, or moves its
// choice right.
func (l *captureList) add(h *Host, group string, f dField) tea.Cmd {
	slot := h.Slot(group, f.key)
	switch f.typ {
	case model.FieldContinuum, model.FieldChoice:
		return choose(h, group, f, true)
	case model.FieldText:
		old, _ := h.data.Value(slot)
		return h.Input(f.label, old.Text, slot, func(text string) tea.Cmd {
			return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: slot.Exercise, Group: group, Field: f.key, Text: text}})
		})
	}
	return h.Input(f.label, "", slot, func(text string) tea.Cmd {
		cmd := h.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: slot.Exercise, Group: group, Field: f.key, Text: text}})
		l.cur.set(h.LastID())
		return cmd
	})
}

// note opens the input for item i's note.
func (l *captureList) note(h *Host, i int) tea.Cmd {
	slot := h.Slot("", model.ItemNoteField(i))
	old, _ := h.data.Value(slot)
	return h.Input("note on item "+strconv.Itoa(i+1), old.Text, slot, func(text string) tea.Cmd {
		return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: slot.Exercise, Field: slot.Field, Text: text}})
	})
}

// itemStatus is item i's status entry and its index in the scale (-1: none).
func itemStatus(h *Host, i int) (model.Entry, int) {
	e, ok := h.data.Value(h.Slot("", model.ItemField(i)))
	if !ok {
		return e, -1
	}
	return e, slices.Index(h.env.Ex.Scale, e.Value)
}

// setStatus chooses option j of the scale for item i (-1 clears it).
func setStatus(h *Host, i, j int) tea.Cmd {
	scale := h.env.Ex.Scale
	old, cur := itemStatus(h, i)
	if j >= len(scale) || j == cur || j < -1 {
		return nil
	}
	if j < 0 {
		return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: old.ID}})
	}
	return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: h.env.Ex.ID, Field: model.ItemField(i), Value: scale[j]}})
}

// choose moves a continuum or choice field's selection left or right,
// from the choice shown (which a choice just made, still saving, is).
func choose(h *Host, group string, f dField, right bool) tea.Cmd {
	opts := choices(f)
	if len(opts) == 0 {
		return nil
	}
	old, _ := h.data.Value(h.Slot(group, f.key))
	i := slices.Index(opts, old.Value)
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
	return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: h.env.Ex.ID, Group: group, Field: f.key, Value: opts[i]}})
}

// tagLine marks a line positive or challenge; the same tag again takes it off.
func tagLine(h *Host, e model.Entry, tag string) tea.Cmd {
	if e.Tag == tag {
		e.Tag, e.Weight = model.TagNone, 0
	} else {
		e.Tag, e.Weight = tag, max(e.Weight, 1)
	}
	return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

// weigh sets a tagged line's weight.
func weigh(h *Host, e model.Entry, w int) tea.Cmd {
	if e.Tag == model.TagNone {
		h.Status("tag the line first: p positive, c challenge")
		return nil
	}
	e.Weight = model.ClampWeight(w)
	return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

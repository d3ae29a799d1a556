package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// noteField is one field of a notes pane: a lines field (any number of
// captured lines) or a single text answer.
type noteField struct {
	group, key, label string
	single            bool
}

// notesPane captures free lines under labelled fields: an exercise's own
// lines fields, its prompts and its closing question.
type notesPane struct {
	fields []noteField
	cursor int
	// editing: the entry being edited ("" when adding) and its field.
	editID    string
	editField int
}

// promptFields are an exercise's prompts and closing question as lines
// fields of the whole team.
func promptNoteFields(ex *model.Exercise) []noteField {
	var out []noteField
	for i, p := range ex.Prompts {
		out = append(out, noteField{key: model.PromptField(i), label: "Prompt: " + p})
	}
	if ex.Closing != "" {
		out = append(out, noteField{key: model.FieldClosing, label: "Closing: " + ex.Closing})
	}
	return out
}

// exerciseLineFields are the exercise's own fields of type lines or text.
func exerciseLineFields(ex *model.Exercise, group string) []noteField {
	var out []noteField
	for _, f := range ex.Fields {
		switch f.Type {
		case model.FieldLines, "":
			out = append(out, noteField{group: group, key: f.Key, label: f.Label})
		case model.FieldText:
			out = append(out, noteField{group: group, key: f.Key, label: f.Label, single: true})
		}
	}
	return out
}

// noteRow is a row of the pane: a field's heading (entry "") or a line.
type noteRow struct {
	field int
	entry string
}

func (p *notesPane) rows(k *kit) []noteRow {
	var out []noteRow
	for i, f := range p.fields {
		out = append(out, noteRow{field: i})
		if !f.single {
			for _, e := range k.data.In(k.slot(f.group, f.key)) {
				out = append(out, noteRow{field: i, entry: e.ID})
			}
		}
	}
	return out
}

// notesKeys are the notes pane's bindings.
type notesKeys struct {
	Up, Down, Add, Edit, Delete key.Binding
}

func defaultNotesKeys() notesKeys {
	return notesKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous line")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next line")),
		Add:    key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "add a line (write the answer)")),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit line")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete line")),
	}
}

func (n notesKeys) list() []key.Binding { return []key.Binding{n.Up, n.Down, n.Add, n.Edit, n.Delete} }

// key handles a key on the pane (not typing).
func (p *notesPane) key(k *kit, msg tea.KeyMsg, nk notesKeys) tea.Cmd {
	rows := p.rows(k)
	if len(rows) == 0 {
		return nil
	}
	p.cursor = min(p.cursor, len(rows)-1)
	r := rows[p.cursor]
	f := p.fields[r.field]
	switch {
	case keyMatches(msg, nk.Up):
		p.cursor = max(p.cursor-1, 0)
	case keyMatches(msg, nk.Down):
		p.cursor = min(p.cursor+1, len(rows)-1)
	case keyMatches(msg, nk.Add):
		p.editField = r.field
		if f.single {
			v, _ := k.data.Value(k.slot(f.group, f.key))
			p.editID = v.ID
			return k.input.Open(f.label, v.Text, k.draftKey(f.group, f.key))
		}
		p.editID = ""
		return k.input.Open(f.label, "", k.draftKey(f.group, f.key))
	case keyMatches(msg, nk.Edit):
		e, ok := k.data.Entry(r.entry)
		if !ok {
			if f.single {
				return p.key(k, tea.KeyMsg{Type: tea.KeyEnter}, nk)
			}
			return nil
		}
		p.editField, p.editID = r.field, e.ID
		return k.input.Open(f.label, e.Text, k.draftKey(f.group, f.key))
	case keyMatches(msg, nk.Delete):
		id := r.entry
		if f.single {
			v, ok := k.data.Value(k.slot(f.group, f.key))
			if !ok {
				return nil
			}
			id = v.ID
		}
		if id == "" {
			return nil
		}
		k.ask("Delete this line?", func() tea.Cmd {
			k.status = "line deleted"
			return k.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
		})
	}
	return nil
}

// submit saves what the input holds for the pane.
func (p *notesPane) submit(k *kit, text string) tea.Cmd {
	if p.editField >= len(p.fields) {
		return nil
	}
	f := p.fields[p.editField]
	if f.single {
		return k.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: k.env.Ex.ID, Group: f.group, Field: f.key, Text: text}})
	}
	if p.editID != "" {
		if e, ok := k.data.Entry(p.editID); ok {
			e.Text = text
			return k.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
		}
	}
	return k.commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: k.env.Ex.ID, Group: f.group, Field: f.key, Text: text}})
}

// count is the number of lines captured in the pane.
func (p *notesPane) count(k *kit) int {
	n := 0
	for _, f := range p.fields {
		n += len(k.data.In(k.slot(f.group, f.key)))
	}
	return n
}

// view draws the pane in h lines, the cursor kept in sight.
func (p *notesPane) view(k *kit, w, h int, focused bool) string {
	t := k.env.Theme
	rows := p.rows(k)
	var lines []string
	cur := 0
	for i, r := range rows {
		f := p.fields[r.field]
		sel := focused && i == p.cursor
		if sel {
			cur = len(lines)
		}
		if r.entry == "" {
			if r.field > 0 {
				lines = append(lines, "")
				if sel {
					cur++
				}
			}
			label := model.SanitizeLine(f.label)
			if f.single {
				v, _ := k.data.Value(k.slot(f.group, f.key))
				val := t.Dim.Render("— enter to write")
				if v.Text != "" {
					val = model.SanitizeLine(v.Text)
				}
				lines = append(lines, k.mark(sel, t.Accent.Render(label)), "     "+val)
				continue
			}
			n := len(k.data.In(k.slot(f.group, f.key)))
			lines = append(lines, k.mark(sel, t.Accent.Render(fmt.Sprintf("%s (%d)", label, n))))
			continue
		}
		e, _ := k.data.Entry(r.entry)
		val := ""
		if e.Value != "" {
			val = "[" + model.SanitizeLine(e.Value) + "] "
		}
		lines = append(lines, k.mark(sel, "   • "+val+model.SanitizeLine(e.Text)))
	}
	if len(lines) == 0 {
		return t.Dim.Render("Nothing to write here.")
	}
	return strings.Join(window(lines, cur, h), "\n")
}

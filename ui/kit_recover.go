package ui

import tea "github.com/charmbracelet/bubbletea"

// The old engine's draft recovery and notes input, still used by the
// kinds not yet moved to the runner host (case review, card sort). This
// file goes with kit.go and kit_lines.go.

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

package common

import (
	"fmt"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// TextField is the one-line text field every screen types into (capture,
// workshop set-up, search, go to, filters). It opens empty or with its
// old value selected, so typing never appends to an old value by
// surprise: a key typed replaces the selection, an arrow, home or end
// edits it, enter keeps it. Text that arrives in one read (a paste, fast
// typing, an SSH link) is inserted as typed and never drives the field's
// own bindings; control characters are dropped, and what goes over the
// limit is cut and counted for the screen to say.
type TextField struct {
	ti       textinput.Model
	selected bool
	limit    int
	cut      int // runes of the last insert left out
}

func NewTextField(t Theme, prompt string, limit int) TextField {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.PromptStyle = t.Input
	ti.CharLimit = limit
	ti.KeyMap.Paste.SetEnabled(false)      // a terminal's bracketed paste still arrives, as text
	ti.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor would wake the program twice a second
	return TextField{ti: ti, limit: limit}
}

// Open focuses the field with value selected ("" opens it empty).
func (f *TextField) Open(value string) tea.Cmd {
	f.ti.SetValue(value)
	f.ti.CursorEnd()
	f.selected, f.cut = value != "", 0
	return f.ti.Focus()
}

// SetValue puts text in the field, not selected, the cursor at its end.
func (f *TextField) SetValue(text string) {
	f.ti.SetValue(text)
	f.ti.CursorEnd()
	f.selected = false
}

func (f *TextField) Value() string { return f.ti.Value() }

// SetPrompt changes the text shown before the field.
func (f *TextField) SetPrompt(p string) { f.ti.Prompt = p }

// SetPlaceholder changes the grey text shown while the field is empty.
func (f *TextField) SetPlaceholder(p string) { f.ti.Placeholder = p }

// Update passes a message that is not a key press (a cursor blink, a
// focus change) to the underlying input.
func (f *TextField) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.ti, cmd = f.ti.Update(msg)
	return cmd
}
func (f *TextField) Blur() { f.ti.Blur() }

// SetWidth fits the field to w columns, prompt included.
func (f *TextField) SetWidth(w int) { f.ti.Width = max(w-lipgloss.Width(f.ti.Prompt)-1, 1) }

// Key edits the field with a key press or a piece of text.
func (f *TextField) Key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case IsText(msg) || (msg.Type == tea.KeyRunes && !msg.Alt):
		f.insert(msg.Runes)
	case msg.Type == tea.KeySpace:
		f.insert([]rune{' '})
	case f.selected && (msg.Type == tea.KeyBackspace || msg.Type == tea.KeyDelete):
		f.ti.SetValue("")
		f.selected = false
	default:
		f.selected = false
		var cmd tea.Cmd
		f.ti, cmd = f.ti.Update(msg)
		return cmd
	}
	return nil
}

// insert puts runes at the cursor as typed text, cleaned as every input
// is (model.CleanInput: escape sequences removed whole, control and bidi
// characters dropped, newlines and tabs made spaces).
func (f *TextField) insert(rs []rune) {
	rs = []rune(model.CleanInput(string(rs)))
	if f.selected {
		f.ti.SetValue("")
		f.selected = false
	}
	val := []rune(f.ti.Value())
	pos := min(f.ti.Position(), len(val))
	room := len(rs)
	if f.limit > 0 {
		room = max(f.limit-len(val), 0)
	}
	f.cut = 0
	if len(rs) > room {
		f.cut = len(rs) - room
		rs = rs[:room]
	}
	out := append(append(append([]rune{}, val[:pos]...), rs...), val[pos:]...)
	f.ti.SetValue(string(out))
	f.ti.SetCursor(pos + len(rs))
}

// View is the field; a selected old value shows highlighted, with a hint.
func (f *TextField) View(t Theme) string {
	if !f.selected {
		return f.ti.View()
	}
	return t.Input.Render(f.ti.Prompt) + t.Selected.Render(model.SanitizeLine(f.ti.Value())) +
		t.Dim.Render("  (typing replaces it · ←/→ edit it)")
}

// CutNote says what the last paste lost, or "".
func (f *TextField) CutNote() string {
	if f.cut == 0 {
		return ""
	}
	return fmt.Sprintf("the paste was cut at %d characters: %d left out", f.limit, f.cut)
}

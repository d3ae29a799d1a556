package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// draftEvery is how long typing waits before its draft is saved: a crash
// loses at most about this much of what was being typed, plus the save.
const draftEvery = time.Second

// tick schedules a message after d; tests replace it so that nothing
// waits on the wall clock.
var tick = tea.Tick

// inputResult is what a keypress did to a capture input.
type inputResult int

const (
	inputTyping inputResult = iota // still typing (or confirming)
	inputSubmit                    // Value is ready to save
	inputCancel                    // closed without saving
)

// draftTickMsg asks a capture input to save its draft.
type draftTickMsg struct {
	key string
	gen int
}

// CaptureInput is the one-line input every exercise captures text with.
// It keeps a draft of what is typed (saved about once a second while the
// text changes), strips control characters and escape sequences as they
// arrive, and runs the privacy guard (SPEC section 10) before anything is
// saved: text that looks like it identifies a person needs a second,
// deliberate confirmation.
type CaptureInput struct {
	ti        textinput.Model
	theme     Theme
	live      *Live
	draftKey  string
	gen       int
	ticking   bool
	saved     string // the text of the last draft saved
	findings  []model.Finding
	value     string // the submitted text
	active    bool
	selected  bool // the old value is selected: typing replaces it
	empty     bool // enter on nothing submits "" (a step that can be skipped)
	noGuard   bool // the text is parsed, not kept (a date): no privacy check
	held      bool // the draft holds a likely identifier: kept in memory only
	cut       int  // runes of the last paste left out (over the limit)
	submitted bool // the last key submitted the text
	keep      bool // the save asked to keep the input open
	reopened  bool // the save opened the input again
	accept    key.Binding
	cancel    key.Binding
	confirm   key.Binding
}

// NewCaptureInput builds an inactive input; live may be nil (no drafts).
func NewCaptureInput(theme Theme, live *Live) CaptureInput {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.PromptStyle = theme.Input
	ti.CharLimit = maxInputRunes
	ti.KeyMap.Paste.SetEnabled(false)      // bracketed paste from the terminal still works, filtered
	ti.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor would wake the program twice a second
	return CaptureInput{
		ti: ti, theme: theme, live: live,
		accept:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		confirm: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "save anyway")),
	}
}

// maxInputRunes is the longest text one input takes; a longer paste is
// cut there, and the input says how much was left out.
const maxInputRunes = 4000

// Open starts typing with a prompt and the old value ("" for new text);
// draftKey names where the draft is kept ("" for none). An old value
// opens selected: typing replaces it, an arrow key or home/end edits it,
// enter keeps it. Typing never appends to an old value by surprise.
func (c *CaptureInput) Open(prompt, value, draftKey string) tea.Cmd {
	c.active, c.reopened = true, true
	c.findings = nil
	c.draftKey = draftKey
	c.saved = value
	c.selected = value != ""
	c.empty, c.noGuard, c.held, c.cut = false, false, false, 0
	c.ti.Placeholder = prompt
	c.ti.SetValue(value)
	c.ti.CursorEnd()
	return c.ti.Focus()
}

// KeepOpen keeps the input open, with what was typed, after a submit
// that could not take it (a date that does not parse).
func (c *CaptureInput) KeepOpen() { c.keep = true }

// SetValue puts text in the open input, not selected, the cursor at its
// end (recovered typing).
func (c *CaptureInput) SetValue(text string) {
	c.ti.SetValue(text)
	c.ti.CursorEnd()
	c.selected = false
	c.saved = text
}

// insert puts text (a paste, or runes read in one go) at the cursor as
// typed text: it never drives the input's own bindings. Control
// characters are dropped; what goes over the limit is cut and counted.
func (c *CaptureInput) insert(rs []rune) {
	rs = printableRunes(rs)
	if c.selected {
		c.ti.SetValue("")
		c.selected = false
	}
	val := []rune(c.ti.Value())
	pos := min(c.ti.Position(), len(val))
	room := max(maxInputRunes-len(val), 0)
	c.cut = 0
	if len(rs) > room {
		c.cut = len(rs) - room
		rs = rs[:room]
	}
	out := append(append(append([]rune{}, val[:pos]...), rs...), val[pos:]...)
	c.ti.SetValue(string(out))
	c.ti.SetCursor(pos + len(rs))
}

// Active reports whether the input is open.
func (c *CaptureInput) Active() bool { return c.active }

// Confirming reports whether the privacy guard is asking.
func (c *CaptureInput) Confirming() bool { return len(c.findings) > 0 }

// Value is the submitted text, sanitised and trimmed.
func (c *CaptureInput) Value() string { return c.value }

// SetWidth fits the input to w columns.
func (c *CaptureInput) SetWidth(w int) { c.ti.Width = max(w-lipgloss.Width(c.ti.Prompt)-1, 1) }

// clearDraft clears a draft that is no longer the input's.
func (c *CaptureInput) clearDraft(key string) tea.Cmd {
	if c.live == nil || key == "" {
		return nil
	}
	return c.live.SaveDraft(key, "")
}

// Close ends typing and forgets the draft (it was saved or given up).
func (c *CaptureInput) Close() tea.Cmd {
	c.active = false
	c.findings = nil
	c.ti.Blur()
	c.gen++
	c.ticking = false
	if c.live == nil || c.draftKey == "" {
		return nil
	}
	key := c.draftKey
	c.draftKey = ""
	return c.live.SaveDraft(key, "")
}

// Key feeds a key to the open input. esc closes it; a submitted text goes
// to save, and only then does the input close and its draft get cleared,
// so that the save is queued before the clearing and a crash between the
// two leaves the draft, never neither.
func (c *CaptureInput) Key(msg tea.KeyMsg, save func(text string) tea.Cmd) tea.Cmd {
	c.submitted = false
	res, cmd := c.Update(msg)
	switch res {
	case inputCancel:
		return tea.Batch(cmd, c.Close())
	case inputSubmit:
		c.submitted, c.keep, c.reopened = true, false, false
		draft := c.draftKey
		saved := save(c.Value())
		switch {
		case c.keep: // save kept the input open (a date to correct)
			c.keep = false
			return tea.Batch(cmd, saved)
		case c.reopened: // save opened the next step, or the next value
			// The text submitted is saved: its draft goes, even at the same
			// key (new typing there writes its own, after this in the queue).
			return tea.Batch(cmd, saved, c.clearDraft(draft))
		}
		return tea.Batch(cmd, saved, c.Close())
	}
	return cmd
}

// Update handles a message while the input is active.
func (c *CaptureInput) Update(msg tea.Msg) (inputResult, tea.Cmd) {
	switch msg := msg.(type) {
	case draftTickMsg:
		if msg.gen != c.gen || msg.key != c.draftKey {
			return inputTyping, nil
		}
		c.ticking = false
		return inputTyping, c.saveDraft()
	case tea.KeyMsg:
		return c.key(msg)
	}
	var cmd tea.Cmd
	c.ti, cmd = c.ti.Update(msg)
	return inputTyping, cmd
}

func (c *CaptureInput) key(msg tea.KeyMsg) (inputResult, tea.Cmd) {
	if c.Confirming() {
		switch {
		case keyMatches(msg, c.confirm):
			c.findings = nil
			return inputSubmit, nil
		case keyName(msg) == "ctrl+c":
			return inputTyping, tea.Quit
		default: // any other key goes back to editing
			c.findings = nil
			return inputTyping, nil
		}
	}
	switch {
	case keyMatches(msg, c.cancel):
		return inputCancel, nil
	case keyMatches(msg, c.accept):
		text := strings.TrimSpace(model.SanitizeLine(c.ti.Value()))
		if text == "" {
			return inputCancel, nil
		}
		c.value = text
		if f := model.ScanIdentifiers(text); len(f) > 0 {
			c.findings = f
			return inputTyping, nil
		}
		return inputSubmit, nil
	}
	before := c.ti.Value()
	var cmd tea.Cmd
	if msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace {
		// Typed text, one rune or a read of many ("home", "end" as
		// words): inserted, never taken for the text input's bindings.
		c.insert(msg.Runes)
	} else {
		c.selected = false // an arrow, home or end edits the old value
		c.ti, cmd = c.ti.Update(msg)
	}
	if c.ti.Value() != before && !c.ticking && c.live != nil && c.draftKey != "" {
		c.ticking = true
		gen, key := c.gen, c.draftKey
		cmd = tea.Batch(cmd, tick(draftEvery, func(time.Time) tea.Msg { return draftTickMsg{key: key, gen: gen} }))
	}
	return inputTyping, cmd
}

func (c *CaptureInput) saveDraft() tea.Cmd {
	v := c.ti.Value()
	if c.live == nil || c.draftKey == "" || v == c.saved {
		return nil
	}
	// A likely identifier never reaches the disk unconfirmed: the draft
	// stays in memory (and the input says so) until the guard has asked.
	if c.held = !c.noGuard && len(model.ScanIdentifiers(v)) > 0; c.held {
		if c.saved != "" {
			c.saved = ""
			return c.live.SaveDraft(c.draftKey, "") // an earlier, clean draft goes
		}
		return nil
	}
	c.saved = v
	return c.live.SaveDraft(c.draftKey, v)
}

// printableRunes drops control characters (and so the escape sequences
// they start) from typed or pasted runes; newlines and tabs become spaces.
func printableRunes(rs []rune) []rune {
	out := rs[:0:0]
	for _, r := range rs {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			out = append(out, ' ')
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi overrides
		default:
			out = append(out, r)
		}
	}
	return out
}

// View is the input line, or the privacy guard's question.
func (c *CaptureInput) View(w int) string {
	if c.Confirming() {
		var kinds []string
		for _, f := range c.findings {
			kinds = append(kinds, fmt.Sprintf("%s %q", f.Kind, model.SanitizeLine(f.Match)))
		}
		q := "Privacy check: this may identify a service user: " + strings.Join(kinds, ", ") +
			". Take it out if it does. y: save anyway · any other key: edit"
		return c.theme.Danger.Width(max(w, 1)).Render(q)
	}
	line := c.ti.View()
	if c.selected {
		line = c.theme.Input.Render(c.ti.Prompt) + c.theme.Selected.Render(model.SanitizeLine(c.ti.Value())) +
			c.theme.Dim.Render("  (typing replaces it · ←/→ edit it)")
	}
	out := lipgloss.NewStyle().MaxWidth(w).Render(line)
	var notes []string
	if c.held {
		notes = append(notes, "this may identify someone: it is not autosaved until you save or change it")
	}
	if c.cut > 0 {
		notes = append(notes, fmt.Sprintf("the paste was cut at %d characters: %d left out", maxInputRunes, c.cut))
	}
	if len(notes) > 0 {
		out = c.theme.Warning.Width(max(w, 1)).Render(strings.Join(notes, " · ")) + "\n" + out
	}
	return out
}

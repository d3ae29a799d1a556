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
	ti       textinput.Model
	theme    Theme
	live     *Live
	draftKey string
	gen      int
	ticking  bool
	saved    string // the text of the last draft saved
	findings []model.Finding
	value    string // the submitted text
	active   bool
	accept   key.Binding
	cancel   key.Binding
	confirm  key.Binding
}

// NewCaptureInput builds an inactive input; live may be nil (no drafts).
func NewCaptureInput(theme Theme, live *Live) CaptureInput {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.PromptStyle = theme.Input
	ti.CharLimit = 2000
	ti.KeyMap.Paste.SetEnabled(false)      // bracketed paste from the terminal still works, filtered
	ti.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor would wake the program twice a second
	return CaptureInput{
		ti: ti, theme: theme, live: live,
		accept:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		confirm: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "save anyway")),
	}
}

// Open starts typing with a prompt and a starting value; draftKey names
// where the draft is kept ("" for none).
func (c *CaptureInput) Open(prompt, value, draftKey string) tea.Cmd {
	c.active = true
	c.findings = nil
	c.draftKey = draftKey
	c.saved = value
	c.ti.Placeholder = prompt
	c.ti.SetValue(value)
	c.ti.CursorEnd()
	return c.ti.Focus()
}

// Active reports whether the input is open.
func (c *CaptureInput) Active() bool { return c.active }

// Confirming reports whether the privacy guard is asking.
func (c *CaptureInput) Confirming() bool { return len(c.findings) > 0 }

// Value is the submitted text, sanitised and trimmed.
func (c *CaptureInput) Value() string { return c.value }

// SetWidth fits the input to w columns.
func (c *CaptureInput) SetWidth(w int) { c.ti.Width = max(w-lipgloss.Width(c.ti.Prompt)-1, 1) }

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
	res, cmd := c.Update(msg)
	switch res {
	case inputCancel:
		return tea.Batch(cmd, c.Close())
	case inputSubmit:
		saved := save(c.Value())
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
		case key.Matches(msg, c.confirm):
			c.findings = nil
			return inputSubmit, nil
		case msg.String() == "ctrl+c":
			return inputTyping, tea.Quit
		default: // any other key goes back to editing
			c.findings = nil
			return inputTyping, nil
		}
	}
	switch {
	case key.Matches(msg, c.cancel):
		return inputCancel, nil
	case key.Matches(msg, c.accept):
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
	if msg.Type == tea.KeyRunes {
		msg.Runes = printableRunes(msg.Runes)
		if len(msg.Runes) == 0 {
			return inputTyping, nil
		}
	}
	before := c.ti.Value()
	var cmd tea.Cmd
	c.ti, cmd = c.ti.Update(msg)
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
	return lipgloss.NewStyle().MaxWidth(w).Render(c.ti.View())
}

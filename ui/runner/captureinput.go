package runner

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// draftEvery is how long typing waits before its draft is saved: a crash
// loses at most about this much of what was being typed, plus the save.
const draftEvery = time.Second

// inputResult is what a keypress did to a capture input.
type inputResult int

const (
	inputTyping inputResult = iota // still typing (or confirming)
	inputSubmit                    // Value is ready to save
	inputCancel                    // closed without saving
)

// DraftTickMsg asks a capture input to save its draft.
type DraftTickMsg struct {
	key string
	gen int
}

// CaptureInput is the one-line input every exercise captures text with.
// It is a common.TextField that keeps a draft of what is typed (saved about once
// a second while the text changes) and runs the privacy guard before
// anything is saved: text that looks like it identifies a person needs a
// second, deliberate confirmation, and is never autosaved as a draft
// before that.
type CaptureInput struct {
	ti        common.TextField
	theme     common.Theme
	live      *session.Live
	draftKey  string
	gen       int
	ticking   bool
	saved     string // the text of the last draft saved
	findings  []model.Finding
	value     string // the submitted text
	active    bool
	empty     bool // enter on nothing submits "" (a step that can be skipped)
	noGuard   bool // the text is parsed, not kept (a date): no privacy check
	held      bool // the draft holds a likely identifier: kept in memory only
	submitted bool // the last key submitted the text
	keep      bool // the save asked to keep the input open
	reopened  bool // the save opened the input again
	accept    key.Binding
	cancel    key.Binding
	confirm   key.Binding
}

// NewCaptureInput builds an inactive input; live may be nil (no drafts).
func NewCaptureInput(theme common.Theme, live *session.Live) CaptureInput {
	ti := common.NewTextField(theme, "› ", maxInputRunes)
	return CaptureInput{
		ti: ti, theme: theme, live: live,
		accept:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		confirm: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "save anyway")),
	}
}

// maxInputRunes is the longest text one input takes (model.MaxFieldRunes);
// a longer paste is cut there, and the input says how much was left out.
const maxInputRunes = model.MaxFieldRunes

// Open starts typing with a prompt and the old value ("" for new text);
// draftKey names where the draft is kept ("" for none). An old value
// opens selected: typing replaces it, an arrow key or home/end edits it,
// enter keeps it. Typing never appends to an old value by surprise.
func (c *CaptureInput) Open(prompt, value, draftKey string) tea.Cmd {
	c.active, c.reopened = true, true
	c.findings = nil
	c.draftKey = draftKey
	c.saved = value
	c.empty, c.noGuard, c.held = false, false, false
	c.ti.SetPlaceholder(prompt)
	return c.ti.Open(value)
}

// KeepOpen keeps the input open, with what was typed, after a submit
// that could not take it (a date that does not parse).
func (c *CaptureInput) KeepOpen() { c.keep = true }

// SetValue puts text in the open input, not selected, the cursor at its
// end (recovered typing).
func (c *CaptureInput) SetValue(text string) {
	c.ti.SetValue(text)
	c.saved = text
}

// Active reports whether the input is open.
func (c *CaptureInput) Active() bool { return c.active }

// Confirming reports whether the privacy guard is asking.
func (c *CaptureInput) Confirming() bool { return len(c.findings) > 0 }

// Value is the submitted text, sanitised and trimmed.
func (c *CaptureInput) Value() string { return c.value }

// Text is what the input holds now, as typed so far.
func (c *CaptureInput) Text() string { return c.ti.Value() }

// SetWidth fits the input to w columns.
func (c *CaptureInput) SetWidth(w int) { c.ti.SetWidth(w) }

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
		case c.reopened: // save opened the input again (the next step, the next value)
			// The saved text's draft goes, even at the same key: it was
			// saved, and must not come back after a crash.
			return tea.Batch(cmd, saved, c.clearDraft(draft))
		}
		return tea.Batch(cmd, saved, c.Close())
	}
	return cmd
}

// Update handles a message while the input is active.
func (c *CaptureInput) Update(msg tea.Msg) (inputResult, tea.Cmd) {
	switch msg := msg.(type) {
	case DraftTickMsg:
		if msg.gen != c.gen || msg.key != c.draftKey {
			return inputTyping, nil
		}
		c.ticking = false
		return inputTyping, c.saveDraft()
	case tea.KeyMsg:
		return c.key(msg)
	}
	return inputTyping, c.ti.Update(msg)
}

func (c *CaptureInput) key(msg tea.KeyMsg) (inputResult, tea.Cmd) {
	if c.Confirming() {
		switch {
		case common.Matches(msg, c.confirm):
			c.findings = nil
			return inputSubmit, nil
		case common.KeyName(msg) == "ctrl+c":
			return inputTyping, tea.Quit
		default: // any other key goes back to editing
			c.findings = nil
			return inputTyping, nil
		}
	}
	switch {
	case common.Matches(msg, c.cancel):
		return inputCancel, nil
	case common.Matches(msg, c.accept):
		text := strings.TrimSpace(model.SanitizeLine(c.ti.Value()))
		if text == "" && !c.empty {
			return inputCancel, nil
		}
		c.value = text
		if f := model.ScanIdentifiers(text); len(f) > 0 && !c.noGuard {
			c.findings = f
			return inputTyping, nil
		}
		return inputSubmit, nil
	}
	before := c.ti.Value()
	cmd := c.ti.Key(msg)
	if c.ti.Value() != before && !c.ticking && c.live != nil && c.draftKey != "" {
		c.ticking = true
		gen, key := c.gen, c.draftKey
		cmd = tea.Batch(cmd, common.Tick(draftEvery, func(time.Time) tea.Msg { return DraftTickMsg{key: key, gen: gen} }))
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
	if c.held = !c.noGuard && model.DraftMayHoldIdentifier(v); c.held {
		if c.saved != "" {
			c.saved = ""
			return c.live.SaveDraft(c.draftKey, "") // an earlier, clean draft goes
		}
		return nil
	}
	c.saved = v
	return c.live.SaveDraft(c.draftKey, v)
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
	out := lipgloss.NewStyle().MaxWidth(w).Render(c.ti.View(c.theme))
	var notes []string
	if c.held {
		notes = append(notes, "this may identify someone: it is not autosaved until you save or change it")
	}
	if n := c.ti.CutNote(); n != "" {
		notes = append(notes, n)
	}
	if len(notes) > 0 {
		out = c.theme.Warning.Width(max(w, 1)).Render(strings.Join(notes, " · ")) + "\n" + out
	}
	return out
}

package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// IsText reports whether a key message is text rather than a key press:
// a bracketed paste, or several runes read in one go (a paste without
// bracketed paste, fast typing, an SSH link, an IME). Bubble Tea v1 gives
// such a read as one message whose String() is the text itself, so
// "home", "enter" or "up" typed in a line would match bindings of those
// names. Text is never a binding.
func IsText(msg tea.KeyMsg) bool {
	return msg.Paste || (msg.Type == tea.KeyRunes && len(msg.Runes) > 1)
}

// Matches is key.Matches for a single key press only: text (IsText)
// matches no binding. Every binding in ui is matched through it.
func Matches(msg tea.KeyMsg, b ...key.Binding) bool {
	return !IsText(msg) && key.Matches(msg, b...)
}

// KeyName is msg.String() for a single key press, and "" for text, so
// that a switch on key names never takes text for a key.
func KeyName(msg tea.KeyMsg) string {
	if IsText(msg) {
		return ""
	}
	return msg.String()
}

package ui

// statusMsg puts a one-off message in the current screen's status line.
type statusMsg struct {
	text string
	warn bool
}

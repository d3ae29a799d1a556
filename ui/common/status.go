package common

// StatusMsg puts a one-off message in the current screen's status line.
type StatusMsg struct {
	Text string
	Warn bool
}

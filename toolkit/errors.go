// Package toolkit holds the deck: the built-in Markdown content, its parser
// and its validator.
package toolkit

import (
	"fmt"
	"strings"

	"github.com/carehuddle/huddle/model"
)

// LineError is one problem in a deck file, with the line it was found on.
type LineError struct {
	File string
	Line int
	Msg  string
}

// Error is the problem as printed: the file name and the message are
// sanitised (model.SanitizeLine), since a crafted file name or line could
// otherwise reach the terminal as escape sequences.
func (e LineError) Error() string {
	file, msg := model.SanitizeLine(e.File), model.SanitizeLine(e.Msg)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", file, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", file, msg)
}

// Errors is every problem found in a deck, in file and line order.
type Errors []LineError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// errs collects problems while a file is read.
type errs struct {
	file string
	list Errors
}

func (c *errs) add(line int, format string, args ...any) {
	c.list = append(c.list, LineError{File: c.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// cleanError is an error whose message names a file: it is sanitised
// when printed, and the error it wraps is still there for errors.Is.
type cleanError struct{ err error }

func (e cleanError) Error() string { return model.SanitizeLine(e.err.Error()) }
func (e cleanError) Unwrap() error { return e.err }

// fileError wraps an error that names a file so that it prints sanitised.
func fileError(format string, args ...any) error {
	return cleanError{fmt.Errorf(format, args...)}
}

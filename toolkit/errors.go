// Package toolkit holds the deck: the built-in Markdown content, its parser
// and its validator.
package toolkit

import (
	"fmt"
	"strings"
)

// LineError is one problem in a deck file, with the line it was found on.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e LineError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
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

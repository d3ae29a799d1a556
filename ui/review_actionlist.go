package ui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store/report"
	"github.com/carehuddle/huddle/ui/common"
)

// actionList shows actions whole: each as a block of lines (its status,
// its text wrapped at the width, never cut, then the owner, dates, team
// and session), the selected one marked, with keys to change the selected
// action's status. The actions screen and the team view's actions tab use
// it.
type actionList struct {
	items  []model.ActionItem
	cursor int
	first  int // the first item shown
}

// key moves the cursor or changes the selected action's status, saved at
// once; it reports whether the key was its own.
func (l *actionList) key(r *Review, msg tea.KeyMsg) (tea.Cmd, bool) {
	k := r.keys
	if l.cursor >= len(l.items) {
		return nil, moveCursor(msg, k, &l.cursor, len(l.items), 5)
	}
	cur := l.items[l.cursor].Action
	status := ""
	switch {
	case common.Matches(msg, k.Cycle):
		status = nextStatus(cur.Status)
	case common.Matches(msg, k.SetOpen):
		status = model.ActionOpen
	case common.Matches(msg, k.SetDone):
		status = model.ActionDone
	case common.Matches(msg, k.SetDrop):
		status = model.ActionDropped
	default:
		return nil, moveCursor(msg, k, &l.cursor, len(l.items), 5)
	}
	if status == model.NormalStatus(cur.Status) {
		return nil, true
	}
	cur.Status = status
	return putActionCmd(r.st, cur), true
}

// saved takes in an action saved by any view.
func (l *actionList) saved(a model.Action) bool {
	for i := range l.items {
		if l.items[i].ID == a.ID && l.items[i].SessionID == a.SessionID {
			l.items[i].Action = a
			return true
		}
	}
	return false
}

// counts are how many actions are open and how many overdue.
func (l *actionList) counts(today time.Time) (open, overdue int) {
	for _, it := range l.items {
		if model.NormalStatus(it.Status) == model.ActionOpen {
			open++
		}
		if model.ActionOverdue(it.Action, today) {
			overdue++
		}
	}
	return open, overdue
}

// view draws the blocks that fit in w×h, keeping the selected one in view.
func (l *actionList) view(r *Review, w, h int) string {
	t := r.theme
	today := r.clock()
	if len(l.items) == 0 {
		return ""
	}
	l.cursor = min(max(l.cursor, 0), len(l.items)-1)
	blocks := make(map[int][]string)
	block := func(i int) []string {
		if b, ok := blocks[i]; ok {
			return b
		}
		b := report.ActionBlock(l.items[i], today, w-2)
		blocks[i] = b
		return b
	}
	// The selected block and those above it down to first must fit.
	l.first = min(l.first, l.cursor)
	for l.first < l.cursor {
		n := 0
		for i := l.first; i <= l.cursor; i++ {
			n += len(block(i)) + 1
		}
		if n-1 <= h {
			break
		}
		l.first++
	}
	var lines []string
	for i := l.first; i < len(l.items) && len(lines) < h; i++ {
		it := l.items[i]
		overdue := model.ActionOverdue(it.Action, today)
		for j, line := range block(i) {
			prefix := "  "
			if j == 0 && i == l.cursor {
				prefix = "▶ "
			}
			line = ansi.Truncate(prefix+line, w, "…") // blocks are wrapped to fit; this only guards
			switch {
			case i == l.cursor:
				line = t.Selected.Render(line)
			case overdue && j == 0:
				line = t.Warning.Render(line)
			case model.NormalStatus(it.Status) != model.ActionOpen:
				line = t.Dim.Render(line)
			}
			lines = append(lines, line)
		}
		lines = append(lines, "")
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

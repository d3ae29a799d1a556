package report

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
)

// actionLabelW is the width of the status column of an action block.
const actionLabelW = 9

// ActionBlock renders one action for a terminal of width columns: its
// status, then the whole text wrapped (never cut), then the owner and
// dates, then the team and session it came from, each line within width.
// Text is sanitised; nothing is styled, so the caller may colour it.
func ActionBlock(it model.ActionItem, today time.Time, width int) []string {
	width = max(width, actionLabelW+20)
	inner := width - actionLabelW
	pad := strings.Repeat(" ", actionLabelW)
	var lines []string
	body := strings.Join(strings.Fields(model.SanitizeLine(it.Text)), " ")
	if body == "" {
		body = "(no text)"
	}
	for i, l := range wrapLines(body, inner) {
		if i == 0 {
			lines = append(lines, padRight(model.StatusLabel(it.Action, today), actionLabelW)+l)
		} else {
			lines = append(lines, pad+l)
		}
	}
	var facts []string
	if o := strings.TrimSpace(model.SanitizeLine(it.Owner)); o != "" {
		facts = append(facts, "owner "+o)
	} else {
		facts = append(facts, "no owner")
	}
	if !it.Due.IsZero() {
		facts = append(facts, "due "+it.Due.Format(model.ActionDateLayout))
	}
	if !it.Review.IsZero() {
		facts = append(facts, "review "+it.Review.Format(model.ActionDateLayout))
	}
	from := []string{}
	if t := strings.TrimSpace(model.SanitizeLine(it.TeamName)); t != "" {
		from = append(from, t)
	}
	if t := strings.TrimSpace(model.SanitizeLine(it.SessionTitle)); t != "" {
		from = append(from, "“"+t+"”")
	}
	if !it.SessionStarted.IsZero() {
		from = append(from, it.SessionStarted.Format(model.ActionDateLayout))
	}
	for _, part := range []string{strings.Join(facts, " · "), strings.Join(from, " · ")} {
		if part == "" {
			continue
		}
		for _, l := range wrapLines(part, inner) {
			lines = append(lines, pad+l)
		}
	}
	return lines
}

// ActionsText renders a list of actions as blocks separated by blank
// lines, for a terminal of width columns.
func ActionsText(items []model.ActionItem, today time.Time, width int) string {
	if len(items) == 0 {
		return "No actions.\n"
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, l := range ActionBlock(it, today, width) {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// wrapLines wraps plain text at word boundaries within width cells,
// breaking a word longer than the width rather than cutting it.
func wrapLines(s string, width int) []string {
	out := strings.Split(ansi.Wrap(s, width, ""), "\n")
	for i, l := range out {
		out[i] = strings.TrimRight(l, " ")
	}
	return out
}

func padRight(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s + " "
}

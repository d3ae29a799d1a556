package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/carehuddle/huddle/model"
)

// View implements tea.Model.
func (c *CardSort) View() string {
	h := cardSortHelp{k: c.keys, stage: c.stage(), done: c.done(), notes: c.onNotes}
	return c.frame("Card sort", h, c.body)
}

// paneTabs is the line naming the two panes, the current one bracketed.
func paneTabs(t Theme, names []string, cur, w int) string {
	var parts []string
	for i, n := range names {
		if i == cur {
			parts = append(parts, t.Selected.Render("[ "+n+" ]"))
		} else {
			parts = append(parts, t.Dim.Render("  "+n+"  "))
		}
	}
	return strings.Join(parts, " ") + t.Dim.Render("   tab switches") + "\n" + t.Dim.Render(strings.Repeat("─", max(w, 1)))
}

func (c *CardSort) body(w, h int) string {
	t := c.env.Theme
	pane := 0
	if c.onNotes {
		pane = 1
	}
	tabs := paneTabs(t, []string{"Values", fmt.Sprintf("Reflections (%d)", c.notes.count(&c.kit))}, pane, w)
	if c.onNotes {
		return tabs + "\n" + c.notes.view(&c.kit, w, h-2, true)
	}
	stage := c.stage()
	cards := c.visible()
	var head string
	switch {
	case stage < 0:
		head = fmt.Sprintf("Enter your values: %d entered (15 to 20).", len(cards))
		if len(cards) == 0 {
			head += " a: add your own · s: start from the toolkit's values"
		} else if len(cards) >= cardsMin {
			head += " n: start narrowing"
		}
	case c.done():
		head = fmt.Sprintf("Your top %d values, in order. K/J moves a value up or down.", len(cards))
	default:
		head = fmt.Sprintf("Round %d of %d: keep exactly %d. %d kept. space keeps or lets go; enter confirms.",
			stage+1, len(c.env.Ex.Rounds), c.target(), c.kept())
	}
	lines := []string{t.Accent.Render(head), ""}
	cur := 0
	for i, e := range cards {
		mark := strconv.Itoa(i+1) + "."
		if stage >= 0 && !c.done() {
			if model.CardRound(e) > stage {
				mark = "[✓ keep]"
			} else {
				mark = "[      ]"
			}
		}
		if i == c.cursor {
			cur = len(lines)
		}
		lines = append(lines, c.mark(i == c.cursor, fmt.Sprintf("%-4s %s", mark, model.SanitizeLine(e.Text))))
	}
	if len(cards) == 0 {
		lines = append(lines, t.Dim.Render("  No values yet."))
	}
	return tabs + "\n" + strings.Join(window(lines, cur, h-2), "\n")
}

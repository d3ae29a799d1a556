package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// search finds every slide holding query and jumps to the first after the
// current one; a repeated search moves on to the next match.
func (p *Presenter) search(query string) tea.Cmd {
	if query == "" {
		p.query, p.matches = "", nil
		return nil
	}
	if query != p.query {
		p.query = query
		p.matches = p.matches[:0]
		q := strings.ToLower(query)
		for i, t := range p.searchTexts() {
			if strings.Contains(t, q) {
				p.matches = append(p.matches, i)
			}
		}
	}
	if len(p.matches) == 0 {
		p.status = fmt.Sprintf("no slide mentions %q", query)
		return nil
	}
	return p.jumpMatch(+1)
}

func (p *Presenter) jumpMatch(dir int) tea.Cmd {
	if len(p.matches) == 0 {
		p.status = "no search yet: press / to search"
		return nil
	}
	next := nextMatch(p.matches, p.cur, dir)
	return p.goTo(next, true)
}

// nextMatch is the match after (dir +1) or before (dir -1) cur, wrapping.
func nextMatch(matches []int, cur, dir int) int {
	if dir > 0 {
		for _, m := range matches {
			if m > cur {
				return m
			}
		}
		return matches[0]
	}
	for i := len(matches) - 1; i >= 0; i-- {
		if matches[i] < cur {
			return matches[i]
		}
	}
	return matches[len(matches)-1]
}

package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/list"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// moduleItem is one module in the module menu.
type moduleItem struct {
	title, desc, id string
}

func (i moduleItem) Title() string       { return i.title }
func (i moduleItem) Description() string { return i.desc }
func (i moduleItem) FilterValue() string { return i.id + " " + i.title }

// newModuleMenu lists the deck's modules with their size and exercises.
func newModuleMenu(deck *model.Deck, t common.Theme) list.Model {
	items := make([]list.Item, len(deck.Modules))
	for i, m := range deck.Modules {
		var ids []string
		for _, s := range m.Slides {
			if s.Exercise != nil {
				ids = append(ids, s.Exercise.ID)
			}
		}
		desc := fmt.Sprintf("%s · %d slides", m.ID, len(m.Slides))
		if len(ids) > 0 {
			desc += " · exercises " + strings.Join(ids, ", ")
		}
		items[i] = moduleItem{title: m.Title, desc: desc, id: m.ID}
	}
	d := list.NewDefaultDelegate()
	d.Styles.SelectedTitle = d.Styles.SelectedTitle.Foreground(t.Selected.GetForeground()).BorderForeground(t.Selected.GetForeground()).Bold(true)
	d.Styles.SelectedDesc = d.Styles.SelectedDesc.Foreground(t.Selected.GetForeground()).BorderForeground(t.Selected.GetForeground())
	l := list.New(items, d, 80, 20)
	l.Title = "Modules"
	l.Styles.Title = t.Title
	l.SetShowHelp(true)
	l.SetShowStatusBar(false)
	l.DisableQuitKeybindings()
	return l
}

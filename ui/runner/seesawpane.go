package runner

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// SeesawKeys are the see-saw screen's bindings.
type SeesawKeys struct {
	Up, Down, AddPositive, AddChallenge, Edit, Weight, Delete key.Binding
}

// DefaultSeesawKeys returns the see-saw screen's bindings.
func DefaultSeesawKeys() SeesawKeys {
	return SeesawKeys{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous item")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next item")),
		AddPositive:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add positive")),
		AddChallenge: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "add challenge")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit (typed here)")),
		Weight:       key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1-3", "weight")),
		Delete:       key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "take off (asks)")),
	}
}

type seesawKeyMap struct{ k SeesawKeys }

func (m seesawKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.k.AddPositive, m.k.AddChallenge, m.k.Weight, m.k.Edit, m.k.Delete}
}

func (m seesawKeyMap) FullHelp() [][]key.Binding {
	k := m.k
	return [][]key.Binding{{k.Up, k.Down, k.AddPositive, k.AddChallenge, k.Edit, k.Weight, k.Delete}}
}

// seesawSection is the see-saw full screen: every item of the session's
// see-saw (typed here, tagged lines of any exercise, seeded challenges,
// rated attitudes), which can be typed in directly, re-weighted and taken
// off; it moves at once. The selection is an item's id, so that a key
// acts on the item shown selected, and a new item is selected.
type seesawSection struct {
	km  SeesawKeys
	cur itemCursor
}

func (s *seesawSection) title(*Host) string { return "See-saw" }
func (s *seesawSection) keys() help.KeyMap  { return seesawKeyMap{s.km} }

// seesawItems lists the see-saw's items, positives first, as the cursor
// visits them.
func seesawItems(h *Host) []model.SeesawItem {
	var all []model.SeesawItem
	if h.env.Live != nil {
		all = model.SeesawItems(&h.data, h.env.Live.Exercises())
	}
	var out []model.SeesawItem
	for _, side := range []model.Side{model.Positive, model.Challenge} {
		for _, it := range all {
			if it.Side == side {
				out = append(out, it)
			}
		}
	}
	return out
}

func seesawIDs(items []model.SeesawItem) []string {
	return keysOf(items, func(it model.SeesawItem) string { return it.ID })
}

func (s *seesawSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	items := seesawItems(h)
	ids := seesawIDs(items)
	k := s.km
	switch {
	case common.Matches(msg, k.Up):
		s.cur.move(ids, -1)
		return nil
	case common.Matches(msg, k.Down):
		s.cur.move(ids, 1)
		return nil
	case common.Matches(msg, k.AddPositive):
		return s.add(h, model.Positive)
	case common.Matches(msg, k.AddChallenge):
		return s.add(h, model.Challenge)
	case len(items) == 0:
		h.Status("nothing on the see-saw yet: a adds a positive, c a challenge")
		return nil
	}
	sel := items[s.cur.at(ids)]
	e, tagged := h.data.Entry(sel.ID)
	tagged = tagged && e.Tag != model.TagNone
	switch {
	case common.Matches(msg, k.Edit):
		if !tagged || e.ExerciseID != model.ExerciseSeesaw {
			h.Status("only items typed here can be edited here; edit a captured line in its exercise")
			return nil
		}
		return h.Input("edit item", e.Text, h.Slot(e.Tag, model.FieldNote), func(text string) tea.Cmd {
			e, ok := h.data.Entry(sel.ID)
			if !ok {
				h.Status("that item is gone")
				return nil
			}
			e.Text = text
			return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
		})
	case common.Matches(msg, k.Weight):
		if !tagged {
			h.Status("this item's weight comes from its rating: change the rating to change it")
			return nil
		}
		w, _ := strconv.Atoi(common.KeyName(msg))
		e.Weight = model.ClampWeight(w)
		return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
	case common.Matches(msg, k.Delete):
		if !tagged {
			h.Status("this item comes from a rating: change the rating to change it")
			return nil
		}
		h.Ask("take “"+common.Clip(model.SanitizeLine(e.Text), 40)+"” off the see-saw?", func() tea.Cmd {
			h.Status("taken off the see-saw")
			if e.ExerciseID == model.ExerciseSeesaw || e.Field == model.FieldChallenge {
				return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: e.ID}})
			}
			// A tagged line stays captured in its exercise; it only leaves the see-saw.
			e.Tag, e.Weight = model.TagNone, 0
			return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
		})
	}
	return nil
}

// add asks for a new item on a side; it is selected once added.
func (s *seesawSection) add(h *Host, side model.Side) tea.Cmd {
	prompt := "a positive attitude or strength"
	if side == model.Challenge {
		prompt = "a challenge to integration"
	}
	return h.Input(prompt, "", h.Slot(string(side), model.FieldNote), func(text string) tea.Cmd {
		cmd := h.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: model.ExerciseSeesaw, Field: model.FieldNote, Text: text, Tag: string(side), Weight: 1,
		}})
		s.cur.set(h.LastID())
		return cmd
	})
}

// recover puts typing recovered after a crash back in a new item.
func (s *seesawSection) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	side := model.Side(slot.Group)
	if slot.Field != model.FieldNote || !side.Valid() {
		return nil, false
	}
	cmd := s.add(h, side)
	h.input.SetValue(text)
	return cmd, true
}

// view is the see-saw, then the selected item in full and where it comes
// from, so that what a key will act on is never in doubt.
func (s *seesawSection) view(h *Host, w, ht int) string {
	items := seesawItems(h)
	if len(items) == 0 {
		return seesawDraw(h.env.Theme, items, w, ht, "", h.mark)
	}
	it := items[s.cur.at(seesawIDs(items))]
	about := strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render("Selected: "+model.SanitizeLine(it.Text)+" — "+seesawOrigin(h, it)), "\n")
	about = about[:min(len(about), 2)]
	for i, l := range about {
		about[i] = h.env.Theme.Dim.Render(strings.TrimRight(l, " "))
	}
	return seesawDraw(h.env.Theme, items, w, ht-len(about)-1, it.ID, h.mark) + "\n\n" + strings.Join(about, "\n")
}

// seesawOrigin says where an item comes from, and its weight.
func seesawOrigin(h *Host, it model.SeesawItem) string {
	from := "typed here"
	switch it.Origin {
	case model.OriginTyped:
	case model.OriginTag:
		e, _ := h.data.Entry(it.ID)
		from = "a line tagged in " + model.SanitizeLine(e.ExerciseID)
		if e.Group != "" {
			gs := h.data.Groups(e.ExerciseID, 1)
			from += " (" + model.SanitizeLine(groupName(gs, e.Group)) + ")"
		}
	default:
		from = "from " + model.SanitizeLine(it.Origin)
		if it.Side == model.Positive {
			from += "'s ratings"
		}
	}
	return from + ", weight " + strconv.Itoa(model.ClampWeight(it.Weight))
}

// NewSeesawScreen builds the full-screen see-saw of a live session; items
// typed here are model.ExerciseSeesaw's. draft is typing recovered after a
// crash (nil: none).
func NewSeesawScreen(live *session.Live, theme common.Theme, draft *model.Draft) *Host {
	pane := screenPane{
		tabsPane: newTabsPane("See-saw", &seesawSection{km: DefaultSeesawKeys()}),
		summary: func(d *model.SessionData) string {
			return "## See-saw\n\n" + model.SeesawMarkdown(d, live.Exercises())
		},
		captured: func(d *model.SessionData) bool { return len(model.SeesawItems(d, live.Exercises())) > 0 },
	}
	return newScreenHost(live, theme, model.ExerciseSeesaw, "See-saw", pane, draft)
}

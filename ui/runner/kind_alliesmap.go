package runner

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// AlliesMapKeys are the allies map grid's keys.
type AlliesMapKeys struct {
	Up, Down, Left, Right, Add, Next, Prev, Edit, Delete, Move, Place, Cancel key.Binding
}

// DefaultAlliesMapKeys returns the grid's bindings.
func DefaultAlliesMapKeys() AlliesMapKeys {
	return AlliesMapKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "more often")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "less often")),
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "stance left")),
		Right:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "stance right")),
		Add:    key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter/a", "add a colleague (by role)")),
		Next:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next colleague in cell")),
		Prev:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous colleague in cell")),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit colleague")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove colleague (asks)")),
		Move:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move colleague (arrows, enter)")),
		Place:  key.NewBinding(key.WithKeys("enter", "a"), key.WithHelp("enter", "move: put it here")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "move: cancel")),
	}
}

type alliesKeyMap struct {
	k      AlliesMapKeys
	moving bool
}

func (m alliesKeyMap) ShortHelp() []key.Binding {
	k := m.k
	if m.moving {
		return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Place, k.Cancel}
	}
	return []key.Binding{k.Add, k.Next, k.Edit, k.Delete, k.Move}
}

func (m alliesKeyMap) FullHelp() [][]key.Binding {
	k := m.k
	if m.moving {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right}, {k.Add, k.Next, k.Prev, k.Edit, k.Delete, k.Move}}
}

// newAlliesMapPane is the allies map kind (M3-E2): colleagues, by role and
// never by name, placed on a grid of contact (the exercise's rows) by
// stance (its columns): Field model.FieldAlly, Value "row|column", Text
// the role; then the notes ("how to influence", prompts, closing).
func newAlliesMapPane(ex *model.Exercise) Pane {
	return withNotes("Allies map", ex, nil, &alliesGrid{km: DefaultAlliesMapKeys()})
}

// alliesGrid is the grid: a cell cursor, and in the cell a selection
// that follows the colleague (after an add, a move or a delete).
type alliesGrid struct {
	km       AlliesMapKeys
	row, col int
	cur      itemCursor
	moving   string // colleague being moved to another cell
}

func (g *alliesGrid) title(h *Host) string {
	return fmt.Sprintf("Grid (%d)", len(h.data.In(h.Slot("", model.FieldAlly))))
}
func (g *alliesGrid) keys() help.KeyMap { return alliesKeyMap{k: g.km, moving: g.moving != ""} }
func (g *alliesGrid) modal() bool       { return g.moving != "" }

func (g *alliesGrid) cell(ex *model.Exercise) (string, string) {
	if len(ex.Rows) == 0 || len(ex.Columns) == 0 {
		return "", ""
	}
	g.row, g.col = min(g.row, len(ex.Rows)-1), min(g.col, len(ex.Columns)-1)
	return ex.Rows[g.row], ex.Columns[g.col]
}

// inCell lists the colleagues in the cell under the cursor.
func (g *alliesGrid) inCell(h *Host) []model.Entry {
	r, c := g.cell(h.env.Ex)
	return model.AlliesIn(h.env.Ex, &h.data, r, c)
}

// cellDraft is the slot a colleague typed for the cell under the cursor
// is kept in as a draft, so that recovered typing goes back to its cell.
func (g *alliesGrid) cellDraft(h *Host) model.Slot {
	return h.Slot(fmt.Sprintf("cell%d.%d", g.row, g.col), model.FieldAlly)
}

func (g *alliesGrid) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	if g.arrows(h.env.Ex, msg) {
		return nil
	}
	if g.moving != "" {
		return g.moveKey(h, msg)
	}
	k := g.km
	es := g.inCell(h)
	ids := entryIDs(es)
	switch {
	case common.Matches(msg, k.Add):
		return g.add(h)
	case common.Matches(msg, k.Next):
		g.cur.move(ids, 1)
	case common.Matches(msg, k.Prev):
		g.cur.move(ids, -1)
	case len(es) == 0:
		if common.Matches(msg, k.Edit, k.Delete, k.Move) {
			h.Status("no colleague in this cell: enter adds one")
		}
	case common.Matches(msg, k.Edit):
		return editEntryText(h, "the colleague's role, not name", es[g.cur.at(ids)], g.cellDraft(h))
	case common.Matches(msg, k.Delete):
		askDelete(h, "the colleague", es[g.cur.at(ids)])
	case common.Matches(msg, k.Move):
		e := es[g.cur.at(ids)]
		g.moving = e.ID
		h.Status("moving “" + common.Clip(model.SanitizeLine(e.Text), 40) + "”: arrows choose the cell, enter puts it there, esc cancels")
	}
	return nil
}

// add asks for a colleague in the cell under the cursor; the new one is
// selected.
func (g *alliesGrid) add(h *Host) tea.Cmd {
	r, c := g.cell(h.env.Ex)
	prompt := "a colleague in " + model.SanitizeLine(r) + " contact, " + model.SanitizeLine(c) + ": their role, not name (e.g. district nurse)"
	return h.Input(prompt, "", g.cellDraft(h), func(text string) tea.Cmd {
		cmd := h.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: h.env.Ex.ID, Field: model.FieldAlly, Value: model.AllyCell(r, c), Text: text,
		}})
		g.cur.set(h.LastID())
		return cmd
	})
}

// arrows moves the cell cursor; it reports whether msg was an arrow.
func (g *alliesGrid) arrows(ex *model.Exercise, msg tea.KeyMsg) bool {
	k := g.km
	switch {
	case common.Matches(msg, k.Up):
		g.row = max(g.row-1, 0)
	case common.Matches(msg, k.Down):
		g.row = min(g.row+1, max(len(ex.Rows)-1, 0))
	case common.Matches(msg, k.Left):
		g.col = max(g.col-1, 0)
	case common.Matches(msg, k.Right):
		g.col = min(g.col+1, max(len(ex.Columns)-1, 0))
	default:
		return false
	}
	if g.moving == "" {
		g.cur = itemCursor{}
	}
	return true
}

// moveKey ends a move: enter puts the colleague in the cell under the
// cursor (and it stays selected there), esc leaves it where it was.
func (g *alliesGrid) moveKey(h *Host, msg tea.KeyMsg) tea.Cmd {
	id := g.moving
	switch {
	case common.Matches(msg, g.km.Cancel):
		g.moving = ""
		h.Status("not moved")
	case common.Matches(msg, g.km.Place):
		g.moving = ""
		e, ok := h.data.Entry(id)
		if !ok {
			h.Status("that colleague is gone")
			return nil
		}
		e.Value = model.AllyCell(g.cell(h.env.Ex))
		g.cur.set(id)
		return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
	}
	return nil
}

// recover puts a colleague recovered after a crash back in the input, in
// the cell it was typed for.
func (g *alliesGrid) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	if slot.Field != model.FieldAlly {
		return nil, false
	}
	var r, c int
	if _, err := fmt.Sscanf(slot.Group, "cell%d.%d", &r, &c); err == nil {
		g.row, g.col = max(r, 0), max(c, 0)
	}
	cmd := g.add(h)
	h.input.SetValue(text)
	return cmd, true
}

func (g *alliesGrid) view(h *Host, w, ht int) string {
	grid := g.grid(h, w)
	return grid + "\n\n" + g.cellList(h, max(ht-lipgloss.Height(grid)-1, 1))
}

// fitCell cuts s to n columns with "…", or pads it to n.
func fitCell(s string, n int) string {
	s = ansi.Truncate(s, n, "…")
	return s + strings.Repeat(" ", max(n-lipgloss.Width(s), 0))
}

// grid draws contact rows by stance columns: each cell its count and the
// roles in it; the cell under the cursor is marked ▶ and bracketed.
func (g *alliesGrid) grid(h *Host, w int) string {
	t := h.env.Theme
	ex := h.env.Ex
	labelW := 6
	for _, r := range ex.Rows {
		labelW = max(labelW, lipgloss.Width(model.SanitizeLine(r))+1)
	}
	cols := max(len(ex.Columns), 1)
	cellW := max((w-labelW-cols-1)/cols, 8)
	sep := t.Dim.Render(strings.Repeat("─", labelW) + strings.Repeat("┼"+strings.Repeat("─", cellW), cols))
	head := strings.Repeat(" ", labelW)
	for _, c := range ex.Columns {
		head += t.Dim.Render("│") + t.Accent.Render(fitCell(" "+strings.ToUpper(model.SanitizeLine(c)), cellW))
	}
	lines := []string{head, sep}
	g.cell(ex)
	for ri, r := range ex.Rows {
		line := fitCell(model.SanitizeLine(r), labelW)
		for ci, c := range ex.Columns {
			es := model.AlliesIn(ex, &h.data, r, c)
			var roles []string
			for _, e := range es {
				roles = append(roles, model.SanitizeLine(e.Text))
			}
			text := fmt.Sprintf("(%d) %s", len(es), strings.Join(roles, ", "))
			if len(es) == 0 {
				text = "(0)"
			}
			if ri == g.row && ci == g.col {
				line += t.Dim.Render("│") + t.Selected.Render(fitCell("▶["+text+"]", cellW))
			} else {
				line += t.Dim.Render("│") + fitCell(" "+text, cellW)
			}
		}
		lines = append(lines, line, sep)
	}
	return strings.Join(lines, "\n")
}

// cellList lists the colleagues in the cell under the cursor in full.
func (g *alliesGrid) cellList(h *Host, ht int) string {
	t := h.env.Theme
	r, c := g.cell(h.env.Ex)
	es := g.inCell(h)
	head := t.Accent.Render(fmt.Sprintf("Contact %s, %s: %d", model.SanitizeLine(r), model.SanitizeLine(c), len(es)))
	if len(es) == 0 {
		return head + "\n" + t.Dim.Render("  enter adds a colleague here: their role, not their name")
	}
	sel := g.cur.at(entryIDs(es))
	var lines []string
	for i, e := range es {
		text := "• " + model.SanitizeLine(e.Text)
		if e.ID == g.moving {
			text += "  (moving)"
		}
		lines = append(lines, h.mark(i == sel && g.moving == "", e.ID, text))
	}
	return head + "\n" + strings.Join(common.ListWindow(lines, sel, max(ht-1, 1)), "\n")
}

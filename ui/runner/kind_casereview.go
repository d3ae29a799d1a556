package runner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// CaseReviewKeys are the case review's bindings on its cases tab.
type CaseReviewKeys struct {
	Up, Down, Left, Right, Edit, Cycle, Clear, NewCase, DelCase key.Binding
}

// DefaultCaseReviewKeys returns the case review's bindings.
func DefaultCaseReviewKeys() CaseReviewKeys {
	return CaseReviewKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous case")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next case")),
		Left:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous column")),
		Right:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next column")),
		Edit:    key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "write / next option")),
		Cycle:   key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "choose next option")),
		Clear:   key.NewBinding(key.WithKeys("0", "backspace"), key.WithHelp("0", "clear cell")),
		NewCase: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new case")),
		DelCase: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "delete case (asks)")),
	}
}

type caseReviewKeyMap struct{ k CaseReviewKeys }

func (m caseReviewKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.k.NewCase, m.k.Edit, m.k.Cycle, m.k.Left, m.k.Right}
}

func (m caseReviewKeyMap) FullHelp() [][]key.Binding {
	k := m.k
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.NewCase, k.DelCase, k.Edit, k.Cycle, k.Clear}}
}

// caseGridSection is a case review's cases: a row per case (Group "g1",
// "g2"...; cases get labels, never names: the prompt says so and the
// privacy guard runs on every cell), a column per exercise field (text
// cells in Text, choice cells in Value, one entry per cell) and totals
// per column. The selected row follows its case.
type caseGridSection struct {
	km  CaseReviewKeys
	cur itemCursor // the case's group key
	col int
}

func newCaseGridSection() *caseGridSection { return &caseGridSection{km: DefaultCaseReviewKeys()} }

func (s *caseGridSection) title(h *Host) string {
	return fmt.Sprintf("Cases (%d)", len(model.ReviewCases(h.env.Ex, &h.data)))
}

func (s *caseGridSection) keys() help.KeyMap { return caseReviewKeyMap{s.km} }

func (s *caseGridSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	ex := h.env.Ex
	cases := model.ReviewCases(ex, &h.data)
	k := s.km
	switch {
	case common.Matches(msg, k.Up):
		s.cur.move(cases, -1)
		return nil
	case common.Matches(msg, k.Down):
		s.cur.move(cases, 1)
		return nil
	case common.Matches(msg, k.Left):
		s.col = max(s.col-1, 0)
		return nil
	case common.Matches(msg, k.Right):
		s.col = min(s.col+1, max(len(ex.Fields)-1, 0))
		return nil
	case len(ex.Fields) == 0:
		return nil
	case common.Matches(msg, k.NewCase):
		n := 1
		if len(cases) > 0 {
			n = model.GroupNumber(cases[len(cases)-1]) + 1
		}
		g := model.GroupKey(n)
		s.col = 0
		if f := ex.Fields[0]; f.Type == model.FieldChoice {
			s.cur.set(g)
			return cycleCell(h, g, f)
		}
		return s.openCell(h, g, ex.Fields[0], "")
	case len(cases) == 0:
		h.Status("no cases yet: n adds one (a label such as Case A, never a name)")
		return nil
	}
	g := cases[s.cur.at(cases)]
	s.col = min(s.col, len(ex.Fields)-1)
	f := ex.Fields[s.col]
	switch {
	case common.Matches(msg, k.DelCase):
		h.Ask("delete the row of “"+common.Clip(model.SanitizeLine(caseLabel(h, g)), 40)+"”?", func() tea.Cmd {
			var cmds []tea.Cmd
			for _, e := range h.data.ExerciseEntries(ex.ID) {
				if e.Group == g {
					cmds = append(cmds, h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: e.ID}}))
				}
			}
			h.Status("case deleted")
			return tea.Batch(cmds...)
		})
	case common.Matches(msg, k.Edit), common.Matches(msg, k.Cycle):
		if f.Type == model.FieldChoice {
			return cycleCell(h, g, f)
		}
		if common.Matches(msg, k.Edit) {
			return s.openCell(h, g, f, "")
		}
	case common.Matches(msg, k.Clear):
		if v, ok := h.data.Value(h.Slot(g, f.Key)); ok {
			return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: v.ID}})
		}
	}
	return nil
}

// caseLabel is what a case's first column holds, or its key.
func caseLabel(h *Host, g string) string {
	if len(h.env.Ex.Fields) > 0 {
		if v := model.ReviewCell(h.env.Ex, &h.data, g, h.env.Ex.Fields[0]); v != "" {
			return v
		}
	}
	return g
}

// openCell opens the input on a text cell of case g; recovered is typing
// to put back. The first column, the case's label, asks for a label.
func (s *caseGridSection) openCell(h *Host, g string, f model.Field, recovered string) tea.Cmd {
	slot := h.Slot(g, f.Key)
	v, _ := h.data.Value(slot)
	prompt := f.Label
	if s.col == 0 {
		prompt += " — a label, never a name"
	}
	cmd := h.Input(prompt, v.Text, slot, func(text string) tea.Cmd {
		s.cur.set(g)
		return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: slot.Exercise, Group: g, Field: f.Key, Text: text}})
	})
	if recovered != "" {
		h.input.SetValue(recovered)
	}
	return cmd
}

// cycleCell chooses the next option of a choice cell, from the option
// shown (which a choice still saving is).
func cycleCell(h *Host, g string, f model.Field) tea.Cmd {
	if len(f.Options) == 0 {
		return nil
	}
	v, _ := h.data.Value(h.Slot(g, f.Key))
	next := f.Options[(slices.Index(f.Options, v.Value)+1)%len(f.Options)]
	return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: h.env.Ex.ID, Group: g, Field: f.Key, Value: next}})
}

// recover puts typing recovered after a crash back in its cell.
func (s *caseGridSection) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	i := slices.IndexFunc(h.env.Ex.Fields, func(f model.Field) bool { return f.Key == slot.Field })
	if slot.Group == "" || i < 0 {
		return nil, false
	}
	s.cur.set(slot.Group)
	s.col = i
	return s.openCell(h, slot.Group, h.env.Ex.Fields[i], text), true
}

// view draws the table: a header of column labels, a row per case, the
// totals, then the selected column's label, options and totals in full.
func (s *caseGridSection) view(h *Host, w, ht int) string {
	t := h.env.Theme
	ex := h.env.Ex
	if len(ex.Fields) == 0 {
		return t.Dim.Render("This exercise has no columns.")
	}
	cases := model.ReviewCases(ex, &h.data)
	n := len(ex.Fields)
	col := min(s.col, n-1)
	cellW := max((w-n)/n, 6)
	fit := func(s string) string {
		if lipgloss.Width(s) > cellW {
			return ansi.Truncate(s, cellW, "…")
		}
		return s + strings.Repeat(" ", cellW-lipgloss.Width(s))
	}
	join := func(cells []string) string { return strings.Join(cells, t.Dim.Render("│")) }
	var head, totals []string
	for _, f := range ex.Fields {
		head = append(head, t.Accent.Render(fit(model.SanitizeLine(f.Label))))
		totals = append(totals, t.Dim.Render(fit(model.ReviewTotals(ex, &h.data, f))))
	}
	sep := t.Dim.Render(strings.Repeat("─", min(w, n*(cellW+1))))
	cur := s.cur.at(cases)
	var rows []string
	for ri, g := range cases {
		var cells []string
		for ci, f := range ex.Fields {
			v := model.SanitizeLine(model.ReviewCell(ex, &h.data, g, f))
			if e, ok := h.data.Value(h.Slot(g, f.Key)); ok && h.Unsaved(e.ID) {
				v = "⚠ " + v // not saved yet: retried
			}
			if ri == cur && ci == col {
				cells = append(cells, t.Selected.Render(fit("▶"+v)))
			} else {
				cells = append(cells, fit(" "+v))
			}
		}
		rows = append(rows, join(cells))
	}
	if len(cases) == 0 {
		rows = append(rows, t.Dim.Render(" No cases yet: n adds one. Label cases (Case A, Case B), never by name."))
	}
	f := ex.Fields[col]
	about := t.Dim.Render("Column: ") + model.SanitizeLine(f.Label)
	if f.Type == model.FieldChoice {
		about += t.Dim.Render("  (" + model.SanitizeLine(strings.Join(f.Options, " / ")) + "; enter or space chooses)")
	}
	abouts := strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render(about), "\n")
	abouts = append(abouts, t.Dim.Render("Totals: ")+model.ReviewTotals(ex, &h.data, f))
	listH := max(ht-4-len(abouts), 3)
	lines := append([]string{join(head), sep}, common.ListWindow(rows, cur, listH)...)
	lines = append(lines, sep, join(totals), "")
	return strings.Join(append(lines, abouts...), "\n")
}

// caseReviewPane is the case review kind: the cases, then the summary for
// supervision, the prompts and the closing question.
func caseReviewPane(ex *model.Exercise) Pane {
	fields := append([]dField{{key: model.FieldSupervision, label: "Summary for supervision (no names)", typ: model.FieldText}}, promptFields(ex)...)
	return newTabsPane("Case review", newCaseGridSection(), newPlainNotes("Supervision", fields))
}

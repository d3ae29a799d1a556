package runner

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// ActionPlanKeys are the action plan's bindings.
type ActionPlanKeys struct {
	Up, Down, Add, Edit, Owner, Due, Review, Status, Delete key.Binding
}

// DefaultActionPlanKeys returns the action plan's bindings.
func DefaultActionPlanKeys() ActionPlanKeys {
	return ActionPlanKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous action")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next action")),
		Add:    key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", "add an action")),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit action")),
		Owner:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "owner")),
		Due:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "due date")),
		Review: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review date")),
		Status: key.NewBinding(key.WithKeys("s", " "), key.WithHelp("s/space", "status open → done → dropped")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete action (asks)")),
	}
}

// Bindings lists the action plan's keys.
func (k ActionPlanKeys) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Add, k.Edit, k.Owner, k.Due, k.Review, k.Status, k.Delete}
}

type actionKeyMap struct{ k ActionPlanKeys }

func (m actionKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.k.Add, m.k.Edit, m.k.Owner, m.k.Due, m.k.Status}
}
func (m actionKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{m.k.Bindings()} }

// apStep is a step of an action's form.
type apStep int

const (
	apText apStep = iota
	apOwner
	apDue
	apReview
)

var apPrompts = [...]string{
	apText:   "What is the action?",
	apOwner:  "Who owns it? Give a role, not a name (e.g. team manager, social worker)",
	apDue:    "Due date: YYYY-MM-DD, or from today: 3d, 2w, 1m (enter to skip)",
	apReview: "Review date: YYYY-MM-DD, or from today: 3d, 2w, 1m (enter to skip)",
}

var apDraftNames = [...]string{apText: "text", apOwner: "owner", apDue: "due", apReview: "review"}

// ActionPlanDraftGroup is the draft-key group of typing in an action plan.
const ActionPlanDraftGroup = "_actions"

// actionSection is the action plan of an exercise (and the whole of the
// action plan kind): actions with text, owner (a role), due and review
// dates and a status cycled open → done → dropped. A new action is asked
// for step by step and saved once, when the steps end or esc stops them;
// a field of an existing action is saved as it is changed.
type actionSection struct {
	km  ActionPlanKeys
	cur itemCursor
}

func newActionSection() *actionSection { return &actionSection{km: DefaultActionPlanKeys()} }

func (s *actionSection) title(h *Host) string {
	return fmt.Sprintf("Action plan (%d)", len(h.data.SessionActions(h.env.Ex.ID)))
}

func (s *actionSection) keys() help.KeyMap { return actionKeyMap{s.km} }

func actionIDs(as []model.Action) []string {
	return keysOf(as, func(a model.Action) string { return a.ID })
}

func (s *actionSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	acts := h.data.SessionActions(h.env.Ex.ID)
	ids := actionIDs(acts)
	k := s.km
	switch {
	case common.Matches(msg, k.Add):
		return s.step(h, model.Action{ExerciseID: h.env.Ex.ID, Status: model.ActionOpen}, apText, true, "")
	case common.Matches(msg, k.Up):
		s.cur.move(ids, -1)
		return nil
	case common.Matches(msg, k.Down):
		s.cur.move(ids, 1)
		return nil
	}
	if len(acts) == 0 {
		return nil
	}
	cur := acts[s.cur.at(ids)]
	switch {
	case common.Matches(msg, k.Edit):
		return s.step(h, cur, apText, false, cur.Text)
	case common.Matches(msg, k.Owner):
		return s.step(h, cur, apOwner, false, cur.Owner)
	case common.Matches(msg, k.Due):
		return s.step(h, cur, apDue, false, model.FormatActionDate(cur.Due))
	case common.Matches(msg, k.Review):
		return s.step(h, cur, apReview, false, model.FormatActionDate(cur.Review))
	case common.Matches(msg, k.Status):
		cur.Status = model.NextActionStatus(cur.Status)
		h.Status("status: " + cur.Status)
		return h.Commit(model.Change{Op: model.OpPutAction, Action: cur})
	case common.Matches(msg, k.Delete):
		id := cur.ID
		h.Ask("delete the action “"+common.Clip(model.SanitizeLine(cur.Text), 40)+"”?", func() tea.Cmd {
			h.Status("action deleted")
			return h.Commit(model.Change{Op: model.OpDeleteAction, Action: model.Action{ID: id}})
		})
	}
	return nil
}

// step asks for one field of a; adding goes on to the next step, and
// esc in a new action saves what was given so far.
func (s *actionSection) step(h *Host, a model.Action, step apStep, adding bool, old string) tea.Cmd {
	save := func(a model.Action) tea.Cmd {
		if strings.TrimSpace(a.Text) == "" {
			return nil
		}
		cmd := h.Commit(model.Change{Op: model.OpPutAction, Action: a})
		s.cur.set(h.LastID())
		return cmd
	}
	spec := inputSpec{
		prompt:  apPrompts[step],
		old:     old,
		slot:    h.Slot(ActionPlanDraftGroup, apDraftNames[step]),
		empty:   step != apText,
		noGuard: step == apDue || step == apReview, // a date is parsed, not kept as typed
	}
	if adding && step != apText {
		spec.cancel = func() tea.Cmd { h.Status("action saved"); return save(a) }
	}
	spec.submit = func(text string) tea.Cmd {
		switch step {
		case apText:
			a.Text = text
		case apOwner:
			a.Owner = text
		case apDue, apReview:
			t, err := model.ParseActionDate(text, common.Now())
			if err != nil {
				h.Status(err.Error())
				h.input.KeepOpen()
				return nil
			}
			if step == apDue {
				a.Due = t
			} else {
				a.Review = t
			}
		}
		if adding && step < apReview {
			return s.step(h, a, step+1, true, "")
		}
		return save(a)
	}
	return h.InputSpec(spec)
}

// recover puts typing recovered after a crash back into a new action.
func (s *actionSection) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	if slot.Group != ActionPlanDraftGroup {
		return nil, false
	}
	cmd := s.step(h, model.Action{ExerciseID: h.env.Ex.ID, Status: model.ActionOpen}, apText, true, "")
	h.input.SetValue(text)
	return cmd, true
}

// view draws the actions: a line of counts, then each action with its
// status in words, its owner and dates, wrapped whole.
func (s *actionSection) view(h *Host, w, ht int) string {
	t := h.env.Theme
	acts := h.data.SessionActions(h.env.Ex.ID)
	cur := s.cur.at(actionIDs(acts))
	n := map[string]int{}
	for _, a := range acts {
		n[actionStatus(a)]++
	}
	head := t.Accent.Render(fmt.Sprintf("Action plan (%d)", len(acts))) +
		t.Dim.Render(fmt.Sprintf("  open %d · done %d · dropped %d", n[model.ActionOpen], n[model.ActionDone], n[model.ActionDropped]))
	if len(acts) == 0 {
		return head + "\n\n" + t.Dim.Render("No actions yet: a adds one (what, who by role, due date, review date).")
	}
	var lines []string
	cursorLine := 0
	for i, a := range acts {
		if i == cur {
			cursorLine = len(lines)
		}
		status := fmt.Sprintf("[%-7s] ", actionStatus(a))
		wrapped := strings.Split(lipgloss.NewStyle().Width(max(w-14, 10)).Render(model.SanitizeLine(a.Text)), "\n")
		for j, l := range wrapped {
			if j == 0 {
				lines = append(lines, h.mark(i == cur, a.ID, status+strings.TrimRight(l, " ")))
			} else {
				lines = append(lines, strings.Repeat(" ", 12)+strings.TrimRight(l, " "))
			}
		}
		owner := model.SanitizeLine(a.Owner)
		if owner == "" {
			owner = "—"
		}
		lines = append(lines, strings.Repeat(" ", 12)+t.Dim.Render(fmt.Sprintf("owner: %s · due: %s · review: %s",
			owner, model.DescribeActionDate(a.Due), model.DescribeActionDate(a.Review))))
	}
	return head + "\n" + strings.Join(common.ListWindow(lines, cursorLine, ht-1), "\n")
}

func actionStatus(a model.Action) string {
	if a.Status == "" {
		return model.ActionOpen
	}
	return a.Status
}

package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// ActionPlanKeys are the action plan's own bindings.
type ActionPlanKeys struct {
	Add    key.Binding
	Edit   key.Binding
	Owner  key.Binding
	Due    key.Binding
	Review key.Binding
	Status key.Binding
	Delete key.Binding
}

// DefaultActionPlanKeys returns the action plan's bindings.
func DefaultActionPlanKeys() ActionPlanKeys {
	return ActionPlanKeys{
		Add:    key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a/enter", "new action")),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit action text")),
		Owner:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "owner (a role)")),
		Due:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "due date")),
		Review: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review date")),
		Status: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status open/done/dropped")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete action")),
	}
}

// Bindings lists the action plan's keys for a help view.
func (k ActionPlanKeys) Bindings() []key.Binding {
	return []key.Binding{k.Add, k.Edit, k.Owner, k.Due, k.Review, k.Status, k.Delete}
}

// apStep is what the action plan's input is asking for.
type apStep int

const (
	apNone apStep = iota
	apText
	apOwner
	apDue
	apReview
)

var apPrompts = map[apStep]string{
	apText:   "What is the action?",
	apOwner:  "Who owns it? Give a role, not a name (e.g. team manager, social worker)",
	apDue:    "Due date: YYYY-MM-DD, or from today: 3d, 2w, 1m (enter to skip)",
	apReview: "Review date: YYYY-MM-DD, or from today: 3d, 2w, 1m (enter to skip)",
}

var apDraftNames = map[apStep]string{apText: "text", apOwner: "owner", apDue: "due", apReview: "review"}

// ActionPlan is the action-plan section that every runner with Actions
// embeds (and the whole of the actionplan kind): model.Action records of
// the exercise with text, owner (a role), due and review dates and a
// status cycled open → done → dropped. A new action is asked for step by
// step (text, owner, due, review) and saved once, when the steps end or
// esc stops them; a field of an existing action is saved as it is
// changed.
type ActionPlan struct {
	env     RunnerEnv
	keys    ActionPlanKeys
	commit  func(model.Change) tea.Cmd
	input   CaptureInput
	row     int
	step    apStep
	adding  bool         // the steps build a new action
	editing model.Action // the action the steps fill in
	confirm string       // action id awaiting delete confirmation
	status  string
}

// NewActionPlan builds the section; commit saves a change for its host.
func NewActionPlan(env RunnerEnv, commit func(model.Change) tea.Cmd) *ActionPlan {
	return &ActionPlan{env: env, keys: DefaultActionPlanKeys(), commit: commit, input: NewCaptureInput(env.Theme, env.Live)}
}

// Typing reports whether keys go to the input or a confirmation.
func (p *ActionPlan) Typing() bool { return p.input.Active() || p.confirm != "" }

// SetWidth fits the input to w.
func (p *ActionPlan) SetWidth(w int) { p.input.SetWidth(w) }

// actions lists the exercise's actions in data.
func (p *ActionPlan) actions(data *model.SessionData) []model.Action {
	return data.SessionActions(p.env.Ex.ID)
}

func (p *ActionPlan) draftKey(step apStep) string {
	if p.env.Live == nil {
		return ""
	}
	return p.env.Live.DraftKey(p.env.Ex.ID, actionPlanDraftGroup, apDraftNames[step])
}

// actionPlanDraftGroup is the draft-key part that marks typing in an
// action plan.
const actionPlanDraftGroup = "_actions"

// Recover puts typing recovered after a crash back into a new action.
func (p *ActionPlan) Recover(text string) tea.Cmd {
	p.adding, p.editing = true, model.Action{ExerciseID: p.env.Ex.ID, Status: model.ActionOpen}
	p.status = "recovered typing put back: enter keeps it, esc drops it"
	return p.open(apText, text)
}

func (p *ActionPlan) open(step apStep, value string) tea.Cmd {
	p.step = step
	return p.input.Open(apPrompts[step], value, p.draftKey(step))
}

// Update handles a message for the section; it reports whether it used it.
func (p *ActionPlan) Update(msg tea.Msg, data *model.SessionData) (tea.Cmd, bool) {
	if km, ok := msg.(tea.KeyMsg); ok {
		return p.key(km, data)
	}
	if p.input.Active() {
		_, cmd := p.input.Update(msg)
		return cmd, true
	}
	return nil, false
}

func (p *ActionPlan) key(msg tea.KeyMsg, data *model.SessionData) (tea.Cmd, bool) {
	if p.input.Active() {
		return p.inputKey(msg), true
	}
	acts := p.actions(data)
	p.row = min(p.row, max(len(acts)-1, 0))
	if p.confirm != "" {
		id := p.confirm
		p.confirm = ""
		if msg.String() == "y" {
			p.status = "action deleted"
			return p.commit(model.Change{Op: model.OpDeleteAction, Action: model.Action{ID: id}}), true
		}
		p.status = "kept"
		return nil, true
	}
	p.status = ""
	var cur model.Action
	has := len(acts) > 0
	if has {
		cur = acts[p.row]
	}
	k := p.keys
	switch {
	case key.Matches(msg, k.Add):
		p.adding, p.editing = true, model.Action{ExerciseID: p.env.Ex.ID, Status: model.ActionOpen}
		return p.open(apText, ""), true
	case msg.String() == "up" || msg.String() == "k":
		p.row = max(p.row-1, 0)
		return nil, true
	case msg.String() == "down" || msg.String() == "j":
		p.row = min(p.row+1, max(len(acts)-1, 0))
		return nil, true
	}
	if !has {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Edit):
		p.adding, p.editing = false, cur
		return p.open(apText, cur.Text), true
	case key.Matches(msg, k.Owner):
		p.adding, p.editing = false, cur
		return p.open(apOwner, cur.Owner), true
	case key.Matches(msg, k.Due):
		p.adding, p.editing = false, cur
		return p.open(apDue, model.FormatActionDate(cur.Due)), true
	case key.Matches(msg, k.Review):
		p.adding, p.editing = false, cur
		return p.open(apReview, model.FormatActionDate(cur.Review)), true
	case key.Matches(msg, k.Status):
		cur.Status = model.NextActionStatus(cur.Status)
		p.status = "status: " + cur.Status
		return p.commit(model.Change{Op: model.OpPutAction, Action: cur}), true
	case key.Matches(msg, k.Delete):
		p.confirm = cur.ID
		p.status = "delete this action? y: delete · any other key: keep"
		return nil, true
	}
	return nil, false
}

// inputKey types into the open step. In a new action, enter on an empty
// owner or date skips it and esc saves what was given so far.
func (p *ActionPlan) inputKey(msg tea.KeyMsg) tea.Cmd {
	if msg.String() == "esc" && !p.input.Confirming() {
		closeCmd := p.input.Close()
		if p.adding && p.step != apText {
			p.step = apNone
			p.status = "action saved"
			return tea.Batch(closeCmd, p.save())
		}
		p.step, p.adding = apNone, false
		return closeCmd
	}
	if msg.String() == "enter" && !p.input.Confirming() {
		raw := strings.TrimSpace(model.SanitizeLine(p.input.ti.Value()))
		switch {
		case raw == "" && p.step == apOwner:
			// No owner (in a new action, skip the step).
			return p.submit("")
		case p.step == apDue || p.step == apReview:
			// A date is parsed, not kept as typed: the privacy guard,
			// which would read it as a date of birth, does not apply.
			return p.submit(raw)
		}
	}
	res, cmd := p.input.Update(msg)
	switch res {
	case inputCancel:
		p.step, p.adding = apNone, false
		return tea.Batch(cmd, p.input.Close())
	case inputSubmit:
		return tea.Batch(cmd, p.submit(p.input.Value()))
	}
	return cmd
}

// submit takes the answer to the current step.
func (p *ActionPlan) submit(text string) tea.Cmd {
	a := &p.editing
	switch p.step {
	case apText:
		a.Text = text
	case apOwner:
		a.Owner = text
	case apDue, apReview:
		t, err := model.ParseActionDate(text, now())
		if err != nil {
			p.status = err.Error()
			return nil // the input stays open with what was typed
		}
		if p.step == apDue {
			a.Due = t
		} else {
			a.Review = t
		}
	}
	closeCmd := p.input.Close()
	if p.adding && p.step < apReview {
		next := p.step + 1
		return tea.Batch(closeCmd, p.open(next, ""))
	}
	p.step = apNone
	return tea.Batch(closeCmd, p.save())
}

// save commits the action the steps filled in.
func (p *ActionPlan) save() tea.Cmd {
	a := p.editing
	if strings.TrimSpace(a.Text) == "" {
		return nil
	}
	if a.Status == "" {
		a.Status = model.ActionOpen
	}
	if p.adding {
		p.row = 1 << 20 // follow the new action to the end of the list
	}
	p.adding = false
	return p.commit(model.Change{Op: model.OpPutAction, Action: a})
}

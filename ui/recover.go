package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
	"github.com/carehuddle/huddle/ui/session"
)

// recoverMsg asks the app to put a draft back where it was typed; rest
// are offered again when that screen closes.
type recoverMsg struct {
	draft model.Draft
	rest  []model.Draft
}

// Recovery offers back what was being typed when huddle last stopped
// without saving it (a crash, a kill, a power cut), one draft at a time:
// put it back where it was, or discard it.
type Recovery struct {
	theme  common.Theme
	live   *session.Live
	deck   *model.Deck
	drafts []model.Draft
	width  int
	height int
}

// NewRecovery builds the recovery screen over drafts.
func NewRecovery(theme common.Theme, live *session.Live, deck *model.Deck, drafts []model.Draft) *Recovery {
	return &Recovery{theme: theme, live: live, deck: deck, drafts: drafts}
}

// Typing reports true: the screen's keys are its own.
func (r *Recovery) Typing() bool { return true }

// Init implements tea.Model.
func (r *Recovery) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (r *Recovery) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width, r.height = msg.Width, msg.Height
	case tea.KeyMsg:
		if len(r.drafts) == 0 {
			return r, runner.CloseScreen
		}
		d := r.drafts[0]
		switch common.KeyName(msg) {
		case "enter":
			rest := r.drafts[1:]
			return r, tea.Sequence(runner.CloseScreen, func() tea.Msg { return recoverMsg{draft: d, rest: rest} })
		case "d", "x":
			r.drafts = r.drafts[1:]
			cmd := r.live.SaveDraft(d.Key, "")
			if len(r.drafts) == 0 {
				return r, tea.Batch(cmd, runner.CloseScreen)
			}
			return r, cmd
		case "esc":
			return r, runner.CloseScreen
		case "ctrl+c":
			return r, tea.Quit
		}
	}
	return r, nil
}

// where says in words where a draft was typed: the exercise, the group
// or case, and the question, as the room knows them (never an internal
// field name).
func (r *Recovery) where(d model.Draft) string {
	slot, ok := model.DraftSlot(r.live.Session().ID, d.Key)
	if !ok {
		return "this session"
	}
	switch slot.Exercise {
	case model.ExerciseParking:
		return "the parking lot"
	case model.ExerciseSeesaw:
		return "the see-saw"
	}
	ex := r.live.Exercises()[slot.Exercise]
	out := slot.Exercise
	if ex != nil {
		out += " " + ex.Title
	}
	if slot.Group == runner.ActionPlanDraftGroup {
		return out + " · a new action"
	}
	data := r.live.Data()
	if g := model.GroupLabel(ex, &data, slot.Group); g != "" {
		out += " · " + g
	}
	return out + " · " + common.Clip(model.FieldLabel(ex, slot.Field), 80)
}

// View implements tea.Model.
func (r *Recovery) View() string {
	if r.width < common.MinWidth || r.height < common.MinHeight {
		return common.TooSmall(r.theme, r.width, r.height)
	}
	if len(r.drafts) == 0 {
		return ""
	}
	t := r.theme
	d := r.drafts[0]
	w := min(r.width-4, 90)
	body := t.Title.Render("Recovered typing") + "\n\n" +
		lipgloss.NewStyle().Width(w).Render(fmt.Sprintf("huddle stopped before this was saved. It was being typed in %s at %s:",
			model.SanitizeLine(r.where(d)), d.Saved.Local().Format("15:04:05"))) + "\n\n" +
		t.Box.Width(w).Render(model.SanitizeLine(d.Text)) + "\n\n" +
		t.FooterKey.Render("enter: put it back where it was · d: discard it · esc: decide later")
	if len(r.drafts) > 1 {
		body += "\n" + t.Dim.Render(fmt.Sprintf("%d more after this one", len(r.drafts)-1))
	}
	return lipgloss.Place(r.width, r.height, lipgloss.Center, lipgloss.Center, body)
}

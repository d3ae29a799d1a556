package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
	"github.com/carehuddle/huddle/ui/session"
)

// actionPlanRunner opens a standalone action plan exercise on a live
// session of the built-in deck.
func actionPlanRunner(t *testing.T) (*driver, *session.Live) {
	t.Helper()
	deck := builtinDeck(t)
	l := testLive(t, testStore(t), deck, "North")
	ex := &model.Exercise{ID: "AP-1", Kind: model.KindActionPlan, Title: "Team action plan", Prompts: []string{"What will we stop doing?"}}
	r := runner.NewRunner(runner.RunnerEnv{Live: l, Ex: ex, Theme: common.NewTheme(common.ThemeDark)})
	d := &driver{T: t, M: r}
	d.Run(r.Init())
	d.Send(teaSize(80, 24))
	return d, l
}

func TestActionPlanRunner(t *testing.T) {
	d, l := actionPlanRunner(t)
	kaWant(t, d, "No actions yet")
	kaKeys(d, "a")
	typeText(d, "Invite the district nurses to the MDT")
	kaKeys(d, "enter")
	typeText(d, "practice lead")
	kaKeys(d, "enter")
	typeText(d, "2025-06-30")
	kaKeys(d, "enter")
	typeText(d, "2025-07-14")
	kaKeys(d, "enter")
	kaWant(t, d, "[open   ] Invite the district nurses to the MDT", "owner: practice lead · due: 30 Jun 2025 · review: 14 Jul 2025")
	kaKeys(d, "s", "s")
	kaWant(t, d, "[dropped] Invite")
	kaKeys(d, "s", "o")
	for range len("practice lead") {
		kaKeys(d, "backspace")
	}
	typeText(d, "team manager")
	kaKeys(d, "enter", "r")
	for range 10 {
		kaKeys(d, "backspace")
	}
	kaKeys(d, "enter") // no review date
	data := l.Data()
	acts := data.SessionActions("AP-1")
	if len(acts) != 1 || acts[0].Owner != "team manager" || acts[0].Status != model.ActionOpen || !acts[0].Review.IsZero() ||
		model.FormatActionDate(acts[0].Due) != "2025-06-30" || acts[0].TeamID == "" {
		t.Fatalf("actions %+v", acts)
	}
	// The prompts tab.
	kaKeys(d, "tab", "down", "enter")
	typeText(d, "Duplicate assessments")
	kaKeys(d, "enter")
	kaWant(t, d, "• Duplicate assessments")
	kaKeys(d, "S")
	v := kaWant(t, d, "Summary", "Invite the district nurses", "open 1")
	if strings.Contains(v, "NOT SAVED") {
		t.Error(v)
	}
}

func TestActionPlanGoldens(t *testing.T) {
	d, l := actionPlanRunner(t)
	kaKeys(d, "a")
	typeText(d, "Share one case a month at the team meeting")
	kaKeys(d, "enter")
	typeText(d, "social worker")
	kaKeys(d, "enter")
	typeText(d, "2025-06-30")
	kaKeys(d, "enter", "esc", "a")
	typeText(d, "Agree a shared risk form")
	kaKeys(d, "enter", "esc", "s")
	_ = l
	run := func(t *testing.T, want string) {
		kaGolden(t, runToView(t, d.M, 80, 24, want))
	}
	t.Run("capture", func(t *testing.T) { run(t, "Agree a shared risk form") })
	kaKeys(d, "S")
	t.Run("summary", func(t *testing.T) { run(t, "Summary") })
}

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
)

// longAction is an action too long for one line at 80 columns.
const longAction = "Ring the duty team about read access to the shared care record so that the social care worker sees discharge plans before Thursday"

func TestReviewActionsScreen(t *testing.T) {
	f := newReviewFixture(t)
	if _, err := f.st.PutAction(model.Action{SessionID: f.south, Text: longAction, Owner: "Café lead, Zoë Ångström-Smythe",
		Due: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	d, r := reviewDriver(t, f, 80, 24)
	d.Send(keyMsg("a"))
	v, ok := r.top().(*reviewActions)
	if !ok {
		t.Fatalf("a should open the actions screen: %T", r.top())
	}
	view := reviewView(d)
	reviewHas(t, view, "Actions · all teams", "4 actions, 3 open, 3 overdue", "OVERDUE", "Café lead, Zoë Ångström-Smythe")
	// The longest overdue first, and read whole at 80 columns: wrapped.
	if !strings.Contains(strings.Join(strings.Fields(view), " "), longAction) {
		t.Errorf("the long action is not shown whole:\n%s", view)
	}
	for _, l := range strings.Split(view, "\n") {
		if ansi.StringWidth(l) > 80 || strings.Contains(l, "…") {
			t.Errorf("a line is too wide or cut: %q", l)
		}
	}
	if i, j := strings.Index(view, "Ring the duty"), strings.Index(view, "Book a joint"); i < 0 || j < 0 || j < i {
		t.Errorf("the action due 2 January should come first:\n%s", view)
	}

	d.Send(keyMsg("f")) // open
	d.Send(keyMsg("f")) // overdue
	if len(v.list.items) != 3 {
		t.Fatalf("3 overdue actions, got %d", len(v.list.items))
	}
	reviewHas(t, reviewView(d), "showing overdue")
	d.Send(keyMsg("down")) // Book a joint MDT slot
	d.Send(keyMsg("d"))
	acts, _ := f.st.Actions(f.north1)
	if acts[0].Text != "Book a joint MDT slot" || acts[0].Status != model.ActionDone {
		t.Errorf("d should mark the selected action done: %+v", acts[0])
	}
	reviewHas(t, reviewView(d), "saved ✓")

	// e steps to one team: the list is of its workshops only.
	d.Send(keyMsg("f")) // all
	d.Send(keyMsg("e"))
	reviewHas(t, reviewView(d), "Actions · North Locality")
	for _, it := range v.all {
		if it.TeamName != "North Locality" {
			t.Errorf("another team's action under North: %+v", it)
		}
	}
	if len(v.all) != 3 {
		t.Errorf("North has 3 actions: %d", len(v.all))
	}
	d.Send(keyMsg("esc"))
	if _, ok := r.top().(*reviewList); !ok {
		t.Errorf("esc should go back to the list: %T", r.top())
	}
}

func TestReviewTeamsScreen(t *testing.T) {
	f := newReviewFixture(t)
	d, r := reviewDriver(t, f, 80, 24)
	d.Send(keyMsg("T"))
	if _, ok := r.top().(*reviewTeams); !ok {
		t.Fatalf("T should open the teams screen: %T", r.top())
	}
	view := reviewView(d)
	reviewHas(t, view, "Teams side by side", "North Locality  3 workshops · last 2025-03-11",
		"continuum 1.0 1.3 2.3 ↑ up", "see-saw −1 +1 ↑ up", "2 open, 2 overdue", "South Team  1 workshop · last 2025-02-20",
		"continuum 2.0 · see-saw — · actions 0 open, 0 overdue")
	for _, l := range strings.Split(view, "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("too wide: %q", l)
		}
	}
	d.Send(keyMsg("enter"))
	team, ok := r.top().(*reviewTeam)
	if !ok || team.name != "North Locality" {
		t.Fatalf("enter should open North's journey: %T", r.top())
	}
	d.Send(keyMsg("esc"))
	d.Send(keyMsg("down"))
	d.Send(keyMsg("a"))
	acts, ok := r.top().(*reviewActions)
	if !ok || acts.teamID == "" {
		t.Fatalf("a should open South's actions: %T", r.top())
	}
	reviewHas(t, reviewView(d), "Actions · South Team", "No actions.")
}

func TestReviewSearchFindsActionsAndFoldsAccents(t *testing.T) {
	f := newReviewFixture(t)
	d, _ := reviewDriver(t, f, 100, 30)
	for _, k := range append(append([]string{"/"}, runes("joint mdt")...), "enter") {
		d.Send(keyMsg(k))
	}
	reviewHas(t, reviewView(d), "1 match", "action · M1-E3", "Book a joint MDT slot")
	d.Send(keyMsg("esc"))
	for _, k := range append(append([]string{"/"}, runes("TEAM MANAGÉR")...), "enter") {
		d.Send(keyMsg(k))
	}
	reviewHas(t, reviewView(d), "action's owner", "Team manager")
}

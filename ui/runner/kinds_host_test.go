package runner

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// hostRunner builds the runner of exercise id on l at 100x30, with a
// recovered draft if one is given.
func hostRunner(t *testing.T, l *session.Live, id string, draft *model.Draft) *driver {
	t.Helper()
	ex, ok := l.Exercises()[id]
	if !ok {
		t.Fatalf("no exercise %s", id)
	}
	r := NewRunner(RunnerEnv{Live: l, Ex: ex, Theme: common.NewTheme(common.ThemeDark), Draft: draft})
	if _, isHost := r.(*Host); !isHost {
		t.Fatalf("%s does not run on the host: %T", id, r)
	}
	d := &driver{T: t, M: r}
	d.Run(r.Init())
	d.Send(teaSize(100, 30))
	return d
}

// quickKeys sends keys as a fast hand does: every key is taken before any
// save it started returns; the saves run after the last key.
func quickKeys(d *driver, names ...string) {
	var cmds []tea.Cmd
	for _, k := range names {
		var cmd tea.Cmd
		d.M, cmd = d.M.Update(keyMsg(k))
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		d.Run(c)
	}
}

// addKeys opens an input with open, types text and saves it with enter.
func addKeys(d *driver, open []string, text string) {
	kaKeys(d, open...)
	typeText(d, text)
	kaKeys(d, "enter")
}

// TestAssessCaseAlliesOnTheHost runs the assessment, the case study and
// the allies map through the behaviours the runner host promises: two
// quick choices build on each other (the second is made from what the
// first left, before its save returns); after an add the new item is
// selected, an edit and a delete act on it (and the selection then goes
// to the item left); a failed add stays shown, marked, with its text; a draft
// recovered after a crash goes back into the field (and group, and cell)
// it was typed in, and enter saves it there.
func TestAssessCaseAlliesOnTheHost(t *testing.T) {
	type draft struct {
		group, field, text string
		want               model.Slot
		check              func(model.Entry) bool
	}
	cases := []struct {
		id    string
		prep  []string // keys run one by one before the quick keys
		text  string   // typed after prep, then enter (if not "")
		quick []string
		saved func(d *model.SessionData) string // "" when the quick keys built on each other
		adds  [][]string
		added string // the selected row after the adds
		left  string // the selected row once the added item is deleted
		draft []draft
	}{
		{
			id:    "I-A",
			quick: []string{"right", "right"}, // none → high → medium
			saved: func(d *model.SessionData) string {
				if e, _ := d.Value(model.Slot{Exercise: "I-A", Field: model.FactorField("knowledge")}); e.Value != "medium" {
					return "knowledge is " + e.Value + ", want medium"
				}
				return ""
			},
			adds:  [][]string{{"tab", "enter"}, {"enter"}},
			added: "▶   • line 2",
			left:  "▶ Prompt: Which gaps", // the row where the line was
			draft: []draft{{"", model.PromptField(1), "the funding gap", model.Slot{Exercise: "I-A", Field: model.PromptField(1)}, nil}},
		},
		{
			id:    "M2-E2",
			prep:  []string{"enter"},
			text:  "Quick joint visit",
			quick: []string{"p", "3"}, // tag positive, then weigh: the weight needs the tag
			saved: func(d *model.SessionData) string {
				es := d.In(model.Slot{Exercise: "M2-E2", Group: "A", Field: "q1"})
				if len(es) != 1 || es[0].Tag != model.TagPositive || es[0].Weight != 3 {
					return fmt.Sprintf("answer %+v, want positive 3", es)
				}
				return ""
			},
			adds:  [][]string{{"tab", "tab", "1"}, {"2"}},
			added: "▶ • [Case B] line 2",
			left:  "▶ • [Case A] line 1",
			draft: []draft{
				{"B", "q2", "the family was not asked", model.Slot{Exercise: "M2-E2", Group: "B", Field: "q2"}, nil},
				{"A", model.FieldVote, "the SCW knew the family", model.Slot{Exercise: "M2-E2", Field: model.FieldVote},
					func(e model.Entry) bool { return e.Value == "A" }},
			},
		},
		{
			id:    "M3-E2",
			prep:  []string{"enter"},
			text:  "District nurse",
			quick: []string{"m", "right", "enter", "m", "right", "enter"}, // ally → neutral → obstructs
			saved: func(d *model.SessionData) string {
				es := d.In(model.Slot{Exercise: "M3-E2", Field: model.FieldAlly})
				if len(es) != 1 || es[0].Value != "daily|obstructs" {
					return fmt.Sprintf("colleagues %+v, want one in daily|obstructs", es)
				}
				return ""
			},
			adds:  [][]string{{"down", "enter"}, {"enter"}},
			added: "▶ • line 2",
			left:  "▶ • line 1",
			draft: []draft{{"cell1.2", model.FieldAlly, "ward manager", model.Slot{Exercise: "M3-E2", Field: model.FieldAlly},
				func(e model.Entry) bool { return e.Value == "weekly|obstructs" }}},
		},
	}
	deck := builtinDeck(t)
	for _, c := range cases {
		t.Run(c.id+"/quick choices", func(t *testing.T) {
			l := testLive(t, testStore(t), deck, "North")
			d := hostRunner(t, l, c.id, nil)
			kaKeys(d, c.prep...)
			if c.text != "" {
				typeText(d, c.text)
				kaKeys(d, "enter")
			}
			quickKeys(d, c.quick...)
			data, err := l.Store().SessionData(l.Session().ID)
			if err != nil {
				t.Fatal(err)
			}
			if why := c.saved(&data); why != "" {
				t.Errorf("%s after %v:\n%s", why, c.quick, plain(d.M.View()))
			}
		})
		t.Run(c.id+"/new item selected", func(t *testing.T) {
			l := testLive(t, testStore(t), deck, "North")
			d := hostRunner(t, l, c.id, nil)
			for i, open := range c.adds {
				addKeys(d, open, fmt.Sprintf("line %d", i+1))
			}
			v := kaWant(t, d, c.added)
			if first := strings.Replace(c.added, "line 2", "line 1", 1); strings.Contains(v, first) {
				t.Errorf("the first item is still selected:\n%s", v)
			}
			kaKeys(d, "e") // the edit is of the item selected
			d.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
			typeText(d, "line 2 edited")
			kaKeys(d, "enter")
			kaWant(t, d, c.added+" edited")
			kaKeys(d, "x", "y") // deleted: the selection goes to the item left
			if v := kaWant(t, d, c.left); strings.Contains(v, "line 2") {
				t.Errorf("the deleted item is still shown:\n%s", v)
			}
		})
		t.Run(c.id+"/failed add kept", func(t *testing.T) {
			l := testLive(t, testStore(t), deck, "North")
			d := hostRunner(t, l, c.id, nil)
			kaKeys(d, c.adds[0]...)
			typeText(d, "kept when the disk is full")
			d.M, _ = d.M.Update(keyMsg("enter")) // the save is sent, never run
			h := d.M.(*Host)
			if len(h.Pending()) != 1 {
				t.Fatalf("%d changes pending, want 1", len(h.Pending()))
			}
			d.Send(session.SavedMsg{Seq: h.Pending()[0].Seq, Change: h.Pending()[0].Change, Err: errors.New("disk full")})
			kaWant(t, d, "⚠", "kept when the disk is full (not saved)", "NOT SAVED: 1 change waiting — disk full")
		})
		for _, dr := range c.draft {
			t.Run(c.id+"/draft "+dr.field, func(t *testing.T) {
				l := testLive(t, testStore(t), deck, "North")
				d := hostRunner(t, l, c.id, &model.Draft{Key: l.DraftKey(c.id, dr.group, dr.field), Text: dr.text})
				kaWant(t, d, "› "+dr.text)
				kaKeys(d, "enter")
				data := l.Data()
				es := data.In(dr.want)
				if len(es) != 1 || es[0].Text != dr.text || (dr.check != nil && !dr.check(es[0])) {
					t.Errorf("recovered into %+v, want %+v: %+v", dr.want, dr.text, data.Entries)
				}
			})
		}
	}
}

// TestAssessmentTieIsToldAsATie: two of ten factors answered at opposite
// ends put the team equally near every profile; the runner says it is a
// tie instead of naming the less integrated profile.
func TestAssessmentTieIsToldAsATie(t *testing.T) {
	l := testLive(t, testStore(t), builtinDeck(t), "North")
	d := hostRunner(t, l, "I-A", nil)
	kaKeys(d, "1", "down", "3")
	v := kaWant(t, d, "Nearest: a TIE between attached, aligned and embedded", "2 of 10 answered")
	if strings.Contains(v, "Nearest: ATTACHED") {
		t.Errorf("a tie shown as attached:\n%s", v)
	}
	kaKeys(d, "down", "2") // a third answer (medium) breaks the tie
	kaWant(t, d, "Nearest: ALIGNED")
}

// kaKeys sends each key name in turn.
func kaKeys(d *driver, names ...string) {
	for _, k := range names {
		d.Send(keyMsg(k))
	}
}

// kaWant fails unless the screen shows every want.
func kaWant(t *testing.T, d *driver, wants ...string) string {
	t.Helper()
	v := plain(d.M.View())
	for _, w := range wants {
		if !strings.Contains(v, w) {
			t.Errorf("screen lacks %q:\n%s", w, v)
		}
	}
	return v
}

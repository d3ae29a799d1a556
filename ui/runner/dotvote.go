package runner

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// DotVoteKeys are the keys of a dot vote.
type DotVoteKeys struct {
	NextGroup, PrevGroup, Up, Down, Give, Take, Done key.Binding
}

// DefaultDotVoteKeys returns the dot vote's bindings.
func DefaultDotVoteKeys() DotVoteKeys {
	return DotVoteKeys{
		NextGroup: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "vote: next group")),
		PrevGroup: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "vote: previous group")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "vote: previous line")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "vote: next line")),
		Give:      key.NewBinding(key.WithKeys(" ", "enter"), key.WithHelp("space", "vote: give a dot")),
		Take:      key.NewBinding(key.WithKeys("x", "backspace"), key.WithHelp("x", "vote: take a dot back")),
		Done:      key.NewBinding(key.WithKeys("esc", "V"), key.WithHelp("esc/V", "vote: done")),
	}
}

// Bindings lists the keys for help.
func (k DotVoteKeys) Bindings() []key.Binding {
	return []key.Binding{k.NextGroup, k.PrevGroup, k.Up, k.Down, k.Give, k.Take, k.Done}
}

type dotVoteKeyMap struct{ k DotVoteKeys }

func (m dotVoteKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.k.NextGroup, m.k.Down, m.k.Give, m.k.Take, m.k.Done}
}
func (m dotVoteKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{m.k.Bindings()} }

// dotVote is a dot vote over an exercise's lines: each group has
// model.DotsPerGroup dots to give. The list is sorted by dots, and the
// selection stays on the line voted for as it moves up.
type dotVote struct {
	keys  DotVoteKeys
	voter int
	cur   itemCursor
	n     int // groups
}

func newDotVote(gs []model.Group) *dotVote {
	return &dotVote{keys: DefaultDotVoteKeys(), n: len(gs)}
}

func (v *dotVote) keyMap() help.KeyMap { return dotVoteKeyMap{v.keys} }

// voteLines lists the lines that can take dots (model.DotLines).
func voteLines(h *Host) []model.Entry { return h.data.DotLines(h.env.Ex) }

func entryIDs(es []model.Entry) []string {
	return keysOf(es, func(e model.Entry) string { return e.ID })
}

func (v *dotVote) key(h *Host, msg tea.KeyMsg, done func()) tea.Cmd {
	gs := h.data.Groups(h.env.Ex.ID, max(h.env.Ex.Groups, 1))
	if len(gs) == 0 {
		done()
		return nil
	}
	lines := voteLines(h)
	ids := entryIDs(lines)
	voter := gs[v.voter%len(gs)].Key
	k := v.keys
	switch {
	case common.Matches(msg, k.Done):
		done()
	case common.Matches(msg, k.NextGroup):
		v.voter = (v.voter + 1) % len(gs)
	case common.Matches(msg, k.PrevGroup):
		v.voter = (v.voter + len(gs) - 1) % len(gs)
	case common.Matches(msg, k.Up):
		v.cur.move(ids, -1)
	case common.Matches(msg, k.Down):
		v.cur.move(ids, 1)
	case common.Matches(msg, k.Give):
		if len(lines) == 0 {
			return nil
		}
		if h.data.DotsUsed(h.env.Ex.ID, voter) >= model.DotsPerGroup {
			h.Status("this group has no dots left: x takes one back")
			return nil
		}
		target := lines[v.cur.at(ids)]
		v.cur.set(target.ID) // the selection stays on the line as it moves up
		dot := model.Entry{ExerciseID: h.env.Ex.ID, Group: voter, Field: model.FieldDot, Value: target.ID, Text: "dot"}
		return h.Commit(model.Change{Op: model.OpAddVotes, Entry: model.Entry{ID: target.ID}, Delta: 1, Entries: []model.Entry{dot}})
	case common.Matches(msg, k.Take):
		if len(lines) == 0 {
			return nil
		}
		target := lines[v.cur.at(ids)]
		v.cur.set(target.ID)
		for _, dot := range h.data.In(model.Slot{Exercise: h.env.Ex.ID, Group: voter, Field: model.FieldDot}) {
			if dot.Value == target.ID {
				dot.MergedInto = model.Withdrawn
				return h.Commit(model.Change{Op: model.OpAddVotes, Entry: model.Entry{ID: target.ID}, Delta: -1, Entries: []model.Entry{dot}})
			}
		}
		h.Status("this group gave that line no dot")
	}
	return nil
}

// view is the dot vote: the voting group and its dots left, then the
// lines with their dots.
func (v *dotVote) view(h *Host, w, ht int) string {
	t := h.env.Theme
	gs := h.data.Groups(h.env.Ex.ID, max(h.env.Ex.Groups, 1))
	g := gs[v.voter%len(gs)]
	left := max(model.DotsPerGroup-h.data.DotsUsed(h.env.Ex.ID, g.Key), 0)
	head := t.Heading.Render("Dot vote") + "  " + t.FooterKey.Render(fmt.Sprintf("%s votes: %s %d of %d dots left",
		model.SanitizeLine(g.Name), strings.Repeat("●", left)+strings.Repeat("○", model.DotsPerGroup-left), left, model.DotsPerGroup))
	lines := voteLines(h)
	cur := v.cur.at(entryIDs(lines))
	var rows []string
	for i, e := range lines {
		text := fmt.Sprintf("%-6s %d  %s · %s", strings.Repeat("●", min(e.Count(), 6)), e.Count(),
			model.SanitizeLine(e.Text), model.SanitizeLine(groupName(gs, e.Group)))
		rows = append(rows, h.mark(i == cur, e.ID, text))
	}
	if len(rows) == 0 {
		rows = []string{t.Dim.Render("No lines to vote on yet.")}
	}
	return head + "\n\n" + strings.Join(common.ListWindow(rows, cur, ht-2), "\n")
}

// groupName is a group's name, "Whole team" for "".
func groupName(gs []model.Group, k string) string {
	for _, g := range gs {
		if g.Key == k {
			return g.Name
		}
	}
	if k == "" {
		return "Whole team"
	}
	return k
}

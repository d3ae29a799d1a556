package runner

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// DiscussionKeys are the discussion's own keys (the capture list's and
// the host's are shared).
type DiscussionKeys struct {
	NextGroup, PrevGroup, NewGroup, Rename, Move, Merge, Vote key.Binding
}

// DefaultDiscussionKeys returns the discussion's own bindings.
func DefaultDiscussionKeys() DiscussionKeys {
	return DiscussionKeys{
		NextGroup: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next group")),
		PrevGroup: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous group")),
		NewGroup:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "new group")),
		Rename:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename group")),
		Move:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "move line to group")),
		Merge:     key.NewBinding(key.WithKeys("G"), key.WithHelp("G", "merge with a similar line")),
		Vote:      key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "dot vote")),
	}
}

// discussionPane is the discussion kind: named groups, each answering the
// exercise's fields (a continuum, text, lines of feedback), and a
// whole-team tab for the facilitator's prompts and the closing question.
// Lines can be tagged, weighted, edited, moved to another group, merged
// with a similar line and dot-voted.
type discussionPane struct {
	km      DiscussionKeys
	lists   map[string]*captureList // per group key ("" the whole team)
	tab     int                     // index into groups; len(groups) is the whole-team tab
	moving  string                  // line awaiting a group number
	merging string                  // line marked to merge into another
	vote    *dotVote                // the dot vote, while open
}

func newDiscussionSection() *discussionPane {
	return &discussionPane{km: DefaultDiscussionKeys(), lists: map[string]*captureList{}}
}

func (d *discussionPane) title(*Host) string { return "Groups" }

func (d *discussionPane) groups(h *Host) []model.Group {
	return h.data.Groups(h.env.Ex.ID, max(h.env.Ex.Groups, 1))
}

// group is the current tab's group key ("" on the whole-team tab).
func (d *discussionPane) group(h *Host) string {
	gs := d.groups(h)
	d.tab = min(d.tab, len(gs))
	if d.tab < len(gs) {
		return gs[d.tab].Key
	}
	return ""
}

// list is the capture list of a group's tab.
func (d *discussionPane) list(h *Host, group string) *captureList {
	if l, ok := d.lists[group]; ok {
		return l
	}
	fields := exerciseFields(h.env.Ex)
	if group == "" {
		fields = promptFields(h.env.Ex)
	}
	l := newCaptureList(false, fields)
	d.lists[group] = &l
	return &l
}

func (d *discussionPane) modal() bool { return d.moving != "" || d.vote != nil }

type discussionKeyMap struct {
	d  DiscussionKeys
	c  CaptureKeys
	vk DotVoteKeys
}

func (m discussionKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.d.NextGroup, m.c.Add, m.c.Positive, m.c.Challenge, m.c.Pick}
}

func (m discussionKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.d.NextGroup, m.d.PrevGroup, m.d.NewGroup, m.d.Rename, m.d.Move, m.d.Merge, m.d.Vote},
		m.c.Bindings(),
		m.vk.Bindings(),
	}
}

func (d *discussionPane) keys() help.KeyMap {
	c := DefaultCaptureKeys(false)
	c.Pick.SetHelp("1-3", "weight")
	if d.vote != nil {
		return d.vote.keyMap()
	}
	return discussionKeyMap{d: d.km, c: c, vk: DefaultDotVoteKeys()}
}

func (d *discussionPane) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	if d.vote != nil {
		return d.vote.key(h, msg, func() { d.vote = nil })
	}
	gs := d.groups(h)
	group := d.group(h)
	if d.moving != "" {
		return d.moveTo(h, gs, common.KeyName(msg))
	}
	k := d.km
	l := d.list(h, group)
	if d.merging != "" && common.KeyName(msg) == "enter" {
		return d.mergeInto(h, group)
	}
	switch {
	case common.Matches(msg, k.NextGroup):
		d.tab = (d.tab + 1) % (len(gs) + 1)
	case common.Matches(msg, k.PrevGroup):
		d.tab = (d.tab + len(gs)) % (len(gs) + 1)
	case common.Matches(msg, k.NewGroup):
		n := len(gs) + 1
		d.tab = n - 1
		return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: h.env.Ex.ID, Group: model.GroupKey(n), Field: model.FieldGroupName, Text: "Group " + strconv.Itoa(n)}})
	case common.Matches(msg, k.Rename):
		if d.tab < len(gs) {
			g := gs[d.tab]
			return h.Input("name of "+model.SanitizeLine(g.Name), g.Name, model.Slot{}, func(text string) tea.Cmd {
				return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: h.env.Ex.ID, Group: g.Key, Field: model.FieldGroupName, Text: text}})
			})
		}
	case common.Matches(msg, k.Move):
		if r, ok := l.current(h, group); ok && r.kind == rowLine && len(gs) > 1 {
			d.moving = r.entry.ID
			h.Status("move this line to group number… (1-" + strconv.Itoa(len(gs)) + ", esc cancels)")
		}
	case common.Matches(msg, k.Merge):
		if r, ok := l.current(h, group); ok && r.kind == rowLine {
			d.merging = r.entry.ID
			h.Status("merge: move to the similar line it belongs with and press enter (esc cancels)")
		}
	case common.Matches(msg, k.Vote):
		if len(voteLines(h)) == 0 {
			h.Status("no lines to vote on yet")
			return nil
		}
		d.vote = newDotVote(gs)
	case d.merging != "" && common.KeyName(msg) == "esc":
		d.merging = ""
		h.Status("not merged")
	default:
		_, cmd := l.key(h, group, msg)
		return cmd
	}
	return nil
}

// moveTo moves the line being moved to group number k.
func (d *discussionPane) moveTo(h *Host, gs []model.Group, k string) tea.Cmd {
	id := d.moving
	d.moving = ""
	n, err := strconv.Atoi(k)
	e, ok := h.data.Entry(id)
	if err != nil || n < 1 || n > len(gs) || !ok {
		h.Status("not moved")
		return nil
	}
	e.Group = gs[n-1].Key
	d.tab = n - 1
	d.list(h, e.Group).cur.set(e.ID) // the selection follows the line
	h.Status("moved to " + model.SanitizeLine(gs[n-1].Name))
	return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

// mergeInto merges the marked line into the line under the cursor: the
// marked line is kept, counted under the other, and its dots move with it.
func (d *discussionPane) mergeInto(h *Host, group string) tea.Cmd {
	src, ok := h.data.Entry(d.merging)
	d.merging = ""
	r, isRow := d.list(h, group).current(h, group)
	if !ok || !isRow || r.kind != rowLine || r.entry.ID == src.ID {
		h.Status("not merged: choose another line and press enter")
		return nil
	}
	target := r.entry
	src.MergedInto = target.ID // its dots move to the target as it is saved
	h.Status("merged into “" + common.Clip(model.SanitizeLine(target.Text), 40) + "”")
	return h.Commit(model.Change{Op: model.OpPutEntries, Entries: []model.Entry{src, target}})
}

func (d *discussionPane) view(h *Host, w, ht int) string {
	if d.vote != nil {
		return d.vote.view(h, w, ht)
	}
	gs := d.groups(h)
	group := d.group(h)
	t := h.env.Theme
	names := make([]string, 0, len(gs)+1)
	for _, g := range gs {
		names = append(names, model.SanitizeLine(g.Name))
	}
	names = append(names, "Whole team")
	var parts []string
	for i, n := range names {
		if i == d.tab {
			parts = append(parts, t.Selected.Render("[ "+n+" ]"))
		} else {
			parts = append(parts, t.Dim.Render("  "+n+"  "))
		}
	}
	tabs := strings.Join(common.PackWith(parts, " ", w), "\n") + "\n" + t.Dim.Render(strings.Repeat("─", max(w, 1)))
	body := d.list(h, group).view(h, group, w, ht-strings.Count(tabs, "\n")-1, func(e model.Entry) string {
		return lineMarks(h, e, d.merging)
	})
	return tabs + "\n" + body
}

// lineMarks shows a line's dots and the lines merged into it.
func lineMarks(h *Host, e model.Entry, merging string) string {
	var s string
	if e.Count() > 0 {
		s += fmt.Sprintf("  %s %d", strings.Repeat("●", min(e.Count(), 6)), e.Count())
	}
	n := 0
	for _, o := range h.data.Entries {
		if o.MergedInto == e.ID {
			n++
		}
	}
	if n > 0 {
		s += fmt.Sprintf("  (+%d similar)", n)
	}
	if e.ID == merging && merging != "" {
		s += "  ← merging"
	}
	return s
}

// Recover puts recovered typing back in its group and field.
func (d *discussionPane) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	gs := d.groups(h)
	d.tab = len(gs)
	for i, g := range gs {
		if g.Key == slot.Group {
			d.tab = i
		}
	}
	l := d.list(h, slot.Group)
	for _, f := range l.fields {
		if f.key == slot.Field {
			l.focus(f.key)
			return openRecovered(h, l, slot.Group, f, text), true
		}
	}
	return nil, false
}

// openRecovered opens the host's input with recovered text for field f.
func openRecovered(h *Host, l *captureList, group string, f dField, text string) tea.Cmd {
	cmd := l.add(h, group, f)
	h.input.SetValue(text)
	return cmd
}

package runner

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// CaseStudyQuestionField is the field of the answers to the nth question
// (0-based) of a case study: "q1", "q2"...
func CaseStudyQuestionField(n int) string { return "q" + strconv.Itoa(n+1) }

// CaseVoteKeys are the keys of a case study's vote tab.
type CaseVoteKeys struct {
	Up, Down, Vote, Edit, Delete key.Binding
}

// DefaultCaseVoteKeys returns the vote tab's bindings.
func DefaultCaseVoteKeys() CaseVoteKeys {
	return CaseVoteKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous vote")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next vote")),
		Vote:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "vote for case n, with a reason")),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit the reason")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete vote (asks)")),
	}
}

// Bindings lists the keys for help.
func (k CaseVoteKeys) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Vote, k.Edit, k.Delete}
}

type caseVoteKeyMap struct{ k CaseVoteKeys }

func (m caseVoteKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.k.Vote, m.k.Up, m.k.Edit, m.k.Delete}
}
func (m caseVoteKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{m.k.Bindings()} }

// newCaseStudyPane is the case study kind (M2-E2): a tab per case
// answering the exercise's questions (Group the case key, Field q1,
// q2...), a vote tab (which case came from the embedded team, each vote
// with its reason: Field model.FieldVote, Value the case key, Text the
// reason), then the notes (the exercise's other fields, prompts, closing).
func newCaseStudyPane(ex *model.Exercise) Pane {
	var secs []section
	for _, c := range ex.Cases {
		var fields []dField
		for i, q := range ex.Questions {
			fields = append(fields, dField{key: CaseStudyQuestionField(i), label: q, typ: model.FieldLines})
		}
		cs := &caseSection{c: c, list: newCaptureList(false, fields)}
		linesOnly(&cs.list)
		secs = append(secs, cs)
	}
	secs = append(secs, &caseVoteSection{km: DefaultCaseVoteKeys()})
	return withNotes("Case study", ex, nil, secs...)
}

// caseSection is one case: its gist beside the questions, and the
// answers to each question in the case's group.
type caseSection struct {
	c    model.Case
	list captureList
}

func (s *caseSection) title(*Host) string { return "Case " + model.SanitizeLine(s.c.Key) }
func (s *caseSection) keys() help.KeyMap  { return captureKeyMap{s.list.keys} }

func (s *caseSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	_, cmd := s.list.key(h, s.c.Key, msg)
	return cmd
}

// caseGist is the gist of the case to show beside its questions, so that
// a group answering them need not go back to the slides.
func caseGist(c model.Case) string { return c.Gist }

func (s *caseSection) view(h *Host, w, ht int) string {
	t := h.env.Theme
	top := t.Heading.Render(model.SanitizeLine(s.c.Title))
	if g := caseGist(s.c); g != "" {
		top += "\n" + model.SanitizeLine(g)
	} else {
		top += "\n" + t.Dim.Render("The case is on the slides before this one; answer each question for this case.")
	}
	top = lipgloss.NewStyle().Width(max(w, 10)).Render(top)
	return top + "\n\n" + s.list.view(h, s.c.Key, w, max(ht-lipgloss.Height(top)-1, 1), nil)
}

func (s *caseSection) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	if slot.Group != s.c.Key {
		return nil, false
	}
	for _, f := range s.list.fields {
		if f.key == slot.Field {
			s.list.focus(f.key)
			return openRecovered(h, &s.list, s.c.Key, f, text), true
		}
	}
	return nil, false
}

// caseVoteSection is the vote: a bar per case with its count in numbers,
// then every vote with its reason. A reason being typed is kept as a
// draft under the case voted for.
type caseVoteSection struct {
	km  CaseVoteKeys
	cur itemCursor
}

func (s *caseVoteSection) title(h *Host) string {
	return fmt.Sprintf("Vote (%d)", len(h.data.In(h.Slot("", model.FieldVote))))
}
func (s *caseVoteSection) keys() help.KeyMap { return caseVoteKeyMap{s.km} }

func (s *caseVoteSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	votes := h.data.In(h.Slot("", model.FieldVote))
	ids := entryIDs(votes)
	k := s.km
	switch {
	case common.Matches(msg, k.Vote):
		n := int(common.KeyName(msg)[0] - '1')
		if n >= len(h.env.Ex.Cases) {
			h.Status("there are " + strconv.Itoa(len(h.env.Ex.Cases)) + " cases")
			return nil
		}
		return s.vote(h, h.env.Ex.Cases[n])
	case common.Matches(msg, k.Up):
		s.cur.move(ids, -1)
	case common.Matches(msg, k.Down):
		s.cur.move(ids, 1)
	case len(votes) == 0:
		h.Status("press a case's number (1, 2…) to record a vote and its reason")
	case common.Matches(msg, k.Edit):
		v := votes[s.cur.at(ids)]
		return editEntryText(h, votePrompt(h.env.Ex, v.Value), v, h.Slot(v.Value, model.FieldVote))
	case common.Matches(msg, k.Delete):
		v := votes[s.cur.at(ids)]
		askDelete(h, "the vote for "+caseName(h.env.Ex, v.Value), v)
	}
	return nil
}

// votePrompt asks for the reason of a vote for case k.
func votePrompt(ex *model.Exercise, k string) string {
	return "why " + caseName(ex, k) + "? (the reason for this vote)"
}

// vote asks for the reason of a vote for case c and saves the two
// together; the new vote is selected.
func (s *caseVoteSection) vote(h *Host, c model.Case) tea.Cmd {
	return h.Input(votePrompt(h.env.Ex, c.Key), "", h.Slot(c.Key, model.FieldVote), func(text string) tea.Cmd {
		cmd := h.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: h.env.Ex.ID, Field: model.FieldVote, Value: c.Key, Text: text,
		}})
		s.cur.set(h.LastID())
		return cmd
	})
}

// caseName is "Case A", or the key if no case has it.
func caseName(ex *model.Exercise, k string) string {
	for _, c := range ex.Cases {
		if c.Key == k {
			return "Case " + model.SanitizeLine(c.Key)
		}
	}
	return model.SanitizeLine(k)
}

// recover puts a vote's reason recovered after a crash back, under the
// case it was typed for.
func (s *caseVoteSection) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	if slot.Field != model.FieldVote {
		return nil, false
	}
	for _, c := range h.env.Ex.Cases {
		if c.Key == slot.Group {
			cmd := s.vote(h, c)
			h.input.SetValue(text)
			return cmd, true
		}
	}
	return nil, false
}

func (s *caseVoteSection) view(h *Host, w, ht int) string {
	t := h.env.Theme
	ex := h.env.Ex
	var top []string
	if q := model.SanitizeLine(ex.Question); q != "" {
		top = append(top, strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render(t.Heading.Render(q)), "\n")...)
	}
	counts := model.CaseVotes(ex, &h.data)
	most := 0
	for _, c := range ex.Cases {
		most = max(most, counts[c.Key])
	}
	barW := min(max(most, 1), max(w/3, 4)) // one block a vote, scaled down when they do not fit
	for _, c := range ex.Cases {
		n := counts[c.Key]
		full := 0
		if most > 0 {
			full = (n*barW + most - 1) / most
		}
		bar := t.Accent.Render(strings.Repeat("█", full)) + t.Dim.Render(strings.Repeat("░", barW-full))
		top = append(top, fmt.Sprintf("%-8s %s %2d  %s", "Case "+model.SanitizeLine(c.Key), bar, n, t.Dim.Render(model.SanitizeLine(c.Title))))
	}
	top = append(top, t.Dim.Render("Press a case's number (1, 2…) to record a vote and its reason."), "")
	votes := h.data.In(h.Slot("", model.FieldVote))
	if len(votes) == 0 {
		return strings.Join(append(top, t.Dim.Render("No votes yet.")), "\n")
	}
	sel := s.cur.at(entryIDs(votes))
	var lines []string
	for i, v := range votes {
		lines = append(lines, h.mark(i == sel, v.ID, "• ["+caseName(ex, v.Value)+"] "+model.SanitizeLine(v.Text)))
	}
	return strings.Join(append(top, common.ListWindow(lines, sel, max(ht-len(top), 1))...), "\n")
}

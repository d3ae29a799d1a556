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

// pollTakeIndex maps a shifted digit to its option (0-based), or -1: on a
// UK keyboard ! " £ $ % ^ & * (, on a US one ! @ # $ % ^ & * (.
func pollTakeIndex(s string) int {
	uk := []string{"!", "\"", "£", "$", "%", "^", "&", "*", "("}
	us := []string{"!", "@", "#", "$", "%", "^", "&", "*", "("}
	for i := range uk {
		if s == uk[i] || s == us[i] {
			return i
		}
	}
	return -1
}

// PollKeys are the poll's bindings on its votes tab.
type PollKeys struct {
	Up, Down, Vote, Unvote, AddN, TakeN, Reset key.Binding
}

// DefaultPollKeys returns the poll's bindings.
func DefaultPollKeys() PollKeys {
	return PollKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous option")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next option")),
		Vote:   key.NewBinding(key.WithKeys("right", "l", " ", "enter"), key.WithHelp("→/space", "add a vote")),
		Unvote: key.NewBinding(key.WithKeys("left", "h", "backspace"), key.WithHelp("←/backspace", "take a vote off")),
		AddN:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "add a vote to option n")),
		TakeN:  key.NewBinding(key.WithKeys("!", "\"", "@", "£", "#", "$", "%", "^", "&", "*", "("), key.WithHelp("shift+1-9", "take a vote off option n")),
		Reset:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear all votes (asks)")),
	}
}

type pollKeyMap struct{ k PollKeys }

func (m pollKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.k.AddN, m.k.TakeN, m.k.Vote, m.k.Unvote}
}
func (m pollKeyMap) FullHelp() [][]key.Binding {
	k := m.k
	return [][]key.Binding{{k.Up, k.Down, k.Vote, k.Unvote, k.AddN, k.TakeN, k.Reset}}
}

// pollSection is a poll's votes: the question and its options with a live
// bar chart, counted as hands go up. Each option's count is one
// single-valued entry (Field OptionField(n), Votes the count); the counts
// shown include the changes still saving, so quick presses add up.
type pollSection struct {
	km  PollKeys
	cur itemCursor
}

func newPollSection() *pollSection { return &pollSection{km: DefaultPollKeys()} }

func (s *pollSection) title(*Host) string { return "Votes" }
func (s *pollSection) keys() help.KeyMap  { return pollKeyMap{s.km} }

func optionKeys(ex *model.Exercise) []string {
	out := make([]string, len(ex.Options))
	for i := range ex.Options {
		out[i] = model.OptionField(i)
	}
	return out
}

func (s *pollSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	ex := h.env.Ex
	keys := optionKeys(ex)
	if len(keys) == 0 {
		return nil
	}
	sel := s.cur.at(keys)
	k := s.km
	switch {
	case common.Matches(msg, k.Up):
		s.cur.move(keys, -1)
	case common.Matches(msg, k.Down):
		s.cur.move(keys, 1)
	case common.Matches(msg, k.Vote):
		return s.add(h, sel, 1)
	case common.Matches(msg, k.Unvote):
		return s.add(h, sel, -1)
	case common.Matches(msg, k.AddN):
		i, _ := strconv.Atoi(common.KeyName(msg))
		if i < 1 || i > len(keys) {
			h.Status("there is no option " + common.KeyName(msg))
			return nil
		}
		s.cur.set(keys[i-1])
		return s.add(h, i-1, 1)
	case common.Matches(msg, k.TakeN):
		if i := pollTakeIndex(common.KeyName(msg)); i >= 0 && i < len(keys) {
			s.cur.set(keys[i])
			return s.add(h, i, -1)
		}
	case common.Matches(msg, k.Reset):
		h.Ask("clear the votes you counted?", func() tea.Cmd {
			var cmds []tea.Cmd
			for i := range keys {
				if e, ok := h.data.Value(optionSlot(ex, i)); ok && e.Votes != 0 {
					cmds = append(cmds, h.Commit(model.Change{Op: model.OpClearVotes, Entry: optionSlotEntry(ex, i)}))
				}
			}
			h.Status("your counted votes cleared (the room's stay)")
			return tea.Batch(cmds...)
		})
	}
	return nil
}

// add changes the facilitator's count of option i by delta (a count the
// facilitator did not give is not taken back: the room's votes are the
// room's). The change is applied to the saved count as it is saved.
func (s *pollSection) add(h *Host, i, delta int) tea.Cmd {
	if e, _ := h.data.Value(optionSlot(h.env.Ex, i)); e.Votes+delta < 0 {
		h.Status("no counted vote to take back")
		return nil
	}
	return h.Commit(model.Change{Op: model.OpAddVotes, Entry: optionSlotEntry(h.env.Ex, i), Delta: delta})
}

func optionSlot(ex *model.Exercise, i int) model.Slot {
	return model.Slot{Exercise: ex.ID, Field: model.OptionField(i)}
}

func optionSlotEntry(ex *model.Exercise, i int) model.Entry {
	return model.Entry{ExerciseID: ex.ID, Field: model.OptionField(i)}
}

// view draws the question, then one bar per option: its number, label, a
// bar as long as its share of the largest count, and the count and share
// in numbers (shares that add up to 100), so nothing depends on colour.
func (s *pollSection) view(h *Host, w, ht int) string {
	t := h.env.Theme
	ex := h.env.Ex
	votes, total := model.PollVotes(ex, &h.data)
	shares := model.Shares(votes)
	sel := s.cur.at(optionKeys(ex))
	var lines []string
	if q := model.SanitizeLine(ex.Question); q != "" {
		lines = append(lines, strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render(t.Heading.Render(q)), "\n")...)
		lines = append(lines, "")
	}
	top := 0
	for _, v := range votes {
		top = max(top, v)
	}
	labelW := 0
	for _, o := range ex.Options {
		labelW = max(labelW, lipgloss.Width(model.SanitizeLine(o)))
	}
	labelW = min(labelW, max(w/3, 8))
	numW := len(fmt.Sprintf(" %d votes (100%%)", max(total, 10)))
	barW := max(w-labelW-8-numW, 4)
	spread := len(lines)+2*len(ex.Options)+1 <= ht
	var rows []string
	cursorLine := 0
	for i, o := range ex.Options {
		label := model.SanitizeLine(o)
		if lipgloss.Width(label) > labelW {
			label = common.Clip(label, labelW)
		}
		label += strings.Repeat(" ", max(labelW-lipgloss.Width(label), 0))
		n := 0
		if top > 0 {
			n = (votes[i]*barW + top - 1) / top
		}
		bar := t.Accent.Render(strings.Repeat("█", n)) + t.Dim.Render(strings.Repeat("░", barW-n))
		if i == sel {
			cursorLine = len(rows)
		}
		rows = append(rows, h.mark(i == sel, "", fmt.Sprintf("%d %s ", i+1, label))+bar+fmt.Sprintf(" %s (%d%%)", votesWord(votes[i]), shares[i]))
		if spread {
			rows = append(rows, "")
		}
	}
	lines = append(lines, common.ListWindow(rows, cursorLine, ht-len(lines)-1)...)
	totalLine := "Total: " + votesWord(total)
	room := 0
	for i := range ex.Options {
		e, _ := h.data.Value(optionSlot(ex, i))
		room += e.RoomVotes
	}
	if room > 0 {
		totalLine += fmt.Sprintf(" (%d from the room)", room)
	}
	lines = append(lines, t.Accent.Render(totalLine))
	return strings.Join(lines, "\n")
}

func votesWord(n int) string {
	if n == 1 {
		return "1 vote"
	}
	return fmt.Sprintf("%d votes", n)
}

package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

func init() {
	runnerKinds[model.KindPoll] = func(env RunnerEnv) Runner { return NewPoll(env) }
}

// Poll runs the poll kind (SPEC section 6): the question and its options
// with a live bar chart of the votes, counted as hands go up: 1-9 adds a
// vote to option n, shift+1-9 takes one off, or ↑/↓ and →/← on the
// chosen option. Each option's count is one single-valued entry (Field
// OptionField(n), Votes the count), saved at every change. A second tab
// captures the answers to the facilitator's prompts and closing question.
type Poll struct {
	*captureForm
	pkeys    PollKeys
	sel      int
	votes    []int // the counts shown, ahead of the saves in flight
	prompts  bool  // the prompts tab is showing
	clearing bool  // asking to clear all votes
}

// NewPoll builds the runner of a poll exercise.
func NewPoll(env RunnerEnv) *Poll {
	p := &Poll{captureForm: newCaptureForm(env, "Poll"), pkeys: DefaultPollKeys()}
	p.votes, _ = model.PollVotes(env.Ex, &p.data)
	p.pollTab = true
	return p
}

// Typing reports whether keys go to an input or a question.
func (p *Poll) Typing() bool { return p.clearing || (p.prompts && p.captureForm.Typing()) }

// Update implements tea.Model.
func (p *Poll) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && !p.prompts {
		return p, p.key(km)
	}
	if km, ok := msg.(tea.KeyMsg); ok && p.prompts && !p.captureForm.Typing() && key.Matches(km, p.pkeys.Tab) {
		p.prompts = false
		return p, nil
	}
	_, cmd := p.captureForm.Update(msg)
	if p.save.pending == 0 {
		p.votes, _ = model.PollVotes(p.env.Ex, &p.data)
	}
	return p, cmd
}

func (p *Poll) key(msg tea.KeyMsg) tea.Cmd {
	k := p.pkeys
	n := len(p.env.Ex.Options)
	if p.clearing {
		p.clearing = false
		if msg.String() != "y" {
			p.status = "kept"
			return nil
		}
		var cmds []tea.Cmd
		for i := range p.votes {
			if p.votes[i] != 0 {
				cmds = append(cmds, p.setVotes(i, 0))
			}
		}
		p.status = "votes cleared"
		return tea.Batch(cmds...)
	}
	p.status = ""
	switch {
	case key.Matches(msg, k.Back):
		if p.summary || p.full {
			p.summary, p.full = false, false
			return nil
		}
		return closeRunner
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		p.full = !p.full
	case key.Matches(msg, k.Summary):
		p.summary = !p.summary
		p.sum.scroll = 0
		p.refresh()
	case key.Matches(msg, k.Parking):
		return func() tea.Msg { return openParkingMsg{} }
	case p.summary && key.Matches(msg, k.Down):
		p.sum.scrollBy(1)
	case p.summary && key.Matches(msg, k.Up):
		p.sum.scrollBy(-1)
	case p.summary:
	case key.Matches(msg, k.Tab):
		p.prompts = true
	case key.Matches(msg, k.Up):
		p.sel = max(p.sel-1, 0)
	case key.Matches(msg, k.Down):
		p.sel = min(p.sel+1, max(n-1, 0))
	case key.Matches(msg, k.Vote):
		return p.setVotes(p.sel, p.votes[p.sel]+1)
	case key.Matches(msg, k.Unvote):
		return p.setVotes(p.sel, p.votes[p.sel]-1)
	case key.Matches(msg, k.AddN):
		i, _ := strconv.Atoi(msg.String())
		if i >= 1 && i <= n {
			p.sel = i - 1
			return p.setVotes(i-1, p.votes[i-1]+1)
		}
		p.status = "there is no option " + msg.String()
	case key.Matches(msg, k.TakeN):
		if i := pollTakeIndex(msg.String()); i >= 0 && i < n {
			p.sel = i
			return p.setVotes(i, p.votes[i]-1)
		}
	case key.Matches(msg, k.Reset):
		p.clearing = true
		p.status = "clear every vote? y: clear · any other key: keep"
	}
	return nil
}

// setVotes saves option i's count (never below zero).
func (p *Poll) setVotes(i, count int) tea.Cmd {
	if i < 0 || i >= len(p.votes) || count < 0 {
		return nil
	}
	p.votes[i] = count
	return p.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{
		ExerciseID: p.env.Ex.ID, Field: model.OptionField(i), Votes: count,
	}})
}

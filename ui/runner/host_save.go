package runner

import (
	"cmp"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// Saving, for every runner: what Live has saved, with the changes on
// their way and those waiting after a failure shown over it; failed
// changes retried until saved or discarded.

// refresh reads the saved session again and shows the rest over it.
func (h *Host) refresh() {
	if h.env.Live != nil {
		h.base = h.env.Live.Data()
	}
	h.overlay()
}

func (h *Host) overlay() {
	h.data = h.base.Clone()
	for _, p := range h.unsaved {
		h.data.Preview(p.Change)
	}
	for _, p := range h.pending {
		h.data.Preview(p.Change)
	}
	if h.summary {
		h.sum.update(h.env.Theme, h.env.Ex, h.summaryMarkdown(), h.width)
	}
}

func (h *Host) summaryMarkdown() string {
	if s, ok := h.pane.(paneSummary); ok {
		return s.Summary(&h.data)
	}
	return model.SummaryMarkdown(h.env.Ex, &h.data)
}

// saved takes a save's result: the change leaves the pending list; a
// failure joins the unsaved queue and a retry is scheduled.
func (h *Host) saved(msg session.SavedMsg) tea.Cmd {
	i := slices.IndexFunc(h.pending, func(p session.Pending) bool { return p.Seq == msg.Seq })
	if i < 0 {
		h.refresh() // another view's change: show it
		return nil
	}
	p := h.pending[i]
	h.pending = slices.Delete(h.pending, i, i+1)
	var cmd tea.Cmd
	if msg.Err != nil {
		h.lastErr = msg.Err
		h.unsaved = append(h.unsaved, p)
		slices.SortFunc(h.unsaved, func(a, b session.Pending) int { return cmp.Compare(a.Seq, b.Seq) })
		cmd = h.scheduleRetry()
	} else if len(h.unsaved) == 0 {
		h.lastErr = nil
		h.savedAt = common.StampClock().Format("15:04:05")
	} else {
		h.savedAt = common.StampClock().Format("15:04:05")
	}
	h.refresh()
	if s, ok := h.pane.(paneSaved); ok {
		cmd = tea.Batch(cmd, s.Saved(h, msg))
	}
	return cmd
}

func (h *Host) scheduleRetry() tea.Cmd {
	if h.retryOn != 0 {
		return nil
	}
	h.retryN++
	h.retryOn = h.retryN
	gen := h.retryOn
	return common.Tick(retryEvery, func(time.Time) tea.Msg { return retryMsg{gen: gen} })
}

// retry sends every unsaved change again, in the order first made.
func (h *Host) retry() tea.Cmd {
	h.retryOn = 0
	if len(h.unsaved) == 0 || h.env.Live == nil {
		return nil
	}
	var cmds []tea.Cmd
	for _, p := range h.unsaved {
		h.pending = append(h.pending, p)
		cmds = append(cmds, h.env.Live.Resend(p))
	}
	h.unsaved = nil
	h.overlay()
	return tea.Sequence(cmds...)
}

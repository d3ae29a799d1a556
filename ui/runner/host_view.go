package runner

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// SeesawBesideMin is the narrowest window that shows the see-saw beside.
const SeesawBesideMin = 90

// saveLine says, always truthfully, where saving stands.
func (h *Host) saveLine() string {
	t := h.env.Theme
	switch {
	case len(h.unsaved) > 0:
		why := "the save failed"
		if h.lastErr != nil {
			why = h.lastErr.Error()
		}
		return t.Danger.Render(fmt.Sprintf("NOT SAVED: %s waiting — %s", common.Plural(len(h.unsaved), "change", "changes"), why))
	case len(h.pending) > 0:
		return t.Warning.Render("saving…")
	case h.savedAt != "":
		return t.Dim.Render("saved ✓ " + h.savedAt)
	case h.env.Live == nil:
		return t.Warning.Render("not captured: no session is open")
	case len(h.data.ExerciseEntries(h.env.Ex.ID)) > 0 || len(h.data.SessionActions(h.env.Ex.ID)) > 0:
		return t.Dim.Render("all saved ✓")
	}
	if c, ok := h.pane.(paneCaptured); ok && c.Captured(&h.data) {
		return t.Dim.Render("all saved ✓")
	}
	return t.Dim.Render("nothing captured yet")
}

// header is the runner's first line: the exercise and where saving stands.
func (h *Host) header(w int) string {
	t := h.env.Theme
	title := fmt.Sprintf("%s · %s", h.env.Ex.ID, model.SanitizeLine(h.env.Ex.Title))
	if id := h.env.Ex.ID; id == model.ExerciseParking || id == model.ExerciseSeesaw {
		title = model.SanitizeLine(h.env.Ex.Title) // a screen of the session, not an exercise
	}
	left := t.Heading.Render(title)
	right := h.saveLine()
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, w, "…") + "\n" + ansi.Truncate(right, w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// keyMap is the pane's keys followed by the host's.
type hostKeyMap struct {
	pane help.KeyMap
	host HostKeys
}

// ShortHelp puts ? first, so that on a narrow window, where the line is
// cut, the key that lists every other key still shows.
func (m hostKeyMap) ShortHelp() []key.Binding {
	return append(append([]key.Binding{m.host.Help, m.host.Back}, m.pane.ShortHelp()...), m.host.Summary)
}

func (m hostKeyMap) FullHelp() [][]key.Binding {
	return append(m.pane.FullHelp(), m.host.Bindings(), append(common.DefaultTimerKeys().Bindings(), common.RoomKey))
}

// KeyMap is every key of this runner: the pane's, the host's and the
// timer's. The ? view and the help line are drawn from it.
func (h *Host) KeyMap() help.KeyMap { return hostKeyMap{pane: h.pane.Keys(), host: h.keys} }

// bodyHeight is the height left for the body (the summary scrolls in it).
func (h *Host) bodyHeight() int {
	return max(h.height-lipgloss.Height(h.header(h.width))-lipgloss.Height(h.footer(h.width)), 1)
}

// footer is the input, the question or the status, then the key help.
func (h *Host) footer(w int) string {
	t := h.env.Theme
	var foot []string
	switch {
	case h.input.Active():
		if h.status != "" {
			foot = append(foot, t.Warning.Width(w).Render(h.status))
		}
		foot = append(foot, h.input.View(w))
	case h.onYes != nil:
		foot = append(foot, t.Warning.Width(w).Render(h.asking+" y: yes · any other key: no"))
	case len(h.unsaved) > 0:
		foot = append(foot, t.Danger.Width(w).Render(fmt.Sprintf("%s not saved (shown ⚠): retried every %d s · ctrl+r: retry now · ctrl+x: discard", common.Plural(len(h.unsaved), "change", "changes"), int(retryEvery.Seconds()))))
	case h.status != "":
		foot = append(foot, t.Warning.Width(w).Render(h.status))
	}
	h.help.ShowAll = false
	foot = append(foot, ansi.Truncate(h.help.ShortHelpView(h.KeyMap().ShortHelp()), w, "…"))
	return strings.Join(foot, "\n")
}

// View implements tea.Model: the frame every runner shares.
func (h *Host) View() string {
	w, ht := h.width, h.height
	if w == 0 || ht == 0 {
		return ""
	}
	if w < common.MinWidth || ht < common.MinHeight {
		return common.TooSmall(h.env.Theme, w, ht)
	}
	t := h.env.Theme
	head := h.header(w)
	if h.full {
		box := common.HelpBox(t, h.help, h.pane.Name()+" keys", h.KeyMap().FullHelp(), w)
		return head + "\n" + common.FitLines(lipgloss.Place(w, max(ht-lipgloss.Height(head), 1), lipgloss.Center, lipgloss.Center, box), w, max(ht-lipgloss.Height(head), 1))
	}
	footer := h.footer(w)
	bodyH := max(ht-lipgloss.Height(head)-lipgloss.Height(footer), 1)
	mainW, side := w, ""
	if h.seesaw && !h.summary && w >= SeesawBesideMin && h.env.Live != nil {
		sideW := w * 2 / 5
		mainW = w - sideW - 1
		items := model.SeesawItems(&h.data, h.env.Live.Exercises())
		side = t.Box.Width(sideW - 2).Height(bodyH - 2).Render(SeesawView(t, items, sideW-4, bodyH-2, ""))
	}
	var body string
	if h.summary {
		body = h.sum.view(t, mainW, bodyH)
	} else {
		body = h.pane.View(h, mainW, bodyH)
	}
	body = common.FitLines(body, mainW, bodyH)
	if side != "" {
		body = lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(mainW).Render(body), " ", side)
	}
	return head + "\n" + body + "\n" + footer
}

// mark puts the marker in front of the selected row, so that the cursor
// never depends on colour alone; an unsaved row is marked ⚠.
func (h *Host) mark(selected bool, id, text string) string {
	if id != "" && h.Unsaved(id) {
		body := strings.TrimLeft(text, " ")
		indent := text[:len(text)-len(body)]
		if rest, ok := strings.CutPrefix(body, "• "); ok {
			indent, body = indent+"• ", rest
		}
		text = indent + "⚠ " + body + " (not saved)"
	}
	if selected {
		return h.env.Theme.Selected.Render("▶ " + text)
	}
	return "  " + text
}

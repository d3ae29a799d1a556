package runner

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// Pane is what an exercise kind adds to the runner host: its own keys,
// what a key press does, and its body. Everything runners share (the
// frame, the capture input, saving and its failures, the summary, help,
// esc, the see-saw beside) is the Host's, written once.
type Pane interface {
	// Name is the kind as the help view names it ("Discussion").
	Name() string
	// Keys is the pane's own key map: its help is the pane's part of the
	// help line and of the ? view.
	Keys() help.KeyMap
	// Key handles a single key press the host did not take. Text (a
	// paste, several runes in one read) never reaches it.
	Key(h *Host, msg tea.KeyMsg) tea.Cmd
	// View draws the pane's body in w×ht cells. Rows longer than w are
	// cut with "…" by the host.
	View(h *Host, w, ht int) string
}

// paneModal is a pane that is in a state of its own that takes every key
// (a dot vote, a move asking for a group number): the app's own keys
// (the timer's) are off meanwhile.
type paneModal interface{ Modal() bool }

// paneRecover is a pane that can put recovered typing back where it was
// typed: slot is the draft's slot; it opens the host's input there.
type paneRecover interface {
	Recover(h *Host, slot model.Slot, text string) tea.Cmd
}

// paneSummary is a pane whose summary is not its exercise's Markdown
// summary (the parking lot, the see-saw screen).
type paneSummary interface {
	Summary(d *model.SessionData) string
}

// paneCaptured is a pane whose items are not (only) its exercise's
// entries (the see-saw's come from every exercise): the header asks it
// whether anything is captured.
type paneCaptured interface {
	Captured(d *model.SessionData) bool
}

// paneSaved is a pane that wants to know when one of its changes is
// saved or failed (the card sort moves on to its next round).
type paneSaved interface {
	Saved(h *Host, msg session.SavedMsg) tea.Cmd
}

// HostKeys are the keys every runner has.
type HostKeys struct {
	Summary    key.Binding
	Seesaw     key.Binding
	FullSeesaw key.Binding
	Parking    key.Binding
	Retry      key.Binding
	Discard    key.Binding
	Help       key.Binding
	Back       key.Binding
	Quit       key.Binding
}

// DefaultHostKeys returns the bindings every runner shares.
func DefaultHostKeys() HostKeys {
	return HostKeys{
		Summary:    key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "summary")),
		Seesaw:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "see-saw beside")),
		FullSeesaw: key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "see-saw full screen")),
		Parking:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "parking lot")),
		Retry:      key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "retry unsaved now")),
		Discard:    key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "discard unsaved (asks)")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:       key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// Bindings lists the host's keys for the help view.
func (k HostKeys) Bindings() []key.Binding {
	return []key.Binding{k.Summary, k.Seesaw, k.FullSeesaw, k.Parking, k.Retry, k.Discard, k.Help, k.Back, k.Quit}
}

// retryEvery is how often saves that failed are tried again.
const retryEvery = 5 * time.Second

// retryMsg asks the host to try its unsaved changes again.
type retryMsg struct{ gen int }

// Host runs one exercise (or the parking lot, or the see-saw screen): it
// owns what every kind shares and hands the rest to its Pane.
//
// Saving: a pane commits a change with Commit. The host sends it through
// Live and shows it at once (Preview): a second key builds on the first
// before its save returns. A change whose save fails stays shown, marked,
// in a visible queue of unsaved changes that is retried every few seconds
// (and on ctrl+r) until it is saved or discarded (ctrl+x, asks); the
// header says so in words. Nothing typed is lost.
type Host struct {
	env     RunnerEnv
	pane    Pane
	keys    HostKeys
	help    help.Model
	input   CaptureInput
	submit  func(text string) tea.Cmd
	cancel  func() tea.Cmd
	asking  string
	onYes   func() tea.Cmd
	base    model.SessionData // what Live has saved
	data    model.SessionData // base with pending and unsaved changes shown
	pending []session.Pending // sent, result not back
	unsaved []session.Pending // failed, waiting to be retried
	lastErr error
	savedAt string
	retryOn int // generation of the scheduled retry (0: none)
	retryN  int
	lastID  string
	status  string
	summary bool
	sum     summaryPanel
	full    bool
	seesaw  bool
	width   int
	height  int
}

// Pending lists the changes sent whose results have not come back.
func (h *Host) Pending() []session.Pending { return h.pending }

// NewHost builds the host of a pane.
func NewHost(env RunnerEnv, pane Pane) *Host {
	h := &Host{env: env, pane: pane, keys: DefaultHostKeys(), help: help.New()}
	h.help.Styles.ShortKey = env.Theme.FooterKey
	h.help.Styles.ShortDesc = env.Theme.Footer
	h.help.Styles.FullKey = env.Theme.Accent
	// The parking lot and the see-saw screen do not open themselves.
	h.keys.Parking.SetEnabled(env.Ex.ID != model.ExerciseParking)
	h.keys.FullSeesaw.SetEnabled(env.Ex.ID != model.ExerciseSeesaw)
	h.keys.Seesaw.SetEnabled(env.Ex.ID != model.ExerciseSeesaw)
	h.input = NewCaptureInput(env.Theme, env.Live)
	// Ratings that feed the see-saw (M2-E4) show it beside them from the start.
	h.seesaw = env.Ex.Seesaw == string(model.Positive)
	h.refresh()
	return h
}

// Exercise is the exercise being run.
func (h *Host) Exercise() *model.Exercise { return h.env.Ex }

// Pane is the kind's pane.
func (h *Host) Pane() Pane { return h.pane }

// Theme is the runner's theme.
func (h *Host) Theme() common.Theme { return h.env.Theme }

// Data is the session as the room sees it: what is saved, with the
// changes on their way and those waiting to be saved.
func (h *Host) Data() *model.SessionData { return &h.data }

// Live is the session being run (nil: nothing is captured).
func (h *Host) Live() *session.Live { return h.env.Live }

// Slot is a slot of this exercise.
func (h *Host) Slot(group, field string) model.Slot {
	return model.Slot{Exercise: h.env.Ex.ID, Group: group, Field: field}
}

// Typing reports whether keys go to the input, a question or a pane's
// own modal state, so that the app's keys stay off.
func (h *Host) Typing() bool {
	if h.input.Active() || h.onYes != nil {
		return true
	}
	m, ok := h.pane.(paneModal)
	return ok && m.Modal()
}

// Status puts a message in the status line.
func (h *Host) Status(s string) { h.status = s }

// Ask asks a yes/no question: y runs yes, any other key keeps things.
func (h *Host) Ask(question string, yes func() tea.Cmd) {
	h.asking, h.onYes = question, yes
}

// Input opens the capture input with prompt. old is the value being
// edited ("" for new text): it opens selected, so that typing replaces it
// and an arrow key edits it. Typing is kept as a draft at slot (a zero
// slot keeps none). On enter, submit gets the sanitised text.
func (h *Host) Input(prompt, old string, slot model.Slot, submit func(text string) tea.Cmd) tea.Cmd {
	return h.InputSpec(inputSpec{prompt: prompt, old: old, slot: slot, submit: submit})
}

// inputSpec is an input a pane opens: see Input. empty lets enter on
// nothing submit "" (a step that may be skipped); noGuard is for text
// that is parsed, not kept (a date); cancel runs on esc.
type inputSpec struct {
	prompt, old string
	slot        model.Slot
	empty       bool
	noGuard     bool
	submit      func(text string) tea.Cmd
	cancel      func() tea.Cmd
}

// InputSpec opens the capture input as spec says.
func (h *Host) InputSpec(spec inputSpec) tea.Cmd {
	h.submit, h.cancel = spec.submit, spec.cancel
	dk := ""
	if h.env.Live != nil && spec.slot.Field != "" {
		dk = h.env.Live.DraftKey(spec.slot.Exercise, spec.slot.Group, spec.slot.Field)
	}
	cmd := h.input.Open(spec.prompt, spec.old, dk)
	h.input.empty, h.input.noGuard = spec.empty, spec.noGuard
	return cmd
}

// Commit saves a change: it is shown at once and sent through Live. A new
// entry's id is known at once: LastID.
func (h *Host) Commit(c model.Change) tea.Cmd {
	if h.env.Live == nil {
		h.status = "not saved: no session is open"
		return nil
	}
	p, cmd := h.env.Live.Send(c)
	h.pending = append(h.pending, p)
	switch c.Op {
	case model.OpAddEntry, model.OpSetEntry:
		h.lastID = p.Change.Entry.ID
	case model.OpPutAction:
		h.lastID = p.Change.Action.ID
	}
	h.overlay()
	return cmd
}

// LastID is the id of the entry or action the last Commit added.
func (h *Host) LastID() string { return h.lastID }

// Unsaved reports whether an entry or action is waiting to be saved after
// a failure (its row is marked).
func (h *Host) Unsaved(id string) bool {
	for _, p := range h.unsaved {
		if p.Change.Entry.ID == id || p.Change.Action.ID == id {
			return true
		}
		for _, e := range p.Change.Entries {
			if e.ID == id {
				return true
			}
		}
	}
	return false
}

// Update implements tea.Model.
func (h *Host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.width, h.height = msg.Width, msg.Height
		h.help.Width = msg.Width
		h.input.SetWidth(msg.Width)
		h.overlay()
		return h, nil
	case session.SavedMsg:
		return h, h.saved(msg)
	case retryMsg:
		if msg.gen != h.retryOn {
			return h, nil
		}
		return h, h.retry()
	case session.ChangedMsg:
		h.refresh()
		return h, nil
	case common.StatusMsg:
		h.status = msg.Text
		return h, nil
	case tea.KeyMsg:
		return h, h.key(msg)
	}
	if h.input.Active() {
		_, cmd := h.input.Update(msg)
		return h, cmd
	}
	return h, nil
}

func (h *Host) key(msg tea.KeyMsg) tea.Cmd {
	if h.input.Active() {
		submit, cancel := h.submit, h.cancel
		cmd := h.input.Key(msg, func(text string) tea.Cmd {
			if submit == nil {
				return nil
			}
			return submit(text)
		})
		if !h.input.Active() && !h.input.submitted && cancel != nil {
			cmd = tea.Batch(cmd, cancel())
		}
		return cmd
	}
	if h.onYes != nil {
		yes := h.onYes
		h.asking, h.onYes = "", nil
		if common.KeyName(msg) == "y" {
			h.status = ""
			return yes()
		}
		h.status = "kept"
		return nil
	}
	if common.IsText(msg) {
		h.status = "text is only taken in an open input: press a or enter to write"
		return nil
	}
	h.status = ""
	k := h.keys
	switch {
	case common.Matches(msg, k.Quit):
		return tea.Quit
	case common.Matches(msg, k.Back):
		if h.summary || h.full {
			h.summary, h.full = false, false
			return nil
		}
		if m, ok := h.pane.(paneModal); ok && m.Modal() {
			return h.pane.Key(h, msg) // the pane's own state closes first
		}
		return closeRunner
	case common.Matches(msg, k.Help):
		h.full = !h.full
		return nil
	case h.full:
		return nil
	case common.Matches(msg, k.Summary):
		h.summary = !h.summary
		h.sum.scroll = 0
		h.overlay()
		return nil
	case common.Matches(msg, k.Retry):
		if len(h.unsaved) == 0 {
			h.status = "nothing is waiting to be saved"
			return nil
		}
		return h.retry()
	case common.Matches(msg, k.Discard):
		if len(h.unsaved) > 0 {
			n := len(h.unsaved)
			h.Ask(fmt.Sprintf("discard %s that could not be saved?", common.Plural(n, "change", "changes")), func() tea.Cmd {
				h.unsaved, h.lastErr = nil, nil
				h.status = common.Plural(n, "unsaved change", "unsaved changes") + " discarded"
				h.overlay()
				return nil
			})
		}
		return nil
	case common.Matches(msg, k.FullSeesaw):
		return func() tea.Msg { return OpenSeesawMsg{} }
	case common.Matches(msg, k.Parking):
		return func() tea.Msg { return OpenParkingMsg{} }
	}
	if h.summary {
		h.sum.key(common.KeyName(msg), h.bodyHeight())
		return nil
	}
	if common.Matches(msg, k.Seesaw) {
		h.seesaw = !h.seesaw
		if h.seesaw && h.width < SeesawBesideMin {
			h.status = fmt.Sprintf("the see-saw beside needs a window %d columns wide (this one is %d): W shows it full screen", SeesawBesideMin, h.width)
		}
		return nil
	}
	return h.pane.Key(h, msg)
}

// Init implements tea.Model: recovered typing goes back where it was typed.
func (h *Host) Init() tea.Cmd {
	dr := h.env.Draft
	if dr == nil || h.env.Live == nil {
		return nil
	}
	slot, ok := model.DraftSlot(h.env.Live.Session().ID, dr.Key)
	r, can := h.pane.(paneRecover)
	if !ok || !can || slot.Exercise != h.env.Ex.ID {
		return nil
	}
	cmd := r.Recover(h, slot, dr.Text)
	if h.input.Active() {
		h.status = "recovered typing put back: enter saves it, esc drops it"
	}
	return cmd
}

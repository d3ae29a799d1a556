package live

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// participant is one participant's program: what ViewFor gives them,
// drawn through their own renderer, and their keys turned into the room's
// actions. It holds the room and its seat number, nothing else of huddle.
type participant struct {
	room   *Room
	seat   int
	t      common.Theme
	keys   participantKeys
	help   help.Model
	v      model.ParticipantView
	w, h   int
	cur    int // the note, option, line or statement under the cursor
	input  common.TextField
	typing bool
	status string // the answer to the last action ("" for none)
	warn   bool   // status is a warning
	tick   bool   // a clock tick is scheduled
	now    func() time.Time
}

// tickMsg redraws the mirrored timer.
type tickMsg struct{}

func newParticipant(room *Room, seat int, rd *lipgloss.Renderer, t common.Theme) tea.Model {
	in := common.NewTextField(t, "› ", model.MaxNoteRunes)
	in.UseRenderer(rd, t)
	in.SetPlaceholder("your note (private until you share it)")
	in.SetWidth(80)
	p := &participant{
		room: room, seat: seat, t: t, keys: defaultParticipantKeys(), help: common.HelpFor(t),
		input: in, w: 80, h: 24, now: room.cfg.Now,
	}
	p.v = room.View(seat)
	return p // the door runs it with its own recover (the SSH server's guard)
}

// Init waits for the room to change and starts the clock if it runs.
func (p *participant) Init() tea.Cmd {
	return tea.Batch(p.room.wait(p.seat), p.startTick())
}

// running reports whether the mirrored timer counts down now.
func (p *participant) running() bool {
	d := p.v.Clock.Deadline
	return !d.IsZero() && d.After(p.now()) && !p.v.Closed
}

// startTick schedules the next second's redraw while a timer runs, and
// nothing otherwise: an idle screen never wakes.
func (p *participant) startTick() tea.Cmd {
	if p.tick || !p.running() {
		return nil
	}
	p.tick = true
	left := p.v.Clock.Deadline.Sub(p.now())
	next := left % time.Second // the next change of the seconds shown
	if next <= 0 {
		next = time.Second
	}
	return tea.Tick(next, func(time.Time) tea.Msg { return tickMsg{} })
}

// Update implements tea.Model.
func (p *participant) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.w, p.h = msg.Width, msg.Height
		p.input.SetWidth(p.w)
	case changedMsg:
		p.refresh()
		return p, tea.Batch(p.room.wait(p.seat), p.startTick())
	case leftMsg:
		return p, tea.Quit
	case tickMsg:
		p.tick = false
		return p, p.startTick()
	case tea.KeyMsg:
		return p, p.key(msg)
	}
	return p, nil
}

// refresh takes the participant's view again, keeping the cursor in range.
func (p *participant) refresh() {
	old := p.v.Activity
	p.v = p.room.View(p.seat)
	a := p.v.Activity
	if a.Kind != old.Kind || a.Exercise != old.Exercise {
		p.cur, p.status = 0, ""
		if p.typing && !a.Allows(model.ActNote) {
			p.typing = false
			p.input.Blur()
		}
	}
	p.cur = min(max(p.cur, 0), max(p.rows()-1, 0))
}

// rows is how many rows the cursor moves over on this screen.
func (p *participant) rows() int {
	a := p.v.Activity
	switch a.Kind {
	case model.RoomWrite:
		return len(p.v.Notes)
	case model.RoomPoll:
		return len(a.Options)
	case model.RoomDots:
		return len(a.Lines)
	case model.RoomRating:
		return len(a.Items)
	}
	return 0
}

func (p *participant) key(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	if p.typing {
		return p.typingKey(msg)
	}
	if common.Matches(msg, k.Leave) || ((p.v.Closed || p.v.Removed) && !common.IsText(msg)) {
		return tea.Quit
	}
	switch {
	case common.Matches(msg, k.Up):
		p.cur = max(p.cur-1, 0)
		return nil
	case common.Matches(msg, k.Down):
		p.cur = min(p.cur+1, max(p.rows()-1, 0))
		return nil
	}
	a := p.v.Activity
	switch {
	case a.Allows(model.ActNote):
		return p.writeKey(msg)
	case a.Allows(model.ActVote) && common.Matches(msg, k.Vote):
		p.answer(p.room.Vote(p.seat, p.cur), "vote saved")
	case a.Allows(model.ActDot) && p.cur < len(a.Lines) && common.Matches(msg, k.Give):
		p.answer(p.room.Dot(p.seat, a.Lines[p.cur].ID, true), "dot given")
	case a.Allows(model.ActDot) && p.cur < len(a.Lines) && common.Matches(msg, k.Take):
		p.answer(p.room.Dot(p.seat, a.Lines[p.cur].ID, false), "dot taken back")
	case a.Allows(model.ActRate) && (common.Matches(msg, k.Left) || common.Matches(msg, k.Right)):
		col := model.Rated(p.v.Choices, p.cur)
		switch {
		case col < 0:
			col = (len(a.Scale) - 1) / 2 // the first press lands in the middle
		case common.Matches(msg, k.Left):
			col = max(col-1, 0)
		default:
			col = min(col+1, len(a.Scale)-1)
		}
		p.answer(p.room.Rate(p.seat, p.cur, col), "rating saved")
	case a.Allows(model.ActRate) && common.Matches(msg, k.Pick):
		if c := int(common.KeyName(msg)[0] - '1'); c < len(a.Scale) {
			p.answer(p.room.Rate(p.seat, p.cur, c), "rating saved")
		}
	}
	return nil
}

// writeKey handles a key on the writing screen.
func (p *participant) writeKey(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	var note *model.NoteView
	if p.cur < len(p.v.Notes) {
		note = &p.v.Notes[p.cur]
	}
	switch {
	case common.Matches(msg, k.New):
		p.typing, p.status = true, ""
		return p.input.Open("") // a new note always opens empty
	case note != nil && common.Matches(msg, k.Share):
		if note.Shared {
			p.answer(p.room.ShareNote(p.seat, note.ID, false), "taken back: private again")
		} else {
			p.answer(p.room.ShareNote(p.seat, note.ID, true), "shared: it goes on the wall at the next reveal")
		}
	case note != nil && common.Matches(msg, k.Delete):
		p.answer(p.room.DeleteNote(p.seat, note.ID), "deleted")
	}
	return nil
}

// typingKey handles a key while a note is typed.
func (p *participant) typingKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case common.Matches(msg, p.keys.Cancel):
		p.typing = false
		p.input.Blur()
		return nil
	case common.KeyName(msg) == "ctrl+c":
		return tea.Quit
	case common.Matches(msg, p.keys.Save):
		fs, err := p.room.AddNote(p.seat, p.input.Value())
		switch {
		case errors.Is(err, model.ErrMayIdentify):
			p.status, p.warn = "Not kept: this may identify someone ("+model.DescribeFindings(fs)+"). Take it out, then press enter.", true
			return nil // the text stays in the field to be changed
		case err != nil:
			p.status, p.warn = err.Error(), true
			return nil
		}
		p.typing = false
		p.input.Blur()
		p.status, p.warn = "kept, private: press s to share it", false
		p.refresh()
		p.cur = max(len(p.v.Notes)-1, 0)
		return nil
	}
	return p.input.Key(msg)
}

// answer shows what an action did.
func (p *participant) answer(err error, done string) {
	if err != nil {
		p.status, p.warn = err.Error(), true
		return
	}
	p.status, p.warn = done, false
	p.refresh()
}

package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/live"
)

// RoomKeys are the keys of the facilitator's room panel (its help).
type RoomKeys struct {
	Open, Dots, Close, Reveal, Approval, Results   key.Binding
	MinCount                                       key.Binding
	Up, Down, Approve, Hide                        key.Binding
	PrevSeat, NextSeat, Remove, Lock, NewCode, End key.Binding
	Back                                           key.Binding
}

// DefaultRoomKeys is the room panel's key map.
func DefaultRoomKeys() RoomKeys {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return RoomKeys{
		Open:     b([]string{"o"}, "o", "open this exercise to the room"),
		Dots:     b([]string{"d"}, "d", "open a dot vote on its lines"),
		Close:    b([]string{"c"}, "c", "close the activity"),
		Reveal:   b([]string{"r"}, "r", "reveal shared notes"),
		Approval: b([]string{"a"}, "a", "approval before reveal on/off"),
		Results:  b([]string{"w"}, "w", "results only when closed on/off"),
		MinCount: b([]string{"m"}, "m", "fewest answers before a tally shows: 0, 3, 5"),
		Up:       b([]string{"up", "k"}, "↑/k", "previous note"),
		Down:     b([]string{"down", "j"}, "↓/j", "next note"),
		Approve:  b([]string{"enter"}, "enter", "approve the note"),
		Hide:     b([]string{"h"}, "h", "hide / show the note"),
		PrevSeat: b([]string{"left"}, "←", "previous participant"),
		NextSeat: b([]string{"right"}, "→", "next participant"),
		Remove:   b([]string{"x"}, "x", "remove the participant"),
		Lock:     b([]string{"K"}, "K", "lock / unlock the room"),
		NewCode:  b([]string{"N"}, "N", "new join code"),
		End:      b([]string{"Q"}, "Q", "close the room"),
		Back:     b([]string{"esc", "L"}, "esc", "back to the workshop"),
	}
}

// roomPanel is the facilitator's view of the room: how to join, the
// activity, the shared notes waiting to be revealed and the controls.
type roomPanel struct {
	keys    RoomKeys
	pending []model.PendingNote
	seats   []int
	note    int // the selected note's id (selection follows the note)
	seat    int // the selected participant's number
	confirm string
	status  string
	help    help.Model
}

func newRoomPanel() *roomPanel {
	return &roomPanel{keys: DefaultRoomKeys(), help: help.New()}
}

// refresh reads the room's notes and participants again.
func (p *roomPanel) refresh(r *live.Room) {
	p.pending = r.Pending()
	p.seats = r.Participants()
	if !slices.ContainsFunc(p.pending, func(n model.PendingNote) bool { return n.ID == p.note }) {
		p.note = 0
		if len(p.pending) > 0 {
			p.note = p.pending[0].ID
		}
	}
	if !slices.Contains(p.seats, p.seat) {
		p.seat = 0
		if len(p.seats) > 0 {
			p.seat = p.seats[0]
		}
	}
}

// panelKey handles a key while the panel is shown.
func (a *App) panelKey(msg tea.KeyMsg) tea.Cmd {
	p, r := a.room.panel, a.room.room
	k := p.keys
	p.status = ""
	a.room.snap = r.Snapshot()
	defer func() {
		if a.roomOpen() {
			a.room.snap = r.Snapshot() // what the key changed, drawn at once
		}
	}()
	if common.KeyName(msg) == "ctrl+c" {
		return tea.Quit
	}
	if c := p.confirm; c != "" {
		p.confirm = ""
		if common.KeyName(msg) != "y" {
			p.status = "kept as it was"
			return nil
		}
		switch c {
		case "end":
			return a.closeRoom()
		case "remove":
			seat := p.seat
			p.status = "removing Participant " + strconv.Itoa(seat) + "…"
			return func() tea.Msg { // their counts are taken back: saves
				if err := r.Remove(seat); err != nil {
					return roomActionMsg{room: r, status: err.Error()}
				}
				return roomActionMsg{room: r, status: "Participant " + strconv.Itoa(seat) + " removed"}
			}
		}
		p.refresh(r)
		return nil
	}
	switch {
	case common.Matches(msg, k.Back):
		a.room.panel = nil
	case common.Matches(msg, k.Open), common.Matches(msg, k.Dots):
		p.status = a.openActivity(common.Matches(msg, k.Dots))
	case common.Matches(msg, k.Close):
		r.CloseActivity()
		p.status = "activity closed: participants see the results"
	case common.Matches(msg, k.Reveal):
		p.status = "revealing…"
		return func() tea.Msg { // the notes are saved as the room's lines
			n, err := r.Reveal()
			switch {
			case err != nil:
				return roomActionMsg{room: r, status: "not revealed: " + err.Error()}
			case n == 0:
				return roomActionMsg{room: r, status: "no notes to reveal"}
			}
			return roomActionMsg{room: r, status: common.Plural(n, "note", "notes") + " revealed into the Room group"}
		}
	case common.Matches(msg, k.Approval):
		on := !a.room.snap.Activity.Approval
		r.SetApproval(on)
		p.status = map[bool]string{true: "shared notes now wait for your approval", false: "shared notes are revealed without approval"}[on]
	case common.Matches(msg, k.Results):
		act := a.room.snap.Activity
		rule := live.ResultsRule{WhenClosed: !act.ResultsWhenClosed, MinCount: act.MinCount}
		r.SetResults(rule)
		p.status = map[bool]string{true: "participants see results once the activity closes", false: "participants see results as they come"}[rule.WhenClosed]
	case common.Matches(msg, k.MinCount):
		act := a.room.snap.Activity
		next := map[int]int{0: 3, 3: 5}[act.MinCount] // 5 and anything else go back to 0
		r.SetResults(live.ResultsRule{WhenClosed: act.ResultsWhenClosed, MinCount: next})
		if next == 0 {
			p.status = "participants see a tally from the first answer"
		} else {
			p.status = "participants see a tally once " + strconv.Itoa(next) + " have answered"
		}
	case common.Matches(msg, k.Up), common.Matches(msg, k.Down):
		p.note = stepNote(p.pending, p.note, common.Matches(msg, k.Down))
	case common.Matches(msg, k.Approve):
		if err := r.Approve(p.note, true); err != nil {
			p.status = err.Error()
		}
	case common.Matches(msg, k.Hide):
		if n, ok := p.selected(); ok {
			if err := r.Hide(n.ID, !n.Hidden); err != nil {
				p.status = err.Error()
			}
		}
	case common.Matches(msg, k.PrevSeat), common.Matches(msg, k.NextSeat):
		if i := slices.Index(p.seats, p.seat); i >= 0 {
			d := 1
			if common.Matches(msg, k.PrevSeat) {
				d = -1
			}
			p.seat = p.seats[(i+d+len(p.seats))%len(p.seats)]
		}
	case common.Matches(msg, k.Remove):
		if p.seat != 0 {
			p.confirm = "remove"
			p.status = "Remove Participant " + strconv.Itoa(p.seat) + "? Their unrevealed notes and their votes go. y: remove · any other key: keep"
		}
	case common.Matches(msg, k.Lock):
		locked := !a.room.snap.Locked
		r.Lock(locked)
		p.status = map[bool]string{true: "room locked: nobody new can join", false: "room unlocked"}[locked]
	case common.Matches(msg, k.NewCode):
		p.status = "new code " + r.RotateCode().String() + ": the old one no longer lets anyone in"
	case common.Matches(msg, k.End):
		p.confirm = "end"
		p.status = "Close the room? Every participant sees “room closed”; revealed notes and counts stay. y: close · any other key: keep it open"
	}
	p.refresh(r)
	return nil
}

// roomActionMsg reports a room action that saved (a reveal, a removal).
type roomActionMsg struct {
	room   *live.Room
	status string
}

// stepNote moves the note selection by one.
func stepNote(notes []model.PendingNote, id int, down bool) int {
	i := slices.IndexFunc(notes, func(n model.PendingNote) bool { return n.ID == id })
	if i < 0 {
		if len(notes) == 0 {
			return 0
		}
		return notes[0].ID
	}
	if down {
		i = min(i+1, len(notes)-1)
	} else {
		i = max(i-1, 0)
	}
	return notes[i].ID
}

func (p *roomPanel) selected() (model.PendingNote, bool) {
	i := slices.IndexFunc(p.pending, func(n model.PendingNote) bool { return n.ID == p.note })
	if i < 0 {
		return model.PendingNote{}, false
	}
	return p.pending[i], true
}

// openActivity opens the exercise on screen to the room, as what its kind
// lets the room do: a poll to vote, a rating to rate, lines to write (or,
// with dots, to dot).
func (a *App) openActivity(dots bool) string {
	ex := a.currentExercise()
	if ex == nil {
		return "open an exercise (or go to its slide) first"
	}
	kind := model.RoomLobby
	switch {
	case dots && model.RoomNotesField(ex) != "":
		kind = model.RoomDots
	case dots:
		return "this exercise has no lines to dot"
	case ex.Kind == model.KindPoll:
		kind = model.RoomPoll
	case ex.Kind == model.KindRating:
		kind = model.RoomRating
	case model.RoomNotesField(ex) != "":
		kind = model.RoomWrite
	default:
		return "this exercise has nothing for the room to do: polls, ratings and exercises with lines do"
	}
	if err := a.room.room.Open(ex, kind); err != nil {
		return "not opened: " + err.Error()
	}
	return model.SanitizeLine(ex.Title) + " is open to the room (" + kind.String() + ")"
}

// panelView draws the panel over the whole screen.
func (a *App) panelView(w, h int) string {
	t := a.cfg.Theme
	p, s := a.room.panel, a.room.snap
	var b []string
	title := "Live room — open"
	if s.Locked {
		title = "Live room — LOCKED"
	}
	b = append(b, t.Heading.Render(title)+"  "+t.Dim.Render(common.Plural(s.Joined, "participant", "participants")+" joined"), "")
	b = append(b, "Join from a laptop's terminal (Windows, macOS, Linux):", "",
		"    "+t.Heading.Render(a.room.joinCommand()), "")
	if code := common.BigText(s.Code.String()); h >= 34 && lipgloss.Width(code)+4 <= w {
		// the code, big enough to read from the back of the room
		for _, row := range strings.Split(code, "\n") {
			b = append(b, "    "+t.Heading.Render(row))
		}
		b = append(b, "")
	}
	b = append(b, t.Dim.Render("Host key "+a.room.print), "")
	act := s.Activity
	switch {
	case act.Kind == model.RoomLobby:
		b = append(b, "Nothing open: participants wait. o opens the exercise on screen.")
	default:
		state := "open"
		if !act.Open {
			state = "closed"
		}
		line := "Open to the room: " + model.SanitizeLine(act.Title) + " — " + act.Kind.String() + ", " + state
		if act.Kind != model.RoomWrite {
			line += " · " + common.Plural(s.Answered, "answer", "answers")
		}
		b = append(b, line)
	}
	rules := []string{}
	if act.Approval {
		rules = append(rules, "notes need approval")
	}
	if act.ResultsWhenClosed {
		rules = append(rules, "results when closed")
	}
	if act.MinCount > 0 {
		rules = append(rules, "a tally shows from "+strconv.Itoa(act.MinCount)+" answers")
	}
	if len(rules) > 0 {
		b = append(b, t.Dim.Render(strings.Join(rules, " · ")))
	}
	b = append(b, "", t.Heading.Render("Shared notes waiting")+"  "+t.Dim.Render(strconv.Itoa(s.Shared)+" shared, "+strconv.Itoa(s.Pending)+" waiting for approval"))
	rows := []string{}
	cur := 0
	for i, n := range p.pending {
		mark := "  "
		if n.ID == p.note {
			mark, cur = "▸ ", i
		}
		state := "[waiting]"
		switch {
		case n.Hidden:
			state = "[hidden] "
		case n.Approved || !act.Approval:
			state = "[ready]  "
		}
		rows = append(rows, mark+state+" "+model.SanitizeLine(n.Text))
	}
	if len(rows) == 0 {
		rows = []string{t.Dim.Render("  none yet")}
	}
	room := max(h-len(b)-8, 3)
	b = append(b, common.ListWindow(rows, cur, room)...)
	seats := make([]string, len(p.seats))
	for i, n := range p.seats {
		seats[i] = "Participant " + strconv.Itoa(n)
		if n == p.seat {
			seats[i] = t.Heading.Render("[" + seats[i] + "]")
		}
	}
	if len(seats) > 0 {
		b = append(b, "", "In the room: "+strings.Join(seats, " "))
	}
	if p.status != "" {
		b = append(b, "", t.FooterKey.Render(p.status))
	}
	k := p.keys
	p.help.Width = w
	groups := [][]key.Binding{{k.Open, k.Dots, k.Close, k.Reveal}, {k.Up, k.Down, k.Approve, k.Hide}, {k.Approval, k.Results, k.MinCount, k.PrevSeat, k.NextSeat}, {k.Remove, k.Lock, k.NewCode, k.End, k.Back}}
	p.help.Width = 0 // measured whole, then laid out to fit
	keys := strings.Split(p.help.FullHelpView(groups), "\n")
	if lipgloss.Width(keys[0]) > w { // two rows of columns
		keys = append(strings.Split(p.help.FullHelpView(groups[:2]), "\n"), append([]string{""}, strings.Split(p.help.FullHelpView(groups[2:]), "\n")...)...)
	}
	p.help.Width = w
	if lipgloss.Width(strings.Join(keys, "\n")) > w || h < 30 { // a small window: the keys in one line
		keys = []string{p.help.ShortHelpView([]key.Binding{k.Open, k.Dots, k.Close, k.Reveal, k.Approve, k.Hide, k.Approval, k.Results, k.MinCount, k.Remove, k.Lock, k.NewCode, k.End, k.Back})}
	}
	body := common.FitLines(a.room.web.beside(strings.Join(b, "\n"), t, w), w, max(h-len(keys)-1, 1))
	return body + "\n\n" + strings.Join(keys, "\n")
}

package ui

import (
	"context"
	"errors"
	"net"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/live"
	"github.com/carehuddle/huddle/ui/runner"
	"github.com/carehuddle/huddle/ui/session"
)

// RoomConfig is how the live room opens (huddle present --live ...). The
// room is off until the facilitator presses L in a workshop, or AtStart.
type RoomConfig struct {
	AtStart     bool    // open it as soon as the workshop's session is ready
	Listen      string  // host:port to listen on; "" when it cannot open
	Host        string  // the address participants type, when Listen names every interface (0.0.0.0)
	Unavailable string  // why it cannot open (no private-network address)
	Max         int     // most participants at once
	HostKeyPath string  // the persistent SSH host key
	Web         RoomWeb // the web page for phones (--live-web)
}

// roomHost is the facilitator's side of the live room: the room, its SSH
// door, what the wall shows of it, and the panel of controls.
type roomHost struct {
	room      *live.Room
	srv       *live.SSHServer
	addr      string // host:port participants type
	print     string // the host key's fingerprint
	snap      live.Snapshot
	done      chan struct{}   // closed with the room: its waits end
	wallCh    <-chan struct{} // the room's watch, kept for the room's life
	liveCh    <-chan struct{} // the session's watch, likewise
	stopLive  func()
	stopWall  func()
	web       roomWeb    // the web door for phones, when on
	panel     *roomPanel // nil while the panel is hidden
	clock     model.RoomClock
	opening   bool
	askedOpen bool // AtStart has been acted on
}

type (
	// roomOpenedMsg: the room and its door are open, or err says why not.
	roomOpenedMsg struct {
		room   *live.Room
		srv    *live.SSHServer
		web    *live.WebServer
		webErr error
		print  string
		err    error
	}
	// roomWallMsg: something in the room changed (joins, shares, answers).
	roomWallMsg struct{ room *live.Room }
	// sessionWatchMsg: the session changed (the room's results saved).
	sessionWatchMsg struct{ room *live.Room }
)

// roomOpen reports whether the room is open.
func (a *App) roomOpen() bool { return a.room.room != nil }

// openRoomCmd opens the room: the host key, the room and its SSH door,
// all off the update loop.
func (a *App) openRoomCmd() tea.Cmd {
	cfg, l, dark := a.cfg.Room, a.live, a.cfg.Theme.Dark
	a.room.opening = true
	return func() tea.Msg {
		if cfg.Listen == "" {
			why := cfg.Unavailable
			if why == "" {
				why = "the room cannot open: give an address with --live-listen HOST:PORT"
			}
			return roomOpenedMsg{err: errors.New(why)}
		}
		key, err := store.LoadHostKey(cfg.HostKeyPath)
		if err != nil {
			return roomOpenedMsg{err: err}
		}
		// In a small room a tally can tell who chose what: participants see
		// one once three have answered (m on the panel changes it).
		room, err := live.NewRoom(live.Config{Recorder: live.NewRecorder(l), Max: cfg.Max, Dark: dark,
			Results: live.ResultsRule{MinCount: 3}})
		if err != nil {
			return roomOpenedMsg{err: err}
		}
		srv, err := live.ListenSSH(cfg.Listen, room, key.Signer, live.WithMaxParticipants(cfg.Max), live.WithDarkBackground(dark))
		if err != nil {
			room.Close()
			return roomOpenedMsg{err: err}
		}
		web, werr := openRoomWeb(room, cfg.Listen, cfg.Web)
		return roomOpenedMsg{room: room, srv: srv, web: web, webErr: werr, print: key.Fingerprint()}
	}
}

// roomUpdate handles the room's messages and keys; handled is false for
// everything else.
func (a *App) roomUpdate(msg tea.Msg) (handled bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case roomOpenedMsg:
		a.room.opening = false
		if msg.err != nil {
			return true, a.forward(common.StatusMsg{Text: "the room did not open: " + msg.err.Error(), Warn: true})
		}
		if a.live == nil { // the session ended while the room was opening
			closeRoomWeb(msg.web)
			closeRoom(msg.room, msg.srv)
			return true, nil
		}
		a.room = roomHost{room: msg.room, srv: msg.srv, web: newRoomWeb(msg.web, msg.webErr), print: msg.print, addr: joinAddr(msg.srv.Addr(), a.cfg.Room), askedOpen: true}
		a.room.snap = msg.room.Snapshot()
		ch, stop := msg.room.WatchWall()
		lch, lstop := a.live.Watch()
		a.room.wallCh, a.room.liveCh, a.room.done = ch, lch, make(chan struct{})
		a.room.stopWall, a.room.stopLive = stop, lstop
		a.room.panel = newRoomPanel()
		return true, tea.Batch(a.room.waitOn(ch, roomWallMsg{room: msg.room}), a.room.waitOn(lch, sessionWatchMsg{room: msg.room}), a.resizeAll())
	case roomWallMsg:
		if msg.room != a.room.room {
			return true, nil // a room closed since
		}
		a.room.snap = msg.room.Snapshot()
		if a.room.panel != nil {
			a.room.panel.refresh(msg.room)
		}
		return true, a.room.waitOn(a.room.wallCh, msg)
	case roomActionMsg:
		if msg.room == a.room.room && a.room.panel != nil {
			a.room.panel.status = msg.status
			a.room.panel.refresh(msg.room)
		}
		return true, nil
	case sessionWatchMsg:
		if msg.room != a.room.room || a.live == nil {
			return true, nil
		}
		msg.room.RefreshLines()
		return true, tea.Batch(a.forward(session.ChangedMsg{Version: a.live.Version()}), a.room.waitOn(a.room.liveCh, msg))
	case tea.KeyMsg:
		if a.room.panel != nil && a.roomOpen() {
			return true, a.panelKey(msg)
		}
		if common.Matches(msg, common.RoomKey) && a.live != nil && !a.typing() && !a.timer.Big {
			switch {
			case a.cfg.Kind != model.SessionWorkshop:
				return true, a.forward(common.StatusMsg{Text: "the room is for workshops: a reflection is yours alone"})
			case a.roomOpen():
				a.room.panel = newRoomPanel()
				a.room.panel.refresh(a.room.room)
				return true, nil
			case a.room.opening:
				return true, nil
			}
			return true, a.openRoomCmd()
		}
	}
	return false, nil
}

// afterUpdate keeps the room in step with the session: it closes when the
// session ends, and participants' timers follow the facilitator's.
func (a *App) roomAfterUpdate() tea.Cmd {
	if a.cfg.Room.AtStart && !a.room.askedOpen && a.live != nil && a.cfg.Kind == model.SessionWorkshop {
		a.room.askedOpen = true
		return a.openRoomCmd()
	}
	if !a.roomOpen() {
		return nil
	}
	if a.live == nil {
		return a.closeRoom()
	}
	t := a.timer.T
	var c model.RoomClock
	switch {
	case t.Running:
		c.Deadline = t.Deadline
	case t.Started:
		c.Paused = t.Remaining
	}
	if c != a.room.clock {
		a.room.clock = c
		a.room.room.SetClock(c)
	}
	return nil
}

// closeRoom closes the room: every participant sees "room closed", the
// door shuts, and nothing of the room stays in memory.
func (a *App) closeRoom() tea.Cmd {
	r := a.room
	r.stopWatching()
	a.room = roomHost{askedOpen: true}
	return tea.Batch(func() tea.Msg { closeRoomWeb(r.web.srv); closeRoom(r.room, r.srv); return nil }, a.resizeAll())
}

// CloseRoom closes the room at once (the program is quitting).
func (a *App) CloseRoom() {
	if a.roomOpen() {
		r := a.room
		r.stopWatching()
		a.room = roomHost{}
		closeRoomWeb(r.web.srv)
		closeRoom(r.room, r.srv)
	}
}

// stopWatching ends the app's watches of the room and the session, and
// the commands waiting on them.
func (r *roomHost) stopWatching() {
	if r.stopWall != nil {
		r.stopWall()
	}
	if r.stopLive != nil {
		r.stopLive()
	}
	if r.done != nil {
		close(r.done)
	}
}

func closeRoom(room *live.Room, srv *live.SSHServer) {
	room.Close()
	if srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}

// waitOn is the command that waits for the next signal on a watch and
// reports it as msg; the handler of msg waits again on the same watch.
// It ends, reporting nothing, when the room closes.
func (r *roomHost) waitOn(ch <-chan struct{}, msg tea.Msg) tea.Cmd {
	done := r.done
	return func() tea.Msg {
		select {
		case <-ch:
			return msg
		case <-done:
			return nil
		}
	}
}

// joinAddr is the address participants type: the one listened on (or,
// when that is every interface, the one the configuration names), with
// the port the listener got.
func joinAddr(bound net.Addr, cfg RoomConfig) string {
	host, _, _ := net.SplitHostPort(cfg.Listen)
	if cfg.Host != "" {
		host = cfg.Host
	}
	_, port, err := net.SplitHostPort(bound.String())
	if err != nil {
		return cfg.Listen
	}
	return net.JoinHostPort(host, port)
}

// joinCommand is what a participant types: ssh -p PORT CODE@HOST.
func (r *roomHost) joinCommand() string {
	host, port, _ := net.SplitHostPort(r.addr)
	cmd := "ssh "
	if port != "22" {
		cmd += "-p " + port + " "
	}
	return cmd + r.snap.Code.String() + "@" + host
}

// roomLine is the projected line while the room is open: that it is
// open, the code and how many have joined (nothing about anyone).
func (a *App) roomLine(w int) string {
	t := a.cfg.Theme
	s := a.room.snap
	state := "ROOM OPEN"
	if s.Locked {
		state = "ROOM LOCKED"
	}
	text := "● " + state + "  " + a.room.joinCommand()
	if web := a.room.web.footer(); web != "" {
		text += " " + web
	}
	text += "  · " + common.Plural(s.Joined, "joined", "joined")
	if s.Activity.Kind != model.RoomLobby {
		text += " · " + s.Activity.Kind.String()
		if s.Activity.Open {
			text += " open"
		} else {
			text += " closed"
		}
	}
	text += " · L: room"
	return t.Heading.MaxWidth(w).Render(common.Clip(text, w))
}

// currentExercise is the exercise on screen: the runner's, or the
// presenter's slide's.
func (a *App) currentExercise() *model.Exercise {
	switch s := a.screen.(type) {
	case runner.Runner:
		return s.Exercise()
	case *Presenter:
		if s.cur >= 0 && s.cur < len(s.refs) {
			return s.deck.Slide(s.refs[s.cur]).Exercise
		}
	}
	return nil
}

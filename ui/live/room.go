package live

import (
	"crypto/rand"
	"errors"
	"io"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// Config sets up a room. Only Recorder is required.
type Config struct {
	Recorder Recorder
	Random   io.Reader           // join codes, pseudonyms, reveal order; crypto/rand when nil
	Now      func() time.Time    // the clock; common.Now when nil
	Max      int                 // participants at once; DefaultMax when 0
	Limits   model.AttemptLimits // wrong-code limits; model.DefaultAttemptLimits when zero
	Dark     bool                // participants' screens use the dark theme (else light)
	Approval bool                // shared notes need approval before reveal, from the start
	Results  ResultsRule         // when participants see tallies, from the start
}

// ResultsRule is when participants see the room's tallies: only once the
// activity is closed (WhenClosed) and only once at least MinCount have
// answered. In a small room a tally can tell who answered what.
type ResultsRule struct {
	WhenClosed bool
	MinCount   int
}

// errNoRecorder: a room needs somewhere to record what it decides.
var errNoRecorder = errors.New("live: a room needs a Recorder")

// DefaultMax is the participant cap when Config.Max is 0.
const DefaultMax = 60

// Room is a live room: seats and unshared notes in memory only. It is the
// Door participants come in through, and the only place where a
// participant's action becomes a change, recorded through the Recorder.
// Every method is safe for concurrent use.
type Room struct {
	// recMu orders every change that is recorded (votes, dots, ratings,
	// removals, reveals), so that a seat's choices always equal what was
	// recorded for it; views and notes never wait for it.
	recMu sync.Mutex
	mu    sync.Mutex
	cfg   Config
	st    model.RoomState
	code  model.JoinCode
	lim   *model.Limiter
	names model.Pseudonyms
	lock  bool
	note  int // the last note id given
	gen   int // counts activities opened, so a late undo never touches a new one
	seats map[int]*seatChans
	walls map[int]chan struct{}
	wall  int
}

// seatChans wakes one participant's screen (changed) and ends its waiting
// when they leave (done).
type seatChans struct {
	changed chan struct{}
	done    chan struct{}
}

// NewRoom opens a room with a fresh join code.
func NewRoom(cfg Config) (*Room, error) {
	if cfg.Recorder == nil {
		return nil, errNoRecorder
	}
	if cfg.Random == nil {
		cfg.Random = rand.Reader
	}
	if cfg.Now == nil {
		cfg.Now = common.Now
	}
	if cfg.Max <= 0 {
		cfg.Max = DefaultMax
	}
	if cfg.Limits == (model.AttemptLimits{}) {
		cfg.Limits = model.DefaultAttemptLimits
	}
	code, err := model.NewJoinCode(cfg.Random)
	if err != nil {
		return nil, err
	}
	r := &Room{
		cfg: cfg, code: code, lim: model.NewLimiter(cfg.Limits),
		seats: map[int]*seatChans{}, walls: map[int]chan struct{}{},
	}
	r.st.Seats = map[int]*model.RoomSeat{}
	r.st.Activity = r.withRules(model.RoomActivity{})
	return r, nil
}

// withRules gives an activity the room's approval and results rules.
func (r *Room) withRules(a model.RoomActivity) model.RoomActivity {
	a.Approval = r.cfg.Approval
	a.ResultsWhenClosed, a.MinCount = r.cfg.Results.WhenClosed, r.cfg.Results.MinCount
	return a
}

// Enter lets a client in with the code it typed, or says why not: the room
// is closed or locked, the source has failed too often (it must wait), the
// code is wrong (too many wrong codes replace it), or the room is full.
// source only limits failed attempts; it is never kept beyond that.
func (r *Room) Enter(code, source string) (Guest, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.cfg.Now()
	switch {
	case r.st.Closed:
		return nil, ErrRoomClosed
	case r.lock:
		return nil, ErrRoomLocked
	case r.lim.Wait(source, now) > 0:
		return nil, ErrTooManyAttempts
	}
	if !r.code.Matches(code) {
		if r.lim.Fail(source, now) {
			r.rotateLocked()
		}
		return nil, ErrWrongCode
	}
	r.lim.Succeed(source)
	if r.joinedLocked() >= r.cfg.Max {
		return nil, ErrRoomFull
	}
	n, err := r.names.Next(r.cfg.Random)
	if err != nil {
		return nil, err
	}
	r.st.Seats[n] = &model.RoomSeat{Choices: model.Choices{}}
	r.seats[n] = &seatChans{changed: make(chan struct{}, 1), done: make(chan struct{})}
	r.notifyLocked()
	return &guest{room: r, seat: n}, nil
}

func (r *Room) joinedLocked() int {
	n := 0
	for _, s := range r.st.Seats {
		if !s.Gone {
			n++
		}
	}
	return n
}

// rotateLocked replaces the join code; the old one no longer lets anyone in.
func (r *Room) rotateLocked() {
	if code, err := model.NewJoinCode(r.cfg.Random); err == nil {
		r.code = code
	}
	r.lim.Rotated()
	r.notifyLocked()
}

// notifyLocked wakes every participant's screen and every wall watcher;
// a wake already pending is enough.
func (r *Room) notifyLocked() {
	for _, c := range r.seats {
		select {
		case c.changed <- struct{}{}:
		default:
		}
	}
	for _, c := range r.walls {
		select {
		case c <- struct{}{}:
		default:
		}
	}
}

// WatchWall gives a channel that receives whenever the room changes (a
// pending wake is kept, later ones merged into it), and stop, which ends
// the watch (call it once the watcher is gone; calling it again is safe).
func (r *Room) WatchWall() (changed <-chan struct{}, stop func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.wall++
	id, c := r.wall, make(chan struct{}, 1)
	r.walls[id] = c
	return c, func() {
		r.mu.Lock()
		delete(r.walls, id)
		r.mu.Unlock()
	}
}

// watchers counts the wall watchers and participants' wake channels (tests).
func (r *Room) watchers() (walls, seats int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.walls), len(r.seats)
}

// guest is one participant's handle on the room.
type guest struct {
	room *Room
	seat int
	once sync.Once
}

// Model builds the participant's program, drawing through the client's
// own renderer.
func (g *guest) Model(rd *lipgloss.Renderer) tea.Model {
	return newParticipant(g.room, g.seat, rd, common.ThemeFor(rd, g.room.cfg.Dark))
}

// Leave ends the participant's place: their private notes are dropped
// (memory only), shared ones wait for reveal; what they voted stays
// counted. Their screen's waiting ends, so nothing is left watching.
func (g *guest) Leave() {
	g.once.Do(func() { g.room.leave(g.seat) })
}

func (r *Room) leave(seat int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.st.Seats[seat]; s != nil {
		s.Gone = true
		if !s.Answered() {
			delete(r.st.Seats, seat) // nothing of theirs to keep counted
		}
	}
	r.dropNotesLocked(seat, false)
	r.unwatchLocked(seat)
	r.notifyLocked()
}

// unwatchLocked ends a participant's waiting for changes.
func (r *Room) unwatchLocked(seat int) {
	if c := r.seats[seat]; c != nil {
		close(c.done)
		delete(r.seats, seat)
	}
}

// dropNotesLocked forgets seat's unrevealed notes: the private ones only,
// or all of them (a participant removed).
func (r *Room) dropNotesLocked(seat int, shared bool) {
	keep := r.st.Notes[:0]
	for _, n := range r.st.Notes {
		if n.Seat != seat || n.Revealed || (n.Shared && !shared) {
			keep = append(keep, n)
		}
	}
	clear(r.st.Notes[len(keep):]) // no copy of a dropped note stays in the array
	r.st.Notes = keep
}

// changedMsg says the room changed: the screen asks for its view again.
type changedMsg struct{}

// leftMsg says the participant's waiting ended (they left).
type leftMsg struct{}

// wait is a command that returns when the room changes or the participant
// leaves, whichever comes first; a participant who left never leaves one
// blocked.
func (r *Room) wait(seat int) tea.Cmd {
	r.mu.Lock()
	c := r.seats[seat]
	r.mu.Unlock()
	if c == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case <-c.changed:
			return changedMsg{}
		case <-c.done:
			return leftMsg{}
		}
	}
}

// View is what participant seat may see now (model.RoomState.ViewFor).
func (r *Room) View(seat int) model.ParticipantView {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.st.ViewFor(seat)
}

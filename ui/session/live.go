// Package session is the open workshop session: Live, the only writer of
// a session's entries (every change committed in order, its result
// reported back as a message), and the commands that start or continue a
// session. It builds on ui/common only.
package session

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// Live is a session in progress: the one place that applies its changes.
// A view asks Live to Commit a change; Live saves it (its own write
// transaction, synced) off the update loop, in the order the changes were
// made, applies the saved form to its state and tells every watcher.
// Nothing else writes the session, so several programs (a facilitator
// and, later, participants over SSH) can watch the same Live.
type Live struct {
	st   *store.Store
	deck *model.Deck
	ex   map[string]*model.Exercise // the deck's exercises by id

	// Writes are queued as they are made (in Update: no I/O) and saved
	// strictly in that order. Each write's command drains the queue up to
	// and including its own write, so a command that runs late, or never,
	// holds nothing up: the next command saves its write for it.
	queueMu sync.Mutex
	queue   []*write
	drainMu sync.Mutex

	seq     uint64 // the last change's sequence number (under queueMu)
	idCount uint64 // ids handed out (under queueMu)

	// fault, when set, fails every save as a full disk would (tests).
	fault func() error

	mu       sync.RWMutex
	data     model.SessionData
	version  uint64
	watchers []chan struct{}
}

// SavedMsg reports that a change was saved and applied (Err nil), or not
// saved (Err set: the change is not in the session; what was typed must
// not be thrown away).
type SavedMsg struct {
	Seq     uint64 // the Pending.Seq of the change
	Change  model.Change
	Version uint64
	Err     error
}

// ChangedMsg tells a watcher that the session changed (by another view).
type ChangedMsg struct{ Version uint64 }

// SetFault makes every later save fail with what fn returns (nil: the save
// goes ahead), as a full disk would. It is for tests; nil removes it.
func (l *Live) SetFault(fn func() error) { l.fault = fn }

// OpenLive loads a saved session into a Live.
func OpenLive(st *store.Store, deck *model.Deck, sessionID string) (*Live, error) {
	sess, err := st.GetSession(sessionID)
	if err != nil {
		return nil, err
	}
	entries, err := st.Entries(sessionID)
	if err != nil {
		return nil, err
	}
	actions, err := st.Actions(sessionID)
	if err != nil {
		return nil, err
	}
	l := &Live{st: st, deck: deck, ex: exerciseMap(deck)}
	l.data = model.SessionData{Session: sess, Entries: entries, Actions: actions}
	return l, nil
}

func exerciseMap(deck *model.Deck) map[string]*model.Exercise {
	out := map[string]*model.Exercise{}
	if deck == nil {
		return out
	}
	for id, ref := range deck.Exercises() {
		out[id] = deck.Slide(ref).Exercise
	}
	return out
}

// Exercises maps the deck's exercise ids to their exercises.
func (l *Live) Exercises() map[string]*model.Exercise { return l.ex }

// Store is the store the session is saved in.
func (l *Live) Store() *store.Store { return l.st }

// Data returns a copy of the session's state that the caller may keep.
func (l *Live) Data() model.SessionData {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.data.Clone()
}

// Session returns the session record.
func (l *Live) Session() model.Session {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.data.Clone().Session
}

// Version counts the changes applied so far.
func (l *Live) Version() uint64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.version
}

// write is one queued write: its work and, once done, its result.
type write struct {
	do     func() tea.Msg
	done   bool
	result tea.Msg
}

// enqueue adds a write to the queue and returns the command that saves
// the queue up to it and reports its result.
func (l *Live) enqueue(do func() tea.Msg) tea.Cmd {
	w := &write{do: do}
	l.queueMu.Lock()
	l.queue = append(l.queue, w)
	l.queueMu.Unlock()
	return func() tea.Msg { return l.drain(w) }
}

// drain saves queued writes in order until w is saved.
func (l *Live) drain(w *write) tea.Msg {
	l.drainMu.Lock()
	defer l.drainMu.Unlock()
	for !w.done {
		l.queueMu.Lock()
		next := l.queue[0]
		l.queue = l.queue[1:]
		l.queueMu.Unlock()
		next.result = next.do()
		next.done = true
	}
	return w.result
}

// Flush saves every queued write (before the program exits).
func (l *Live) Flush() {
	l.queueMu.Lock()
	var last *write
	if len(l.queue) > 0 {
		last = l.queue[len(l.queue)-1]
	}
	l.queueMu.Unlock()
	if last != nil {
		l.drain(last)
		return
	}
	// The queue is empty, but a write taken from it may still be saving:
	// drain holds drainMu until it is done.
	l.drainMu.Lock()
	l.drainMu.Unlock() //nolint:staticcheck // an empty critical section: waiting is the point
}

// Pending is a change sent to be saved whose result has not come back.
// Seq matches it to its SavedMsg.
type Pending struct {
	Seq    uint64
	Change model.Change
}

// Send queues a change and returns it as it will be saved, with the
// command that saves it. A new entry or action gets its id here, in
// Update and with no I/O, so that a view can show it, select it and
// change it again before its save returns, and a retried save of the
// same change is the same record, never a second one. Changes are saved
// in the order Send was called, whatever order their commands run in.
func (l *Live) Send(c model.Change) (Pending, tea.Cmd) {
	l.queueMu.Lock()
	l.seq++
	p := Pending{Seq: l.seq, Change: l.assignIDs(c)}
	l.queueMu.Unlock()
	return p, l.enqueue(func() tea.Msg {
		msg := l.save(p.Change)
		msg.Seq = p.Seq
		return msg
	})
}

// Resend queues a change sent before (whose save failed) again, keeping
// its sequence number and ids.
func (l *Live) Resend(p Pending) tea.Cmd {
	return l.enqueue(func() tea.Msg {
		msg := l.save(p.Change)
		msg.Seq = p.Seq
		return msg
	})
}

// Commit queues a change and returns the command that saves it (Send
// without the pending change).
func (l *Live) Commit(c model.Change) tea.Cmd {
	_, cmd := l.Send(c)
	return cmd
}

// assignIDs gives a new entry or action its id (under queueMu). The
// sequence part mixes the nanoseconds of the moment with a counter, so
// ids stay unique across a restart within the same second.
func (l *Live) assignIDs(c model.Change) model.Change {
	newID := func(at time.Time) string {
		l.idCount++
		return model.NewID(at, uint64(at.Nanosecond())<<10|l.idCount&1023)
	}
	switch c.Op {
	case model.OpAddEntry, model.OpSetEntry:
		if c.Entry.ID == "" {
			at := time.Now()
			if c.Entry.Created.IsZero() {
				c.Entry.Created = at.Round(0).UTC()
			}
			c.Entry.ID = newID(at)
		}
	case model.OpPutEntries, model.OpAddVotes, model.OpClearVotes:
		if c.Op != model.OpPutEntries && c.Entry.ID == "" {
			// a count of a slot: the id is used only if the record is new
			at := time.Now()
			c.Entry.Created = at.Round(0).UTC()
			c.Entry.ID = newID(at)
		}
		c.Entries = append([]model.Entry(nil), c.Entries...)
		for i := range c.Entries {
			if c.Entries[i].ID == "" { // a new entry among others (a dot)
				at := time.Now()
				if c.Entries[i].Created.IsZero() {
					c.Entries[i].Created = at.Round(0).UTC()
				}
				c.Entries[i].ID = newID(at)
			}
		}
	case model.OpPutAction:
		if c.Action.ID == "" {
			c.Action.ID = newID(time.Now())
		}
	}
	return c
}

// CommitNow saves a change at once, in order, and returns what a command
// would have reported (for tests and for code already off the update loop).
func (l *Live) CommitNow(c model.Change) SavedMsg {
	return l.Commit(c)().(SavedMsg)
}

func (l *Live) save(c model.Change) (msg SavedMsg) {
	defer func() {
		if r := recover(); r != nil {
			msg = SavedMsg{Change: c, Err: fmt.Errorf("huddle: saving failed: %v", r)}
		}
	}()
	saved, err := l.persist(c)
	if err != nil {
		return SavedMsg{Change: c, Err: err}
	}
	l.mu.Lock()
	l.data.Apply(saved)
	l.version++
	v := l.version
	watchers := append([]chan struct{}(nil), l.watchers...)
	l.mu.Unlock()
	for _, w := range watchers {
		select { // a watcher that has not caught up yet will read the latest state anyway
		case w <- struct{}{}:
		default:
		}
	}
	return SavedMsg{Change: saved, Version: v}
}

// persist writes one change to the store and returns it as saved.
func (l *Live) persist(c model.Change) (model.Change, error) {
	if l.fault != nil {
		if err := l.fault(); err != nil {
			return c, err
		}
	}
	sid := l.sessionID()
	if l.ended() && c.Op != model.OpSession {
		return c, ErrSessionEnded
	}
	// Settled on the saved state (counts applied to the current record):
	// changes are saved one at a time, so nothing changes it meanwhile.
	l.mu.RLock()
	c, err := l.data.Settle(c)
	l.mu.RUnlock()
	if err != nil {
		return c, err
	}
	switch c.Op {
	case model.OpAddEntry, model.OpSetEntry:
		c.Entry.SessionID = sid
		c.Entry, err = l.st.PutEntry(c.Entry)
	case model.OpUpdateEntry:
		if c.Entry.ID == "" {
			return c, errors.New("huddle: an update names no entry")
		}
		c.Entry.SessionID = sid
		c.Entry, err = l.st.PutEntry(c.Entry)
	case model.OpDeleteEntry:
		err = l.st.DeleteEntry(sid, c.Entry.ID)
	case model.OpPutEntries:
		for i := range c.Entries {
			c.Entries[i].SessionID = sid
		}
		c.Entries, err = l.st.PutEntries(c.Entries)
	case model.OpPutAction:
		c.Action.SessionID = sid
		c.Action, err = l.st.PutAction(c.Action)
	case model.OpDeleteAction:
		err = l.st.DeleteAction(sid, c.Action.ID)
	case model.OpSession:
		c.Session.ID = sid
		err = l.st.UpdateSession(c.Session)
	default:
		err = fmt.Errorf("huddle: unknown change %d", c.Op)
	}
	return c, err
}

// ErrSessionEnded is the error of a change to a session that has ended:
// an ended session is a record, not a place to capture.
var ErrSessionEnded = errors.New("this session has ended: start or continue another to capture")

func (l *Live) ended() bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return !l.data.Session.Ended.IsZero()
}

func (l *Live) sessionID() string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.data.Session.ID
}

// Watch returns a channel that receives a signal after changes are
// applied, and the function that stops watching (a participant who leaves
// must not leave a watcher behind; calling it twice is harmless). A
// watcher that lags sees at most one pending signal and reads the latest
// state.
func (l *Live) Watch() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	l.mu.Lock()
	l.watchers = append(l.watchers, ch)
	l.mu.Unlock()
	return ch, func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.watchers = slices.DeleteFunc(l.watchers, func(w chan struct{}) bool { return w == ch })
	}
}

// Watchers counts the watchers (tests: none is left behind).
func (l *Live) Watchers() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return len(l.watchers)
}

// WaitChange is the command that waits on a watch channel.
func (l *Live) WaitChange(ch <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		<-ch
		return ChangedMsg{Version: l.Version()}
	}
}

// SaveDraft keeps text being typed at key (in order with every other
// write, so a later draft is never overwritten by an earlier one); empty
// text clears it.
func (l *Live) SaveDraft(key, text string) tea.Cmd {
	return l.enqueue(func() tea.Msg {
		var err error
		if text == "" {
			err = l.st.ClearDraft(key)
		} else {
			err = l.st.SaveDraft(key, text)
		}
		return DraftSavedMsg{key: key, Err: err}
	})
}

// DraftSavedMsg reports a draft save.
type DraftSavedMsg struct {
	key string
	Err error
}

// DraftKey is the key of a draft typed in this session at parts.
func (l *Live) DraftKey(parts ...string) string {
	return model.DraftKey(l.sessionID(), parts...)
}

// Drafts lists the drafts left in this session (read when it opens).
func (l *Live) Drafts() ([]model.Draft, error) {
	return l.st.Drafts(model.DraftKey(l.sessionID()))
}

// TimerKey is where the session's timer is saved.
func (l *Live) TimerKey() string { return model.DraftKey(l.sessionID(), "timer") }

// saveTimerCmd saves the timer's state in order with the other writes.
func (l *Live) SaveTimerCmd(state []byte) tea.Cmd {
	key := l.TimerKey()
	return l.enqueue(func() tea.Msg {
		if err := l.st.SaveTimer(key, state); err != nil {
			return common.StatusMsg{Text: "timer not saved: " + err.Error(), Warn: true}
		}
		return nil
	})
}

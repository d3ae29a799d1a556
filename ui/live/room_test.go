package live

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// fakeRecorder keeps the room's tallies and revealed lines in memory.
type fakeRecorder struct {
	mu       sync.Mutex
	tally    map[string]int // ex + " " + choice
	revealed map[string][]string
	lines    []Line
	fail     func(choice string) bool // fails a Tally when true
	calls    int
}

func newFakeRecorder() *fakeRecorder {
	return &fakeRecorder{tally: map[string]int{}, revealed: map[string][]string{}}
}

func (f *fakeRecorder) Reveal(ex string, texts []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.revealed[ex] = append(f.revealed[ex], texts...)
	return nil
}

func (f *fakeRecorder) Tally(ex, choice string, delta int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.fail != nil && f.fail(choice) {
		return errors.New("disk full")
	}
	f.tally[ex+" "+choice] += delta
	if f.tally[ex+" "+choice] < 0 {
		return errors.New("negative count")
	}
	return nil
}

func (f *fakeRecorder) Lines(ex string) []Line {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.lines)
}

func (f *fakeRecorder) count(ex, choice string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tally[ex+" "+choice]
}

// testClock is a clock tests move by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newTestRoom(t testing.TB, cfg Config) (*Room, *fakeRecorder, *testClock) {
	t.Helper()
	rec := newFakeRecorder()
	clk := &testClock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	if cfg.Recorder == nil {
		cfg.Recorder = rec
	}
	cfg.Now = clk.Now
	r, err := NewRoom(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r, rec, clk
}

func enter(t testing.TB, r *Room) *guest {
	t.Helper()
	g, err := r.Enter(strings.ToLower(string(r.Code())), "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return g.(*guest)
}

var (
	discussion = &model.Exercise{ID: "d1", Kind: model.KindDiscussion, Title: "What helps",
		Fields: []model.Field{{Key: "k", Label: "What helps handovers?", Type: model.FieldLines}}}
	poll = &model.Exercise{ID: "p1", Kind: model.KindPoll, Title: "Pick one", Question: "Which first?",
		Options: []string{"Rotas", "Handovers", "Supervision"}}
	rating = &model.Exercise{ID: "r1", Kind: model.KindRating, Title: "Rate",
		Items: []string{"We listen", "We plan"}, Scale: []string{"Never", "Sometimes", "Often", "Always"}}
)

func TestNewRoomNeedsRecorder(t *testing.T) {
	if _, err := NewRoom(Config{}); err == nil {
		t.Fatal("a room without a Recorder")
	}
}

func TestEnter(t *testing.T) {
	r, _, clk := newTestRoom(t, Config{Max: 2, Limits: model.AttemptLimits{
		SourceFree: 3, SourceWait: time.Minute, CodeMax: 5, Forget: time.Hour, MaxSources: 100}})
	code := r.Code()
	if _, err := r.Enter("ZZZZ-ZZZZ", "a"); !errors.Is(err, ErrWrongCode) && code != "ZZZZZZZZ" {
		t.Fatalf("wrong code: %v", err)
	}
	a := enter(t, r)
	// The same code, as shown, with the dash.
	b, err := r.Enter(code.String(), "b")
	if err != nil {
		t.Fatal(err)
	}
	if a.seat == b.(*guest).seat {
		t.Fatal("two participants got the same number")
	}
	if _, err := r.Enter(code.String(), "c"); !errors.Is(err, ErrRoomFull) {
		t.Fatalf("a third in a room of 2: %v", err)
	}
	a.Leave()
	if _, err := r.Enter(code.String(), "c"); err != nil {
		t.Fatalf("a place freed by leaving: %v", err)
	}
	r.Lock(true)
	if _, err := r.Enter(code.String(), "d"); !errors.Is(err, ErrRoomLocked) {
		t.Fatalf("locked: %v", err)
	}
	r.Lock(false)

	// Per source: after 3 wrong codes, even the right one waits.
	wrong := "0000-0000"
	if code == "00000000" {
		wrong = "1111-1111"
	}
	for range 2 { // "a" already failed once
		if _, err := r.Enter(wrong, "a"); !errors.Is(err, ErrWrongCode) {
			t.Fatal(err)
		}
	}
	if _, err := r.Enter(code.String(), "a"); !errors.Is(err, ErrTooManyAttempts) {
		t.Fatalf("a source over its limit: %v", err)
	}
	clk.Add(time.Minute)
	if r.Code() != code {
		t.Fatal("the code changed before CodeMax failures")
	}
	// Per code: two more failures from elsewhere make 5: the code rotates.
	r.Enter(wrong, "x")
	r.Enter(wrong, "y")
	if r.Code() == code || len(r.Code()) != model.JoinCodeLen {
		t.Fatalf("the code did not rotate after 5 failures: %q", r.Code())
	}
	if _, err := r.Enter(code.String(), "z"); !errors.Is(err, ErrWrongCode) {
		t.Fatalf("the old code still works: %v", err)
	}
	old := r.Code()
	if n := r.RotateCode(); n == old || n != r.Code() {
		t.Fatal("RotateCode kept the code")
	}
	r.Close()
	if _, err := r.Enter(string(old), "z"); !errors.Is(err, ErrRoomClosed) {
		t.Fatalf("closed: %v", err)
	}
	if r.Code() != "" {
		t.Fatal("a closed room keeps its code")
	}
}

func TestNotesPrivateUntilRevealed(t *testing.T) {
	r, rec, _ := newTestRoom(t, Config{})
	a, b := enter(t, r), enter(t, r)
	if _, err := r.AddNote(a.seat, "in the lobby"); !errors.Is(err, model.ErrNotOpen) {
		t.Fatalf("a note in the lobby: %v", err)
	}
	if err := r.Open(discussion, model.RoomWrite); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"a private", "a shared one", "a second shared"} {
		if _, err := r.AddNote(a.seat, text); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := r.AddNote(a.seat, "Mrs Patel's NHS number is 943 476 5919")
	if !errors.Is(err, model.ErrMayIdentify) || len(fs) == 0 {
		t.Fatalf("an identifier: %v %v", fs, err)
	}
	if _, err := r.AddNote(b.seat, "b private"); err != nil {
		t.Fatal(err)
	}
	va := r.View(a.seat)
	if len(va.Notes) != 3 {
		t.Fatalf("a has %d notes, want 3 (the flagged one not kept)", len(va.Notes))
	}
	for _, n := range va.Notes[1:] {
		if err := r.ShareNote(a.seat, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.ShareNote(b.seat, va.Notes[0].ID, true); !errors.Is(err, ErrNoNote) {
		t.Fatalf("b shared a's note: %v", err)
	}
	for _, n := range r.View(b.seat).Notes {
		if strings.HasPrefix(n.Text, "a ") {
			t.Fatalf("b sees a's note %q", n.Text)
		}
	}
	if s := r.Snapshot(); s.Joined != 2 || s.Shared != 2 {
		t.Fatalf("snapshot %+v", s)
	}

	// Approval: nothing goes until approved; a hidden note never goes.
	r.SetApproval(true)
	p := r.Pending()
	if len(p) != 2 {
		t.Fatalf("pending %+v", p)
	}
	if n, err := r.Reveal(); n != 0 || err != nil {
		t.Fatalf("reveal before approval: %d, %v", n, err)
	}
	r.Approve(p[0].ID, true)
	r.Approve(p[1].ID, true)
	r.Hide(p[1].ID, true)
	if n, err := r.Reveal(); n != 1 || err != nil {
		t.Fatalf("reveal: %d, %v", n, err)
	}
	if got := rec.revealed["d1"]; !slices.Equal(got, []string{"a shared one"}) {
		t.Fatalf("revealed %q", got)
	}
	if err := r.ShareNote(a.seat, p[0].ID, false); !errors.Is(err, ErrRevealed) {
		t.Fatalf("unshare after reveal: %v", err)
	}
	if err := r.Approve(99, true); !errors.Is(err, ErrNoSuchNote) {
		t.Fatal(err)
	}
}

func TestRevealShuffles(t *testing.T) {
	// With all-zero random bytes the shuffle is a known rotation: the
	// reveal order is not the order written.
	r, rec, _ := newTestRoom(t, Config{Random: bytes.NewReader(make([]byte, 4096))})
	g := enter(t, r)
	r.Open(discussion, model.RoomWrite)
	for _, s := range []string{"one", "two", "three", "four"} {
		r.AddNote(g.seat, s)
	}
	for _, n := range r.View(g.seat).Notes {
		r.ShareNote(g.seat, n.ID, true)
	}
	if n, err := r.Reveal(); n != 4 || err != nil {
		t.Fatal(n, err)
	}
	if got := rec.revealed["d1"]; !slices.Equal(got, []string{"two", "three", "four", "one"}) {
		t.Fatalf("revealed %q", got)
	}
}

func TestVotesDotsRatings(t *testing.T) {
	r, rec, _ := newTestRoom(t, Config{})
	a, b := enter(t, r), enter(t, r)
	if err := r.Vote(a.seat, 0); !errors.Is(err, model.ErrNotOpen) {
		t.Fatalf("vote in the lobby: %v", err)
	}
	r.Open(poll, model.RoomPoll)
	r.Vote(a.seat, 0)
	r.Vote(b.seat, 0)
	r.Vote(a.seat, 2) // changed: the old vote taken back
	if rec.count("p1", "option/0") != 1 || rec.count("p1", "option/2") != 1 {
		t.Fatalf("tallies %v", rec.tally)
	}
	if v := r.View(a.seat); v.Tally["option/2"] != 1 || v.Answered != 2 {
		t.Fatalf("a's view %+v", v)
	}
	r.CloseActivity()
	if err := r.Vote(a.seat, 1); !errors.Is(err, model.ErrNotOpen) {
		t.Fatalf("vote after close: %v", err)
	}

	rec.lines = []Line{{"e1", "Rotas"}, {"e2", "Breaks"}}
	r.Open(discussion, model.RoomDots)
	for range 3 {
		if err := r.Dot(a.seat, "e1", true); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Dot(a.seat, "e2", true); !errors.Is(err, model.ErrNoDotsLeft) {
		t.Fatalf("a fourth dot: %v", err)
	}
	r.Dot(a.seat, "e1", false)
	r.Dot(a.seat, "e2", true)
	if rec.count("d1", "dot/e1") != 2 || rec.count("d1", "dot/e2") != 1 {
		t.Fatalf("dots %v", rec.tally)
	}

	r.Open(rating, model.RoomRating)
	r.Rate(a.seat, 1, 3)
	r.Rate(a.seat, 1, 2)
	if rec.count("r1", "item/1=3") != 0 || rec.count("r1", "item/1=2") != 1 {
		t.Fatalf("ratings %v", rec.tally)
	}
	// A failed save is undone: the seat's answer stays what was recorded.
	rec.fail = func(c string) bool { return c == "item/0=1" }
	if err := r.Rate(a.seat, 0, 1); !errors.Is(err, ErrNotSaved) {
		t.Fatalf("a failed save: %v", err)
	}
	if got := model.Rated(r.View(a.seat).Choices, 0); got != -1 {
		t.Fatalf("after a failed save the seat holds rating %d", got)
	}
	rec.fail = nil

	// Removing a participant takes their answers back.
	r.Rate(b.seat, 1, 2)
	if rec.count("r1", "item/1=2") != 2 {
		t.Fatal(rec.tally)
	}
	if err := r.Remove(b.seat); err != nil {
		t.Fatal(err)
	}
	if rec.count("r1", "item/1=2") != 1 || !r.View(b.seat).Removed {
		t.Fatalf("after removal: %v", rec.tally)
	}
	if err := r.Rate(b.seat, 0, 0); !errors.Is(err, ErrNotInRoom) {
		t.Fatalf("a removed participant rated: %v", err)
	}
	if got := r.Participants(); !slices.Equal(got, []int{a.seat}) {
		t.Fatalf("participants %v", got)
	}
}

func TestLeaveAndRemoveNotes(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	a, b := enter(t, r), enter(t, r)
	r.Open(discussion, model.RoomWrite)
	r.AddNote(a.seat, "a private")
	r.AddNote(a.seat, "a shared")
	r.AddNote(b.seat, "b shared")
	r.ShareNote(a.seat, r.View(a.seat).Notes[1].ID, true)
	r.ShareNote(b.seat, r.View(b.seat).Notes[0].ID, true)
	a.Leave()
	a.Leave() // twice is safe
	var texts []string
	for _, p := range r.Pending() {
		texts = append(texts, p.Text)
	}
	if !slices.Equal(texts, []string{"a shared", "b shared"}) {
		t.Fatalf("after a left, pending %q", texts)
	}
	r.mu.Lock()
	for _, n := range r.st.Notes {
		if n.Text == "a private" {
			t.Error("a private note stays after its writer left")
		}
	}
	r.mu.Unlock()
	r.Remove(b.seat)
	if p := r.Pending(); len(p) != 1 || p[0].Text != "a shared" {
		t.Fatalf("after b was removed, pending %+v", p)
	}
	r.Close()
	if v := r.View(b.seat); !v.Closed {
		t.Fatal("a closed room's view is not closed")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.st.Notes) != 0 {
		t.Fatal("notes stay in memory after the room closed")
	}
}

// A participant's wait ends when they leave, and a wall watcher that
// stops is gone: nothing is left watching.
func TestWatchersStop(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	g := enter(t, r)
	wait := r.wait(g.seat)
	got := make(chan any, 1)
	go func() { got <- wait() }()
	ch, stop := r.WatchWall()
	r.Lock(true) // a change wakes the wall and the participant
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatal("the wall was not woken")
	}
	if msg := <-got; msg != (changedMsg{}) {
		t.Fatalf("the participant got %#v", msg)
	}
	wait = r.wait(g.seat)
	go func() { got <- wait() }()
	g.Leave()
	if msg := <-got; msg != (leftMsg{}) {
		t.Fatalf("after leaving the participant got %#v", msg)
	}
	if r.wait(g.seat) != nil {
		t.Fatal("a participant who left can still wait")
	}
	stop()
	stop()
	if walls, seats := r.watchers(); walls != 0 || seats != 0 {
		t.Fatalf("%d wall watchers and %d seats still watching", walls, seats)
	}
}

func TestClockMirrored(t *testing.T) {
	r, _, clk := newTestRoom(t, Config{})
	g := enter(t, r)
	d := clk.Now().Add(5 * time.Minute)
	r.SetClock(model.RoomClock{Deadline: d})
	if v := r.View(g.seat); !v.Clock.Deadline.Equal(d) {
		t.Fatalf("clock %+v", v.Clock)
	}
}

// Reopening a poll gives participants their vote back: voting again
// changes it, never adds a second. Removing a participant takes back
// their answers to earlier activities too.
func TestReopenKeepsAnswers(t *testing.T) {
	r, rec, _ := newTestRoom(t, Config{})
	a, b := enter(t, r), enter(t, r)
	r.Open(poll, model.RoomPoll)
	r.Vote(a.seat, 0)
	r.Vote(b.seat, 0)
	r.Open(rating, model.RoomRating)
	r.Rate(b.seat, 0, 1)
	r.Open(poll, model.RoomPoll)
	if got := model.Voted(r.View(a.seat).Choices); got != 0 {
		t.Fatalf("a's vote after reopening: %d", got)
	}
	r.Vote(a.seat, 1)
	if rec.count("p1", "option/0") != 1 || rec.count("p1", "option/1") != 1 {
		t.Fatalf("after a changed a reopened vote: %v", rec.tally)
	}
	if err := r.Remove(b.seat); err != nil {
		t.Fatal(err)
	}
	if rec.count("p1", "option/0") != 0 || rec.count("r1", "item/0=1") != 0 {
		t.Fatalf("after removing b: %v", rec.tally)
	}
}

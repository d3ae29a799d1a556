package ui

import (
	"time"

	"context"
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/runner"
	"github.com/carehuddle/huddle/ui/session"
)

// openExerciseMsg asks the app to run the exercise of a slide.
type openExerciseMsg struct {
	ref   model.SlideRef
	draft *model.Draft
}

// endSessionMsg asks the app to end the live session.
type endSessionMsg struct{}

// continueMsg asks the app to continue a saved session.
type continueMsg struct{ id string }

// homeDataMsg tells the home screen what can be continued.
type homeDataMsg struct {
	last model.Session
	ok   bool
	err  error
}

// homeLoadCmd finds the last unfinished workshop.
func homeLoadCmd(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		s, ok, err := st.LastUnfinished(model.SessionWorkshop)
		return homeDataMsg{last: s, ok: ok, err: err}
	}
}

// homeAfterEnd reloads the home screen's data once a session being ended
// is saved as ended, so that Continue never offers it.
func (a *App) homeAfterEnd() tea.Cmd {
	ending, load := a.ending, homeLoadCmd(a.cfg.Store)
	a.ending = nil
	if ending == nil {
		return load
	}
	return func() tea.Msg {
		ending.Flush()
		return load()
	}
}

// storeCheckedMsg says whether the database passed its check.
type storeCheckedMsg struct{ err error }

// verifyCmd waits for the check of the database that Open started.
func verifyCmd(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		_, err := st.Verify(context.Background())
		return storeCheckedMsg{err: err}
	}
}

// DamageBanner is the line every screen shows over a database that failed
// its check.
func DamageBanner(path string, err error) string {
	reason := err.Error()
	var d *store.DamagedError
	if errors.As(err, &d) {
		reason = d.Reason
	}
	return model.SanitizeLine("DAMAGED, READ-ONLY (nothing is saved; what is shown may be incomplete; run huddle doctor): " +
		path + ": " + reason)
}

// backupDelay is how long after the check the daily backup waits: never
// on the way to the first frames (a check remembered from the last run
// passes at once, and the copy of a large file takes seconds of disk).
const backupDelay = 2 * time.Second

// backupCmd keeps the daily backup beside the database, once the first
// frames are drawn.
func backupCmd(st *store.Store) tea.Cmd {
	return common.Tick(backupDelay, func(time.Time) tea.Msg { return backupDueMsg{} })
}

// backupDueMsg: the time has come to take the day's backup (if due).
type backupDueMsg struct{}

// takeBackupCmd takes the daily backup if it is due.
func takeBackupCmd(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		if _, err := st.BackupIfDue(common.Now()); err != nil {
			return common.StatusMsg{Text: "daily backup failed: " + err.Error(), Warn: true}
		}
		return nil
	}
}

// session handles the messages of a live session; handled is false for
// any other message.
func (a *App) session(msg tea.Msg) (handled bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case backupDueMsg:
		return true, takeBackupCmd(a.cfg.Store)
	case storeCheckedMsg:
		if msg.err == nil {
			return true, backupCmd(a.cfg.Store)
		}
		a.damage = DamageBanner(a.cfg.Store.Path(), msg.err)
		return true, a.resizeAll()
	case session.LiveReadyMsg:
		return true, a.liveReady(msg)
	case session.LiveFailedMsg:
		a.liveErr = msg.Err.Error() + " (nothing typed now can be saved; quit and check the database with huddle doctor)"
		return true, a.resizeAll()
	case openExerciseMsg:
		return true, a.openExercise(msg)
	case runner.OpenSeesawMsg:
		if a.live == nil {
			return true, a.forward(common.StatusMsg{Text: "the see-saw needs a session: start one from the home screen"})
		}
		return true, a.push(runner.NewSeesawScreen(a.live, a.cfg.Theme, nil))
	case runner.OpenParkingMsg:
		return true, a.openParking(nil)
	case session.SavedMsg:
		if msg.Err == nil && msg.Change.Op == model.OpSession && msg.Change.Session.Finished() {
			a.live = nil
			a.timer = NewTimerView(a.cfg.Theme, a.cfg.Clock)
		}
		return true, a.forward(msg)
	case session.DraftSavedMsg:
		if msg.Err != nil {
			return true, a.forward(common.StatusMsg{Text: "draft not saved: " + msg.Err.Error(), Warn: true})
		}
		return true, nil
	case endSessionMsg:
		if a.live == nil {
			return true, nil
		}
		s := a.live.Session()
		s.Ended = common.Now()
		// The home screen must not offer an ended session: its reload
		// waits for this save (homeAfterEnd).
		a.ending = a.live
		return true, a.live.Commit(model.Change{Op: model.OpSession, Session: s})
	case recoverMsg:
		return true, a.recover(msg)
	}
	return false, nil
}

// liveReady takes an opened session: the presenter goes where it was, the
// timer comes back as it was saved, and typing left by a crash is offered.
func (a *App) liveReady(msg session.LiveReadyMsg) tea.Cmd {
	a.live = msg.Live
	a.liveErr = ""
	a.timer.SetSaver(a.live.SaveTimerCmd)
	var cmds []tea.Cmd
	if msg.Timer != nil {
		cmds = append(cmds, a.timer.Restore(msg.Timer))
	}
	sess := a.live.Session()
	if msg.Resumed {
		a.stack = nil
		p := a.newPresenter(0, sess.TeamName, sess.Facilitator, true)
		p.JumpTo(msg.Position)
		_, cmd := a.switchTo(p)
		cmds = append(cmds, cmd)
	}
	if p := a.presenter(); p != nil {
		p.SetLive(a.live)
		if sess.Kind == model.SessionReflection {
			p.Update(common.StatusMsg{Text: reflectionNotice})
		}
	}
	if len(msg.Drafts) > 0 {
		cmds = append(cmds, a.push(NewRecovery(a.cfg.Theme, a.live, a.cfg.Deck, msg.Drafts)))
	}
	if len(msg.Carried) > 0 {
		cmds = append(cmds, a.push(NewCarried(a.live, a.cfg.Theme, msg.Carried)))
	}
	cmds = append(cmds, a.resizeAll())
	return tea.Batch(cmds...)
}

// reflectionNotice is what the presenter says when a solo reflection opens.
const reflectionNotice = "Private solo reflection: no team; not listed with any team's sessions or actions"

// presenter is the presenter, current or underneath.
func (a *App) presenter() *Presenter {
	if p, ok := a.screen.(*Presenter); ok {
		return p
	}
	for _, s := range a.stack {
		if p, ok := s.(*Presenter); ok {
			return p
		}
	}
	return nil
}

// openExercise starts the runner of a slide's exercise: the session notes
// that it ran, the timer is set to its duration, M2-E4-style challenges
// are put on the see-saw, and a recovered draft goes back in its place.
func (a *App) openExercise(msg openExerciseMsg) tea.Cmd {
	slide := a.cfg.Deck.Slide(msg.ref)
	ex := slide.Exercise
	if ex == nil {
		return nil
	}
	if a.live == nil {
		text := "exercises capture into a session: start one from the home screen (huddle, then Present a workshop)"
		if a.liveErr != "" {
			text = "capture is off: " + a.liveErr
		}
		return a.forward(common.StatusMsg{Text: text, Warn: true})
	}
	r := runner.NewRunner(runner.RunnerEnv{Live: a.live, Ex: ex, Theme: a.cfg.Theme, Draft: msg.draft})
	if r == nil {
		return a.forward(common.StatusMsg{Text: fmt.Sprintf("%s (%s) cannot be run in this version yet", ex.ID, ex.Kind), Warn: true})
	}
	var cmds []tea.Cmd
	sess := a.live.Session()
	changed := model.NoteRun(&sess, a.cfg.Deck.Modules[msg.ref.Module].ID, ex.ID)
	pos := fmt.Sprintf("%s/%d", a.cfg.Deck.Modules[msg.ref.Module].ID, msg.ref.Slide+1)
	if changed || sess.Position != pos {
		sess.Position = pos
		cmds = append(cmds, a.live.Commit(model.Change{Op: model.OpSession, Session: sess}))
	}
	cmds = append(cmds, a.seedChallenges(ex)...)
	if ex.Duration > 0 {
		label := ex.ID + " " + ex.Title
		if ok, cmd := a.timer.Prepare(ex.Duration, label); ok {
			cmds = append(cmds, cmd)
		} else {
			cmds = append(cmds, func() tea.Msg {
				return common.StatusMsg{Text: "a timer is still running for " + a.timer.T.Label + ": R resets it for this exercise"}
			})
		}
	}
	cmds = append(cmds, a.push(r), a.resizeAll())
	return tea.Batch(cmds...)
}

// seedChallenges puts an exercise's listed challenges on the see-saw the
// first time it runs in the session.
func (a *App) seedChallenges(ex *model.Exercise) []tea.Cmd {
	if len(ex.Challenges) == 0 {
		return nil
	}
	data := a.live.Data()
	for _, e := range data.Entries {
		if e.ExerciseID == ex.ID && e.Field == model.FieldChallenge {
			return nil
		}
	}
	var cmds []tea.Cmd
	for _, c := range ex.Challenges {
		cmds = append(cmds, a.live.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: ex.ID, Field: model.FieldChallenge, Text: c, Tag: model.TagChallenge, Weight: 2,
		}}))
	}
	return cmds
}

func (a *App) openParking(draft *model.Draft) tea.Cmd {
	if a.live == nil {
		return a.forward(common.StatusMsg{Text: "the parking lot needs a session: start one from the home screen"})
	}
	return a.push(runner.NewParking(a.live, a.cfg.Theme, draft))
}

// recover puts a recovered draft back where it was typed.
func (a *App) recover(msg recoverMsg) tea.Cmd {
	d := msg.draft
	a.drafts = msg.rest
	rest := strings.TrimPrefix(d.Key, a.live.DraftKey())
	parts := strings.Split(strings.TrimSuffix(rest, "/"), "/")
	if len(parts) == 0 {
		return nil
	}
	switch parts[0] {
	case model.ExerciseParking:
		return a.openParking(&d)
	case model.ExerciseSeesaw:
		return a.push(runner.NewSeesawScreen(a.live, a.cfg.Theme, &d))
	}
	ref, ok := a.cfg.Deck.Exercises()[parts[0]]
	if !ok {
		return a.forward(common.StatusMsg{Text: "the exercise this was typed in is not in the deck: " + parts[0]})
	}
	if p := a.presenter(); p != nil {
		p.JumpTo(fmt.Sprintf("%s/%d", a.cfg.Deck.Modules[ref.Module].ID, ref.Slide+1))
	}
	return a.openExercise(openExerciseMsg{ref: ref, draft: &d})
}

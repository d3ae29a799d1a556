package ui

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// Messages of the sessions list.
type (
	// reviewListMsg is one page of the sessions list, with its entry
	// counts; more says it follows the pages already shown.
	reviewListMsg struct {
		gen      int
		sessions []model.Session
		counts   map[string]int
		next     string
		more     bool
		err      error
	}
	reviewTeamsMsg struct {
		teams []model.Team
		err   error
	}
	reviewSearchMsg struct {
		gen   int
		query string
		hits  []store.SearchHit
		err   error
	}
	// reviewChangedMsg: sessions were deleted; lists reload.
	reviewChangedMsg struct{}
)

// What the list's one-line input is asking for.
const (
	listInputNone = iota
	listInputSearch
	listInputDates
)

// reviewList is the sessions list: newest first, filtered by team, kind
// and dates, or the hits of a search across everything captured.
type reviewList struct {
	teams   []model.Team
	teamIdx int    // index into teams; -1: every team
	kind    string // model.SessionWorkshop (the default), SessionReflection, or "" for all
	from    time.Time
	to      time.Time // exclusive: the day after the last day asked for

	sessions []model.Session
	counts   map[string]int
	loaded   bool
	gen      int
	next     string // where the next page of sessions starts; "" when all are shown
	paging   bool   // a next page is being read

	query  string // the search whose hits are shown; "" shows sessions
	hits   []store.SearchHit
	search bool // a search is running

	cursor, offset int
	input          textinput.Model
	inputMode      int
}

func newReviewList() *reviewList {
	return &reviewList{teamIdx: -1, kind: model.SessionWorkshop}
}

// filter is the store filter the list shows.
func (l *reviewList) filter() store.SearchFilter {
	f := store.SearchFilter{Kind: l.kind, From: l.from, To: l.to}
	if l.teamIdx >= 0 && l.teamIdx < len(l.teams) {
		f.TeamID = l.teams[l.teamIdx].ID
	}
	return f
}

func (l *reviewList) init(r *Review) tea.Cmd {
	l.input = newInput(r.theme, "", "", "")
	st := r.st
	return tea.Batch(l.reload(r), func() tea.Msg {
		teams, err := st.Teams()
		return reviewTeamsMsg{teams: teams, err: err}
	})
}

// listPage is how many sessions the list reads at a time: the first page
// is shown at once, and the next is read as the cursor comes near the
// end of those shown, so that a large database is never read whole.
var listPage = 200

// reload reads the first page of sessions for the current filter, with
// their entry counts (and the search, if one is shown).
func (l *reviewList) reload(r *Review) tea.Cmd {
	l.gen++
	l.paging = false
	cmds := []tea.Cmd{readListPage(r.st, l.gen, l.filter(), "", false)}
	if l.query != "" {
		cmds = append(cmds, l.runSearch(r, l.query))
	}
	return tea.Batch(cmds...)
}

// readListPage reads the page of sessions that starts after after, with
// their entry counts.
func readListPage(st *store.Store, gen int, f store.SearchFilter, after string, more bool) tea.Cmd {
	return func() tea.Msg {
		// One read of the list rows: each session with its entry count.
		rows, next, err := st.ListRows(f, after, listPage)
		list := make([]model.Session, len(rows))
		counts := make(map[string]int, len(rows))
		for i, r := range rows {
			list[i] = r.Session
			counts[r.Session.ID] = r.Entries
		}
		return reviewListMsg{gen: gen, sessions: list, counts: counts, next: next, more: more, err: err}
	}
}

// pageIn reads the next page of sessions when the cursor is near the end
// of those shown.
func (l *reviewList) pageIn(r *Review) tea.Cmd {
	if l.query != "" || l.next == "" || l.paging || l.cursor < len(l.sessions)-listPage/4 {
		return nil
	}
	l.paging = true
	return readListPage(r.st, l.gen, l.filter(), l.next, true)
}

func (l *reviewList) runSearch(r *Review, q string) tea.Cmd {
	l.search = true
	gen, f, st := l.gen, l.filter(), r.st
	return func() tea.Msg {
		hits, err := st.Search(q, f)
		return reviewSearchMsg{gen: gen, query: q, hits: hits, err: err}
	}
}

func (l *reviewList) typing() bool { return l.inputMode != listInputNone }

func (l *reviewList) help(r *Review) help.KeyMap { return listHelp{k: r.keys, back: r.backKey()} }

// rows is how many rows the list shows (sessions or hits).
func (l *reviewList) rows() int {
	if l.query != "" {
		return len(l.hits)
	}
	return len(l.sessions)
}

func (l *reviewList) update(r *Review, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reviewListMsg:
		if msg.gen != l.gen {
			return nil
		}
		if msg.more {
			l.sessions = append(l.sessions, msg.sessions...)
		} else {
			l.sessions, l.counts = msg.sessions, map[string]int{}
		}
		for id, n := range msg.counts {
			l.counts[id] = n
		}
		l.loaded, l.next, l.paging = true, msg.next, false
		l.cursor = min(l.cursor, max(len(l.sessions)-1, 0))
		if msg.err != nil {
			r.setStatus(damageText(msg.err), true)
		}
		return l.pageIn(r) // a page that was filtered down to few rows
	case reviewTeamsMsg:
		l.teams = msg.teams
		if msg.err != nil {
			r.setStatus(damageText(msg.err), true)
		}
	case reviewSearchMsg:
		if msg.gen != l.gen || msg.query != l.query {
			return nil
		}
		l.hits, l.search = msg.hits, false
		l.cursor, l.offset = 0, 0
		if msg.err != nil {
			r.setStatus(damageText(msg.err), true)
		}
	case reviewChangedMsg:
		return l.reload(r)
	case tea.KeyMsg:
		if l.inputMode != listInputNone {
			return l.inputKey(r, msg)
		}
		return l.key(r, msg)
	}
	return nil
}

// damageText explains a read error.
func damageText(err error) string {
	if errors.Is(err, store.ErrRecordDamaged) {
		return "some records are damaged and left out: run huddle doctor"
	}
	return "could not read the database: " + err.Error()
}

func (l *reviewList) key(r *Review, msg tea.KeyMsg) tea.Cmd {
	k := r.keys
	switch {
	case common.Matches(msg, r.backKey()):
		if l.query != "" {
			l.query, l.hits, l.cursor, l.offset = "", nil, 0, 0
			return nil
		}
		return r.pop()
	case moveCursor(msg, k, &l.cursor, l.rows(), 10):
		return l.pageIn(r)
	case common.Matches(msg, k.Open):
		return l.open(r)
	case common.Matches(msg, k.Search):
		l.openInput(r, listInputSearch, "search: ", l.query)
	case common.Matches(msg, k.Dates):
		l.openInput(r, listInputDates, "dates (YYYY-MM-DD..YYYY-MM-DD, either side may be empty): ", l.datesText())
	case common.Matches(msg, k.NextTeam), common.Matches(msg, k.PrevTeam):
		if len(l.teams) == 0 {
			r.setStatus("there are no teams yet", false)
			return nil
		}
		step := 1
		if common.Matches(msg, k.PrevTeam) {
			step = -1
		}
		// -1 (every team) .. len-1, wrapping.
		n := len(l.teams) + 1
		l.teamIdx = (l.teamIdx+1+step+n)%n - 1
		return l.refilter(r)
	case common.Matches(msg, k.Kind):
		switch l.kind {
		case model.SessionWorkshop:
			l.kind = model.SessionReflection
		case model.SessionReflection:
			l.kind = ""
		default:
			l.kind = model.SessionWorkshop
		}
		return l.refilter(r)
	case common.Matches(msg, k.Clear):
		l.teamIdx, l.kind, l.from, l.to = -1, model.SessionWorkshop, time.Time{}, time.Time{}
		return l.refilter(r)
	case common.Matches(msg, k.Team):
		return l.openTeam(r)
	case common.Matches(msg, k.Retention):
		return r.push(newReviewRetention())
	case common.Matches(msg, k.Actions):
		// The actions of the team the list shows, or of every team.
		if l.teamIdx >= 0 && l.teamIdx < len(l.teams) {
			return r.push(newReviewActions(l.teams[l.teamIdx].ID))
		}
		return r.push(newReviewActions(""))
	case common.Matches(msg, k.Teams):
		return r.push(newReviewTeams())
	}
	return nil
}

// refilter starts again from the top after a filter changed.
func (l *reviewList) refilter(r *Review) tea.Cmd {
	l.cursor, l.offset = 0, 0
	return l.reload(r)
}

// selected is the session under the cursor: its id, team and kind.
func (l *reviewList) selected() (id, teamID, teamName, kind string, ok bool) {
	if l.query != "" {
		if l.cursor < len(l.hits) {
			h := l.hits[l.cursor]
			return h.SessionID, "", h.TeamName, h.Kind, true
		}
		return
	}
	if l.cursor < len(l.sessions) {
		s := l.sessions[l.cursor]
		return s.ID, s.TeamID, s.TeamName, s.Kind, true
	}
	return
}

func (l *reviewList) open(r *Review) tea.Cmd {
	id, _, _, _, ok := l.selected()
	if !ok {
		return nil
	}
	return r.push(newReviewMinutes(id))
}

func (l *reviewList) openTeam(r *Review) tea.Cmd {
	id, teamID, teamName, kind, ok := l.selected()
	if !ok {
		return nil
	}
	if kind == model.SessionReflection || teamName == "" {
		r.setStatus("this session has no team (solo reflections are private)", false)
		return nil
	}
	if teamID == "" { // a search hit: find the team through the session
		for _, s := range l.sessions {
			if s.ID == id {
				teamID = s.TeamID
			}
		}
	}
	return r.push(newReviewTeam(teamID, teamName, id))
}

func (l *reviewList) openInput(r *Review, mode int, prompt, value string) {
	l.inputMode = mode
	l.input.Prompt = prompt
	l.input.SetValue(value)
	l.input.CursorEnd()
	l.input.Width = max(r.width-len([]rune(prompt))-2, 10)
	l.input.Focus()
}

func (l *reviewList) inputKey(r *Review, msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		l.inputMode = listInputNone
		l.input.Blur()
		return nil
	case tea.KeyEnter:
		value := strings.TrimSpace(l.input.Value())
		mode := l.inputMode
		if mode == listInputDates {
			from, to, err := parseDateRange(value)
			if err != nil {
				r.setStatus(err.Error(), true)
				return nil
			}
			l.from, l.to = from, to
		}
		l.inputMode = listInputNone
		l.input.Blur()
		if mode == listInputSearch {
			l.query, l.hits, l.cursor, l.offset = value, nil, 0, 0
			if value == "" {
				return nil
			}
			return l.runSearch(r, value)
		}
		return l.refilter(r)
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd
}

// moveCursor applies the movement keys to a cursor over n rows; page is
// the page size. It reports whether the key was one of them.
func moveCursor(msg tea.KeyMsg, k ReviewKeys, cursor *int, n, page int) bool {
	switch {
	case common.Matches(msg, k.Up):
		*cursor--
	case common.Matches(msg, k.Down):
		*cursor++
	case common.Matches(msg, k.PageUp):
		*cursor -= page
	case common.Matches(msg, k.PageDown):
		*cursor += page
	case common.Matches(msg, k.Top):
		*cursor = 0
	case common.Matches(msg, k.Bottom):
		*cursor = n - 1
	default:
		return false
	}
	*cursor = max(min(*cursor, n-1), 0)
	return true
}

// scrollTo keeps cursor within the visible rows starting at offset.
func scrollTo(cursor, offset, visible int) int {
	visible = max(visible, 1)
	if cursor < offset {
		return cursor
	}
	if cursor >= offset+visible {
		return cursor - visible + 1
	}
	return offset
}

package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui/common"
)

// Messages of the minutes view.
type (
	minutesLoadedMsg struct {
		id    string
		data  model.SessionData
		md    string
		width int
		text  string // md rendered at width
		err   error
	}
	minutesRenderedMsg struct {
		id    string
		width int
		text  string
	}
	exportedMsg struct {
		path string
		err  error
	}
	sessionDeletedMsg struct {
		id    string
		title string
		err   error
	}
)

// What the minutes view is asking.
const (
	minutesAskNone = iota
	minutesAskFormat
	minutesAskDelete
)

// reviewMinutes shows one session's minutes (model.Minutes rendered with
// glamour) in a viewport, and exports or deletes the session.
type reviewMinutes struct {
	id        string
	data      model.SessionData
	md        string
	loaded    bool
	err       string
	text      string // the rendering shown
	textW     int    // its width
	vp        viewport.Model
	ask       int
	rendering bool
}

func newReviewMinutes(id string) *reviewMinutes {
	return &reviewMinutes{id: id, vp: viewport.New(0, 0)}
}

// minutesWidth is the width the minutes are rendered at in a window w
// wide: lines longer than about 100 cells are hard to read.
func minutesWidth(w int) int { return max(min(w, 100), 20) }

func (m *reviewMinutes) init(r *Review) tea.Cmd {
	st, id, ex, cache, width := r.st, m.id, r.exercises, r.minutes, minutesWidth(r.width)
	return func() tea.Msg {
		d, err := st.SessionData(id)
		if err != nil && (d.Session.ID == "" || !errors.Is(err, store.ErrRecordDamaged)) {
			return minutesLoadedMsg{id: id, err: err}
		}
		md := model.Minutes(d, ex)
		return minutesLoadedMsg{id: id, data: d, md: md, width: width, text: cache.Render(id, md, width), err: err}
	}
}

func (m *reviewMinutes) typing() bool { return m.ask != minutesAskNone }

func (m *reviewMinutes) help(r *Review) help.KeyMap { return minutesHelp{k: r.keys} }

func (m *reviewMinutes) update(r *Review, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case minutesLoadedMsg:
		if msg.id != m.id {
			return nil
		}
		if msg.data.Session.ID == "" {
			m.err = "could not open this session: " + msg.err.Error()
			return nil
		}
		if msg.err != nil {
			r.setStatus(damageText(msg.err), true)
		}
		m.data, m.md, m.loaded = msg.data, msg.md, true
		m.show(msg.width, msg.text)
		return m.rerender(r)
	case minutesRenderedMsg:
		if msg.id == m.id {
			m.rendering = false
			m.show(msg.width, msg.text)
		}
	case tea.WindowSizeMsg:
		return m.rerender(r)
	case exportedMsg:
		if msg.err != nil {
			r.setStatus("export failed: "+msg.err.Error(), true)
		} else {
			r.setStatus("exported to "+msg.path+" (readable by you only)", false)
		}
	case tea.KeyMsg:
		return m.key(r, msg)
	}
	return nil
}

// show puts a rendering in the viewport, keeping the scroll position.
func (m *reviewMinutes) show(width int, text string) {
	m.text, m.textW = text, width
	y := m.vp.YOffset
	m.vp.SetContent(text)
	m.vp.SetYOffset(y)
}

// rerender asks for a rendering at the current width if the one shown is
// at another.
func (m *reviewMinutes) rerender(r *Review) tea.Cmd {
	width := minutesWidth(r.width)
	if !m.loaded || m.textW == width || m.rendering {
		return nil
	}
	if s, ok := r.minutes.Get(m.id, width); ok {
		m.show(width, s)
		return nil
	}
	m.rendering = true
	cache, id, md := r.minutes, m.id, m.md
	return func() tea.Msg {
		return minutesRenderedMsg{id: id, width: width, text: cache.Render(id, md, width)}
	}
}

func (m *reviewMinutes) key(r *Review, msg tea.KeyMsg) tea.Cmd {
	k := r.keys
	switch m.ask {
	case minutesAskFormat:
		m.ask = minutesAskNone
		format := map[string]string{"m": model.FormatMarkdown, "h": store.FormatHTML, "c": model.FormatCSV,
			"x": store.FormatXLSX, "j": model.FormatJSON}[common.KeyName(msg)]
		if format == "" {
			r.setStatus("export cancelled", false)
			return nil
		}
		return exportCmd(r, m.data, format)
	case minutesAskDelete:
		m.ask = minutesAskNone
		if common.KeyName(msg) != "y" {
			r.setStatus("kept: nothing was deleted", false)
			return nil
		}
		return deleteSessionCmd(r.st, m.id, m.data.Session.Title)
	}
	switch {
	case common.Matches(msg, k.Back):
		return r.pop()
	case common.Matches(msg, k.Up):
		m.vp.LineUp(1)
	case common.Matches(msg, k.Down):
		m.vp.LineDown(1)
	case common.Matches(msg, k.PageUp):
		m.vp.PageUp()
	case common.Matches(msg, k.PageDown):
		m.vp.PageDown()
	case common.Matches(msg, k.Top):
		m.vp.GotoTop()
	case common.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	case !m.loaded:
	case common.Matches(msg, k.Export):
		m.ask = minutesAskFormat
	case common.Matches(msg, k.Delete):
		m.ask = minutesAskDelete
	case common.Matches(msg, k.Team):
		s := m.data.Session
		if s.Kind == model.SessionReflection || s.TeamID == "" {
			r.setStatus("this session has no team (solo reflections are private)", false)
			return nil
		}
		return r.push(newReviewTeam(s.TeamID, s.TeamName, s.ID))
	}
	return nil
}

func (m *reviewMinutes) view(r *Review, w, h int) string {
	t := r.theme
	if m.err != "" {
		return t.Warning.MaxWidth(w).Render(m.err)
	}
	if !m.loaded {
		return t.Dim.Render("reading the session…")
	}
	s := m.data.Session
	head := t.Heading.MaxWidth(w).Render("Minutes · "+sessionTitle(s)) + "\n"
	where := s.Started.Format(reviewTimeLayout)
	if s.TeamName != "" {
		where += " · " + model.SanitizeLine(s.TeamName)
	}
	where += " · " + strconv.Itoa(int(m.vp.ScrollPercent()*100+0.5)) + "%"
	head += t.Dim.MaxWidth(w).Render(where)
	var ask string
	switch m.ask {
	case minutesAskFormat:
		ask = t.Accent.MaxWidth(w).Render("Export as:  m Markdown · h HTML to print · c CSV · x spreadsheet · j JSON   (other keys cancel)")
	case minutesAskDelete:
		ask = t.Danger.Width(min(w-4, 90)).Render(fmt.Sprintf("Delete %q of %s for good? Everything captured in it is removed; "+
			"the deletion log keeps only the date and the title.", sessionTitle(s), s.Started.Format(model.MinutesTimeLayout))) +
			"\n" + t.Warning.Render("y delete · any other key keeps it")
		ask = t.Notice.Render(ask)
	}
	bodyH := h - 2
	if ask != "" {
		bodyH -= strings.Count(ask, "\n") + 1
	}
	m.vp.Width, m.vp.Height = w, max(bodyH, 1)
	out := head + "\n" + m.vp.View()
	if ask != "" {
		out = fitHeight(out, h-strings.Count(ask, "\n")-1) + "\n" + ask
	}
	return out
}

// exportFileName is huddle-<date>-<team>.<ext> for a session; a session
// without a team is named by its kind.
func exportFileName(s model.Session, format string) string {
	team := slug(s.TeamName)
	if team == "" {
		team = slug(s.Kind)
	}
	if team == "" {
		team = "session"
	}
	return "huddle-" + s.Started.Format(dateLayout) + "-" + team + "." + format
}

// slug is s in lower case with every run of other characters than letters
// and digits made one hyphen.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		if c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// exportCmd writes a session's export into the export folder, 0600, never
// over an existing file: a second export of the day gets -2, -3...
func exportCmd(r *Review, d model.SessionData, format string) tea.Cmd {
	dir, ex, today := r.exportDir, r.exercises, r.clock()
	return func() tea.Msg {
		data, err := store.FormatSession(format, d, ex, today)
		if err != nil {
			return exportedMsg{err: err}
		}
		name := exportFileName(d.Session, format)
		base := strings.TrimSuffix(name, "."+format)
		for n := 1; n < 100; n++ {
			if n > 1 {
				name = base + "-" + strconv.Itoa(n) + "." + format
			}
			path := filepath.Join(dir, name)
			err = store.WriteExportFile(path, data, false)
			if errors.Is(err, store.ErrExists) {
				continue
			}
			if err != nil {
				return exportedMsg{err: err}
			}
			if abs, aerr := filepath.Abs(path); aerr == nil {
				path = abs
			}
			return exportedMsg{path: path}
		}
		return exportedMsg{err: errors.New("too many exports of this session here already")}
	}
}

// deleteSessionCmd deletes a session; the store logs the date and title.
func deleteSessionCmd(st *store.Store, id, title string) tea.Cmd {
	return func() tea.Msg {
		return sessionDeletedMsg{id: id, title: title, err: st.DeleteSession(id)}
	}
}

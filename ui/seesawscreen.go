package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// SeesawScreen is the see-saw full screen: its items can
// be typed in directly, re-weighted and removed, and it moves at once.
type SeesawScreen struct {
	live   *Live
	theme  Theme
	keys   ListKeys
	help   help.Model
	data   model.SessionData
	cur    int
	input  CaptureInput
	side   model.Side
	edit   string
	save   saveState
	status string
	width  int
	height int
}

// NewSeesawScreen builds the full-screen see-saw of a live session.
func NewSeesawScreen(live *Live, theme Theme) *SeesawScreen {
	s := &SeesawScreen{live: live, theme: theme, keys: defaultListKeys("add positive", "add challenge"), help: help.New(), input: NewCaptureInput(theme, live)}
	s.help.Styles.ShortKey, s.help.Styles.ShortDesc = theme.FooterKey, theme.Footer
	s.data = live.Data()
	return s
}

// items lists the see-saw's items, positives first, as the cursor visits them.
func (s *SeesawScreen) items() []model.SeesawItem {
	all := model.SeesawItems(&s.data, s.live.Exercises())
	var out []model.SeesawItem
	for _, side := range []model.Side{model.Positive, model.Challenge} {
		for _, it := range all {
			if it.Side == side {
				out = append(out, it)
			}
		}
	}
	return out
}

// Typing reports whether keys go to the input.
func (s *SeesawScreen) Typing() bool { return s.input.Active() }

// Init implements tea.Model.
func (s *SeesawScreen) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (s *SeesawScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.width, s.height = msg.Width, msg.Height
		s.help.Width = msg.Width
		s.input.SetWidth(msg.Width)
		return s, nil
	case SavedMsg:
		s.save.done(msg)
		s.data = s.live.Data()
		return s, nil
	case ChangedMsg:
		s.data = s.live.Data()
		return s, nil
	case tea.KeyMsg:
		return s, s.key(msg)
	}
	if s.input.Active() {
		_, cmd := s.input.Update(msg)
		return s, cmd
	}
	return s, nil
}

func (s *SeesawScreen) commit(c model.Change) tea.Cmd {
	s.save.note()
	return s.live.Commit(c)
}

func (s *SeesawScreen) key(msg tea.KeyMsg) tea.Cmd {
	if s.input.Active() {
		return s.input.Key(msg, func(text string) tea.Cmd {
			c := model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: model.ExerciseSeesaw, Field: model.FieldNote, Text: text, Tag: string(s.side), Weight: 1}}
			if e, ok := s.data.Entry(s.edit); ok && s.edit != "" {
				e.Text = text
				c = model.Change{Op: model.OpUpdateEntry, Entry: e}
			}
			return s.commit(c)
		})
	}
	items := s.items()
	s.status = ""
	var sel model.SeesawItem
	if s.cur < len(items) {
		sel = items[s.cur]
	}
	entry, isEntry := s.data.Entry(sel.ID)
	isEntry = isEntry && entry.Tag != model.TagNone
	k := s.keys
	switch {
	case keyMatches(msg, k.Back):
		return closeScreen
	case keyMatches(msg, k.Quit):
		return tea.Quit
	case keyMatches(msg, k.Up):
		s.cur = max(s.cur-1, 0)
	case keyMatches(msg, k.Down):
		s.cur = min(s.cur+1, max(len(items)-1, 0))
	case keyMatches(msg, k.Add), keyMatches(msg, k.AddOther):
		s.side, s.edit = model.Positive, ""
		prompt := "a positive attitude or strength"
		if keyMatches(msg, k.AddOther) {
			s.side, prompt = model.Challenge, "a challenge to integration"
		}
		return s.input.Open(prompt, "", s.live.DraftKey(model.ExerciseSeesaw, string(s.side)))
	case keyMatches(msg, k.Edit):
		if isEntry && entry.ExerciseID == model.ExerciseSeesaw {
			s.edit, s.side = entry.ID, model.Side(entry.Tag)
			return s.input.Open("edit item", entry.Text, s.live.DraftKey(model.ExerciseSeesaw, entry.Tag))
		}
		s.status = "only items typed here can be edited here; edit a captured line in its exercise"
	case keyMatches(msg, k.Weight):
		if !isEntry {
			s.status = "this item's weight comes from its rating"
			return nil
		}
		w, _ := strconv.Atoi(keyName(msg))
		entry.Weight = model.ClampWeight(w)
		return s.commit(model.Change{Op: model.OpUpdateEntry, Entry: entry})
	case keyMatches(msg, k.Delete):
		switch {
		case !isEntry:
			s.status = "this item comes from a rating: change the rating to change it"
		case entry.ExerciseID == model.ExerciseSeesaw || entry.Field == model.FieldChallenge:
			return s.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: entry.ID}})
		default: // a tagged line stays captured; it only leaves the see-saw
			entry.Tag, entry.Weight = model.TagNone, 0
			return s.commit(model.Change{Op: model.OpUpdateEntry, Entry: entry})
		}
	}
	return nil
}

// View implements tea.Model.
func (s *SeesawScreen) View() string {
	if s.width < minWidth || s.height < minHeight {
		return tooSmall(s.theme, s.width, s.height)
	}
	t := s.theme
	items := s.items()
	sel := ""
	if s.cur < len(items) {
		sel = items[s.cur].ID
	}
	var foot string
	switch {
	case s.input.Active():
		foot = s.input.View(s.width)
	case s.status != "":
		foot = t.Warning.Render(s.status)
	default:
		foot = s.save.view(t)
	}
	foot += "\n" + s.help.ShortHelpView(s.keys.ShortHelp())
	bodyH := max(s.height-lipgloss.Height(foot), 1)
	body := lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).Render(SeesawView(t, items, s.width, bodyH, sel))
	return body + "\n" + foot
}

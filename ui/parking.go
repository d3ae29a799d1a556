package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

// ListKeys are the keys of the simple capture screens (parking lot,
// see-saw full screen).
type ListKeys struct {
	Up        key.Binding
	Down      key.Binding
	Add       key.Binding
	AddOther  key.Binding
	Edit      key.Binding
	Delete    key.Binding
	Weight    key.Binding
	Help      key.Binding
	Back      key.Binding
	Quit      key.Binding
	addLabel  string
	showOther bool
}

// ShortHelp implements help.KeyMap.
func (k ListKeys) ShortHelp() []key.Binding {
	b := []key.Binding{k.Up, k.Down, k.Add}
	if k.showOther {
		b = append(b, k.AddOther, k.Weight)
	}
	return append(b, k.Edit, k.Delete, k.Back)
}

// FullHelp implements help.KeyMap.
func (k ListKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.ShortHelp(), append([]key.Binding{k.Help, k.Quit}, DefaultTimerKeys().Bindings()...)}
}

func defaultListKeys(add, other string) ListKeys {
	k := ListKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next")),
		Add:    key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", add)),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove")),
		Weight: key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1-3", "weight")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
	if other != "" {
		k.Add = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", add))
		k.AddOther = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", other))
		k.showOther = true
	}
	return k
}

// closeScreenMsg asks the app to return to the screen underneath.
type closeScreenMsg struct{}

func closeScreen() tea.Msg { return closeScreenMsg{} }

// Parking is the parking lot: questions and notes that come up during a
// session, to come back to. It opens from any slide or exercise.
type Parking struct {
	live   *Live
	theme  Theme
	keys   ListKeys
	help   help.Model
	data   model.SessionData
	cur    int
	input  CaptureInput
	edit   string // entry being edited
	del    string // entry awaiting confirmation
	save   saveState
	status string
	width  int
	height int
}

// NewParking builds the parking lot of a live session.
func NewParking(live *Live, theme Theme, draft *model.Draft) (*Parking, tea.Cmd) {
	p := &Parking{live: live, theme: theme, keys: defaultListKeys("add a note", ""), help: help.New(), input: NewCaptureInput(theme, live)}
	p.help.Styles.ShortKey, p.help.Styles.ShortDesc = theme.FooterKey, theme.Footer
	p.data = live.Data()
	var cmd tea.Cmd
	if draft != nil {
		p.status = "recovered typing put back: enter saves it, esc drops it"
		cmd = p.input.Open("note", draft.Text, draft.Key)
	}
	return p, cmd
}

func (p *Parking) notes() []model.Entry {
	return p.data.ExerciseEntries(model.ExerciseParking)
}

// Typing reports whether keys go to the input.
func (p *Parking) Typing() bool { return p.input.Active() || p.del != "" }

// Init implements tea.Model.
func (p *Parking) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (p *Parking) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.width, p.height = msg.Width, msg.Height
		p.help.Width = msg.Width
		p.input.SetWidth(msg.Width)
		return p, nil
	case SavedMsg:
		p.save.done(msg)
		p.data = p.live.Data()
		return p, nil
	case ChangedMsg:
		p.data = p.live.Data()
		return p, nil
	case tea.KeyMsg:
		return p, p.key(msg)
	}
	if p.input.Active() {
		_, cmd := p.input.Update(msg)
		return p, cmd
	}
	return p, nil
}

func (p *Parking) key(msg tea.KeyMsg) tea.Cmd {
	notes := p.notes()
	if p.input.Active() {
		return p.input.Key(msg, func(text string) tea.Cmd {
			c := model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: model.ExerciseParking, Field: model.FieldNote, Text: text}}
			if e, ok := p.data.Entry(p.edit); ok && p.edit != "" {
				e.Text = text
				c = model.Change{Op: model.OpUpdateEntry, Entry: e}
			}
			p.save.note()
			return p.live.Commit(c)
		})
	}
	if p.del != "" {
		id := p.del
		p.del, p.status = "", ""
		if keyName(msg) == "y" {
			p.save.note()
			return p.live.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
		}
		return nil
	}
	p.status = ""
	switch {
	case keyMatches(msg, p.keys.Back):
		return closeScreen
	case keyMatches(msg, p.keys.Quit):
		return tea.Quit
	case keyMatches(msg, p.keys.Up):
		p.cur = max(p.cur-1, 0)
	case keyMatches(msg, p.keys.Down):
		p.cur = min(p.cur+1, max(len(notes)-1, 0))
	case keyMatches(msg, p.keys.Add):
		p.edit = ""
		return p.input.Open("a question or note to come back to", "", p.live.DraftKey(model.ExerciseParking))
	case keyMatches(msg, p.keys.Edit):
		if p.cur < len(notes) {
			p.edit = notes[p.cur].ID
			return p.input.Open("edit note", notes[p.cur].Text, p.live.DraftKey(model.ExerciseParking))
		}
	case keyMatches(msg, p.keys.Delete):
		if p.cur < len(notes) {
			p.del = notes[p.cur].ID
			p.status = "remove this note? y: remove · any other key: keep"
		}
	}
	return nil
}

// View implements tea.Model.
func (p *Parking) View() string {
	if p.width < minWidth || p.height < minHeight {
		return tooSmall(p.theme, p.width, p.height)
	}
	t := p.theme
	head := t.Heading.Render("Parking lot") + "  " + p.save.view(t)
	notes := p.notes()
	var lines []string
	if len(notes) == 0 {
		lines = append(lines, t.Dim.Render("No notes yet. Press a to park a question or a point to come back to."))
	}
	for i, e := range notes {
		line := "  • " + model.SanitizeLine(e.Text)
		if i == p.cur {
			line = t.Selected.Render("▶ • " + model.SanitizeLine(e.Text))
		}
		lines = append(lines, lipgloss.NewStyle().MaxWidth(p.width).Render(line))
	}
	var foot string
	switch {
	case p.input.Active():
		foot = p.input.View(p.width)
	case p.status != "":
		foot = t.Warning.Render(p.status)
	}
	foot += "\n" + p.help.ShortHelpView(p.keys.ShortHelp())
	bodyH := max(p.height-2-lipgloss.Height(foot), 1)
	if len(lines) > bodyH {
		start := min(max(p.cur-bodyH/2, 0), len(lines)-bodyH)
		lines = lines[start : start+bodyH]
	}
	body := lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).Render(strings.Join(lines, "\n"))
	return head + "\n\n" + body + "\n" + foot
}

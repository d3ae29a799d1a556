package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/session"
)

// footerH is the height of the presenter's footer.
const footerH = 2

type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayModules
	overlayGoTo
	overlaySearch
)

// slideRenderedMsg says a slide's rendering at a width is in the cache.
type slideRenderedMsg struct{ slide, width int }

// BackHomeMsg asks the app to return to the home screen.
type BackHomeMsg struct{}

// PresenterOptions start a presenter.
type PresenterOptions struct {
	Module      int // module to open at
	Team        string
	Facilitator string
	FromHome    bool // esc returns to the home screen
}

// Presenter shows the deck's slides full screen.
type Presenter struct {
	deck       *model.Deck
	refs       []model.SlideRef
	first      []int    // flat index of each module's first slide
	text       []string // search text per flat slide, made at the first search
	cache      *SlideCache
	posGen     int  // moves made: a position save is for the latest only
	posWaiting bool // a wait for the moves to settle is under way
	theme      common.Theme
	keys       PresenterKeys
	ikeys      InputKeys
	opts       PresenterOptions

	help       help.Model
	vp         viewport.Model
	bar        progress.Model
	input      common.TextField
	menu       list.Model // built when first opened (searchTexts, moduleMenu: not on the way to the first frame)
	menuBuilt  bool
	aheadAfter bool // render the slides around the current one once it is shown
	cur        int
	shown      int // slide whose rendering the viewport holds, -1 for none
	width      int
	height     int
	overlay    overlay
	notes      bool
	live       *session.Live
	data       model.SessionData // the session as last seen, for the see-saw
	seesaw     bool              // the see-saw beside the slide
	confirmEnd bool
	notesTxt   string // wrapped speaker notes of the current slide
	query      string
	matches    []int
	status     string // a one-off message in the footer
}

// NewPresenter builds a presenter over deck; cache holds its renderings.
func NewPresenter(deck *model.Deck, cache *SlideCache, theme common.Theme, opts PresenterOptions) *Presenter {
	p := &Presenter{deck: deck, cache: cache, theme: theme, keys: DefaultPresenterKeys(), ikeys: DefaultInputKeys(), opts: opts, shown: -1}
	p.refs = deck.Flat()
	for i, r := range p.refs {
		if r.Slide == 0 {
			p.first = append(p.first, i)
		}
	}
	if opts.Module > 0 && opts.Module < len(p.first) {
		p.cur = p.first[opts.Module]
	}
	p.help = help.New()
	p.help.Styles.ShortKey = theme.FooterKey
	p.help.Styles.ShortDesc = theme.Footer
	p.help.Styles.FullKey = theme.Accent
	p.help.Styles.FullDesc = lipgloss.NewStyle()
	p.bar = progress.New(progress.WithSolidFill(theme.ProgressOn), progress.WithoutPercentage())
	p.bar.EmptyColor = theme.ProgressOf
	p.bar.Full, p.bar.Empty = '━', '─'
	p.input = common.NewTextField(theme, "", 200)
	return p
}

// searchTexts is the search text of every slide, made at the first search.
func (p *Presenter) searchTexts() []string {
	if p.text == nil {
		p.text = make([]string, 0, len(p.refs))
		for _, r := range p.refs {
			p.text = append(p.text, searchText(&p.deck.Modules[r.Module], p.deck.Slide(r)))
		}
	}
	return p.text
}

// moduleMenu builds the module menu when it is first opened.
func (p *Presenter) moduleMenu() *list.Model {
	if !p.menuBuilt {
		p.menu = newModuleMenu(p.deck, p.theme)
		p.menuBuilt = true
		p.sizeMenu()
	}
	return &p.menu
}

func (p *Presenter) sizeMenu() {
	if p.menuBuilt {
		p.menu.SetSize(min(p.width-4, 90), max(p.height-footerH-2, 3))
	}
}

// SlideBodies lists the Markdown each slide of deck renders, by flat index.
func SlideBodies(deck *model.Deck) []string {
	var out []string
	for _, r := range deck.Flat() {
		out = append(out, slideMarkdown(deck.Slide(r)))
	}
	return out
}

// Current is the flat index of the slide on screen.
func (p *Presenter) Current() int { return p.cur }

// Init implements tea.Model.
func (p *Presenter) Init() tea.Cmd { return nil }

func (p *Presenter) renderCmd(slide, width int) tea.Cmd {
	c := p.cache
	return func() tea.Msg {
		c.Render(slide, width)
		return slideRenderedMsg{slide, width}
	}
}

func (p *Presenter) renderAheadCmd(from, width int) tea.Cmd {
	c := p.cache
	c.Cancel() // a render-ahead for an earlier position is no longer wanted
	return func() tea.Msg {
		c.RenderAround(from, width)
		return nil
	}
}

// Update implements tea.Model.
func (p *Presenter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return p, p.resize(msg.Width, msg.Height)
	case slideRenderedMsg:
		if msg.slide == p.cur && msg.width == p.measure() {
			p.show()
			if p.aheadAfter {
				p.aheadAfter = false
				return p, p.renderAheadCmd(p.cur, msg.width)
			}
		}
		return p, nil
	case positionSaveMsg:
		return p, p.positionSettled(msg)
	case tea.KeyMsg:
		return p, p.key(msg)
	case common.StatusMsg:
		p.status = msg.Text
		return p, nil
	case session.SavedMsg, session.ChangedMsg:
		return p, p.sessionChanged(msg)
	case tea.MouseMsg:
		var cmd tea.Cmd
		p.vp, cmd = p.vp.Update(msg)
		return p, cmd
	}
	if p.overlay == overlayModules {
		var cmd tea.Cmd
		p.menu, cmd = p.menu.Update(msg)
		return p, cmd
	}
	return p, nil
}

// resize lays the screen out again; slides re-flow at the new width.
func (p *Presenter) resize(w, h int) tea.Cmd {
	if w == p.width && h == p.height {
		return nil
	}
	widthChanged := w != p.width
	p.width, p.height = w, h
	p.help.Width = w
	p.bar.Width = max(w-lipgloss.Width(p.helpHint())-1, 1)
	p.sizeMenu()
	p.layout()
	if !widthChanged || w < common.MinWidth || h < common.MinHeight {
		return nil
	}
	p.cache.Cancel()
	p.shown = -1
	return p.goTo(p.cur, true)
}

// layout sizes the viewport and the notes panel to the window.
func (p *Presenter) layout() {
	body := p.height - footerH
	p.notesTxt = ""
	if p.notes {
		notes := p.currentNotes()
		wrapped := lipgloss.NewStyle().Width(max(p.width-2, 1)).Render(notes)
		lines := min(strings.Count(wrapped, "\n")+1, max(body/3, 3))
		p.notesTxt = p.theme.NotesBox.Width(p.width).Render(clipLines(wrapped, lines))
		body -= lipgloss.Height(p.notesTxt)
	}
	p.vp.Width, p.vp.Height = p.measure(), max(body, 1)
}

func (p *Presenter) currentNotes() string {
	s := p.deck.Slide(p.refs[p.cur])
	if s.Notes == "" {
		return "Speaker notes: none for this slide."
	}
	return "Speaker notes: " + s.Notes
}

// goTo moves to slide i. A cached slide shows at once; otherwise it is
// rendered in a command and shown when it arrives. ahead also renders the
// slides around it in the background, so the next keypress finds its
// slide ready.
func (p *Presenter) goTo(i int, ahead bool) tea.Cmd {
	i = max(0, min(i, len(p.refs)-1))
	moved := i != p.cur
	p.cur = i
	var cmds []tea.Cmd
	if moved {
		cmds = append(cmds, p.positionLater())
	}
	if moved || p.notes {
		p.layout()
	}
	if p.width < common.MinWidth || p.height < common.MinHeight {
		return tea.Batch(cmds...)
	}
	p.aheadAfter = false
	if _, ok := p.cache.Get(i, p.measure()); ok {
		p.show()
		if ahead {
			cmds = append(cmds, p.renderAheadCmd(i, p.measure()))
		}
	} else {
		// The slide on screen first, alone; the slides around it once it
		// is shown (a render-ahead alongside would share the CPU with it).
		p.cache.Cancel()
		p.aheadAfter = ahead
		cmds = append(cmds, p.renderCmd(i, p.measure()))
	}
	return tea.Batch(cmds...)
}

// show puts the current slide's cached rendering into the viewport.
func (p *Presenter) show() {
	out, ok := p.cache.Get(p.cur, p.measure())
	if !ok {
		return
	}
	p.vp.SetContent(out)
	p.vp.GotoTop()
	p.shown = p.cur
}

func (p *Presenter) key(msg tea.KeyMsg) tea.Cmd {
	switch p.overlay {
	case overlayHelp:
		p.overlay = overlayNone
		if common.Matches(msg, p.keys.Quit) && common.KeyName(msg) == "ctrl+c" {
			return tea.Quit
		}
		return nil
	case overlayModules:
		return p.menuKey(msg)
	case overlayGoTo, overlaySearch:
		return p.inputKey(msg)
	}
	if p.confirmEnd {
		return p.endKey(msg)
	}
	p.status = ""
	k := p.keys
	if cmd, ok := p.sessionKey(msg); ok {
		return cmd
	}
	switch {
	case common.Matches(msg, k.Quit):
		return p.quit()
	case common.Matches(msg, k.Next):
		return p.goTo(p.cur+1, true)
	case common.Matches(msg, k.Prev):
		return p.goTo(p.cur-1, true)
	case common.Matches(msg, k.Down):
		p.vp.ScrollDown(1)
	case common.Matches(msg, k.Up):
		p.vp.ScrollUp(1)
	case common.Matches(msg, k.First):
		return p.goTo(0, true)
	case common.Matches(msg, k.Last):
		return p.goTo(len(p.refs)-1, true)
	case common.Matches(msg, k.GoTo):
		p.openInput(overlayGoTo, "go to slide (number, or module id such as m2): ", "")
	case common.Matches(msg, k.Search):
		p.openInput(overlaySearch, "search: ", p.query)
	case common.Matches(msg, k.NextMatch):
		return p.jumpMatch(+1)
	case common.Matches(msg, k.PrevMatch):
		return p.jumpMatch(-1)
	case common.Matches(msg, k.Modules):
		p.overlay = overlayModules
		p.moduleMenu().Select(p.refs[p.cur].Module)
	case common.Matches(msg, k.Notes):
		p.notes = !p.notes
		p.layout()
	case common.Matches(msg, k.Help):
		p.overlay = overlayHelp
	case common.Matches(msg, k.Back):
		if p.opts.FromHome {
			return func() tea.Msg { return BackHomeMsg{} }
		}
	}
	return nil
}

func (p *Presenter) openInput(o overlay, prompt, value string) {
	p.overlay = o
	p.input.SetPrompt(prompt)
	p.input.SetWidth(p.width - 1)
	p.input.Open(value)
}

func (p *Presenter) inputKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case common.Matches(msg, p.ikeys.Cancel):
		p.overlay = overlayNone
		p.input.Blur()
		return nil
	case common.Matches(msg, p.ikeys.Accept):
		o, value := p.overlay, strings.TrimSpace(p.input.Value())
		p.overlay = overlayNone
		p.input.Blur()
		if o == overlayGoTo {
			return p.goToSpec(value)
		}
		return p.search(value)
	}
	return p.input.Key(msg)
}

func (p *Presenter) menuKey(msg tea.KeyMsg) tea.Cmd {
	if p.menu.FilterState() != list.Filtering {
		switch {
		case common.Matches(msg, p.ikeys.Accept):
			p.overlay = overlayNone
			return p.goTo(p.first[p.menu.Index()], true)
		case common.Matches(msg, p.ikeys.Cancel), common.Matches(msg, p.keys.Modules):
			p.overlay = overlayNone
			return nil
		case common.KeyName(msg) == "ctrl+c":
			return tea.Quit
		}
	}
	var cmd tea.Cmd
	p.menu, cmd = p.menu.Update(msg)
	return cmd
}

// goToSpec jumps to "N" (slide number), "ID" (module) or "ID N".
func (p *Presenter) goToSpec(spec string) tea.Cmd {
	idx, err := resolveSlideSpec(spec, p.deck, p.first, len(p.refs))
	if err != nil {
		p.status = err.Error()
		return nil
	}
	return p.goTo(idx, true)
}

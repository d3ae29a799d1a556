package runner

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// section is one tab of a runner: what a kind is made of. A kind is one
// or more sections (a checklist's items and fields, then its action plan;
// a poll's votes, then its prompts); tab moves between them.
type section interface {
	// title names the tab (with a count where it helps).
	title(h *Host) string
	keys() help.KeyMap
	key(h *Host, msg tea.KeyMsg) tea.Cmd
	view(h *Host, w, ht int) string
}

// sectionModal is a section in a state of its own that takes every key.
type sectionModal interface{ modal() bool }

// sectionRecover is a section that can take recovered typing at a slot;
// ok is false if the slot is not its own.
type sectionRecover interface {
	recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool)
}

// tabsPane is the Pane of every exercise kind: its sections as tabs.
type tabsPane struct {
	name     string
	sections []section
	cur      int
	tab      key.Binding
}

func newTabsPane(name string, sections ...section) *tabsPane {
	p := &tabsPane{name: name, sections: sections,
		tab: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab"))}
	p.tab.SetEnabled(len(sections) > 1)
	return p
}

func (p *tabsPane) Name() string { return p.name }

func (p *tabsPane) current() section { return p.sections[p.cur] }

// Modal reports whether the current section takes every key.
func (p *tabsPane) Modal() bool {
	m, ok := p.current().(sectionModal)
	return ok && m.modal()
}

type tabsKeyMap struct {
	sec help.KeyMap
	tab key.Binding
	all []help.KeyMap
}

func (m tabsKeyMap) ShortHelp() []key.Binding {
	return append(m.sec.ShortHelp(), m.tab)
}

func (m tabsKeyMap) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, k := range m.all {
		out = append(out, k.FullHelp()...)
	}
	if m.tab.Enabled() {
		out = append(out, []key.Binding{m.tab})
	}
	return out
}

// Keys are the current section's keys; the help view lists every
// section's.
func (p *tabsPane) Keys() help.KeyMap {
	m := tabsKeyMap{sec: p.current().keys(), tab: p.tab}
	if p.Modal() {
		m.all = []help.KeyMap{m.sec}
		m.tab.SetEnabled(false)
		return m
	}
	seen := map[string]bool{}
	for _, s := range p.sections {
		k := s.keys()
		if sig := helpSig(k); !seen[sig] { // several cases' tabs share one key map: list it once
			seen[sig] = true
			m.all = append(m.all, k)
		}
	}
	return m
}

// helpSig is what a key map's help view shows, to tell equal maps apart.
func helpSig(k help.KeyMap) string {
	var b strings.Builder
	for _, col := range k.FullHelp() {
		for _, kb := range col {
			if kb.Enabled() {
				b.WriteString(kb.Help().Key + "\x00" + kb.Help().Desc + "\x00")
			}
		}
		b.WriteString("\x01")
	}
	return b.String()
}

func (p *tabsPane) Key(h *Host, msg tea.KeyMsg) tea.Cmd {
	if !p.Modal() && common.Matches(msg, p.tab) {
		p.cur = (p.cur + 1) % len(p.sections)
		return nil
	}
	return p.current().key(h, msg)
}

func (p *tabsPane) View(h *Host, w, ht int) string {
	if len(p.sections) == 1 {
		return p.current().view(h, w, ht)
	}
	t := h.env.Theme
	var parts []string
	for i, s := range p.sections {
		if i == p.cur {
			parts = append(parts, t.Selected.Render("[ "+s.title(h)+" ]"))
		} else {
			parts = append(parts, t.Dim.Render("  "+s.title(h)+"  "))
		}
	}
	head := strings.Join(common.PackWith(parts, " ", w), "\n") + t.Dim.Render("   tab switches") +
		"\n" + t.Dim.Render(strings.Repeat("─", max(w, 1)))
	return head + "\n" + p.current().view(h, w, ht-strings.Count(head, "\n")-1)
}

// Recover hands recovered typing to the section whose slot it is.
func (p *tabsPane) Recover(h *Host, slot model.Slot, text string) tea.Cmd {
	for i, s := range p.sections {
		if r, ok := s.(sectionRecover); ok {
			if cmd, mine := r.recover(h, slot, text); mine {
				p.cur = i
				return cmd
			}
		}
	}
	return nil
}

// captureSection is an exercise's items and fields (a captureList with
// no groups).
type captureSection struct {
	name string
	list captureList
}

func newCaptureSection(name string, items bool, fields []dField) *captureSection {
	return &captureSection{name: name, list: newCaptureList(items, fields)}
}

func (s *captureSection) title(*Host) string { return s.name }

type captureKeyMap struct{ k CaptureKeys }

func (m captureKeyMap) ShortHelp() []key.Binding {
	if m.k.Note.Enabled() {
		return []key.Binding{m.k.Up, m.k.Right, m.k.Pick, m.k.Note, m.k.Add}
	}
	return []key.Binding{m.k.Up, m.k.Add, m.k.Edit, m.k.Positive, m.k.Challenge}
}
func (m captureKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{m.k.Bindings()} }

func (s *captureSection) keys() help.KeyMap { return captureKeyMap{s.list.keys} }

func (s *captureSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	_, cmd := s.list.key(h, "", msg)
	return cmd
}

func (s *captureSection) view(h *Host, w, ht int) string {
	var head []string
	if s.list.items && len(h.env.Ex.Items) > 0 {
		counts, byRoom, un := model.ItemCounts(h.env.Ex, &h.data)
		var parts []string
		for _, c := range model.CountParts(counts, byRoom, un, true) {
			parts = append(parts, fmt.Sprintf("%s %d", model.SanitizeLine(c.Option), c.Count))
		}
		for _, l := range common.PackWith(parts, " · ", w) {
			head = append(head, h.env.Theme.Dim.Render(l))
		}
	}
	body := s.list.view(h, "", w, ht-len(head), nil)
	return strings.Join(append(head, body), "\n")
}

func (s *captureSection) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	if slot.Group != "" {
		return nil, false
	}
	for i := range h.env.Ex.Items {
		if slot.Field == model.ItemNoteField(i) && s.list.items {
			s.list.cur.set(fmt.Sprintf("item/%d", i))
			cmd := s.list.note(h, i)
			h.input.SetValue(text)
			return cmd, true
		}
	}
	for _, f := range s.list.fields {
		if f.key == slot.Field {
			s.list.focus(f.key)
			return openRecovered(h, &s.list, "", f, text), true
		}
	}
	return nil, false
}

// formSections are the sections of the kinds built on items and fields
// (checklist, rating, framework, reflection): the capture, with the
// prompts below the exercise's fields, and the action plan if any.
func formSections(ex *model.Exercise) []section {
	fields := append(exerciseFields(ex), promptFields(ex)...)
	out := []section{newCaptureSection("Capture", len(ex.Items) > 0, fields)}
	if ex.Actions {
		out = append(out, newActionSection())
	}
	return out
}

package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
)

var testModuleA = `---
id: ma
title: Module A
short: A
---
# Alpha one
First slide about the continuum.
` + "```notes\nSay hello to the room.\n```" + `
---
# Alpha two
Second slide.
---
# Alpha long
` + longBody + `
`

const testModuleB = `---
id: mb
title: Module B
short: B
---
# Beta one
Talks about the continuum again.
---
# Beta two
Last slide.
`

var longBody = strings.Repeat("- a line of a long slide\n", 60)

// newTestPresenter is a presenter over the two test modules at 80x24,
// with its first slide rendered.
func newTestPresenter(t *testing.T, opts PresenterOptions) (*driver, *Presenter) {
	t.Helper()
	return presenterOn(t, parseDeck(t, testModuleA, testModuleB), opts)
}

// presenterOn is a presenter over deck at 80x24, first slide rendered.
func presenterOn(t *testing.T, deck *model.Deck, opts PresenterOptions) (*driver, *Presenter) {
	t.Helper()
	app := testApp(deck, Config{Start: ScreenPresent})
	p := NewPresenter(deck, app.cache, app.cfg.Theme, opts)
	d := &driver{T: t, M: p}
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d, p
}

// press sends each key of a binding's key list in turn from slide from,
// and checks where each lands.
func TestPresenterNextAndPrevKeys(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{})
	for _, k := range p.keys.Next.Keys() {
		p.cur = 1
		d.Send(keyMsg(k))
		if p.cur != 2 {
			t.Errorf("next key %q: at slide %d, want 2", k, p.cur)
		}
	}
	for _, k := range p.keys.Prev.Keys() {
		p.cur = 1
		d.Send(keyMsg(k))
		if p.cur != 0 {
			t.Errorf("previous key %q: at slide %d, want 0", k, p.cur)
		}
	}
	p.cur = 0
	d.Send(keyMsg("left"))
	if p.cur != 0 {
		t.Errorf("previous on the first slide moved to %d", p.cur)
	}
	for _, k := range p.keys.Last.Keys() {
		p.cur = 0
		d.Send(keyMsg(k))
		if p.cur != 4 {
			t.Errorf("last key %q: at %d, want 4", k, p.cur)
		}
	}
	d.Send(keyMsg("right"))
	if p.cur != 4 {
		t.Errorf("next on the last slide moved to %d", p.cur)
	}
	for _, k := range p.keys.First.Keys() {
		p.cur = 3
		d.Send(keyMsg(k))
		if p.cur != 0 {
			t.Errorf("first key %q: at %d, want 0", k, p.cur)
		}
	}
}

func TestPresenterScrollsALongSlide(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{})
	d.Send(keyMsg(":"))
	for _, r := range "3" {
		d.Send(keyMsg(string(r)))
	}
	d.Send(keyMsg("enter"))
	if p.cur != 2 || p.shown != 2 {
		t.Fatalf("go to 3: cur %d shown %d", p.cur, p.shown)
	}
	for _, k := range p.keys.Down.Keys() {
		before := p.vp.YOffset
		d.Send(keyMsg(k))
		if p.vp.YOffset != before+1 {
			t.Errorf("down key %q: offset %d, want %d", k, p.vp.YOffset, before+1)
		}
	}
	for _, k := range p.keys.Up.Keys() {
		before := p.vp.YOffset
		d.Send(keyMsg(k))
		if p.vp.YOffset != before-1 {
			t.Errorf("up key %q: offset %d, want %d", k, p.vp.YOffset, before-1)
		}
	}
	if !strings.Contains(plain(p.View()), "↓") {
		t.Errorf("a long slide's footer should show the scroll position:\n%s", plain(p.View()))
	}
}

func typeInto(d *driver, s string) {
	for _, r := range s {
		d.Send(keyMsg(string(r)))
	}
}

func TestPresenterGoTo(t *testing.T) {
	cases := []struct {
		spec string
		want int
		err  string
	}{
		{"2", 1, ""},
		{"mb", 3, ""},
		{"mb 2", 4, ""},
		{"MA 3", 2, ""},
		{"9", 0, "no slide 9"},
		{"zz", 0, "no module"},
		{"mb 7", 0, "slides 1 to 2"},
	}
	for _, c := range cases {
		d, p := newTestPresenter(t, PresenterOptions{})
		d.Send(keyMsg(":"))
		typeInto(d, c.spec)
		d.Send(keyMsg("enter"))
		if p.cur != c.want {
			t.Errorf("go to %q: at %d, want %d", c.spec, p.cur, c.want)
		}
		if c.err != "" && !strings.Contains(plain(p.View()), c.err) {
			t.Errorf("go to %q: footer should say %q:\n%s", c.spec, c.err, plain(p.View()))
		}
	}
	d, p := newTestPresenter(t, PresenterOptions{})
	d.Send(keyMsg(":"))
	typeInto(d, "4")
	d.Send(keyMsg("esc"))
	if p.cur != 0 || p.overlay != overlayNone {
		t.Errorf("esc should cancel go to: at %d overlay %d", p.cur, p.overlay)
	}
}

func TestPresenterSearchAndMatches(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{})
	d.Send(keyMsg("/"))
	typeInto(d, "CONTINUUM")
	d.Send(keyMsg("enter"))
	if p.cur != 3 {
		t.Fatalf("search from slide 0 should find the next match, slide 3; at %d", p.cur)
	}
	if !strings.Contains(plain(p.View()), "match 2/2") {
		t.Errorf("footer should count matches:\n%s", plain(p.View()))
	}
	d.Send(keyMsg("]"))
	if p.cur != 0 {
		t.Errorf("] should wrap to the first match, slide 0; at %d", p.cur)
	}
	d.Send(keyMsg("["))
	if p.cur != 3 {
		t.Errorf("[ should go back to slide 3; at %d", p.cur)
	}
	d.Send(keyMsg("/"))
	typeInto(d, "x") // appended to the previous query
	d.Send(keyMsg("enter"))
	if !strings.Contains(plain(p.View()), "no slide mentions") {
		t.Errorf("a search with no match should say so:\n%s", plain(p.View()))
	}
}

func TestPresenterModuleMenu(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{})
	d.Send(keyMsg("m"))
	if p.overlay != overlayModules || !strings.Contains(plain(p.View()), "Module B") {
		t.Fatalf("m should open the module menu:\n%s", plain(p.View()))
	}
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	if p.cur != 3 || p.overlay != overlayNone {
		t.Errorf("choosing module B should jump to slide 3; at %d overlay %d", p.cur, p.overlay)
	}
	d.Send(keyMsg("m"))
	d.Send(keyMsg("esc"))
	if p.overlay != overlayNone || p.cur != 3 {
		t.Errorf("esc should close the menu without moving")
	}
}

func TestPresenterNotesHelpBackQuit(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{FromHome: true})
	d.Send(keyMsg("s"))
	if !strings.Contains(plain(p.View()), "Say hello to the room.") {
		t.Errorf("s should show the speaker notes:\n%s", plain(p.View()))
	}
	d.Send(keyMsg("s"))
	if strings.Contains(plain(p.View()), "Say hello") {
		t.Errorf("s again should hide the notes")
	}
	d.Send(keyMsg("?"))
	view := plain(p.View())
	for _, b := range p.keys.FullHelp() {
		for _, k := range b {
			if !strings.Contains(view, k.Help().Desc) {
				t.Errorf("help overlay lacks %q", k.Help().Desc)
			}
		}
	}
	d.Send(keyMsg("x"))
	if p.overlay != overlayNone {
		t.Errorf("any key should close help")
	}
	d.Send(keyMsg("esc"))
	if len(d.Sent) == 0 {
		t.Fatalf("esc from a presenter opened at home should go home")
	}
	if _, ok := d.Sent[len(d.Sent)-1].(BackHomeMsg); !ok {
		t.Errorf("esc sent %T, want BackHomeMsg", d.Sent[len(d.Sent)-1])
	}
	for _, k := range p.keys.Quit.Keys() {
		d.Quit = false
		d.Send(keyMsg(k))
		if !d.Quit {
			t.Errorf("quit key %q did not quit", k)
		}
	}
}

func TestPresenterTooSmall(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{})
	d.Send(tea.WindowSizeMsg{Width: 30, Height: 8})
	if !strings.Contains(plain(p.View()), "Make the window larger") {
		t.Errorf("a tiny window should ask for more room:\n%s", plain(p.View()))
	}
	d.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if p.shown != p.cur || !strings.Contains(plain(p.View()), "Alpha one") {
		t.Errorf("growing the window should show the slide again:\n%s", plain(p.View()))
	}
}

// TestSlidesKeepAReadableMeasure: on a 200-column window a slide is set
// at most maxMeasure wide, centred.
func TestSlidesKeepAReadableMeasure(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{})
	d.Send(tea.WindowSizeMsg{Width: 200, Height: 60})
	if p.measure() != maxMeasure {
		t.Fatalf("measure %d at 200 columns", p.measure())
	}
	widest, left := 0, 200
	for _, line := range strings.Split(plain(p.slideView()), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		widest = max(widest, lipgloss.Width(strings.TrimRight(line, " ")))
		left = min(left, len(line)-len(strings.TrimLeft(line, " ")))
	}
	if widest > (200-maxMeasure)/2+maxMeasure || left < (200-maxMeasure)/2 {
		t.Errorf("the slide is not set centred at its measure: text from column %d to %d", left, widest)
	}
}

func TestPresenterReflowsOnResize(t *testing.T) {
	d, p := newTestPresenter(t, PresenterOptions{})
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if _, ok := p.cache.Get(0, p.measure()); !ok {
		t.Fatalf("slide 0 should be rendered at the new width")
	}
	if _, ok := p.cache.Get(4, p.measure()); !ok {
		t.Errorf("the rest of the deck should be rendered ahead at the new width")
	}
	for _, line := range strings.Split(plain(p.View()), "\n") {
		if w := lipgloss.Width(line); w > 120 {
			t.Errorf("line wider than the window (%d): %q", w, line)
		}
	}
}

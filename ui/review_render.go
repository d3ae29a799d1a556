package ui

import (
	"strings"
	"sync"

	"github.com/charmbracelet/glamour"
	glamouransi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/ui/common"
)

// minutesCache renders sessions' minutes with glamour and keeps the output
// per session and width. One renderer is built per width and kept; a
// renderer is not safe for concurrent use, so renders hold renderMu. It is
// used from tea.Cmds only, never from Update or View (except Get).
type minutesCache struct {
	style   glamouransi.StyleConfig
	profile termenv.Profile

	renderMu  sync.Mutex
	renderers map[int]*glamour.TermRenderer

	outMu sync.RWMutex
	out   map[minutesKey]string
}

type minutesKey struct {
	id    string
	width int
}

// minutesCacheMax bounds the renderings kept; past it the cache starts over.
const minutesCacheMax = 64

func newMinutesCache(style glamouransi.StyleConfig, profile termenv.Profile) *minutesCache {
	return &minutesCache{
		style:     style,
		profile:   profile,
		renderers: map[int]*glamour.TermRenderer{},
		out:       map[minutesKey]string{},
	}
}

// Get returns a cached rendering, if there is one.
func (c *minutesCache) Get(id string, width int) (string, bool) {
	c.outMu.RLock()
	defer c.outMu.RUnlock()
	s, ok := c.out[minutesKey{id, width}]
	return s, ok
}

// Render returns the minutes md of session id rendered at width, from the
// cache when it is there.
func (c *minutesCache) Render(id, md string, width int) string {
	if s, ok := c.Get(id, width); ok {
		return s
	}
	c.renderMu.Lock()
	s := c.renderLocked(md, width)
	c.renderMu.Unlock()
	c.outMu.Lock()
	if len(c.out) >= minutesCacheMax {
		c.out = map[minutesKey]string{}
	}
	c.out[minutesKey{id, width}] = s
	c.outMu.Unlock()
	return s
}

func (c *minutesCache) renderLocked(md string, width int) string {
	r, ok := c.renderers[width]
	if !ok {
		var err error
		r, err = common.NewRenderer(c.style, c.profile, width)
		if err != nil {
			return "could not prepare the minutes renderer: " + err.Error()
		}
		c.renderers[width] = r
	}
	s, err := common.Render(r, screenMarkdown(md, width))
	if err != nil {
		return "could not render the minutes: " + err.Error()
	}
	// Cut lines glamour let overrun the width, so nothing wraps.
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// Forget drops the renderings of a session (after it is deleted).
func (c *minutesCache) Forget(id string) {
	c.outMu.Lock()
	defer c.outMu.Unlock()
	for k := range c.out {
		if k.id == id {
			delete(c.out, k)
		}
	}
}

package ui

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/charmbracelet/glamour"
	glamouransi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// SlideCache renders slides with glamour and keeps the output per slide
// and width. A glamour renderer is not safe for concurrent use, so every
// render holds renderMu; the output map has its own lock so that the
// update loop can read it while a render-ahead runs.
type SlideCache struct {
	bodies  []string // Markdown of each slide, by flat index
	style   glamouransi.StyleConfig
	profile termenv.Profile

	renderMu  sync.Mutex
	renderers map[int]*glamour.TermRenderer // by wrap width, built once each

	outMu sync.RWMutex
	out   map[cacheKey]string

	gen atomic.Int64 // bumped to cancel a render-ahead that is no longer wanted
}

type cacheKey struct{ slide, width int }

// NewSlideCache prepares a cache for the given slide bodies.
func NewSlideCache(bodies []string, style glamouransi.StyleConfig, profile termenv.Profile) *SlideCache {
	return &SlideCache{
		bodies:    bodies,
		style:     style,
		profile:   profile,
		renderers: map[int]*glamour.TermRenderer{},
		out:       map[cacheKey]string{},
	}
}

// Len is the number of slides.
func (c *SlideCache) Len() int { return len(c.bodies) }

// Get returns a cached rendering, if there is one.
func (c *SlideCache) Get(slide, width int) (string, bool) {
	c.outMu.RLock()
	defer c.outMu.RUnlock()
	s, ok := c.out[cacheKey{slide, width}]
	return s, ok
}

// Render returns the slide rendered at width, rendering it if it is not
// cached yet. It is called from tea.Cmds, never from Update or View.
func (c *SlideCache) Render(slide, width int) string {
	if s, ok := c.Get(slide, width); ok {
		return s
	}
	c.renderMu.Lock()
	defer c.renderMu.Unlock()
	if s, ok := c.Get(slide, width); ok { // rendered while we waited
		return s
	}
	s := c.renderLocked(slide, width)
	c.outMu.Lock()
	c.out[cacheKey{slide, width}] = s
	c.outMu.Unlock()
	return s
}

func (c *SlideCache) renderLocked(slide, width int) string {
	r, ok := c.renderers[width]
	if !ok {
		var err error
		r, err = glamour.NewTermRenderer(
			glamour.WithStyles(c.style),
			glamour.WithColorProfile(c.profile),
			// Two cells of slack for list bullets, which glamour does not count.
			glamour.WithWordWrap(max(width-2, 10)),
		)
		if err != nil {
			return "could not prepare the slide renderer: " + err.Error()
		}
		c.renderers[width] = r
	}
	s, err := r.Render(c.bodies[slide])
	if err != nil {
		return "could not render this slide: " + err.Error()
	}
	// Glamour can overrun the wrap width by a cell or two (list bullets,
	// long words); a line wider than the window would wrap and push the
	// footer off screen, so each line is cut to the width here, once.
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// RenderAhead renders every slide at width, nearest to from first, and
// stops early when Cancel is called. It returns false if it was cancelled.
func (c *SlideCache) RenderAhead(from, width int) bool {
	gen := c.gen.Load()
	n := len(c.bodies)
	for d := 0; d < n; d++ {
		for _, i := range []int{from + d, from - d} {
			if d == 0 && i != from {
				continue
			}
			if i < 0 || i >= n {
				continue
			}
			if c.gen.Load() != gen {
				return false
			}
			c.Render(i, width)
		}
	}
	return true
}

// Cancel stops any render-ahead in progress (for example after a resize).
func (c *SlideCache) Cancel() { c.gen.Add(1) }

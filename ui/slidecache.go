package ui

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/charmbracelet/glamour"
	glamouransi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/ui/common"
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
		r, err = common.NewRenderer(c.style, c.profile, width)
		if err != nil {
			return "could not prepare the slide renderer: " + err.Error()
		}
		c.renderers[width] = r
	}
	s, err := common.Render(r, c.bodies[slide])
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

// aheadRadius is how many slides either side of the current one are kept
// rendered: every next/previous keypress finds its slide in the cache,
// while the whole deck is not held in memory.
const aheadRadius = 6

// RenderAround renders the slides within aheadRadius of from at width,
// nearest first, then drops renderings far from from or at other widths.
// It stops early when Cancel is called. It returns how many slides it
// rendered, and false if it was cancelled.
// Several calls may run at once (one per move); they are safe together.
func (c *SlideCache) RenderAround(from, width int) (int, bool) {
	gen := c.gen.Load()
	n, rendered := len(c.bodies), 0
	for d := 0; d <= aheadRadius; d++ {
		for _, i := range []int{from + d, from - d} {
			if (d == 0 && i != from) || i < 0 || i >= n {
				continue
			}
			if c.gen.Load() != gen {
				return rendered, false
			}
			if _, ok := c.Get(i, width); !ok {
				c.Render(i, width)
				rendered++
			}
		}
	}
	c.evict(from, width)
	return rendered, true
}

// evict drops renderings more than twice aheadRadius from from, and any
// at another width.
//
// The two locks are taken one after the other, never nested: Render holds
// renderMu while it takes outMu, so holding outMu while taking renderMu
// here could deadlock against a render-ahead still finishing.
func (c *SlideCache) evict(from, width int) {
	c.outMu.Lock()
	for k := range c.out {
		if k.width != width || k.slide < from-2*aheadRadius || k.slide > from+2*aheadRadius {
			delete(c.out, k)
		}
	}
	c.outMu.Unlock()
	c.renderMu.Lock()
	for w := range c.renderers {
		if w != width {
			delete(c.renderers, w)
		}
	}
	c.renderMu.Unlock()
}

// Cancel stops any render-ahead in progress (for example after a resize).
func (c *SlideCache) Cancel() { c.gen.Add(1) }

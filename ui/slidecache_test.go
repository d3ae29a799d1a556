package ui

import (
	"fmt"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/ui/common"
)

// BenchmarkSlideCacheGet is the lookup a keypress pays for a slide that
// is already rendered.
func BenchmarkSlideCacheGet(b *testing.B) {
	deck := builtinDeck(b)
	c := NewSlideCache(SlideBodies(deck), common.NewTheme(common.ThemeDark).Glamour, termenv.Ascii)
	n := c.Len()
	for i := 0; i < n; i++ {
		c.Render(i, 120)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := c.Get(i%n, 120); !ok {
			b.Fatal("miss")
		}
	}
}

// BenchmarkPresenterNextSlide is one "next" keypress through Update and
// View, in process, with the deck rendered ahead: the program's own share
// of keypress-to-slide latency.
func BenchmarkPresenterNextSlide(b *testing.B) {
	deck := builtinDeck(b)
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		b.Run(sizeName(size), func(b *testing.B) {
			app := testApp(deck, Config{Start: ScreenPresent})
			d := &driver{T: b, M: app} // runs the render-ahead of each move
			d.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			next, first := keyMsg("right"), keyMsg("home")
			n := len(deck.Flat())
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%n == n-1 {
					d.M.Update(first)
				}
				d.M.Update(next)
				_ = d.M.View()
			}
		})
	}
}

// BenchmarkRenderSlide is one glamour render of a slide: the work the
// cache saves on every keypress.
func BenchmarkRenderSlide(b *testing.B) {
	deck := builtinDeck(b)
	bodies := SlideBodies(deck)
	for i := 0; i < b.N; i++ {
		c := NewSlideCache(bodies, common.NewTheme(common.ThemeDark).Glamour, termenv.Ascii)
		c.Render(i%len(bodies), 120)
	}
}

func sizeName(s [2]int) string { return fmt.Sprintf("%dx%d", s[0], s[1]) }

// TestRenderAroundKeepsAWindow: the cache holds the slides around the
// current one, not the whole deck, and drops other widths.
func TestRenderAroundKeepsAWindow(t *testing.T) {
	deck := builtinDeck(t)
	c := NewSlideCache(SlideBodies(deck), common.NewTheme(common.ThemeDark).Glamour, termenv.Ascii)
	c.RenderAround(0, 100)
	if n, ok := c.RenderAround(50, 120); !ok || n != 2*aheadRadius+1 {
		t.Fatalf("rendered %d around slide 50, want %d", n, 2*aheadRadius+1)
	}
	for _, i := range []int{50 - aheadRadius, 50, 50 + aheadRadius} {
		if _, ok := c.Get(i, 120); !ok {
			t.Errorf("slide %d should be cached", i)
		}
	}
	if _, ok := c.Get(0, 100); ok {
		t.Errorf("a rendering at another width should be dropped")
	}
	if n, _ := c.RenderAround(51, 120); n != 1 {
		t.Errorf("moving one slide on should render one new slide, rendered %d", n)
	}
}

// TestRenderAroundConcurrently: render-aheads for successive moves overlap
// (each keypress starts one); they must neither deadlock nor race. Tiny
// slides make renders quick, so renders and evictions interleave often.
func TestRenderAroundConcurrently(t *testing.T) {
	bodies := make([]string, 60)
	for i := range bodies {
		bodies[i] = fmt.Sprintf("# %d", i)
	}
	c := NewSlideCache(bodies, common.NewTheme(common.ThemeDark).Glamour, termenv.Ascii)
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := 0; i < 400; i++ {
					c.RenderAround((i*7+g*13)%len(bodies), 40+(i+g)%2)
				}
			}(g)
		}
		wg.Wait()
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("concurrent render-aheads deadlocked")
	}
}

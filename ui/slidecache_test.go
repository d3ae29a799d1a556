package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
)

// BenchmarkSlideCacheGet is the lookup a keypress pays for a slide that
// is already rendered.
func BenchmarkSlideCacheGet(b *testing.B) {
	deck := builtinDeck(b)
	c := NewSlideCache(SlideBodies(deck), NewTheme(ThemeDark).Glamour, termenv.Ascii)
	c.RenderAhead(0, 120)
	n := c.Len()
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
			app.cache.RenderAhead(0, size[0])
			d := &driver{t: b, m: app}
			d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			next, first := keyMsg("right"), keyMsg("home")
			n := len(deck.Flat())
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%n == n-1 {
					d.m.Update(first)
				}
				d.m.Update(next)
				_ = d.m.View()
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
		c := NewSlideCache(bodies, NewTheme(ThemeDark).Glamour, termenv.Ascii)
		c.Render(i%len(bodies), 120)
	}
}

func sizeName(s [2]int) string { return fmt.Sprintf("%dx%d", s[0], s[1]) }

package ui

import (
	"sort"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// reportPercentiles reports the median and the 99th percentile of samples
// in milliseconds.
func reportPercentiles(b *testing.B, samples []time.Duration) {
	if len(samples) == 0 {
		return
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(samples[len(samples)/2]), "p50-ms")
	b.ReportMetric(ms(samples[len(samples)*99/100]), "p99-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkLiveCommit is one captured entry committed durably through the
// live session: queued, saved in its own synced write transaction, applied
// and announced (README, Performance: under 5 ms at p99).
func BenchmarkLiveCommit(b *testing.B) {
	deck := builtinDeck(b)
	l := testLive(b, testStore(b), deck, "North")
	samples := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		m := l.CommitNow(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: "M1-E3", Group: model.GroupKey(i%3 + 1), Field: "benefits", Text: "Joint visits with the district nurses save a trip",
		}})
		samples = append(samples, time.Since(start))
		if m.Err != nil {
			b.Fatal(m.Err)
		}
	}
	reportPercentiles(b, samples)
}

// BenchmarkTypingWhileSaving types into M1-E3's input while saves run
// without pause on other goroutines: each keystroke's Update and View
// must not wait for a save.
func BenchmarkTypingWhileSaving(b *testing.B) {
	deck := builtinDeck(b)
	st := testStore(b)
	cfg := Config{Start: ScreenPresent, Module: deck.ModuleByID("m1"), Team: "North", Store: st}
	app := testApp(deck, cfg)
	d := &driver{T: b, M: app}
	d.Run(app.Init())
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.Send(keyMsg(":"))
	typeText(d, "m1 12")
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("enter"))
	d.Send(keyMsg("down"))
	d.Send(keyMsg("enter"))
	live := app.Live()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var saves int
	wg.Add(1)
	go func() { // saves in flight all the time
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			live.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: "M1-E3", Group: "g2", Field: "limitations", Text: "saved in the background"}})()
			saves++
		}
	}()
	samples := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('a' + i%26)}}
		start := time.Now()
		m, _ := app.Update(k) // the commands (draft saves) run elsewhere, as in the program
		_ = m.View()
		samples = append(samples, time.Since(start))
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	reportPercentiles(b, samples)
	b.ReportMetric(float64(saves), "saves")
}

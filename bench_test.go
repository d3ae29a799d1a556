//go:build !windows

package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/carehuddle/huddle/toolkit"
)

// ptyRun is huddle running under a pseudo-terminal that, like a terminal
// that ignores queries, never answers anything the program asks.
type ptyRun struct {
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer
	more chan struct{}
}

// ptyDB, when set, is the database the programs startPty runs use;
// otherwise each gets a new one.
var ptyDB string

func startPty(tb testing.TB, bin string, cols, rows int, args ...string) *ptyRun {
	tb.Helper()
	dir := tb.TempDir()
	db := filepath.Join(dir, "huddle.db")
	if ptyDB != "" {
		db = ptyDB
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(withoutCI(os.Environ()), "TERM=xterm-256color", "HUDDLE_DB="+db, "XDG_DATA_HOME="+dir)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		tb.Fatal(err)
	}
	r := &ptyRun{cmd: cmd, tty: tty, more: make(chan struct{}, 1)}
	go func() {
		chunk := make([]byte, 64*1024)
		for {
			n, err := tty.Read(chunk)
			if n > 0 {
				r.mu.Lock()
				r.buf.Write(chunk[:n])
				r.mu.Unlock()
				select {
				case r.more <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return r
}

// withoutCI drops CI from an environment. termenv takes any CI variable
// to mean "not a terminal" and then never queries it, which would let the
// no-stall test pass in CI whatever the code did.
func withoutCI(env []string) []string {
	out := env[:0:0]
	for _, e := range env {
		if !strings.HasPrefix(e, "CI=") {
			out = append(out, e)
		}
	}
	return out
}

// waitAll waits until the output since the last reset holds every marker
// (escape sequences removed, in any case: the projector theme upper-cases
// headings), and returns when it happened.
func (r *ptyRun) waitAll(tb testing.TB, timeout time.Duration, markers ...string) time.Time {
	tb.Helper()
	deadline := time.After(timeout)
	for {
		r.mu.Lock()
		text := strings.ToLower(ansi.Strip(r.buf.String()))
		r.mu.Unlock()
		found := true
		for _, m := range markers {
			if !strings.Contains(text, strings.ToLower(m)) {
				found = false
				break
			}
		}
		if found {
			return time.Now()
		}
		select {
		case <-r.more:
		case <-deadline:
			tb.Fatalf("no %q within %v; the output was:\n%s", markers, timeout, text)
		}
	}
}

func (r *ptyRun) reset() {
	r.mu.Lock()
	r.buf.Reset()
	r.mu.Unlock()
}

func (r *ptyRun) stop() {
	_ = r.cmd.Process.Kill()
	_ = r.cmd.Wait()
	_ = r.tty.Close()
}

// firstFrameMarkers are texts of the first slide's full frame: the
// footer and the slide's own heading (not the placeholder).
func firstFrameMarkers(tb testing.TB) []string {
	deck, err := toolkit.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	title := deck.Modules[0].Slides[0].Title
	return []string{fmt.Sprintf("slide 1/%d", len(deck.Flat())), strings.Fields(title)[0]}
}

// reportLatency adds the median and 99th percentile of samples.
func reportLatency(b *testing.B, samples []time.Duration) {
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	pct := func(p float64) float64 {
		i := int(p * float64(len(samples)-1))
		return float64(samples[i].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.5), "ms-median")
	b.ReportMetric(pct(0.99), "ms-p99")
}

// BenchmarkStartToFirstFrame: from exec to the first full frame of the
// built-in deck at 120x40 (README, Performance: under 40 ms median), with the
// facilitator's database already there (the usual case: it opens the
// database and starts a session) and on a first run that creates it.
func BenchmarkStartToFirstFrame(b *testing.B) {
	bin := huddleBinary(b)
	markers := firstFrameMarkers(b)
	for _, existing := range []bool{true, false} {
		name := "new-db"
		if existing {
			name = "existing-db"
		}
		b.Run(name, func(b *testing.B) {
			ptyDB = ""
			if existing {
				ptyDB = filepath.Join(b.TempDir(), "huddle.db")
				r := startPty(b, bin, 120, 40, "present")
				r.waitAll(b, 5*time.Second, markers...)
				r.stop()
			}
			defer func() { ptyDB = "" }()
			samples := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				r := startPty(b, bin, 120, 40, "present")
				done := r.waitAll(b, 5*time.Second, markers...)
				samples = append(samples, done.Sub(start))
				r.stop()
			}
			reportLatency(b, samples)
		})
	}
}

// BenchmarkKeypressToNextSlide: from writing "next" to the next slide
// drawn, at 120x40 and 200x60 (README, Performance: under 8 ms median, 16 ms p99).
func BenchmarkKeypressToNextSlide(b *testing.B) {
	bin := huddleBinary(b)
	deck, err := toolkit.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	total := len(deck.Flat())
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			r := startPty(b, bin, size[0], size[1], "present")
			defer r.stop()
			r.waitAll(b, 5*time.Second, firstFrameMarkers(b)...)
			time.Sleep(1500 * time.Millisecond) // let the render-ahead finish
			samples := make([]time.Duration, 0, b.N)
			cur := 1
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if cur == total {
					b.StopTimer()
					r.reset()
					_, _ = r.tty.Write([]byte("g"))
					r.waitAll(b, 5*time.Second, fmt.Sprintf("slide 1/%d", total))
					cur = 1
					b.StartTimer()
				}
				// A person's keypress falls at any moment; huddle draws a
				// frame as soon as a key is handled (no frame ticker), so
				// the pause only keeps keys from arriving in lockstep with
				// whatever else the program is doing.
				b.StopTimer()
				time.Sleep(time.Duration(rand.Int64N(int64(10 * time.Millisecond))))
				b.StartTimer()
				r.reset()
				start := time.Now()
				_, _ = r.tty.Write([]byte("n"))
				cur++
				done := r.waitAll(b, 5*time.Second, fmt.Sprintf("slide %d/%d", cur, total))
				samples = append(samples, done.Sub(start))
			}
			reportLatency(b, samples)
		})
	}
}

// TestNoStallOnSilentTerminal: the pseudo-terminal never answers colour or
// size queries; the first full frame must still come at once, not after a
// query's time-out (glamour's and termenv's wait up to 5 s).
func TestNoStallOnSilentTerminal(t *testing.T) {
	bin := huddleBinary(t)
	for _, theme := range []string{"auto", "light", "projector"} {
		start := time.Now()
		r := startPty(t, bin, 100, 30, "present", "--theme", theme)
		done := r.waitAll(t, 4*time.Second, firstFrameMarkers(t)...)
		r.stop()
		if d := done.Sub(start); d > 2*time.Second {
			t.Errorf("theme %s: first frame after %v: something waited on the terminal", theme, d)
		}
	}
}

//go:build ignore

// Peer measures huddle against maaslalani/slides on the same deck, both
// run in pseudo-terminals, alternating in one run, frames found by text
// markers. It is run by .ci/peer, which builds both programs and writes
// the decks; run it alone with:
//
//	go run .ci/peer.go -huddle BIN -slides BIN -deck DIR -builtin FILE
//
// DIR holds one module file (huddle reads the directory, slides the file:
// the module's front matter is, to slides, its metadata); FILE is the
// built-in deck as one Markdown file for slides.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

var (
	huddleBin = flag.String("huddle", "", "huddle binary")
	slidesBin = flag.String("slides", "", "slides binary")
	deckDir   = flag.String("deck", "", "directory with the 40-slide module file (default: written to -tmp)")
	builtin   = flag.String("builtin", "", "the built-in deck as one Markdown file, for slides (default: written to -tmp from toolkit/deck)")
	rounds    = flag.Int("rounds", 15, "start-ups of each program")
	keys      = flag.Int("keys", 120, "keypresses to each program at each size")
	repeats   = flag.Int("repeats", 2, "times the whole key, memory and idle measurement is repeated")
	idleSecs  = flag.Float64("idle", 5, "seconds of idle sampling")
	tmp       = flag.String("tmp", os.TempDir(), "directory for databases")
)

// goals are the goals' verdicts, printed at the end.
var goals []string

func goal(met bool, what string, args ...any) {
	v := "met    "
	if !met {
		v = "NOT met"
	}
	goals = append(goals, v+"  "+fmt.Sprintf(what, args...))
}

// prog is one of the two programs under test.
type prog struct {
	name  string
	args  func(deck string) []string // for a deck: huddle's directory, slides' file
	page  func(n, total int) string  // the footer text of slide n
	env   []string
	first []string // markers of the first frame of the 40-slide deck
}

func main() {
	flag.Parse()
	writeDecks()
	deckFile := firstMD(*deckDir)
	db := filepath.Join(*tmp, "peer-huddle.db")
	huddle := &prog{
		name: "huddle",
		args: func(deck string) []string {
			if deck == "" {
				return []string{"present"}
			}
			return []string{"present", "--deck", deck}
		},
		page: func(n, total int) string { return fmt.Sprintf("slide %d/%d", n, total) },
		env:  []string{"HUDDLE_DB=" + db, "XDG_DATA_HOME=" + *tmp},
	}
	slides := &prog{
		name: "slides",
		args: func(deck string) []string { return []string{deck} },
		page: func(n, total int) string { return fmt.Sprintf("slide %d / %d", n, total) },
		env:  []string{"HOME=" + *tmp},
	}
	huddleDeck, slidesDeck := *deckDir, deckFile
	deckArg := func(p *prog) string {
		if p == huddle {
			return huddleDeck
		}
		return slidesDeck
	}
	for _, p := range []*prog{huddle, slides} {
		p.first = []string{"mk01q", p.page(1, 40)}
	}
	both := []*prog{huddle, slides}
	// A first start creates huddle's database; what is measured is the
	// usual start, with the database there.
	warm := start(huddle, deckArg(huddle), 120, 40)
	warm.wait(huddle.first, 5*time.Second)
	warm.stop()

	fmt.Printf("huddle and slides on the same 40-slide deck, alternating; %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Println()

	// Start to first full frame, 120x40.
	ff, ffCPU := map[string][]float64{}, map[string][]float64{}
	for i := 0; i < *rounds; i++ {
		order := both
		if i%2 == 1 {
			order = []*prog{slides, huddle}
		}
		for _, p := range order {
			t0 := time.Now()
			r := start(p, deckArg(p), 120, 40)
			ok := r.wait(p.first, 5*time.Second)
			d := time.Since(t0)
			r.stop()
			if !ok {
				fail(p, r, "first frame")
			}
			ff[p.name] = append(ff[p.name], ms(d))
			ffCPU[p.name] = append(ffCPU[p.name], ms(r.cmd.ProcessState.UserTime()+r.cmd.ProcessState.SystemTime()))
		}
	}
	row("start to first full frame, 120x40 (ms)", ff, false)
	ffr := pct(ff["huddle"], 0.5) / pct(ff["slides"], 0.5)
	goal(ffr <= 0.8, "first frame at most 0.8x slides' (%.2fx)", ffr)
	goal(pct(ff["huddle"], 0.5) < 40, "first frame under 40 ms median (%.1f ms)", pct(ff["huddle"], 0.5))
	// CPU time is steadier than the wall clock on a shared machine: what
	// each program spent from exec until it was stopped at its first frame.
	row("CPU time to the first frame (ms)", ffCPU, false)

	for rep := 0; rep < *repeats; rep++ {
		fmt.Printf("\n-- repeat %d of %d\n", rep+1, *repeats)
		for _, size := range [][2]int{{120, 40}, {200, 60}} {
			lat := keyLatency(both, deckArg, size[0], size[1])
			row(fmt.Sprintf("key to next slide, %dx%d (ms)", size[0], size[1]), lat, true)
			h, sl := lat["huddle"], lat["slides"]
			goal(pct(h, 0.5)/pct(sl, 0.5) <= 0.6, "key at %dx%d: median at most 0.6x slides' (%.2fx)", size[0], size[1], pct(h, 0.5)/pct(sl, 0.5))
			goal(pct(h, 0.5) < 8 && pct(h, 0.99) < 16, "key at %dx%d: under 8 ms median, 16 ms p99 (%.1f / %.1f ms)", size[0], size[1], pct(h, 0.5), pct(h, 0.99))
		}
		memIdle(both, huddle)
	}
	fmt.Println("\ngoals (noisy on a shared machine: compare repeats):")
	for _, g := range goals {
		fmt.Println("  " + g)
	}
}

// keyLatency runs both programs side by side and presses "next" (and
// "previous" on the way back) in each in turn, waiting for the slide's
// marker and its page number in the footer.
func keyLatency(both []*prog, deckArg func(*prog) string, cols, rows int) map[string][]float64 {
	runs := map[*prog]*run{}
	for _, p := range both {
		r := start(p, deckArg(p), cols, rows)
		defer r.stop()
		if !r.wait(p.first, 5*time.Second) {
			fail(p, r, "first frame")
		}
		runs[p] = r
	}
	time.Sleep(1500 * time.Millisecond) // huddle renders slides ahead
	out := map[string][]float64{}
	cur, dir := 1, 1
	for i := 0; i < *keys; i++ {
		if cur+dir < 1 || cur+dir > 40 {
			dir = -dir
		}
		cur += dir
		key := "n"
		if dir < 0 {
			key = "p"
		}
		for _, p := range both {
			r := runs[p]
			// A person's keypress falls anywhere in a program's frame
			// interval (huddle's and slides' alike under 20 ms).
			time.Sleep(time.Duration(rand.Int64N(int64(20 * time.Millisecond))))
			r.reset()
			t0 := time.Now()
			r.send(key)
			if !r.wait([]string{fmt.Sprintf("mk%02dq", cur), p.page(cur, 40)}, 5*time.Second) {
				fail(p, r, "slide "+strconv.Itoa(cur))
			}
			out[p.name] = append(out[p.name], ms(time.Since(t0)))
		}
	}
	return out
}

// memIdle presents the built-in deck in each program, walks through all
// of it, then reads resident memory (now and peak) and samples idle CPU
// and wake-ups; then huddle again with its timer running.
func memIdle(both []*prog, huddle *prog) {
	type fig struct{ rss, hwm, anon, file, cpu, wake float64 }
	figs := map[string]fig{}
	for _, p := range both {
		deck := ""
		if p != huddle {
			deck = *builtin
		}
		r := start(p, deck, 120, 40)
		total := r.total(p)
		for n := 2; n <= total; n++ {
			r.reset()
			r.send("n")
			if !r.wait([]string{p.page(n, total)}, 5*time.Second) {
				fail(p, r, "built-in deck slide "+strconv.Itoa(n))
			}
		}
		// Let the walk's after-effects settle (huddle's render-ahead and
		// position save, Go handing memory back) before sampling idle.
		time.Sleep(3 * time.Second)
		cpu, wake := r.idle(*idleSecs)
		rss, hwm, anon, file := r.memory()
		figs[p.name] = fig{rss, hwm, anon, file, cpu, wake}
		fmt.Printf("%s presented the built-in deck (%d slides)\n", p.name, total)
		r.stop()
	}
	h, s := figs["huddle"], figs["slides"]
	fmt.Printf("%-44s %10s %10s %8s\n", "", "huddle", "slides", "ratio")
	fmt.Printf("%-44s %10.1f %10.1f %8.2f\n", "resident memory, built-in deck (MB)", h.rss, s.rss, h.rss/s.rss)
	fmt.Printf("%-44s %10.1f %10.1f %8.2f\n", "peak resident memory (MB)", h.hwm, s.hwm, h.hwm/s.hwm)
	fmt.Printf("%-44s %4.1f + %-4.1f %4.1f + %-4.1f\n", "  of which anonymous + file-backed (MB)", h.anon, h.file, s.anon, s.file)
	fmt.Printf("%-44s %10.2f %10.2f %8.2f\n", "idle CPU, no timer (% of a core)", h.cpu, s.cpu, h.cpu/s.cpu)
	fmt.Printf("%-44s %10.1f %10.1f\n", "idle wake-ups a second, no timer", h.wake, s.wake)
	goal(h.rss < s.rss && h.hwm < s.hwm, "memory under slides', peak included (%.1f / %.1f MB against %.1f / %.1f)", h.rss, h.hwm, s.rss, s.hwm)
	goal(h.cpu < 1 && h.wake < 1, "idle: under 1 %% CPU, no wake-ups (%.2f %%, %.1f a second)", h.cpu, h.wake)

	// huddle with its timer running: one redraw a second.
	r := start(huddle, "", 120, 40)
	defer r.stop()
	r.total(huddle)
	time.Sleep(time.Second) // the session opens after the first frame
	r.send("t")
	if !r.wait([]string{"running"}, 5*time.Second) {
		fail(huddle, r, "timer running")
	}
	time.Sleep(1500 * time.Millisecond)
	r.countFrames()
	cpu, wake := r.idle(*idleSecs)
	frames := r.countFrames()
	fmt.Printf("%-44s %10.2f\n", "CPU with the timer running (% of a core)", cpu)
	fmt.Printf("%-44s %10.1f (%.1f frames drawn a second)\n", "wake-ups a second with the timer running", wake, float64(frames)/(*idleSecs))
}

// run is one program in a pseudo-terminal that answers nothing.
type run struct {
	cmd    *exec.Cmd
	tty    *os.File
	mu     sync.Mutex
	buf    bytes.Buffer
	bursts int // reads that began after a quiet 5 ms: frames drawn
	last   time.Time
	more   chan struct{}
}

func start(p *prog, deck string, cols, rows int) *run {
	cmd := exec.Command(binOf(p), p.args(deck)...)
	cmd.Env = append(withoutCI(os.Environ()), "TERM=xterm-256color", "COLORTERM=truecolor")
	cmd.Env = append(cmd.Env, p.env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		fmt.Fprintln(os.Stderr, p.name, err)
		os.Exit(1)
	}
	r := &run{cmd: cmd, tty: tty, more: make(chan struct{}, 1)}
	go func() {
		chunk := make([]byte, 64*1024)
		for {
			n, err := tty.Read(chunk)
			if n > 0 {
				r.mu.Lock()
				if now := time.Now(); now.Sub(r.last) > 5*time.Millisecond {
					r.bursts++
				}
				r.last = time.Now()
				r.buf.Write(chunk[:n])
				r.mu.Unlock()
				r.answer(chunk[:n])
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

// answer replies to the queries a terminal answers: the background and
// foreground colours (OSC 11, OSC 10) and the cursor position (DSR), as a
// dark terminal would. slides asks for the background at start (termenv,
// waiting up to 5 s for an answer); huddle asks nothing. A query split
// across two reads is not answered; none was seen.
func (r *run) answer(out []byte) {
	if bytes.Contains(out, []byte("\x1b]11;?")) {
		r.send("\x1b]11;rgb:1c1c/1c1c/1c1c\x1b\\")
	}
	if bytes.Contains(out, []byte("\x1b]10;?")) {
		r.send("\x1b]10;rgb:d0d0/d0d0/d0d0\x1b\\")
	}
	if bytes.Contains(out, []byte("\x1b[6n")) {
		r.send("\x1b[1;1R")
	}
}

func binOf(p *prog) string {
	if p.name == "huddle" {
		return *huddleBin
	}
	return *slidesBin
}

// withoutCI drops CI from the environment: termenv takes it to mean "not
// a terminal", which would change what is measured.
func withoutCI(env []string) []string {
	out := env[:0:0]
	for _, e := range env {
		if !strings.HasPrefix(e, "CI=") {
			out = append(out, e)
		}
	}
	return out
}

func (r *run) send(s string) { _, _ = r.tty.Write([]byte(s)) }

func (r *run) reset() {
	r.mu.Lock()
	r.buf.Reset()
	r.mu.Unlock()
}

func (r *run) text() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.ToLower(ansi.Strip(r.buf.String()))
}

// wait reports whether every marker appeared (any case) within timeout.
func (r *run) wait(markers []string, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		text := r.text()
		found := true
		for _, m := range markers {
			if !strings.Contains(text, strings.ToLower(m)) {
				found = false
				break
			}
		}
		if found {
			return true
		}
		select {
		case <-r.more:
		case <-deadline:
			return false
		}
	}
}

var pageRE = regexp.MustCompile(`slide 1 ?/ ?(\d+)`)

// total waits for the first frame and reads the deck's number of slides
// from its footer.
func (r *run) total(p *prog) int {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if m := pageRE.FindStringSubmatch(r.text()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
		time.Sleep(5 * time.Millisecond)
	}
	fail(p, r, "first frame of the built-in deck")
	return 0
}

func (r *run) countFrames() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.bursts
	r.bursts = 0
	return n
}

// idle samples the process's CPU time and context switches (all its
// threads: every wake-up) over secs seconds.
func (r *run) idle(secs float64) (cpuPct, wakePerSec float64) {
	pid := r.cmd.Process.Pid
	c0, w0, t0 := cpuTicks(pid), switches(pid), time.Now()
	time.Sleep(time.Duration(secs * float64(time.Second)))
	c1, w1, el := cpuTicks(pid), switches(pid), time.Since(t0).Seconds()
	const hz = 100 // USER_HZ on Linux
	return 100 * float64(c1-c0) / hz / el, float64(w1-w0) / el
}

func cpuTicks(pid int) int {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	u, _ := strconv.Atoi(f[11])
	k, _ := strconv.Atoi(f[12])
	return u + k
}

func switches(pid int) int {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/status", pid))
	n := 0
	for _, t := range tasks {
		data, _ := os.ReadFile(t)
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "voluntary_ctxt_switches:") || strings.HasPrefix(line, "nonvoluntary_ctxt_switches:") {
				v, _ := strconv.Atoi(strings.TrimSpace(line[strings.IndexByte(line, ':')+1:]))
				n += v
			}
		}
	}
	return n
}

func (r *run) memory() (rss, hwm, anon, file float64) {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", r.cmd.Process.Pid))
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		v, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = v / 1024
		case "VmHWM:":
			hwm = v / 1024
		case "RssAnon:":
			anon = v / 1024
		case "RssFile:":
			file = v / 1024
		}
	}
	return rss, hwm, anon, file
}

func (r *run) stop() {
	_ = r.cmd.Process.Kill()
	_ = r.cmd.Wait()
	_ = r.tty.Close()
}

func fail(p *prog, r *run, what string) {
	text := r.text()
	if len(text) > 3000 {
		text = text[len(text)-3000:]
	}
	fmt.Fprintf(os.Stderr, "%s: no %s within the time; the screen was:\n%s\n", p.name, what, text)
	os.Exit(1)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func pct(v []float64, p float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[int(p*float64(len(s)-1)+0.5)]
}

// row prints the medians (and p99) of both programs and their ratio.
func row(what string, v map[string][]float64, p99 bool) {
	h, s := v["huddle"], v["slides"]
	fmt.Printf("%-44s %10s %10s %8s\n", what, "huddle", "slides", "ratio")
	fmt.Printf("%-44s %10.1f %10.1f %8.2f\n", "  median", pct(h, 0.5), pct(s, 0.5), pct(h, 0.5)/pct(s, 0.5))
	if p99 {
		fmt.Printf("%-44s %10.1f %10.1f %8.2f\n", "  p99", pct(h, 0.99), pct(s, 0.99), pct(h, 0.99)/pct(s, 0.99))
	}
	fmt.Printf("%-44s %4.1f–%-5.1f %4.1f–%-5.1f   (n=%d each)\n", "  range", pct(h, 0), pct(h, 1), pct(s, 0), pct(s, 1), len(h))
}

func firstMD(dir string) string {
	m, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(m) != 1 {
		fmt.Fprintf(os.Stderr, "%s: want exactly one .md file\n", dir)
		os.Exit(2)
	}
	return m[0]
}

// writeDecks writes the decks not given: the 40-slide deck, one module
// file in huddle's format whose front matter slides takes for its
// metadata, and the built-in deck (toolkit/deck) as one file for slides,
// the modules' front matter left out.
func writeDecks() {
	if *deckDir == "" {
		*deckDir = filepath.Join(*tmp, "peer-deck")
		var b strings.Builder
		b.WriteString("---\nid: peer\ntitle: Peer deck\nshort: Peer\n---\n")
		for i := 1; i <= 40; i++ {
			if i > 1 {
				b.WriteString("\n---\n")
			}
			fmt.Fprintf(&b, `
# Slide %d: working across health and social care

Integrated teams share one plan for each person they support. mk%02dq

- Social care workers bring knowledge of the **community** and of *rights*
- Health colleagues bring clinical knowledge and a view of risk
- The team agrees who does what, and writes it down
- Reviews look at outcomes that matter to the person

> A short note: the plan belongs to the person, not to the service.

1. Name the decision
2. Share what each profession knows
3. Agree the next step
`, i, i)
		}
		must(os.MkdirAll(*deckDir, 0o755))
		must(os.WriteFile(filepath.Join(*deckDir, "peer.md"), []byte(b.String()), 0o644))
	}
	if *builtin == "" {
		*builtin = filepath.Join(*tmp, "peer-builtin.md")
		files, _ := filepath.Glob("toolkit/deck/*.md")
		var parts []string
		for _, f := range files {
			data, err := os.ReadFile(f)
			must(err)
			text := strings.TrimPrefix(string(data), "---\n")
			if i := strings.Index(text, "\n---\n"); i >= 0 {
				text = text[i+len("\n---\n"):] // the module's front matter
			}
			parts = append(parts, strings.TrimSpace(text))
		}
		if len(parts) == 0 {
			fmt.Fprintln(os.Stderr, "no toolkit/deck/*.md: run from the repository's root")
			os.Exit(2)
		}
		must(os.WriteFile(*builtin, []byte(strings.Join(parts, "\n\n---\n\n")+"\n"), 0o644))
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

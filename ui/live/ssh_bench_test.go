package live

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	gossh "golang.org/x/crypto/ssh"
)

// Benchmarks of the SSH door with Go clients, whose terminals never answer
// a query. The participant screen is a stand-in with a clock that ticks
// every second (as the room's timer does) and a count of keys.
//
//	go test ./ui/live/ -run '^$' -bench 'SSHJoin|SSHKeyToScreen20' -benchtime 300x
//	go test ./ui/live/ -run '^$' -bench SSHIdle50 -benchtime 1x

// benchDoor lets everyone in with a ticking screen.
type benchDoor struct{ n atomic.Int64 }

func (d *benchDoor) Enter(code, source string) (Guest, error) {
	return benchGuest(d.n.Add(1)), nil
}

type benchGuest int64

func (benchGuest) Leave() {}
func (g benchGuest) Model(r *lipgloss.Renderer) tea.Model {
	return benchModel{n: int64(g), style: r.NewStyle().Bold(true)}
}

type benchModel struct {
	n, keys int64
	clock   time.Time
	style   lipgloss.Style
}

type benchTick time.Time

func benchTickCmd() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return benchTick(t) })
}

func (m benchModel) Init() tea.Cmd { return benchTickCmd() }

func (m benchModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case benchTick:
		m.clock = time.Time(msg)
		return m, benchTickCmd()
	case tea.KeyMsg:
		m.keys += int64(len(msg.Runes))
	}
	return m, nil
}

func (m benchModel) View() string {
	return fmt.Sprintf("%s\nclock %s\nkeys %d:", m.style.Render(fmt.Sprintf("Participant %d", m.n)), m.clock.Format("15:04:05"), m.keys)
}

// keyWatch reads a client's output and keeps the highest "keys N:" seen.
type keyWatch struct {
	seen atomic.Int64
	ping chan struct{}
}

func watchKeys(r io.Reader) *keyWatch {
	w := &keyWatch{ping: make(chan struct{}, 1)}
	w.seen.Store(-1)
	go func() {
		buf := make([]byte, 32*1024)
		var tail []byte
		for {
			n, err := r.Read(buf)
			if n > 0 {
				data := append(tail, buf[:n]...)
				for i := 0; ; {
					j := bytes.Index(data[i:], []byte("keys "))
					if j < 0 {
						break
					}
					i += j + 5
					k := i
					for k < len(data) && data[k] >= '0' && data[k] <= '9' {
						k++
					}
					if k < len(data) && data[k] == ':' && k > i {
						v, _ := strconv.ParseInt(string(data[i:k]), 10, 64)
						if v > w.seen.Load() {
							w.seen.Store(v)
						}
					}
				}
				tail = append([]byte(nil), data[max(0, len(data)-32):]...)
				select {
				case w.ping <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return w
}

func (w *keyWatch) waitAtLeast(tb testing.TB, v int64) {
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for w.seen.Load() < v {
		select {
		case <-w.ping:
		case <-deadline.C:
			tb.Fatalf("no screen with keys %d (last %d)", v, w.seen.Load())
		}
	}
}

type benchClient struct {
	c     *gossh.Client
	in    io.Writer
	watch *keyWatch
	keys  int64
}

// benchJoin joins one Go client and waits for its first screen.
func benchJoin(tb testing.TB, addr string) *benchClient {
	c, err := goJoin(addr, sshTestCode, "", nil)
	if err != nil {
		tb.Fatal(err)
	}
	sess, err := c.NewSession()
	if err != nil {
		tb.Fatal(err)
	}
	out, _ := sess.StdoutPipe()
	in, _ := sess.StdinPipe()
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		tb.Fatal(err)
	}
	w := watchKeys(out)
	if err := sess.Shell(); err != nil {
		tb.Fatal(err)
	}
	w.waitAtLeast(tb, 0)
	return &benchClient{c: c, in: in, watch: w}
}

func reportQuantiles(b *testing.B, ds []time.Duration, unit string) {
	slices.Sort(ds)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(ds[len(ds)/2]), "median-ms/"+unit)
	b.ReportMetric(ms(ds[min(len(ds)-1, len(ds)*99/100)]), "p99-ms/"+unit)
	b.ReportMetric(0, "ns/op")
}

// BenchmarkSSHJoin: from dialling to the first screen, per participant
// (key exchange, the code, the terminal, the first frame).
func BenchmarkSSHJoin(b *testing.B) {
	s := startSSH(b, &benchDoor{})
	var ds []time.Duration
	for b.Loop() {
		start := time.Now()
		c := benchJoin(b, s.Addr().String())
		ds = append(ds, time.Since(start))
		c.c.Close()
	}
	reportQuantiles(b, ds, "join")
}

// BenchmarkSSHKeyToScreen20: with 20 participants connected, one sends a
// key and waits until its own screen shows it; participants take turns.
// The time includes waiting for the next frame (participantFPS).
func BenchmarkSSHKeyToScreen20(b *testing.B) {
	s := startSSH(b, &benchDoor{})
	cs := make([]*benchClient, 20)
	for i := range cs {
		cs[i] = benchJoin(b, s.Addr().String())
		defer cs[i].c.Close()
	}
	var ds []time.Duration
	i := 0
	for b.Loop() {
		c := cs[i%len(cs)]
		i++
		c.keys++
		// A person's key comes at any moment, not just after a frame
		// was drawn: wait a random part of a frame first (not timed).
		b.StopTimer()
		time.Sleep(time.Duration(rand.Int64N(int64(time.Second / participantFPS))))
		b.StartTimer()
		start := time.Now()
		if _, err := c.in.Write([]byte("a")); err != nil {
			b.Fatal(err)
		}
		c.watch.waitAtLeast(b, c.keys)
		ds = append(ds, time.Since(start))
	}
	reportQuantiles(b, ds, "key")
}

// BenchmarkSSHIdle50 runs the server in a child process, joins 50
// participants whose screens tick every second, and measures the child's
// added resident memory and its CPU over a 5-second idle spell (Linux:
// /proc). One iteration is the whole measurement; run with -benchtime 1x.
func BenchmarkSSHIdle50(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc")
	}
	for b.Loop() {
		dir := b.TempDir()
		portFile := filepath.Join(dir, "port")
		child := exec.Command(os.Args[0], "-test.run=^TestSSHBenchChildServer$", "-test.count=1")
		child.Env = append(os.Environ(), "HUDDLE_SSH_BENCH_CHILD="+portFile)
		stdin, _ := child.StdinPipe()
		if err := child.Start(); err != nil {
			b.Fatal(err)
		}
		port := ""
		for deadline := time.Now().Add(20 * time.Second); port == ""; time.Sleep(10 * time.Millisecond) {
			if data, err := os.ReadFile(portFile); err == nil && bytes.HasSuffix(data, []byte("\n")) {
				port = strings.TrimSpace(string(data))
			}
			if time.Now().After(deadline) {
				b.Fatal("the child server did not start")
			}
		}
		pid := child.Process.Pid
		time.Sleep(500 * time.Millisecond)
		before := procRSS(b, pid)
		var cs []*benchClient
		for range 50 {
			cs = append(cs, benchJoin(b, "127.0.0.1:"+port))
		}
		time.Sleep(2 * time.Second) // joins settle
		after := procRSS(b, pid)
		cpu0, t0 := procCPU(b, pid), time.Now()
		time.Sleep(5 * time.Second)
		cpu1, t1 := procCPU(b, pid), time.Now()
		for _, c := range cs {
			c.c.Close()
		}
		stdin.Close()
		_ = child.Wait()
		b.ReportMetric(float64(after-before)/(1<<20), "added-MB")
		b.ReportMetric(100*(cpu1-cpu0).Seconds()/t1.Sub(t0).Seconds(), "idle-%core")
		b.ReportMetric(0, "ns/op")
	}
}

// TestSSHBenchChildServer is BenchmarkSSHIdle50's server; it runs only in
// that child process.
func TestSSHBenchChildServer(t *testing.T) {
	portFile := os.Getenv("HUDDLE_SSH_BENCH_CHILD")
	if portFile == "" {
		t.Skip("runs as the child of BenchmarkSSHIdle50")
	}
	s, err := ListenSSH("127.0.0.1:0", &benchDoor{}, sshTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := os.WriteFile(portFile, []byte(fmt.Sprintf("%d\n", portOf(t, s.Addr()))), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// procRSS is a process's resident memory in bytes.
func procRSS(tb testing.TB, pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	tb.Fatal("no VmRSS")
	return 0
}

// procCPU is a process's user and system CPU time so far.
func procCPU(tb testing.TB, pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		tb.Fatal(err)
	}
	// Fields after the command name (which is in parentheses).
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+2:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	const hz = 100 // USER_HZ on Linux
	return time.Duration(utime+stime) * time.Second / hz
}

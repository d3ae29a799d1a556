package live

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// Benchmarks of the web door with 200 simulated phones on loopback. The
// server (a real Room with a poll open and results shown, behind the real
// web server) runs in a child process, so that its memory and CPU are its
// own; the phones are Go clients with cookie jars and event streams.
//
//	go test ./ui/live/ -run '^$' -bench 'WebVote200' -benchtime 400x
//	go test ./ui/live/ -run '^$' -bench 'WebIdle200' -benchtime 1x

const webBenchPhones = 200

// webChild is the benchmark's server process.
type webChild struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	origin string
	join   string
}

func startWebChild(b *testing.B) *webChild {
	b.Helper()
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc")
	}
	file := filepath.Join(b.TempDir(), "addr")
	cmd := exec.Command(os.Args[0], "-test.run=^TestWebBenchChildServer$", "-test.count=1")
	cmd.Env = append(os.Environ(), "HUDDLE_WEB_BENCH_CHILD="+file)
	stdin, _ := cmd.StdinPipe()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	c := &webChild{cmd: cmd, stdin: stdin}
	b.Cleanup(func() { stdin.Close(); _ = cmd.Wait() })
	for deadline := time.Now().Add(20 * time.Second); c.join == ""; time.Sleep(10 * time.Millisecond) {
		if data, err := os.ReadFile(file); err == nil && bytes.Count(data, []byte("\n")) == 2 {
			f := strings.Fields(string(data))
			c.origin, c.join = f[0], f[1]
		}
		if time.Now().After(deadline) {
			b.Fatal("the child server did not start")
		}
	}
	return c
}

// TestWebBenchChildServer is the web benchmarks' server; it runs only in
// their child process.
func TestWebBenchChildServer(t *testing.T) {
	file := os.Getenv("HUDDLE_WEB_BENCH_CHILD")
	if file == "" {
		t.Skip("runs as the child of the web benchmarks")
	}
	r, err := NewRoom(Config{Recorder: newFakeRecorder(), Max: 500})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	s, err := ListenWeb("127.0.0.1:0", r)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(s.Origin()+"\n"+s.JoinURL()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, os.Stdin)
	r.Close()
	_ = s.Shutdown(t.Context())
}

// benchPhone is one simulated phone: its client and its stream's views,
// as the times they arrived.
type benchPhone struct {
	c    *http.Client
	body io.Closer
}

// webBenchJoin joins n phones, each with its event stream open; every
// view event sends the phone's index and the time to got.
func webBenchJoin(b *testing.B, ch *webChild, n int, got chan<- [2]int64) []*benchPhone {
	b.Helper()
	tr := &http.Transport{MaxIdleConnsPerHost: n}
	b.Cleanup(tr.CloseIdleConnections)
	phones := make([]*benchPhone, n)
	for i := range phones {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, Transport: tr}
		resp, err := c.Get(ch.join)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("join %d: %v %v", i, resp, err)
		}
		resp.Body.Close()
		resp, err = c.Get(ch.origin + "/events")
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("events %d: %v %v", i, resp, err)
		}
		phones[i] = &benchPhone{c: c, body: resp.Body}
		b.Cleanup(func() { resp.Body.Close() })
		go func() {
			rd := bufio.NewReader(resp.Body)
			for {
				line, err := rd.ReadString('\n')
				if err != nil {
					return
				}
				if line == "event: view\n" {
					got <- [2]int64{int64(i), time.Now().UnixNano()}
				}
			}
		}()
	}
	return phones
}

// vote posts phone p's vote.
func (p *benchPhone) vote(b *testing.B, origin string, option int) {
	body, _ := json.Marshal(map[string]any{"do": "vote", "option": option})
	req, _ := http.NewRequest(http.MethodPost, origin+"/act", bytes.NewReader(body))
	req.Header.Set("Origin", origin)
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.c.Do(req)
	if err != nil || resp.StatusCode != 200 {
		b.Fatalf("vote: %v %v", resp, err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// waitAll waits until every phone has had a view event, and gives the
// latest time each did.
func waitAll(b *testing.B, got <-chan [2]int64, n int) []int64 {
	seen := make([]int64, n)
	left := n
	timeout := time.After(30 * time.Second)
	for left > 0 {
		select {
		case g := <-got:
			if seen[g[0]] == 0 {
				left--
			}
			seen[g[0]] = g[1]
		case <-timeout:
			b.Fatalf("%d phones got no view in 30 s", left)
		}
	}
	return seen
}

// BenchmarkWebVote200: with 200 phones' streams open, one phone votes
// (phones take turns, each vote changes the poll's shown tally); the time
// is from the vote's POST to the view reaching each of the 200 streams.
// Reports the median and p99 over every stream of every vote.
func BenchmarkWebVote200(b *testing.B) {
	ch := startWebChild(b)
	got := make(chan [2]int64, 4*webBenchPhones)
	phones := webBenchJoin(b, ch, webBenchPhones, got)
	waitAll(b, got, webBenchPhones) // the first views
	time.Sleep(200 * time.Millisecond)
	for len(got) > 0 { // views of later joins
		<-got
	}
	var ds []time.Duration
	i := 0
	for b.Loop() {
		p := phones[i%len(phones)]
		option := (i / len(phones)) % len(poll.Options)
		i++
		start := time.Now()
		p.vote(b, ch.origin, option)
		for _, at := range waitAll(b, got, webBenchPhones) {
			ds = append(ds, time.Duration(at-start.UnixNano()))
		}
	}
	reportQuantiles(b, ds, "stream")
}

// BenchmarkWebIdle200: the server's added resident memory with 200 phones
// joined and their streams open, and its CPU over an idle spell of 21
// seconds (so that it holds one keep-alive comment to every stream).
// One iteration is the whole measurement; run with -benchtime 1x.
func BenchmarkWebIdle200(b *testing.B) {
	for b.Loop() {
		ch := startWebChild(b)
		pid := ch.cmd.Process.Pid
		time.Sleep(500 * time.Millisecond)
		before := procRSS(b, pid)
		got := make(chan [2]int64, 4*webBenchPhones)
		webBenchJoin(b, ch, webBenchPhones, got)
		waitAll(b, got, webBenchPhones)
		time.Sleep(2 * time.Second) // joins settle
		after := procRSS(b, pid)
		cpu0, t0 := procCPU(b, pid), time.Now()
		time.Sleep(defaultKeepAlive + time.Second)
		cpu1, t1 := procCPU(b, pid), time.Now()
		b.ReportMetric(float64(after-before)/(1<<20), "added-MB")
		b.ReportMetric(100*(cpu1-cpu0).Seconds()/t1.Sub(t0).Seconds(), "idle-%core")
		b.ReportMetric(0, "ns/op")
	}
}

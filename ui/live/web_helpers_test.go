package live

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
	"time"
)

// startWeb starts a room's web door on loopback; it shuts down when the
// test ends.
func startWeb(t testing.TB, r *Room, opts ...WebOption) *WebServer {
	t.Helper()
	s, err := ListenWeb("127.0.0.1:0", r, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Shutdown(ctx)
	})
	return s
}

// webClient is a phone: a cookie jar and the page's origin.
type webClient struct {
	t      testing.TB
	s      *WebServer
	c      *http.Client
	origin string
}

func newWebClient(t testing.TB, s *WebServer) *webClient {
	jar, _ := cookiejar.New(nil)
	return &webClient{t: t, s: s, c: &http.Client{Jar: jar, Timeout: 10 * time.Second}, origin: s.Origin()}
}

// join opens the join link (as the QR code gives it) and reports the
// final status.
func (w *webClient) join(url string) int {
	w.t.Helper()
	resp, err := w.c.Get(url)
	if err != nil {
		w.t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// act posts an action from the page's origin.
func (w *webClient) act(a map[string]any) (int, webAnswer) {
	w.t.Helper()
	return w.post(w.origin, a)
}

func (w *webClient) post(origin string, a map[string]any) (int, webAnswer) {
	w.t.Helper()
	b, _ := json.Marshal(a)
	req, _ := http.NewRequest(http.MethodPost, w.s.Origin()+"/act", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := w.c.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	var ans webAnswer
	_ = json.NewDecoder(resp.Body).Decode(&ans)
	return resp.StatusCode, ans
}

// sseEvent is one server-sent event.
type sseEvent struct {
	Name string
	Data string
}

// stream is an open event stream: events as they come, and every byte
// received.
type stream struct {
	events chan sseEvent
	mu     sync.Mutex
	raw    bytes.Buffer
	cancel context.CancelFunc
	status int
	done   chan struct{}
}

// events opens the client's event stream.
func (w *webClient) events() *stream {
	w.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, w.s.Origin()+"/events", nil)
	c := *w.c
	c.Timeout = 0
	resp, err := c.Do(req)
	if err != nil {
		cancel()
		w.t.Fatal(err)
	}
	st := &stream{events: make(chan sseEvent, 1024), cancel: cancel, status: resp.StatusCode, done: make(chan struct{})}
	w.t.Cleanup(func() { cancel(); <-st.done })
	go func() {
		defer close(st.done)
		defer close(st.events)
		defer resp.Body.Close()
		rd := bufio.NewReader(resp.Body)
		var ev sseEvent
		for {
			line, err := rd.ReadString('\n')
			st.mu.Lock()
			st.raw.WriteString(line)
			st.mu.Unlock()
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "":
				if ev.Name != "" || ev.Data != "" {
					st.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.Name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.Data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return st
}

// Raw is every byte the stream received so far.
func (st *stream) Raw() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.raw.String()
}

// next waits for the next event.
func (st *stream) next(t testing.TB) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-st.events:
		if !ok {
			t.Fatal("the stream ended")
		}
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10 s")
	}
	return sseEvent{}
}

// viewWhere waits for a view event for which ok is true, and returns it.
func (st *stream) viewWhere(t testing.TB, ok func(webView) bool) webView {
	t.Helper()
	for {
		ev := st.next(t)
		if ev.Name != "view" {
			t.Fatalf("event %q while waiting for a view", ev.Name)
		}
		var d struct {
			Now  int64   `json:"now"`
			View webView `json:"view"`
		}
		if err := json.Unmarshal([]byte(ev.Data), &d); err != nil {
			t.Fatalf("view event %q: %v", ev.Data, err)
		}
		if ok(d.View) {
			return d.View
		}
	}
}

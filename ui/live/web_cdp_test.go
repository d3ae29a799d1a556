//go:build unix

package live

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// A minimal client of the Chrome DevTools protocol, to drive headless
// Chromium in tests: the browser runs in its own process group (Debian's
// wrapper forks, and an open event stream keeps --dump-dom from ever
// returning), and is spoken to over its debugging websocket.

// chromiumPaths are where Debian's packages put the browser itself (not
// the /usr/bin wrapper script).
var chromiumPaths = []string{
	"/usr/lib/chromium/chromium-headless-shell",
	"/usr/lib/chromium/chromium",
}

// browser is a running headless Chromium and one page of it.
type browser struct {
	t      testing.TB
	cmd    *exec.Cmd
	ws     *websocket.Conn
	mu     sync.Mutex
	nextID int
	waits  map[int]chan cdpReply
	events []cdpEvent
}

type cdpReply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

type cdpEvent struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// startBrowser starts headless Chromium at a phone's size, or skips the
// test when none is installed.
func startBrowser(t testing.TB, width, height int) *browser {
	t.Helper()
	bin := ""
	for _, p := range chromiumPaths {
		if _, err := os.Stat(p); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	const origin = "http://127.0.0.1"
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
		"--user-data-dir="+dir, "--remote-debugging-port=0", "--remote-allow-origins="+origin,
		fmt.Sprintf("--window-size=%d,%d", width, height), "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, cmd: cmd, waits: map[int]chan cdpReply{}}
	t.Cleanup(b.stop)
	// The browser writes its port to DevToolsActivePort once it listens.
	var port string
	deadline := time.Now().Add(30 * time.Second)
	for port == "" {
		if time.Now().After(deadline) {
			t.Fatal("chromium did not start its debugging port within 30 s")
		}
		if data, err := os.ReadFile(filepath.Join(dir, "DevToolsActivePort")); err == nil {
			port, _, _ = strings.Cut(string(data), "\n")
		}
		time.Sleep(50 * time.Millisecond)
	}
	var targets []cdpTarget
	for len(targets) == 0 {
		resp, err := http.Get("http://127.0.0.1:" + port + "/json/list")
		if err == nil {
			_ = json.NewDecoder(resp.Body).Decode(&targets)
			resp.Body.Close()
		}
		targets = pagesOf(targets)
		if len(targets) == 0 {
			if time.Now().After(deadline) {
				t.Fatal("chromium has no page")
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	ws, err := websocket.Dial(targets[0].WS, "", origin)
	if err != nil {
		t.Fatal(err)
	}
	ws.MaxPayloadBytes = 64 << 20
	b.ws = ws
	go b.read()
	b.call("Page.enable", nil)
	b.call("Runtime.enable", nil)
	b.call("Log.enable", nil)
	b.call("Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 2, "mobile": true})
	return b
}

// cdpTarget is one of the browser's targets (a page, a worker...).
type cdpTarget struct {
	Type string `json:"type"`
	WS   string `json:"webSocketDebuggerUrl"`
}

// pagesOf keeps the pages.
func pagesOf(ts []cdpTarget) []cdpTarget {
	var out []cdpTarget
	for _, t := range ts {
		if t.Type == "page" {
			out = append(out, t)
		}
	}
	return out
}

// stop ends the browser and everything it started.
func (b *browser) stop() {
	if b.ws != nil {
		b.ws.Close()
	}
	if b.cmd.Process != nil {
		_ = syscall.Kill(-b.cmd.Process.Pid, syscall.SIGKILL)
		_ = b.cmd.Wait()
	}
}

// read dispatches replies to their callers and keeps events.
func (b *browser) read() {
	for {
		var msg string
		if err := websocket.Message.Receive(b.ws, &msg); err != nil {
			b.mu.Lock()
			for id, c := range b.waits {
				close(c)
				delete(b.waits, id)
			}
			b.mu.Unlock()
			return
		}
		var m struct {
			ID int `json:"id"`
			cdpReply
			cdpEvent
		}
		if json.Unmarshal([]byte(msg), &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if c := b.waits[m.ID]; c != nil {
				c <- m.cdpReply
				delete(b.waits, m.ID)
			}
		} else {
			b.events = append(b.events, m.cdpEvent)
		}
		b.mu.Unlock()
	}
}

// call sends one command and waits for its result.
func (b *browser) call(method string, params any) json.RawMessage {
	b.t.Helper()
	res, err := b.try(method, params)
	if err != nil {
		b.t.Fatalf("%s: %v", method, err)
	}
	return res
}

func (b *browser) try(method string, params any) (json.RawMessage, error) {
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	c := make(chan cdpReply, 1)
	b.waits[id] = c
	b.mu.Unlock()
	if params == nil {
		params = map[string]any{}
	}
	msg, _ := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err := websocket.Message.Send(b.ws, string(msg)); err != nil {
		return nil, err
	}
	select {
	case r, ok := <-c:
		if !ok {
			return nil, errors.New("the browser went away")
		}
		if r.Error != nil {
			return nil, errors.New(r.Error.Message)
		}
		return r.Result, nil
	case <-time.After(30 * time.Second):
		return nil, errors.New("no answer within 30 s")
	}
}

// eval evaluates a JavaScript expression in the page and decodes its
// value into out.
func (b *browser) eval(expr string, out any) {
	b.t.Helper()
	res := b.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		Exception *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(res, &r); err != nil || r.Exception != nil {
		b.t.Fatalf("%s: %v %+v", expr, err, r.Exception)
	}
	if out != nil && len(r.Result.Value) > 0 {
		if err := json.Unmarshal(r.Result.Value, out); err != nil {
			b.t.Fatalf("%s = %s: %v", expr, r.Result.Value, err)
		}
	}
}

// waitFor evaluates a boolean expression until it is true.
func (b *browser) waitFor(expr string) {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var ok bool
		b.eval("(function(){try{return Boolean("+expr+")}catch(e){return false}})()", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			var body string
			b.eval("document.body.innerText", &body)
			b.t.Fatalf("the page never had %s; it shows:\n%s", expr, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// tap taps the middle of the element the selector finds, as a finger
// would (pointer events at its place on the screen).
func (b *browser) tap(selector string) {
	b.t.Helper()
	var box struct{ X, Y float64 }
	js, _ := json.Marshal(selector)
	b.eval(`(function(){var e=document.querySelector(`+string(js)+`);e.scrollIntoView({block:"center"});`+
		`var r=e.getBoundingClientRect();return {X:r.x+r.width/2,Y:r.y+r.height/2};})()`, &box)
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		b.call("Input.dispatchMouseEvent", map[string]any{
			"type": typ, "x": box.X, "y": box.Y, "button": "left", "clickCount": 1})
	}
}

// logged is what the page logged as errors (a blocked script or style,
// a refused request), as text.
func (b *browser) logged() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, e := range b.events {
		switch e.Method {
		case "Log.entryAdded", "Runtime.exceptionThrown":
			if e.Method == "Runtime.exceptionThrown" || strings.Contains(string(e.Params), `"level":"error"`) {
				out = append(out, string(e.Params))
			}
		}
	}
	return out
}

// sawEvent reports whether the browser has sent an event of method.
func (b *browser) sawEvent(method string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.events {
		if e.Method == method {
			return true
		}
	}
	return false
}

// screenshot saves the whole page, top to bottom, as a PNG.
func (b *browser) screenshot(path string) {
	b.t.Helper()
	b.eval("window.scrollTo(0, 0)", nil)
	var size struct{ W, H float64 }
	b.eval("({W: document.documentElement.clientWidth, H: document.documentElement.scrollHeight})", &size)
	res := b.call("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": size.W, "height": size.H, "scale": 1}})
	var r struct {
		Data []byte `json:"data"` // base64 in JSON, decoded by encoding/json
	}
	if err := json.Unmarshal(res, &r); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, r.Data, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

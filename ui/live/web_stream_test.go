package live

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TestWebRoomClosedEvent: closing the room sends every stream "closed",
// ends it, and the cookie no longer works.
func TestWebRoomClosedEvent(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	var streams []*stream
	var phones []*webClient
	for range 3 {
		p := newWebClient(t, s)
		p.join(s.JoinURL())
		st := p.events()
		st.viewWhere(t, func(webView) bool { return true })
		streams, phones = append(streams, st), append(phones, p)
	}
	r.Close()
	for i, st := range streams {
		if ev := st.next(t); ev.Name != "closed" {
			t.Fatalf("stream %d: %+v", i, ev)
		}
		if _, ok := <-st.events; ok {
			t.Fatalf("stream %d goes on after closed", i)
		}
	}
	if st, a := phones[0].act(map[string]any{"do": "note", "text": "late"}); st != http.StatusConflict ||
		!strings.Contains(a.Error, "closed") {
		t.Fatalf("an action in a closed room: %d %+v", st, a)
	}
	if st := phones[1].join(s.Origin() + "/J/ANYTHING"); st != http.StatusGone {
		t.Fatalf("joining a closed room: %d", st)
	}
}

// TestWebShutdownClosesStreams: the server stopping tells the pages too,
// and the participants leave.
func TestWebShutdownClosesStreams(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s, err := ListenWeb("127.0.0.1:0", r)
	if err != nil {
		t.Fatal(err)
	}
	p := newWebClient(t, s)
	p.join(s.JoinURL())
	st := p.events()
	st.viewWhere(t, func(webView) bool { return true })
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if ev := st.next(t); ev.Name != "closed" {
		t.Fatalf("%+v", ev)
	}
	if r.Snapshot().Joined != 0 {
		t.Fatal("the web participant is still in the room")
	}
	if w, _ := r.watchers(); w != 0 {
		t.Fatalf("%d watches left", w)
	}
}

// TestWebRemovedParticipant: the removed participant's page says so and
// their cookie is forgotten.
func TestWebRemovedParticipant(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	p := newWebClient(t, s)
	p.join(s.JoinURL())
	st := p.events()
	st.viewWhere(t, func(webView) bool { return true })
	if err := r.Remove(r.Participants()[0]); err != nil {
		t.Fatal(err)
	}
	st.viewWhere(t, func(v webView) bool { return v.Removed })
	<-st.done
	if code, _ := p.act(map[string]any{"do": "vote", "option": 0}); code != http.StatusUnauthorized {
		t.Fatalf("the removed participant's action: %d", code)
	}
}

// TestWebStreamCaps: streams per participant and in all are capped.
func TestWebStreamCaps(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r, WithSeatStreams(2), WithMaxStreams(3))
	a, b := newWebClient(t, s), newWebClient(t, s)
	a.join(s.JoinURL())
	b.join(s.JoinURL())
	for range 2 {
		if st := a.events(); st.status != 200 {
			t.Fatalf("a's stream: %d", st.status)
		}
	}
	if st := a.events(); st.status != http.StatusServiceUnavailable {
		t.Fatalf("a third stream of one participant: %d", st.status)
	}
	if st := b.events(); st.status != 200 {
		t.Fatalf("b's first stream: %d", st.status)
	}
	if st := b.events(); st.status != http.StatusServiceUnavailable {
		t.Fatalf("a fourth stream in all: %d", st.status)
	}
	if s.Streams() != 3 {
		t.Fatalf("%d streams counted", s.Streams())
	}
}

// TestWebActionRate: one participant's actions are limited.
func TestWebActionRate(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r, WithActionRate(0.001, 3))
	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	p := newWebClient(t, s)
	p.join(s.JoinURL())
	for i := range 3 {
		if st, _ := p.act(map[string]any{"do": "vote", "option": i}); st != 200 {
			t.Fatalf("vote %d: %d", i, st)
		}
	}
	if st, a := p.act(map[string]any{"do": "vote", "option": 0}); st != http.StatusTooManyRequests || a.Error == "" {
		t.Fatalf("a fourth at once: %d %+v", st, a)
	}
	other := newWebClient(t, s)
	other.join(s.JoinURL())
	if st, _ := other.act(map[string]any{"do": "vote", "option": 0}); st != 200 {
		t.Fatal("another participant was limited too")
	}
}

// TestWebIdleSeatLeaves: a participant whose page stays closed leaves;
// one with the page open stays.
func TestWebIdleSeatLeaves(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r, WithSeatIdle(50*time.Millisecond))
	open, gone := newWebClient(t, s), newWebClient(t, s)
	open.join(s.JoinURL())
	open.events().viewWhere(t, func(webView) bool { return true })
	gone.join(s.JoinURL())
	deadline := time.Now().Add(10 * time.Second)
	for r.Snapshot().Joined != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("%d still joined", r.Snapshot().Joined)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code, _ := gone.act(map[string]any{"do": "note", "text": "x"}); code != http.StatusUnauthorized {
		t.Fatalf("the idle participant's action: %d", code)
	}
}

// TestWebLeave: leaving from the page frees the seat and the cookie.
func TestWebLeave(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	p := newWebClient(t, s)
	p.join(s.JoinURL())
	if st, _ := p.act(map[string]any{"do": "leave"}); st != 200 {
		t.Fatal(st)
	}
	if r.Snapshot().Joined != 0 {
		t.Fatal("still in the room")
	}
	if st, _ := p.act(map[string]any{"do": "vote"}); st != http.StatusUnauthorized {
		t.Fatal(st)
	}
}

// TestWebTLS: with a certificate the page is HTTPS, the cookie Secure,
// and the join link names the certificate's host.
func TestWebTLS(t *testing.T) {
	cert, pool := testCert(t, "room.example.nhs.uk")
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r, WithTLS(cert), WithPublicHost("room.example.nhs.uk"))
	if !s.Encrypted() || !strings.HasPrefix(s.JoinURL(), "HTTPS://ROOM.EXAMPLE.NHS.UK:") {
		t.Fatalf("join URL %q", s.JoinURL())
	}
	jar, _ := cookiejar.New(nil)
	addr := s.Addr().String()
	c := &http.Client{Jar: jar, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool},
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
	}, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(strings.ToLower(s.JoinURL()))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ck := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || len(ck) != 1 || !ck[0].Secure || !ck[0].HttpOnly {
		t.Fatalf("%d %+v", resp.StatusCode, ck)
	}
	// Plain HTTP to the TLS port gets nowhere.
	if resp, err := http.Get("http://" + addr + "/"); err == nil && resp.StatusCode == 200 {
		t.Fatal("plain HTTP served the page")
	}
}

// testCert is a self-signed certificate for host, and a pool trusting it.
func testCert(t *testing.T, host string) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: host}, DNSNames: []string{host},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// TestWebStreamOutlivesTimeouts: an event stream stays open far longer
// than the server's read and write timeouts (they guard requests, not a
// stream that is written to), and still carries the next change.
func TestWebStreamOutlivesTimeouts(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	short := func(c *webConfig) { c.timeout, c.keepAlive = 100*time.Millisecond, 40*time.Millisecond }
	s := startWeb(t, r, short)
	p := newWebClient(t, s)
	p.join(s.JoinURL())
	st := p.events()
	st.viewWhere(t, func(webView) bool { return true })
	time.Sleep(time.Second) // ten read timeouts
	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	st.viewWhere(t, func(v webView) bool { return v.Kind == "poll" })
	if !strings.Contains(st.Raw(), ": still here") {
		t.Fatal("no keep-alive comment on an idle stream")
	}
}

// TestWebHeaderLimits: a client that sends its headers slowly is cut off
// after the header timeout, and headers over the limit are refused.
func TestWebHeaderLimits(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r, func(c *webConfig) { c.timeout = 200 * time.Millisecond })
	conn, err := net.Dial("tcp", s.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET / HTTP/1.1\r\nHost: " + s.Addr().String() + "\r\n")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, _ = io.Copy(io.Discard, conn) // returns when the server hangs up
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("a stalled request held its connection for %v", d)
	}

	req, _ := http.NewRequest(http.MethodGet, s.Origin()+"/", nil)
	req.Header.Set("X-Filler", strings.Repeat("x", 2*maxWebHeader))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Fatalf("large headers: %d", resp.StatusCode)
	}
}

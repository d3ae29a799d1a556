package live

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WebServer is the room's second door, for phones: a small page served
// from this process on the room's private address. A participant opens
// /J/CODE (the QR code on the wall), gets a random-token cookie naming
// their seat, and the page shows their view (pushed as server-sent
// events) and sends their actions as JSON POSTs. Like the SSH door it
// logs nothing about who connected.
type WebServer struct {
	room    *Room
	cfg     webConfig
	ln      net.Listener
	srv     *http.Server
	origins []string // the page's own origins: scheme://host:port
	hosts   []string // the Host headers accepted
	base    string   // the origin the join link uses
	done    chan struct{}
	stop    sync.Once
	served  chan struct{}
	reaped  chan struct{}

	mu       sync.Mutex
	sessions map[string]*webSession // by cookie token
	streams  int                    // event streams open
}

// webSession is one participant's cookie: their guest, their streams and
// their action budget.
type webSession struct {
	guest   Guest
	seat    int
	streams int
	idle    time.Time // when the last stream ended (zero while one is open)
	tokens  float64   // actions allowed now
	filled  time.Time // when tokens was last topped up
}

// WebOption changes how the web server runs.
type WebOption func(*webConfig)

type webConfig struct {
	tls         *tls.Config
	host        string
	maxStreams  int
	seatStreams int
	seatIdle    time.Duration
	rate        float64
	burst       int
	keepAlive   time.Duration
	timeout     time.Duration
}

// Defaults of the web door.
const (
	DefaultWebStreams     = 600              // event streams open at once, all participants together
	DefaultWebSeatStreams = 3                // event streams of one participant (tabs)
	DefaultWebSeatIdle    = 15 * time.Minute // a participant with no page open this long leaves
	defaultWebRate        = 5                // actions a second, per participant, sustained
	defaultWebBurst       = 20               // actions at once, per participant
	defaultKeepAlive      = 20 * time.Second
	defaultWebTimeout     = 10 * time.Second
	maxWebBody            = 4 << 10
	maxWebHeader          = 8 << 10
	webCookie             = "huddle_seat"
)

// WithTLS serves HTTPS with an organisation's certificate. Without it the
// link is plain HTTP, readable by anyone on the same Wi-Fi.
func WithTLS(cert tls.Certificate) WebOption {
	return func(c *webConfig) {
		c.tls = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
}

// WithPublicHost is the host name the join link uses (the name the
// certificate is for); the address listened on is used when it is "".
// Both are accepted in requests.
func WithPublicHost(host string) WebOption { return func(c *webConfig) { c.host = host } }

// WithMaxStreams caps the event streams open at once (DefaultWebStreams).
func WithMaxStreams(n int) WebOption { return func(c *webConfig) { c.maxStreams = n } }

// WithSeatStreams caps one participant's event streams (DefaultWebSeatStreams).
func WithSeatStreams(n int) WebOption { return func(c *webConfig) { c.seatStreams = n } }

// WithSeatIdle is how long a participant with no page open keeps their
// seat before they leave (DefaultWebSeatIdle).
func WithSeatIdle(d time.Duration) WebOption { return func(c *webConfig) { c.seatIdle = d } }

// WithActionRate limits each participant's actions: perSecond sustained,
// burst at once.
func WithActionRate(perSecond float64, burst int) WebOption {
	return func(c *webConfig) { c.rate, c.burst = perSecond, burst }
}

// WithKeepAlive is how often an idle event stream gets a comment, so that
// a connection that died is noticed (20 seconds unless set).
func WithKeepAlive(d time.Duration) WebOption { return func(c *webConfig) { c.keepAlive = d } }

// ListenWeb starts the room's web door on addr (host and port; port 0
// picks a free one). Like ListenSSH it refuses an address with no host.
func ListenWeb(addr string, room *Room, opts ...WebOption) (*WebServer, error) {
	if room == nil {
		return nil, errors.New("live: ListenWeb needs a room")
	}
	if err := checkListen(addr); err != nil {
		return nil, err
	}
	host, _, _ := net.SplitHostPort(addr)
	cfg := webConfig{
		maxStreams: DefaultWebStreams, seatStreams: DefaultWebSeatStreams, seatIdle: DefaultWebSeatIdle,
		rate: defaultWebRate, burst: defaultWebBurst, keepAlive: defaultKeepAlive, timeout: defaultWebTimeout,
	}
	for _, o := range opts {
		o(&cfg)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	s := &WebServer{
		room: room, cfg: cfg, ln: ln, sessions: map[string]*webSession{},
		done: make(chan struct{}), served: make(chan struct{}), reaped: make(chan struct{}),
	}
	scheme := "http://"
	if cfg.tls != nil {
		scheme = "https://"
	}
	for _, h := range []string{cfg.host, host} {
		if h == "" {
			continue
		}
		hp := strings.ToLower(net.JoinHostPort(h, port))
		s.hosts = append(s.hosts, hp)
		s.origins = append(s.origins, scheme+hp)
	}
	s.base = s.origins[0]
	s.srv = &http.Server{
		Handler:           s.routes(),
		ReadHeaderTimeout: cfg.timeout / 2,
		ReadTimeout:       cfg.timeout,
		WriteTimeout:      cfg.timeout, // event streams move it on with each write
		IdleTimeout:       6 * cfg.timeout,
		MaxHeaderBytes:    maxWebHeader,
		TLSConfig:         cfg.tls,
		ErrorLog:          discardLog,
	}
	go func() {
		defer close(s.served)
		if cfg.tls != nil {
			_ = s.srv.ServeTLS(ln, "", "")
		} else {
			_ = s.srv.Serve(ln)
		}
	}()
	go s.reap()
	return s, nil
}

// Addr is the address the server listens on.
func (s *WebServer) Addr() net.Addr { return s.ln.Addr() }

// Encrypted reports whether the page is served over HTTPS.
func (s *WebServer) Encrypted() bool { return s.cfg.tls != nil }

// Origin is the page's origin, such as http://10.20.1.15:8080.
func (s *WebServer) Origin() string { return s.base }

// JoinURL is the link to the room for the current code, upper-case (a QR
// code of upper-case letters, digits and a few signs is drawn in its
// smaller alphanumeric mode; the server reads the path in any case), or
// "" once the room is closed.
func (s *WebServer) JoinURL() string {
	code := s.room.Code()
	if code == "" {
		return ""
	}
	return strings.ToUpper(s.base + "/J/" + string(code))
}

// Shutdown ends every event stream (each page is told the room closed),
// lets every web participant leave, and stops the server, waiting for
// requests in flight until ctx ends.
func (s *WebServer) Shutdown(ctx context.Context) error {
	s.stop.Do(func() { close(s.done) })
	err := s.srv.Shutdown(ctx)
	if err != nil {
		_ = s.srv.Close()
	}
	<-s.served
	<-s.reaped
	s.mu.Lock()
	sessions := s.sessions
	s.sessions = map[string]*webSession{}
	s.mu.Unlock()
	for _, ss := range sessions {
		ss.guest.Leave()
	}
	return err
}

// newToken is a cookie value: 256 random bits.
func newToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// sessionOf is the session the request's cookie names, or nil.
func (s *WebServer) sessionOf(r *http.Request) (string, *webSession) {
	c, err := r.Cookie(webCookie)
	if err != nil || len(c.Value) != 43 {
		return "", nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return c.Value, s.sessions[c.Value]
}

// forget drops a session (the participant left or was removed).
func (s *WebServer) forget(token string) {
	s.mu.Lock()
	ss := s.sessions[token]
	delete(s.sessions, token)
	s.mu.Unlock()
	if ss != nil {
		ss.guest.Leave()
	}
}

// allow takes one action from the session's budget, or reports false.
func (s *WebServer) allow(ss *webSession, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !ss.filled.IsZero() {
		ss.tokens = min(ss.tokens+now.Sub(ss.filled).Seconds()*s.cfg.rate, float64(s.cfg.burst))
	}
	ss.filled = now
	if ss.tokens < 1 {
		return false
	}
	ss.tokens--
	return true
}

// addStream counts a new event stream, within the caps.
func (s *WebServer) addStream(ss *webSession) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.streams >= s.cfg.maxStreams || ss.streams >= s.cfg.seatStreams {
		return false
	}
	s.streams++
	ss.streams++
	ss.idle = time.Time{}
	return true
}

func (s *WebServer) dropStream(ss *webSession) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.streams--
	if ss.streams--; ss.streams == 0 {
		ss.idle = time.Now()
	}
}

// Streams is how many event streams are open (the panel, tests).
func (s *WebServer) Streams() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.streams
}

// reap lets participants whose page has been closed for the idle time
// leave, and forgets those no longer in the room.
func (s *WebServer) reap() {
	defer close(s.reaped)
	t := time.NewTicker(max(s.cfg.seatIdle/4, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case now := <-t.C:
			var gone []string
			s.mu.Lock()
			for tok, ss := range s.sessions {
				if ss.streams == 0 && !ss.idle.IsZero() && now.Sub(ss.idle) >= s.cfg.seatIdle {
					gone = append(gone, tok)
				}
			}
			s.mu.Unlock()
			for _, tok := range gone {
				s.forget(tok)
			}
		}
	}
}

// sourceOf is the client's address, only to limit wrong codes.
func sourceOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// retryAfter is a Retry-After header value in whole seconds.
func retryAfter(d time.Duration) string { return strconv.Itoa(int(max(d.Seconds(), 1))) }

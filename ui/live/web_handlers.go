package live

import (
	"embed"
	"encoding/json"
	"errors"
	"html"
	"io"
	"io/fs"
	"log"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/carehuddle/huddle/model"
)

//go:embed webpage
var webpage embed.FS

// discardLog keeps the HTTP server from writing anything (client errors
// carry addresses).
var discardLog = log.New(io.Discard, "", 0)

// contentPolicy allows nothing but the page's own files: no inline
// script or style, nothing from elsewhere, no framing.
const contentPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"

// routes is the server's handler: every request passes the host check and
// gets the security headers; every POST the origin check.
func (s *WebServer) routes() http.Handler {
	mux := http.NewServeMux()
	for _, name := range []string{"app.js", "style.css", "icon.svg"} {
		mux.HandleFunc("GET /"+name, s.file(name))
	}
	mux.HandleFunc("GET /{$}", s.file("index.html"))
	mux.HandleFunc("GET /J/{code}", s.join)
	mux.HandleFunc("GET /j/{code}", s.join)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /view", s.view)
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("POST /act", s.act)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		if !slices.Contains(s.hosts, strings.ToLower(r.Host)) {
			// A page of another name pointed at this address (DNS
			// rebinding) is not this room's page.
			http.Error(w, "unknown host", http.StatusMisdirectedRequest)
			return
		}
		if r.Method == http.MethodPost && !slices.Contains(s.origins, strings.ToLower(r.Header.Get("Origin"))) {
			writeJSON(w, http.StatusForbidden, webAnswer{Error: "this request did not come from the room's page"})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxWebBody)
		mux.ServeHTTP(w, r)
	})
}

// file serves one embedded file of the page.
func (s *WebServer) file(name string) http.HandlerFunc {
	body, err := fs.ReadFile(webpage, "webpage/"+name)
	if err != nil {
		panic("live: the page is not embedded: " + err.Error()) // a build without webpage/ cannot work at all
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) { // the platform's table may lack these
	case ".js":
		ctype = "text/javascript; charset=utf-8"
	case ".css":
		ctype = "text/css; charset=utf-8"
	case ".svg":
		ctype = "image/svg+xml"
	case ".html":
		ctype = "text/html; charset=utf-8"
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		_, _ = w.Write(body)
	}
}

// refusedPage is the page shown when a join link does not let someone in
// (no script: the reason, escaped, and what to do). Written out rather
// than with html/template, which the presenter would otherwise carry and
// initialise at every start.
func refusedPage(reason string) string {
	return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Could not join the room</title><link rel="stylesheet" href="/style.css"></head>
<body><main><h1>Could not join the room</h1><p class="warn">` + html.EscapeString(reason) + `</p>
<p>Scan the QR code on the screen again, or type the web address shown there.</p></main></body></html>
`
}

// join lets a participant in with the code in the link. One who already
// holds a seat keeps it (the QR code scanned twice).
func (s *WebServer) join(w http.ResponseWriter, r *http.Request) {
	if _, ss := s.sessionOf(r); ss != nil {
		if v := s.room.View(ss.seat); !v.Closed && !v.Removed {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
	}
	code := r.PathValue("code")
	if len(code) > 2*model.JoinCodeLen {
		code = ""
	}
	g, err := s.room.Enter(code, sourceOf(r))
	if err != nil {
		status := http.StatusForbidden
		switch {
		case errors.Is(err, ErrTooManyAttempts):
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", retryAfter(time.Minute))
		case errors.Is(err, ErrRoomFull):
			status = http.StatusServiceUnavailable
		case errors.Is(err, ErrRoomClosed):
			status = http.StatusGone
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, refusedPage(err.Error()))
		return
	}
	seat, _ := s.room.SeatOf(g)
	tok, err := newToken()
	if err != nil {
		g.Leave()
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	now := time.Now()
	s.mu.Lock()
	s.sessions[tok] = &webSession{guest: g, seat: seat, idle: now, tokens: float64(s.cfg.burst), filled: now}
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{
		Name: webCookie, Value: tok, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: s.cfg.tls != nil,
	})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// webAnswer is the answer to an action or a refused request.
type webAnswer struct {
	OK    bool   `json:"ok,omitempty"`
	Said  string `json:"said,omitempty"`  // what happened, to show
	Error string `json:"error,omitempty"` // why not, to show
}

// errNoSeat is what a page without a valid cookie is told.
const errNoSeat = "this page is not in the room: scan the QR code on the screen again"

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// view is the participant's view once, as JSON.
func (s *WebServer) view(w http.ResponseWriter, r *http.Request) {
	_, ss := s.sessionOf(r)
	if ss == nil {
		writeJSON(w, http.StatusUnauthorized, webAnswer{Error: errNoSeat})
		return
	}
	writeJSON(w, http.StatusOK, toWebView(s.room.View(ss.seat)))
}

// webAction is one action of the page.
type webAction struct {
	Do     string `json:"do"` // note, share, unshare, delete, vote, dot, undot, rate, leave
	Text   string `json:"text"`
	ID     int    `json:"id"`
	Option int    `json:"option"`
	Line   string `json:"line"`
	Item   int    `json:"item"`
	Col    int    `json:"col"`
}

// act does one action through the room's methods, for the cookie's seat.
func (s *WebServer) act(w http.ResponseWriter, r *http.Request) {
	tok, ss := s.sessionOf(r)
	if ss == nil {
		writeJSON(w, http.StatusUnauthorized, webAnswer{Error: errNoSeat})
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeJSON(w, http.StatusUnsupportedMediaType, webAnswer{Error: "send JSON"})
		return
	}
	if !s.allow(ss, time.Now()) {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusTooManyRequests, webAnswer{Error: "that is too fast: wait a moment, then try again"})
		return
	}
	var a webAction
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSON(w, http.StatusRequestEntityTooLarge, webAnswer{Error: "that is too long"})
			return
		}
		writeJSON(w, http.StatusBadRequest, webAnswer{Error: "that was not understood"})
		return
	}
	said, err := s.do(tok, ss, a)
	if err != nil {
		writeJSON(w, http.StatusConflict, webAnswer{Error: err.Error()})
		return
	}
	if a.Do == "leave" {
		http.SetCookie(w, &http.Cookie{Name: webCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: s.cfg.tls != nil})
	}
	writeJSON(w, http.StatusOK, webAnswer{OK: true, Said: said})
}

// errUnknownAction: the page asked for something it never sends.
var errUnknownAction = errors.New("that was not understood")

// do is one action, and what to tell the participant when it worked.
func (s *WebServer) do(tok string, ss *webSession, a webAction) (string, error) {
	r, seat := s.room, ss.seat
	switch a.Do {
	case "note":
		fs, err := r.AddNote(seat, a.Text)
		if errors.Is(err, model.ErrMayIdentify) {
			return "", errors.New("not kept: this may identify someone (" + model.DescribeFindings(fs) + "). Take it out, then keep it again")
		}
		return "Kept, private: only you can see it until you share it.", err
	case "share":
		return "Shared: it goes on the screen when the facilitator reveals the notes.", r.ShareNote(seat, a.ID, true)
	case "unshare":
		return "Private again.", r.ShareNote(seat, a.ID, false)
	case "delete":
		return "Deleted.", r.DeleteNote(seat, a.ID)
	case "vote":
		return "Your vote is in. You can change it until the poll closes.", r.Vote(seat, a.Option)
	case "dot":
		return "Dot given.", r.Dot(seat, a.Line, true)
	case "undot":
		return "Dot taken back.", r.Dot(seat, a.Line, false)
	case "rate":
		return "Rated.", r.Rate(seat, a.Item, a.Col)
	case "leave":
		s.forget(tok)
		return "You have left the room.", nil
	}
	return "", errUnknownAction
}

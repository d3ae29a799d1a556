package live

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// TestWebJoinWriteShareVote: a phone joins by the QR code's link, writes
// a note, shares it, and votes, all seen in the room and on its stream.
func TestWebJoinWriteShareVote(t *testing.T) {
	r, rec, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	url := s.JoinURL()
	if url != strings.ToUpper(url) || !strings.Contains(url, "/J/"+string(r.Code())) {
		t.Fatalf("join URL %q", url)
	}
	p := newWebClient(t, s)
	if st := p.join(url); st != http.StatusOK {
		t.Fatalf("join: %d", st)
	}
	if r.Snapshot().Joined != 1 {
		t.Fatal("nobody joined")
	}
	ev := p.events()
	lobby := ev.viewWhere(t, func(v webView) bool { return true })
	if lobby.Kind != "lobby" || !strings.HasPrefix(lobby.Name, "Participant ") {
		t.Fatalf("first view %+v", lobby)
	}

	if err := r.Open(discussion, model.RoomWrite); err != nil {
		t.Fatal(err)
	}
	ev.viewWhere(t, func(v webView) bool { return v.Kind == "write" && v.Open })
	if st, a := p.act(map[string]any{"do": "note", "text": "Handover sheets at the desk"}); st != 200 || !a.OK {
		t.Fatalf("note: %d %+v", st, a)
	}
	v := ev.viewWhere(t, func(v webView) bool { return len(v.Notes) == 1 })
	if n := v.Notes[0]; n.Shared || n.Text != "Handover sheets at the desk" {
		t.Fatalf("note %+v", n)
	}
	if r.Snapshot().Shared != 0 {
		t.Fatal("a private note counted as shared")
	}
	if st, a := p.act(map[string]any{"do": "share", "id": v.Notes[0].ID}); st != 200 {
		t.Fatalf("share: %d %+v", st, a)
	}
	ev.viewWhere(t, func(v webView) bool { return len(v.Notes) == 1 && v.Notes[0].Shared })
	if r.Snapshot().Shared != 1 {
		t.Fatal("the shared note is not waiting for reveal")
	}

	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	ev.viewWhere(t, func(v webView) bool { return v.Kind == "poll" && len(v.Options) == 3 })
	if st, a := p.act(map[string]any{"do": "vote", "option": 1}); st != 200 {
		t.Fatalf("vote: %d %+v", st, a)
	}
	ev.viewWhere(t, func(v webView) bool { return v.Voted == 1 })
	if st, _ := p.act(map[string]any{"do": "vote", "option": 2}); st != 200 {
		t.Fatal("changing the vote was refused")
	}
	ev.viewWhere(t, func(v webView) bool { return v.Voted == 2 })
	if rec.count("p1", model.OptionField(1)) != 0 || rec.count("p1", model.OptionField(2)) != 1 {
		t.Fatal("the recorded votes do not follow the change")
	}
	r.CloseActivity()
	ev.viewWhere(t, func(v webView) bool { return !v.Open })
	if st, a := p.act(map[string]any{"do": "vote", "option": 0}); st != http.StatusConflict || a.Error == "" {
		t.Fatalf("a vote after the close: %d %+v", st, a)
	}
}

// TestWebDotsAndRating: dots given and taken back, statements rated.
func TestWebDotsAndRating(t *testing.T) {
	r, rec, _ := newTestRoom(t, Config{})
	rec.lines = []Line{{ID: "e1", Text: "Rotas"}, {ID: "e2", Text: "Breaks"}}
	s := startWeb(t, r)
	p := newWebClient(t, s)
	p.join(s.JoinURL())
	ev := p.events()
	if err := r.Open(discussion, model.RoomDots); err != nil {
		t.Fatal(err)
	}
	ev.viewWhere(t, func(v webView) bool { return v.Kind == "dots" && len(v.Lines) == 2 })
	p.act(map[string]any{"do": "dot", "line": "e2"})
	p.act(map[string]any{"do": "dot", "line": "e2"})
	p.act(map[string]any{"do": "undot", "line": "e2"})
	v := ev.viewWhere(t, func(v webView) bool { return v.Lines[1].Mine == 1 && v.DotsLeft == v.Dots-1 })
	if v.Lines[0].Mine != 0 || rec.count("d1", model.DotChoice("e2")) != 1 {
		t.Fatalf("dots %+v", v.Lines)
	}
	if err := r.Open(rating, model.RoomRating); err != nil {
		t.Fatal(err)
	}
	ev.viewWhere(t, func(v webView) bool { return v.Kind == "rating" })
	p.act(map[string]any{"do": "rate", "item": 1, "col": 3})
	v = ev.viewWhere(t, func(v webView) bool { return v.Items[1].Rated == 3 })
	if v.Items[0].Rated != -1 || rec.count("r1", model.RatingChoice(1, 3)) != 1 {
		t.Fatalf("rating %+v", v.Items)
	}
}

// TestWebPrivateNoteNeverSent: a second phone's stream never carries the
// first one's note, private or shared, while the activities go on.
func TestWebPrivateNoteNeverSent(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	a, b := newWebClient(t, s), newWebClient(t, s)
	a.join(s.JoinURL())
	b.join(s.JoinURL())
	aev, bev := a.events(), b.events()
	if err := r.Open(discussion, model.RoomWrite); err != nil {
		t.Fatal(err)
	}
	aev.viewWhere(t, func(v webView) bool { return v.Kind == "write" })
	bev.viewWhere(t, func(v webView) bool { return v.Kind == "write" })
	a.act(map[string]any{"do": "note", "text": "secret about the night shift"})
	v := aev.viewWhere(t, func(v webView) bool { return len(v.Notes) == 1 })
	a.act(map[string]any{"do": "note", "text": "shared about the rota"})
	v = aev.viewWhere(t, func(v webView) bool { return len(v.Notes) == 2 })
	a.act(map[string]any{"do": "share", "id": v.Notes[1].ID})
	aev.viewWhere(t, func(v webView) bool { return len(v.Notes) == 2 && v.Notes[1].Shared })
	// B's own note, then a poll: B's stream has caught up past A's notes
	// once it shows them.
	b.act(map[string]any{"do": "note", "text": "my own"})
	bev.viewWhere(t, func(v webView) bool { return len(v.Notes) == 1 })
	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	bev.viewWhere(t, func(v webView) bool { return v.Kind == "poll" })
	raw := bev.Raw()
	for _, secret := range []string{"secret about the night shift", "night shift", "shared about the rota"} {
		if strings.Contains(raw, secret) {
			t.Fatalf("B's stream carried A's note %q:\n%s", secret, raw)
		}
	}
	if !strings.Contains(raw, "my own") {
		t.Fatal("B's stream lacks B's own note: the check above proves nothing")
	}
	// B's one-off view, too.
	resp, err := b.c.Get(s.Origin() + "/view")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if bytes.Contains(body, []byte("night shift")) || bytes.Contains(body, []byte("rota")) {
		t.Fatalf("B's view carried A's note: %s", body)
	}
}

// TestWebRefusesForeignRequests: a POST without the cookie, from another
// origin or none, not JSON, too large, or to another host name, is
// refused and changes nothing.
func TestWebRefusesForeignRequests(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	if err := r.Open(discussion, model.RoomWrite); err != nil {
		t.Fatal(err)
	}
	p := newWebClient(t, s)
	p.join(s.JoinURL())
	stranger := newWebClient(t, s)
	note := map[string]any{"do": "note", "text": "hello"}
	if st, a := stranger.act(note); st != http.StatusUnauthorized || !strings.Contains(a.Error, "scan") {
		t.Fatalf("no cookie: %d %+v", st, a)
	}
	for _, origin := range []string{"http://evil.example", "", "null", strings.Replace(s.Origin(), "http:", "https:", 1)} {
		if st, _ := p.post(origin, note); st != http.StatusForbidden {
			t.Fatalf("origin %q: %d", origin, st)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, s.Origin()+"/act", strings.NewReader(`{"do":"note","text":"x"}`))
	req.Header.Set("Origin", s.Origin())
	req.Header.Set("Content-Type", "text/plain")
	if resp, err := p.c.Do(req); err != nil || resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Fatalf("text/plain: %v %v", resp, err)
	}
	big := map[string]any{"do": "note", "text": strings.Repeat("x", 5000)}
	if st, _ := p.act(big); st != http.StatusRequestEntityTooLarge {
		t.Fatalf("a large body: %d", st)
	}
	req, _ = http.NewRequest(http.MethodGet, s.Origin()+"/", nil)
	req.Host = "rebound.example:80"
	if resp, err := p.c.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("another host: %v %v", resp, err)
	}
	if v := r.View(r.Participants()[0]); len(v.Notes) != 0 {
		t.Fatalf("a refused request kept a note: %+v", v.Notes)
	}
	// The page's own request works.
	if st, _ := p.act(note); st != 200 {
		t.Fatalf("the page's own POST: %d", st)
	}
	// A forged cookie is no seat.
	forged := newWebClient(t, s)
	u := s.Origin() + "/"
	req, _ = http.NewRequest(http.MethodGet, s.Origin()+"/events", nil)
	req.AddCookie(&http.Cookie{Name: webCookie, Value: strings.Repeat("A", 43)})
	if resp, err := forged.c.Do(req); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a forged cookie on %s: %v %v", u, resp, err)
	}
}

// TestWebBadCodeRefusedAndLimited: wrong codes are refused, then the
// source must wait, in any case of the path.
func TestWebBadCodeRefusedAndLimited(t *testing.T) {
	r, _, clk := newTestRoom(t, Config{})
	s := startWeb(t, r)
	p := newWebClient(t, s)
	for i := range model.DefaultAttemptLimits.SourceFree {
		if st := p.join(s.Origin() + "/J/ZZZZZZZZ"); st != http.StatusForbidden {
			t.Fatalf("wrong code %d: %d", i, st)
		}
	}
	if st := p.join(s.JoinURL()); st != http.StatusTooManyRequests {
		t.Fatalf("after too many wrong codes, even the right one: %d", st)
	}
	if r.Snapshot().Joined != 0 {
		t.Fatal("someone joined")
	}
	clk.Add(2 * time.Minute)
	if st := p.join(strings.ToLower(s.JoinURL())); st != http.StatusOK {
		t.Fatalf("the right code in lower case after the wait: %d", st)
	}
	if st := p.join(s.Origin() + "/J/" + strings.Repeat("Z", 200)); st != http.StatusOK || r.Snapshot().Joined != 1 {
		t.Fatalf("a phone with a seat opening a link again keeps its seat: %d, %d joined", st, r.Snapshot().Joined)
	}
}

// TestWebHeaders: the page's security headers and the cookie's flags.
func TestWebHeaders(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{})
	s := startWeb(t, r)
	for _, path := range []string{"/", "/app.js", "/style.css"} {
		resp, err := http.Get(s.Origin() + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		if resp.StatusCode != 200 || !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Fatalf("%s: %d, CSP %q", path, resp.StatusCode, csp)
		}
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(s.JoinURL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ck := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || len(ck) != 1 || !ck[0].HttpOnly ||
		ck[0].SameSite != http.SameSiteStrictMode || ck[0].Secure || len(ck[0].Value) != 43 {
		t.Fatalf("join: %d %+v", resp.StatusCode, ck)
	}
}

// TestWebPageHasNoInlineScript: the embedded page loads only its own
// files (the content security policy would block anything else).
func TestWebPageHasNoInlineScript(t *testing.T) {
	for _, name := range []string{"index.html"} {
		b, err := webpage.ReadFile("webpage/" + name)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		for _, bad := range []string{"<script>", " onclick=", " onload=", "style=", "http://", "https://", "javascript:"} {
			if strings.Contains(page, bad) {
				t.Fatalf("%s holds %q", name, bad)
			}
		}
	}
	js, _ := webpage.ReadFile("webpage/app.js")
	if bytes.Contains(js, []byte("innerHTML")) || bytes.Contains(js, []byte("eval(")) {
		t.Fatal("app.js parses text as HTML or code")
	}
}

// TestWebResultsHeld: while results wait for the close, or for enough
// answers, no stream carries the room's counts; once allowed they come.
func TestWebResultsHeld(t *testing.T) {
	r, _, _ := newTestRoom(t, Config{Results: ResultsRule{WhenClosed: true, MinCount: 2}})
	s := startWeb(t, r)
	if err := r.Open(poll, model.RoomPoll); err != nil {
		t.Fatal(err)
	}
	a, b := newWebClient(t, s), newWebClient(t, s)
	a.join(s.JoinURL())
	b.join(s.JoinURL())
	aev, bev := a.events(), b.events()
	a.act(map[string]any{"do": "vote", "option": 0})
	aev.viewWhere(t, func(v webView) bool { return v.Voted == 0 })
	b.act(map[string]any{"do": "vote", "option": 0})
	v := bev.viewWhere(t, func(v webView) bool { return v.Voted == 0 })
	for _, o := range v.Options {
		if v.Shown || o.Count != 0 || v.Answered != 0 || v.Held == "" {
			t.Fatalf("counts shown while the poll is open: %+v", v)
		}
	}
	r.CloseActivity()
	v = bev.viewWhere(t, func(v webView) bool { return !v.Open })
	if !v.Shown || v.Options[0].Count != 2 || v.Answered != 2 || v.Held != "" {
		t.Fatalf("counts after the close: %+v", v)
	}
}

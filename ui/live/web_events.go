package live

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// events is one participant's event stream: a "view" event with their
// view whenever it changes (and at once), a comment now and then to keep
// the connection alive, and "closed" when the room closes (the stream then
// ends). A participant removed gets their last view (it says so) and the
// stream ends.
func (s *WebServer) events(w http.ResponseWriter, r *http.Request) {
	tok, ss := s.sessionOf(r)
	if ss == nil {
		writeJSON(w, http.StatusUnauthorized, webAnswer{Error: errNoSeat})
		return
	}
	if !s.addStream(ss) {
		w.Header().Set("Retry-After", "10")
		writeJSON(w, http.StatusServiceUnavailable, webAnswer{Error: "too many pages are open: close another tab of this page"})
		return
	}
	defer s.dropStream(ss)
	changed, stop := s.room.WatchSeat(ss.seat)
	defer stop()

	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(b []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(s.cfg.timeout))
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	closed := []byte("event: closed\ndata: {}\n\n")
	keep := time.NewTicker(s.cfg.keepAlive)
	defer keep.Stop()
	var last []byte
	for {
		v := s.room.View(ss.seat)
		if v.Closed {
			send(closed)
			return
		}
		body, err := json.Marshal(toWebView(v))
		if err != nil {
			return
		}
		if !bytes.Equal(body, last) {
			last = body
			if !send(viewEvent(body)) {
				return
			}
		}
		if v.Removed {
			s.forget(tok)
			return
		}
		select {
		case <-changed:
		case <-keep.C:
			if !send([]byte(": still here\n\n")) {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			send(closed)
			return
		}
	}
}

// viewEvent is a "view" event: the server's clock (the page counts the
// timer down against it) and the view.
func viewEvent(view []byte) []byte {
	var b bytes.Buffer
	b.WriteString("event: view\ndata: {\"now\":")
	b.WriteString(strconv.FormatInt(time.Now().UnixMilli(), 10))
	b.WriteString(",\"view\":")
	b.Write(view)
	b.WriteString("}\n\n")
	return b.Bytes()
}

package ui

import (
	"net/http"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/live"
)

// fixedRecorder is a Recorder that records nothing (the panel's web part
// needs only a room).
type fixedRecorder struct{}

func (fixedRecorder) Reveal(string, []string) error   { return nil }
func (fixedRecorder) Tally(string, string, int) error { return nil }
func (fixedRecorder) Lines(string) []live.Line        { return nil }

// TestRoomWebPanel: the web door opens on the room's address, the panel
// shows the upper-case link, its QR code and the warning that plain HTTP
// is not encrypted, beside the panel when wide and under it when narrow;
// a new code gives a new link and code; closing tells the phones.
func TestRoomWebPanel(t *testing.T) {
	room, err := live.NewRoom(live.Config{Recorder: fixedRecorder{}})
	if err != nil {
		t.Fatal(err)
	}
	if srv, err := openRoomWeb(room, "127.0.0.1:2222", RoomWeb{}); srv != nil || err != nil {
		t.Fatal("the web door opened while off")
	}
	srv, err := openRoomWeb(room, "127.0.0.1:2222", RoomWeb{On: true, Port: 0})
	if err != nil {
		t.Fatal(err)
	}
	defer closeRoomWeb(srv)
	rw := newRoomWeb(srv, nil)
	th := common.NewTheme(common.ThemeDark)
	u := rw.link()
	if !strings.HasPrefix(u, "HTTP://127.0.0.1:") || !strings.HasSuffix(u, "/J/"+string(room.Code())) {
		t.Fatalf("link %q", u)
	}
	resp, err := http.Get(strings.ToLower(u))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("the link does not join: %v %v", resp, err)
	}
	resp.Body.Close()

	wide := ansi.Strip(rw.beside("Live room — open\nssh -p 2222 X@127.0.0.1", th, 160))
	lines := strings.Split(wide, "\n")
	if !strings.Contains(lines[0], "Live room — open") || !strings.Contains(lines[0], webJoinLead) {
		t.Fatalf("not side by side:\n%s", wide)
	}
	if !strings.Contains(wide, u) || !strings.Contains(wide, "▀▀▀▀") || !strings.Contains(strings.Join(strings.Fields(wide), " "), "not encrypted") {
		t.Fatalf("no link, QR code or warning:\n%s", wide)
	}
	narrow := ansi.Strip(rw.beside("Live room — open", th, 60))
	if strings.Contains(strings.Split(narrow, "\n")[0], webJoinLead) || !strings.Contains(narrow, u) {
		t.Fatalf("narrow:\n%s", narrow)
	}
	for _, l := range strings.Split(narrow, "\n") {
		if ansi.StringWidth(l) > 60 {
			t.Fatalf("a line wider than 60: %q", l)
		}
	}
	qr := rw.qr
	room.RotateCode()
	if u2 := rw.link(); u2 == u || rw.qr == qr || !strings.HasSuffix(u2, string(room.Code())) {
		t.Fatal("the link and QR code did not follow the new code")
	}
	if rw.footer() != "or "+rw.url {
		t.Fatalf("footer %q", rw.footer())
	}
	room.Close()
	if rw.link() != "" || len(rw.lines(th, 80)) != 0 {
		t.Fatal("a closed room still shows a link")
	}
	failed := newRoomWeb(nil, errString("address in use"))
	if l := failed.lines(th, 80); len(l) != 1 || !strings.Contains(ansi.Strip(l[0]), "did not open: address in use") {
		t.Fatalf("%q", l)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

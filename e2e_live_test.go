package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// joinRe finds the join command on the wall: ssh -p PORT CODE@HOST.
var joinRe = regexp.MustCompile(`ssh -p ([0-9]+) ([0-9A-Z]{4}-[0-9A-Z]{4})@127\.0\.0\.1`)

// liveWall starts the real binary presenting Module 1 with the room open
// on 127.0.0.1 (a free port), and reads the port and code off the wall.
func liveWall(t *testing.T, env []string, dir string) (s *tmuxSession, port, code string) {
	t.Helper()
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("OpenSSH's client is not installed (.ci/run installs openssh-client)")
	}
	s = newTmux(t, 120, 40, env)
	startHuddle(s, dir, huddleBinary(t)+" present m1 --team North --live --live-listen 127.0.0.1:0")
	scr := s.waitUntil("the join command", func(scr string) bool { return joinRe.MatchString(scr) })
	m := joinRe.FindStringSubmatch(scr)
	return s, m[1], m[2]
}

// participantSSH is one participant: a real OpenSSH client in its own
// terminal, with the known_hosts file the test keeps (the host key is
// recorded under one alias, so a room on another port is the same host).
func participantSSH(t *testing.T, knownHosts, port, user string, strict bool) *tmuxSession {
	t.Helper()
	p := newTmux(t, 80, 24, []string{"TERM=xterm-256color", "PS1=$ "})
	check := "accept-new"
	if strict {
		check = "yes"
	}
	p.keys("ssh -tt -F /dev/null -o UserKnownHostsFile="+knownHosts+" -o StrictHostKeyChecking="+check+
		" -o PubkeyAuthentication=no -o HostKeyAlias=huddle-room -p "+port+" "+user+"@127.0.0.1; echo ssh-exited", "Enter")
	return p
}

// onSlides waits until the slides are on screen (their footer's slide
// count, no room panel over them).
func onSlides(s *tmuxSession) {
	s.waitUntil("the slides", func(scr string) bool {
		return strings.Contains(scr, "/182") && !strings.Contains(scr, "Live room")
	})
}

// openToRoom leaves the panel or the runner for the slides, goes to an
// exercise's slide and opens it to the room from the panel, waiting for
// what the panel then says.
func openToRoom(t *testing.T, s *tmuxSession, id, want string) {
	t.Helper()
	s.keys("Escape") // alone: an escape and a key in one read are alt+key
	onSlides(s)
	s.keys(":")
	s.waitFor("go to slide")
	slide, _ := exerciseSlide(t, id)
	s.keys(slide, "Enter")
	s.waitFor("Exercise " + id)
	s.keys("L")
	s.waitFor("Live room")
	s.keys("o")
	s.waitFor(want)
}

// TestTmuxLiveRoom: three participants join a workshop over SSH with the
// code on the wall, write (one keeps a note private, two share), the
// facilitator reveals; they vote in a poll and rate statements; the wall
// shows the results, nobody sees another's private note, the database
// holds no address, user name or code, and quitting closes the room for
// everyone. A restart keeps the host key: the same known_hosts still
// works, checked strictly, and a wrong code is refused.
func TestTmuxLiveRoom(t *testing.T) {
	env, db, dir := sessionEnv(t)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	s, port, code := liveWall(t, env, dir)

	var ps []*tmuxSession
	for range 3 {
		p := participantSSH(t, kh, port, code, false)
		p.waitFor("You are Participant")
		ps = append(ps, p)
	}
	s.waitFor("3 joined")

	// Writing: the discussion's slide, opened to the room from the panel
	// (which shows how to join from the moment the room opens).
	s.waitFor("Live room")
	openToRoom(t, s, "M1-E3", "Open to the room: A journey towards integration — write, open")
	texts := []string{"alpha private thought", "beta shared idea", "gamma shared idea"}
	for i, p := range ps {
		p.waitFor("What it looks like: benefits")
		p.keys("n")
		p.waitFor("private until you share it")
		p.keys("-l", texts[i])
		p.keys("Enter")
		p.waitFor(texts[i])
		if i > 0 {
			p.keys("s")
			p.waitFor("[shared] " + texts[i])
		}
	}
	s.waitFor("2 shared, 0 waiting for approval")
	s.keys("r")
	s.waitFor("2 notes revealed into the Room group")
	ps[1].waitFor("[on the wall] beta shared idea")
	for i, p := range ps {
		scr := p.screen()
		for j, text := range texts {
			if j != i && strings.Contains(scr, text) {
				t.Errorf("participant %d sees participant %d's note %q:\n%s", i+1, j+1, text, scr)
			}
		}
	}

	// Dots on the discussion's lines, the revealed ones among them.
	s.keys("d")
	s.waitFor("dots, open")
	for _, p := range ps {
		p.waitFor("Give your dots")
		p.keys("Enter")
	}
	s.waitFor("3 answers")

	// A poll: every participant votes, the wall's bars count the room.
	openToRoom(t, s, "B-1", "poll, open")
	for i, p := range ps {
		p.waitFor("You have not voted")
		for range i {
			p.keys("Down")
		}
		p.keys("Enter")
		p.waitFor("(•)")
	}
	s.waitFor("3 answers")
	s.keys("Escape")
	onSlides(s)
	s.keys("Enter")
	s.waitFor("Total: 3 votes (3 from the room)")

	// A rating: each participant rates the first statement.
	openToRoom(t, s, "M2-E4", "rating, open")
	for _, p := range ps {
		p.waitFor("Rate each statement")
		p.keys("3")
	}
	s.waitFor("3 answers")

	// Quitting closes the room for everyone.
	s.keys("Escape")
	onSlides(s)
	s.keys("q")
	s.waitFor("huddle-exited-0")
	for _, p := range ps {
		p.waitFor("closed")
	}

	// What was saved: the shared notes and counts, never the private note,
	// and nothing that names a participant or their machine.
	var data exported
	if err := json.Unmarshal(huddleOut(t, env, "export", "latest", "--format", "json"), &data); err != nil {
		t.Fatal(err)
	}
	var saved []string
	rated := 0
	for _, e := range data.Entries {
		saved = append(saved, e.Text)
		if model.IsRoomRating(e.Field) && e.ExerciseID == "M2-E4" {
			rated += e.RoomVotes
		}
	}
	all := strings.Join(saved, "\n")
	if !strings.Contains(all, texts[1]) || !strings.Contains(all, texts[2]) || strings.Contains(all, texts[0]) {
		t.Errorf("saved texts %q: want both shared notes and never the private one", saved)
	}
	dots := 0
	for _, e := range data.Entries {
		if e.ExerciseID == "M1-E3" && !model.IsRoomRating(e.Field) {
			dots += e.RoomVotes
		}
	}
	if dots != 3 {
		t.Errorf("%d dots from the room saved on the discussion's lines, want 3", dots)
	}
	if rated != 3 {
		t.Errorf("%d ratings from the room saved, want 3", rated)
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	user := os.Getenv("USER")
	for _, secret := range []string{"127.0.0.1", code, strings.ReplaceAll(code, "-", ""), "Participant ", "OpenSSH", texts[0]} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the database file holds %q", secret)
		}
	}
	if user != "" && len(user) > 3 && bytes.Contains(raw, []byte("ssh-"+user)) {
		t.Errorf("the database file holds the user name")
	}

	// A restart keeps the host key: the same known_hosts, checked strictly.
	s2, port2, code2 := liveWall(t, env, dir)
	p := participantSSH(t, kh, port2, code2, true)
	p.waitFor("You are Participant")
	wrong := participantSSH(t, kh, port2, "ZZZZ-ZZZZ", true)
	wrong.waitFor("that code is not right")
	s2.keys("Escape")
	onSlides(s2)
	s2.keys("q")
	s2.waitFor("huddle-exited-0")
}

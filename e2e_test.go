package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// The end-to-end tests build the real binary once and drive it as a
// person would: in tmux (send-keys, capture-pane) and under a
// pseudo-terminal (bench_test.go).

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// huddleBinary builds huddle into a temporary directory, once per run.
func huddleBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "huddle-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "huddle")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// tmuxSession is one tmux server of the test's own, on a private socket.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func newTmux(t *testing.T, w, h int, env []string) *tmuxSession {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("tmux tests need a Unix terminal")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("huddle-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	args := []string{"new-session", "-d", "-s", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	args = append(args, "sh")
	s.tmux(args...)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys types keys as tmux names them ("Right", "Enter", "q", "text").
func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", "main"}, keys...)...)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", "main") }

// waitUntil polls the screen until ok holds for it.
func (s *tmuxSession) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited 10s for %s; the screen shows:\n%s", what, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitForAll polls the screen until it contains every one of wants.
func (s *tmuxSession) waitForAll(wants ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		missing := ""
		for _, w := range wants {
			if !strings.Contains(scr, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited 10s for %q; the screen shows:\n%s", missing, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor polls the screen until it contains want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited 10s for %q; the screen shows:\n%s", want, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitGone polls the screen until it no longer contains text.
func (s *tmuxSession) waitGone(text string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(s.screen(), text) {
		if time.Now().After(deadline) {
			s.t.Fatalf("waited 10s for %q to go; the screen shows:\n%s", text, s.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func testEnv(t *testing.T) []string {
	dir := t.TempDir()
	return []string{"TERM=xterm-256color", "HUDDLE_DB=" + filepath.Join(dir, "huddle.db"), "XDG_DATA_HOME=" + dir, "PS1=$ "}
}

// TestTmuxPresenter starts huddle in tmux, moves through slides, opens the
// module menu, searches, quits, and checks the terminal is restored.
func TestTmuxPresenter(t *testing.T) {
	bin := huddleBinary(t)
	s := newTmux(t, 120, 40, testEnv(t))
	s.keys(bin+" present intro --team North; echo huddle-exited-$?", "Enter")

	// The footer comes before the slide's body, which is rendered off the
	// update loop: wait for what is asserted, the body's own words.
	s.waitForAll("slide 1/", "embedding the social care role", "North")
	s.keys("Right")
	s.waitFor("slide 2/")
	s.keys("Space")
	s.waitFor("slide 3/")
	s.keys("Left")
	s.waitFor("slide 2/")

	s.keys("m")
	s.waitFor("Modules")
	s.keys("Down", "Enter")
	s.waitForAll("M1 Managers · 1/", "Module 1")

	s.keys("/")
	s.waitFor("search:")
	s.keys("virtual ward", "Enter")
	s.waitForAll("match", "irtual ward")

	s.keys("?")
	s.waitFor("presenter keys")
	s.keys("Escape")
	s.waitGone("presenter keys")
	s.keys(":")
	s.waitFor("go to slide")
	s.keys("1", "Enter")
	s.waitFor(" slide 1/")

	s.keys("q")
	scr := s.waitFor("huddle-exited-0")
	if strings.Contains(scr, "slide 1/") {
		t.Errorf("the slide is still on screen after quitting:\n%s", scr)
	}
	if alt := strings.TrimSpace(s.tmux("display-message", "-p", "-t", "main", "#{alternate_on}")); alt != "0" {
		t.Errorf("terminal left in the alternate screen (alternate_on=%s)", alt)
	}
}

// TestTmuxHomeScreen opens huddle with no arguments: the home screen and
// its privacy notice, then a workshop through the set-up form.
func TestTmuxHomeScreen(t *testing.T) {
	bin := huddleBinary(t)
	s := newTmux(t, 100, 30, testEnv(t))
	s.keys(bin+"; echo huddle-exited-$?", "Enter")
	// The home screen says what must never be typed in (waited for, not
	// read off the first frame that shows the menu).
	s.waitForAll("Present a workshop", "identifies a service user")
	s.keys("Enter")
	s.waitFor("Choose the module")
	s.keys("Enter")
	s.waitFor("Team:")
	s.keys("West team", "Enter")
	s.waitFor("Facilitator:")
	s.keys("Enter")
	s.waitFor("West team")
	s.keys("q")
	s.waitFor("huddle-exited-0")
}

// TestTmuxTooSmall shrinks the window below the minimum and back.
func TestTmuxTooSmall(t *testing.T) {
	bin := huddleBinary(t)
	s := newTmux(t, 100, 30, testEnv(t))
	s.keys(bin+" present", "Enter")
	s.waitFor("slide 1/")
	s.tmux("resize-window", "-t", "main", "-x", "30", "-y", "8")
	s.waitFor("larger")
	s.tmux("resize-window", "-t", "main", "-x", "90", "-y", "30")
	s.waitFor("slide 1/")
	s.keys("q")
}

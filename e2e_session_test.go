package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

func storeOpenForTest(path string) (*store.Store, error) {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	_, err = st.CreateSession(model.Session{Kind: model.SessionWorkshop, TeamName: "North", Title: "Workshop · North"})
	return st, err
}

// sessionEnv is a test environment whose database the test can find again.
func sessionEnv(t *testing.T) (env []string, db, dir string) {
	dir = t.TempDir()
	db = filepath.Join(dir, "huddle.db")
	return []string{"TERM=xterm-256color", "HUDDLE_DB=" + db, "XDG_DATA_HOME=" + dir, "PS1=$ "}, db, dir
}

// startHuddle types a command line that records huddle's pid and runs it.
func startHuddle(s *tmuxSession, dir, args string) {
	pidFile := filepath.Join(dir, "pid")
	s.keys("sh -c 'echo $$ > "+pidFile+"; exec "+args+"'; echo huddle-exited-$?", "Enter")
}

// execHuddle replaces the pane's shell with huddle, so that no shell's
// job control takes the terminal when huddle is stopped.
func execHuddle(s *tmuxSession, dir, args string) {
	pidFile := filepath.Join(dir, "pid")
	s.keys("exec sh -c 'echo $$ > "+pidFile+"; exec "+args+"'", "Enter")
}

// waitExit waits for a process to end.
func waitExit(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("huddle (pid %d) did not exit", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// huddlePid reads the pid startHuddle recorded.
func huddlePid(t *testing.T, dir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// m1Session starts the real binary presenting Module 1 for a team in
// tmux at 120x40, with a database the test can read afterwards: the
// session, the binary, its environment, its database and the folder it
// keeps its pid in.
func m1Session(t *testing.T) (s *tmuxSession, bin string, env []string, db, dir string) {
	t.Helper()
	bin = huddleBinary(t)
	env, db, dir = sessionEnv(t)
	s = newTmux(t, 120, 40, env)
	startHuddle(s, dir, bin+" present m1 --team North --facilitator Sam")
	s.waitFor("M1 Managers · 1/15")
	return s, bin, env, db, dir
}

// openM1E3 goes to M1-E3's slide and runs it.
func openM1E3(s *tmuxSession) {
	s.keys(":")
	s.waitFor("go to slide")
	s.keys("m1 12", "Enter")
	s.waitFor("Exercise M1-E3")
	s.keys("Enter")
	s.waitFor("M1-E3 · A journey towards integration")
}

// addLine adds a line to the field under the cursor and waits for it.
func addLine(s *tmuxSession, text string) {
	s.keys("Enter")
	s.waitFor("›")
	s.keys(text, "Enter")
	s.waitFor("• " + text)
}

// TestTmuxDiscussionWithThreeGroups runs M1-E3 in the real binary: three
// groups' feedback typed in, lines tagged and weighted, and the see-saw
// beside it tilting, with its totals changing on screen.
func TestTmuxDiscussionWithThreeGroups(t *testing.T) {
	bin := huddleBinary(t)
	env, _, dir := sessionEnv(t)
	s := newTmux(t, 140, 45, env)
	startHuddle(s, dir, bin+" present m1 --team North --facilitator Sam")
	s.waitFor("M1 Managers · 1/15")
	openM1E3(s)
	s.keys("w")
	s.waitFor("+ Positives 0 · − Challenges 0")
	s.waitFor("balanced")

	groups := []struct {
		position string
		good     string
		bad      string
	}{
		{"ALIGNED", "Weekly MDT meetings well attended", "Social care notes on a separate system"},
		{"ATTACHED", "Joint visits with the district nurses", "Worker feels isolated from social care peers"},
		{"EMBEDDED", "Shared duty rota across health and social care", "Role blurring with the case managers"},
	}
	moves := map[string]int{"ATTACHED": 1, "ALIGNED": 2, "EMBEDDED": 3}
	pos, chal := 0, 0
	for i, g := range groups {
		if i > 0 {
			s.keys("Tab")
			s.waitFor("[ Group " + strconv.Itoa(i+1) + " ]")
		}
		for n := 0; n < moves[g.position]; n++ {
			s.keys("Right")
		}
		s.waitFor("◉ " + g.position)
		s.keys("Down")
		addLine(s, g.good)
		s.keys("p")
		s.waitFor(g.good + "  [+ positive 1]")
		s.keys("2")
		s.waitFor(g.good + "  [+ positive 2]")
		pos += 2
		s.waitFor("+ Positives " + strconv.Itoa(pos) + " · − Challenges " + strconv.Itoa(chal))

		s.keys("Down")
		s.waitFor("▶ What it looks like: limitations")
		addLine(s, g.bad)
		s.keys("c")
		s.waitFor(g.bad + "  [− challenge 1]")
		chal++
		s.waitFor("+ Positives " + strconv.Itoa(pos) + " · − Challenges " + strconv.Itoa(chal))
	}
	// 6 against 3: the plank leans to the positives by one step of three.
	s.waitFor("leans to the positives (1 of 3)")
	s.keys("3") // the last challenge weighs 3: 6 against 5
	s.waitFor("+ Positives 6 · − Challenges 5")

	s.keys("S")
	// The summary is the Markdown that review and exports show: a row per
	// position with the groups placed there (waited for, row by row).
	placedAt := func(scr, pos, group string) bool {
		for _, line := range strings.Split(scr, "\n") {
			if strings.Contains(line, pos+" ") && strings.Contains(line, "│ "+group) {
				return true
			}
		}
		return false
	}
	s.waitUntil("every group placed in the summary", func(scr string) bool {
		return strings.Contains(scr, "Summary") && placedAt(scr, "attached", "Group 2") &&
			placedAt(scr, "aligned", "Group 1") && placedAt(scr, "embedded", "Group 3")
	})
	s.keys("Escape")
	s.waitGone("Summary")
	s.keys("Escape")
	s.waitFor("slide ")
	s.keys("q")
	s.waitFor("huddle-exited-0")

	// Everything is in the database: read it back with the export.
	out := exportJSON(t, bin, env)
	for _, g := range groups {
		for _, text := range []string{g.good, g.bad, strings.ToLower(g.position)} {
			if !strings.Contains(out, text) {
				t.Errorf("export lacks %q", text)
			}
		}
	}
}

// exportJSON runs huddle export latest --format json -o - in env.
func exportJSON(t *testing.T, bin string, env []string) string {
	t.Helper()
	out, code := runHuddle(t, bin, env, "export", "latest", "--format", "json", "-o", "-")
	if code != 0 {
		t.Fatalf("export failed (%d): %s", code, out)
	}
	return out
}

// TestTmuxKillAfterSave kills huddle with SIGKILL straight after a save
// and with a draft typed: on restart every saved line is there and the
// draft is offered back.
func TestTmuxKillAfterSave(t *testing.T) {
	s, bin, env, _, dir := m1Session(t)
	openM1E3(s)
	s.keys("Down")
	addLine(s, "Saved line one")
	addLine(s, "Saved line two")
	s.waitFor("saved ✓")
	s.keys("Enter")
	s.waitFor("›")
	s.keys("half typed feedback about referrals")
	s.waitFor("half typed feedback about referrals")
	time.Sleep(2500 * time.Millisecond) // typed two seconds or more before the kill
	if err := syscall.Kill(huddlePid(t, dir), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)

	s2 := newTmux(t, 120, 40, env)
	startHuddle(s2, dir, bin)
	s2.waitFor("Continue the last session")
	s2.waitFor("North, started")
	s2.keys("Down", "Enter")
	// The draft is offered back.
	s2.waitForAll("Recovered typing", "half typed feedback about referrals")
	s2.keys("Enter")
	s2.waitForAll("M1-E3 · A journey towards integration", "• Saved line one", "• Saved line two", "half typed feedback about referrals")
	s2.keys("Enter")
	s2.waitFor("• half typed feedback about referrals")
	s2.keys("Escape")
	s2.waitFor("slide ")
	s2.keys("q")
	s2.waitFor("huddle-exited-0")
	out := exportJSON(t, bin, env)
	if !strings.Contains(out, "half typed feedback about referrals") || !strings.Contains(out, "Saved line two") {
		t.Errorf("export lacks the lines:\n%s", out)
	}
}

var clockRe = regexp.MustCompile(`⏱ (\d+):(\d\d)`)

// timerLeft reads the compact timer's time left from the screen.
func timerLeft(t *testing.T, s *tmuxSession) time.Duration {
	t.Helper()
	m := clockRe.FindStringSubmatch(s.screen())
	if m == nil {
		t.Fatalf("no timer on screen:\n%s", s.screen())
	}
	min, _ := strconv.Atoi(m[1])
	sec, _ := strconv.Atoi(m[2])
	return time.Duration(min)*time.Minute + time.Duration(sec)*time.Second
}

// checkLeft checks the timer shows the time left at a deadline, to the
// second: the shown value is rounded up, and the screen may lag a frame.
func checkLeft(t *testing.T, s *tmuxSession, deadline time.Time, what string) {
	t.Helper()
	shown := timerLeft(t, s)
	want := time.Until(deadline)
	if diff := shown - want; diff < -time.Second || diff > 2*time.Second {
		t.Errorf("%s: timer shows %v, want about %v", what, shown, want.Round(time.Second))
	}
}

// TestTmuxTimerSurvivesRestartAndSuspend starts M1-E3's 20-minute timer,
// quits and restarts huddle, then stops and continues the process: the
// time left is right to the second each time.
func TestTmuxTimerSurvivesRestartAndSuspend(t *testing.T) {
	s, bin, env, _, dir := m1Session(t)
	openM1E3(s)
	s.waitFor("⏱ 20:00")
	before := time.Now()
	s.keys("t")
	s.waitFor("⏱ 19:5")
	deadline := before.Add(20 * time.Minute)
	checkLeft(t, s, deadline, "running")

	s.keys("Escape")
	s.waitFor("slide ")
	if !strings.Contains(s.screen(), "⏱ 19:") {
		t.Errorf("the compact timer should stay visible on the slides:\n%s", s.screen())
	}
	s.keys("q")
	s.waitFor("huddle-exited-0")
	time.Sleep(1500 * time.Millisecond)

	s2 := newTmux(t, 120, 40, env)
	startHuddle(s2, dir, bin)
	s2.waitFor("North, started")
	s2.keys("Down", "Enter")
	s2.waitFor("⏱ 19:")
	checkLeft(t, s2, deadline, "after a restart")

	s2.keys("q")
	s2.waitFor("huddle-exited-0")

	// Stopped and continued by signals, with no shell's job control in the
	// way: huddle is the pane's own process.
	s3 := newTmux(t, 120, 40, env)
	execHuddle(s3, dir, bin)
	s3.waitFor("North, started")
	s3.keys("Down", "Enter")
	s3.waitFor("⏱ 19:")
	pid := huddlePid(t, dir)
	if err := syscall.Kill(pid, syscall.SIGTSTP); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	if err := syscall.Kill(pid, syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1200 * time.Millisecond) // the next tick redraws
	checkLeft(t, s3, deadline, "after SIGTSTP and SIGCONT")
	s3.keys("q")
	waitExit(t, pid)
}

// runHuddle runs the built binary without a terminal and returns its
// combined output and exit code.
func runHuddle(t *testing.T, bin string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// TestSecondHuddleOnTheSameFile starts huddle in tmux, then a second one
// on the same database: the second says so plainly within two seconds and
// exits non-zero; the first goes on working.
func TestSecondHuddleOnTheSameFile(t *testing.T) {
	bin := huddleBinary(t)
	env, db, dir := sessionEnv(t)
	s := newTmux(t, 120, 40, env)
	startHuddle(s, dir, bin+" present m1 --team North")
	s.waitFor("M1 Managers · 1/15")
	for _, args := range [][]string{{"present", "m1", "--team", "South"}, {}, {"reflect"}, {"review"}} {
		start := time.Now()
		out, code := runHuddle(t, bin, env, args...)
		took := time.Since(start)
		if code == 0 || !strings.Contains(out, db+" is open in another huddle") {
			t.Errorf("%q: exit %d, output %q", args, code, out)
		}
		if took > 2*time.Second {
			t.Errorf("%q took %v; want under 2s", args, took)
		}
	}
	s.keys("Right")
	s.waitFor("M1 Managers · 2/15")
	s.keys("q")
	s.waitFor("huddle-exited-0")
}

// TestDamagedDatabaseIsLeftAlone gives the full-screen commands a
// truncated and a garbage database: a clear message, a non-zero exit and
// the file byte for byte as it was.
func TestDamagedDatabaseIsLeftAlone(t *testing.T) {
	bin := huddleBinary(t)
	env, db, _ := sessionEnv(t)
	// A real database with a session in it, then cut in half.
	if out, code := runHuddle(t, bin, env, "sessions"); code != 0 {
		t.Fatalf("sessions: %d %s", code, out)
	}
	st, err := storeOpenForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	good, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"truncated": good[:len(good)/2],
		"garbage":   []byte(strings.Repeat("\x00\xffnot a bolt file", 2000)),
	}
	for name, content := range cases {
		if err := os.WriteFile(db, content, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"present", "m1"}, {}, {"reflect"}, {"review"}} {
			out, code := runHuddle(t, bin, env, args...)
			if code == 0 || !strings.Contains(out, db) || !strings.Contains(out, "damaged") {
				t.Errorf("%s %q: exit %d, output %q", name, args, code, out)
			}
			after, _ := os.ReadFile(db)
			if string(after) != string(content) {
				t.Fatalf("%s %q: the file was changed", name, args)
			}
		}
	}
}

package store

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
	bolt "go.etcd.io/bbolt"
)

// Tests that need a second process re-run this test binary with
// -test.run=^TestHelperProcess$ and helperEnv naming what to do; the path of
// the database is in helperDBEnv.
const (
	helperEnv   = "HUDDLE_STORE_TEST_HELPER"
	helperDBEnv = "HUDDLE_STORE_TEST_DB"
)

func TestMain(m *testing.M) {
	code := m.Run()
	cleanupLargeStore()
	os.Exit(code)
}

// TestHelperProcess is the child side of the multi-process tests. It does
// nothing when run as an ordinary test.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("runs only as a child process of other tests")
	}
	path := os.Getenv(helperDBEnv)
	switch mode {
	case "open", "open-ro":
		start := time.Now()
		s, err := Open(path, Options{ReadOnly: mode == "open-ro"})
		fmt.Printf("elapsed-ms=%d\n", time.Since(start).Milliseconds())
		if err != nil {
			fmt.Printf("error=%v\n", err)
		} else {
			s.Close()
			fmt.Println("opened")
		}
	case "hold":
		s, err := Open(path, Options{})
		if err != nil {
			fmt.Printf("error=%v\n", err)
			os.Exit(1)
		}
		fmt.Println("open")
		defer s.Close()
		time.Sleep(time.Minute) // until the parent kills it
	case "save-and-wait":
		saveAndWait(path)
	case "structure":
		RunStructureCheckChild()
	case "structure-hang":
		boundChild(path)
		fmt.Println("hanging")
		select {} // until its deadline, or its parent's death
	case "doctor-parent":
		// Runs a structure check whose child hangs, printing the child's pid.
		childArgs = []string{"-test.run=^TestHelperProcess$", "-test.count=1"}
		os.Setenv(helperEnv, "structure-hang")
		childStarted = func(pid int) { fmt.Printf("child=%d\n", pid) }
		StructureCheckInChild(os.Args[0], path, time.Minute)
	default:
		fmt.Printf("unknown helper mode %q\n", mode)
		os.Exit(1)
	}
	os.Exit(0)
}

// saveAndWait saves a session, a draft and an entry, says "saved", and
// waits to be killed.
func saveAndWait(path string) {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Printf("error=%v\n", err)
		os.Exit(1)
	}
	sess, err := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: "Crash test", TeamName: "North"})
	if err == nil {
		err = s.SaveDraft(model.DraftKey(sess.ID, "M1-E3", "Group 1", "benefits"), "half-typed before the kill")
	}
	var e model.Entry
	if err == nil {
		e, err = s.PutEntry(model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Group: "Group 1",
			Field: "benefits", Text: "committed before the kill"})
	}
	if err != nil {
		fmt.Printf("error=%v\n", err)
		os.Exit(1)
	}
	fmt.Printf("saved %s %s\n", sess.ID, e.ID)
	time.Sleep(time.Minute) // until the parent kills it
}

// helperCmd prepares a child process of this test binary in mode.
func helperCmd(mode, path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperDBEnv+"="+path)
	return cmd
}

// startHelper starts a child in mode and returns it once it has printed a
// line starting with ready (or fails the test on anything else).
func startHelper(t *testing.T, mode, path, ready string) (*exec.Cmd, string) {
	t.Helper()
	cmd := helperCmd(mode, path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	lines := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stdout)
		line, _ := r.ReadString('\n')
		lines <- strings.TrimSpace(line)
		io.Copy(io.Discard, r)
	}()
	select {
	case line := <-lines:
		if !strings.HasPrefix(line, ready) {
			t.Fatalf("child in mode %s said %q, want %q", mode, line, ready)
		}
		return cmd, line
	case <-time.After(20 * time.Second):
		t.Fatalf("child in mode %s said nothing", mode)
	}
	return nil, ""
}

// clock is a fake clock that moves one second per reading.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock {
	return &clock{now: time.Date(2025, 1, 14, 9, 30, 0, 0, time.UTC)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Second)
	return c.now
}

// openTemp opens a new store in a temporary folder, with a fake clock.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "huddle", "huddle.db")
	s, err := Open(path, Options{Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// fileHash is the SHA-256 of a file's contents.
func fileHash(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// mustSession creates a session or fails the test.
func mustSession(t testing.TB, s *Store, sess model.Session) model.Session {
	t.Helper()
	if sess.Kind == "" {
		sess.Kind = model.SessionWorkshop
	}
	got, err := s.CreateSession(sess)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// mustEntry saves an entry or fails the test.
func mustEntry(t testing.TB, s *Store, e model.Entry) model.Entry {
	t.Helper()
	got, err := s.PutEntry(e)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// needChangeTimes skips a test of remembered checks where the platform
// gives no change time (checks are never remembered there).
func needChangeTimes(t *testing.T) {
	t.Helper()
	if info, err := os.Stat(os.Args[0]); err != nil {
		t.Fatal(err)
	} else if _, _, _, ok := fileIdentity(info); !ok {
		t.Skip("this platform gives no change time: checks are never remembered")
	}
}

// settleAtOnce lets a check remember a file however recently it was
// written (settleTime 0), for the rest of the test.
func settleAtOnce(t *testing.T) {
	saved := settleTime
	settleTime = 0
	t.Cleanup(func() { settleTime = saved })
}

// rawUpdate changes the closed file at path outside the store, as another
// program or damage would.
func rawUpdate(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(fn)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// checkFindsAfter requires the closed file at path to pass its check,
// then to fail it with a problem saying want once change has been made
// to it outside the store.
func checkFindsAfter(t *testing.T, path string, change func(tx *bolt.Tx) error, want string) {
	t.Helper()
	if r, err := Check(path); err != nil || !r.OK() {
		t.Fatalf("before: %v\n%s", err, r)
	}
	rawUpdate(t, path, change)
	r, err := Check(path)
	if err == nil || r.OK() || !strings.Contains(r.String(), want) {
		t.Fatalf("want a problem saying %q: %v\n%s", want, err, r)
	}
}

//go:build unix

package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

const eraseHelperEnv = "HUDDLE_STORE_ERASE_HELPER"

// TestEraseHelperProcess is the child of TestKillDuringErase: it saves two
// sessions, deletes one and, at the step named in its environment, says
// "at STEP ids" and waits to be killed.
func TestEraseHelperProcess(t *testing.T) {
	step := os.Getenv(eraseHelperEnv)
	if step == "" {
		t.Skip("runs only as a child process of TestKillDuringErase")
	}
	s, err := Open(os.Getenv(helperDBEnv), Options{})
	if err != nil {
		fmt.Printf("error=%v\n", err)
		os.Exit(1)
	}
	kept, err1 := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: "Kept", TeamName: "North"})
	gone, err2 := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: "Gone", TeamName: "North"})
	_, err3 := s.PutEntry(model.Entry{SessionID: gone.ID, ExerciseID: "M1-E1", Text: "deleted line"})
	_, err4 := s.PutEntry(model.Entry{SessionID: kept.ID, ExerciseID: "M1-E1", Text: "kept line"})
	if err := errorsJoin(err1, err2, err3, err4); err != nil {
		fmt.Printf("error=%v\n", err)
		os.Exit(1)
	}
	eraseStep = func(at string) {
		if at == step {
			fmt.Printf("at %s %s %s\n", at, kept.ID, gone.ID)
			time.Sleep(time.Minute) // until the parent kills it
		}
	}
	if err := s.DeleteSession(gone.ID); err != nil {
		fmt.Printf("error=%v\n", err)
	}
	os.Exit(1)
}

func errorsJoin(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestKillDuringErase: a huddle killed with SIGKILL in the middle of the
// rewrite, before or after the new file is renamed over the old one,
// leaves a whole database: it opens, passes the structural check, holds
// the kept session and not the deleted one (whose deletion was committed
// before the rewrite began).
func TestKillDuringErase(t *testing.T) {
	for _, step := range []string{"compacted", "renamed"} {
		t.Run(step, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "huddle.db")
			cmd := exec.Command(os.Args[0], "-test.run=^TestEraseHelperProcess$", "-test.count=1")
			cmd.Env = append(os.Environ(), eraseHelperEnv+"="+step, helperDBEnv+"="+path)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
			line, _ := bufio.NewReader(out).ReadString('\n')
			fields := strings.Fields(line)
			if len(fields) != 4 || fields[0] != "at" {
				t.Fatalf("child said %q", line)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			keptID, goneID := fields[2], fields[3]
			if report, err := Check(path); err != nil || !report.OK() {
				t.Fatalf("Check after a kill at %s: %v\n%s", step, err, report)
			}
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("open after a kill at %s: %v", step, err)
			}
			if list, err := s.Entries(keptID); err != nil || len(list) != 1 || list[0].Text != "kept line" {
				t.Errorf("kept session's entries: %+v, %v", list, err)
			}
			if _, err := s.GetSession(goneID); err == nil {
				t.Error("the deleted session is back")
			}
			// The next deletion finishes the erasure: the left-over copy
			// is replaced and no page holds the deleted line.
			other, err := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: "Other", TeamName: "South"})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.DeleteSession(other.ID); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if fileContains(t, path, "deleted line") {
				t.Error("the deleted line is still in the file after the next erasure")
			}
			if _, err := os.Stat(path + compactTail); err == nil {
				t.Error("the temporary copy is left")
			}
		})
	}
}

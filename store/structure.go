package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The structural check walks every page of the file with bbolt's Tx.Check.
// On a damaged page Tx.Check can panic in a goroutine of its own, or fault,
// and take the whole process down, so huddle runs it in a child process:
//
//   - The parent calls StructureCheckInChild(exe, path, timeout), where exe
//     is huddle's own executable (os.Executable()).
//   - That runs `exe __huddle-structure-check` (StructureCheckArg) with the
//     database path in the environment variable HUDDLE_STRUCTURE_CHECK_DB
//     (StructureCheckEnv).
//   - main.go, seeing StructureCheckArg as its first argument, calls
//     RunStructureCheckChild(), which never returns. It prints what it found
//     and exits 0 if the structure is sound, 1 if it found problems, and
//     3 if it could not run the check (file locked, missing, or its meta
//     pages unreadable). A crash (a Go panic exits 2) or a signal means the
//     file is damaged.

// StructureCheckArg is the hidden first argument that makes huddle run the
// structural check as a child process.
const StructureCheckArg = "__huddle-structure-check"

// StructureCheckEnv names the environment variable holding the path.
const StructureCheckEnv = "HUDDLE_STRUCTURE_CHECK_DB"

// Exit codes of the child.
const (
	structureOK        = 0
	structureProblems  = 1
	structureCannotRun = 3
)

// maxStructureProblems bounds the problems the check collects.
const maxStructureProblems = 100

// childArgs are the arguments StructureCheckInChild passes to exe; tests
// replace them to re-run the test binary as the child.
var childArgs = []string{StructureCheckArg}

// CheckStructure runs bbolt's structural check on the database at path,
// read-only, in this process, and returns the problems it found (at most
// 100). It may crash the process on a damaged file: call it only in a
// child process, through RunStructureCheckChild.
func CheckStructure(path string) ([]string, error) {
	if _, err := inspect(path, defaultTimeout); err != nil && !errors.Is(err, ErrNewerSchema) {
		return nil, err
	}
	db, err := openBolt(path, &bolt.Options{ReadOnly: true, Timeout: defaultTimeout})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var problems []string
	err = db.View(func(tx *bolt.Tx) error {
		for e := range tx.Check() {
			if len(problems) < maxStructureProblems {
				problems = append(problems, e.Error())
			}
		}
		return nil
	})
	return problems, err
}

// RunStructureCheckChild is the child side of the structural check: it
// checks the file named by StructureCheckEnv, prints the result to stdout
// and exits (0 sound, 1 problems found, 3 could not check). It never
// returns.
func RunStructureCheckChild() {
	path := os.Getenv(StructureCheckEnv)
	if path == "" {
		fmt.Println("huddle: structure check: " + StructureCheckEnv + " is not set")
		os.Exit(structureCannotRun)
	}
	problems, err := CheckStructure(path)
	switch {
	case err != nil:
		fmt.Println(err)
		os.Exit(structureCannotRun)
	case len(problems) > 0:
		for _, p := range problems {
			fmt.Println(p)
		}
		os.Exit(structureProblems)
	}
	fmt.Printf("huddle: the structure of %s is sound\n", path)
	os.Exit(structureOK)
}

// StructureCheckInChild runs the structural check of the database at path
// in a child process of exe (see the contract above) and waits at most
// timeout for it. ok is true only if the child reported a sound structure.
// output is what the child printed. err is non-nil when the check could
// not be run or did not finish: exe could not be started, the file could
// not be opened (locked, missing, meta pages damaged), or the timeout
// passed. A crash of the child is a finding, not an error: ok is false and
// output says so.
func StructureCheckInChild(exe, path string, timeout time.Duration) (ok bool, output string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, childArgs...)
	cmd.Env = append(os.Environ(), StructureCheckEnv+"="+path)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	output = strings.TrimSpace(out.String())
	if ctx.Err() != nil {
		return false, output, fmt.Errorf("huddle: the structure check of %s did not finish within %s", path, timeout)
	}
	var exit *exec.ExitError
	switch {
	case runErr == nil:
		return true, output, nil
	case !errors.As(runErr, &exit):
		return false, output, fmt.Errorf("huddle: could not run the structure check: %w", runErr)
	case exit.ExitCode() == structureProblems:
		return false, output, nil
	case exit.ExitCode() == structureCannotRun:
		return false, output, fmt.Errorf("huddle: could not check the structure of %s: %s", path, output)
	default:
		return false, fmt.Sprintf("the structure check crashed (%s), which means the file is damaged:\n%s",
			exit, firstLines(output, crashLines)), nil
	}
}

// crashLines is how much of a crashed child's output is kept: the fault
// and the top of its stack.
const crashLines = 12

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}

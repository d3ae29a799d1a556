package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The structural check runs bbolt's own page check, Tx.Check, as a second
// opinion after the page walk of verify.go. On a damaged page Tx.Check can
// panic in a goroutine of its own, fault, or, given a damaged overflow
// count, loop and allocate for minutes, so huddle runs it in a child
// process that is bounded and dies with its parent:
//
//   - The parent calls StructureCheckInChild(exe, path, timeout), where exe
//     is huddle's own executable (os.Executable()).
//   - That runs `exe __huddle-structure-check` (StructureCheckArg) with the
//     database path in the environment variable HUDDLE_STRUCTURE_CHECK_DB
//     (StructureCheckEnv) and its deadline in seconds in
//     HUDDLE_STRUCTURE_CHECK_DEADLINE. On Linux the child gets SIGKILL when
//     the parent dies (Pdeathsig, from a thread the parent keeps); elsewhere
//     it watches its parent and exits when it is gone.
//   - main.go, seeing StructureCheckArg as its first argument, calls
//     RunStructureCheckChild(), which never returns. The child caps its own
//     address space (the file's size plus childMemory) and Go heap, stops
//     itself at its deadline, prints what it found and exits 0 if the
//     structure is sound, 1 if it found problems, 3 if it could not run the
//     check (file locked, missing, or its meta pages unreadable) and 4 at
//     its deadline. A crash (a Go panic or running out of memory exits 2)
//     or a signal means the file is damaged.
//   - The parent kills the child if it is still running a little after the
//     deadline. A check that does not finish is reported as damage: "the
//     check could not finish".

// StructureCheckArg is the hidden first argument that makes huddle run the
// structural check as a child process.
const StructureCheckArg = "__huddle-structure-check"

// StructureCheckEnv names the environment variable holding the path.
const StructureCheckEnv = "HUDDLE_STRUCTURE_CHECK_DB"

// structureDeadlineEnv names the variable holding the child's deadline.
const structureDeadlineEnv = "HUDDLE_STRUCTURE_CHECK_DEADLINE"

// childMemory is the memory the child may use beyond the file's mapping.
const childMemory = 200 << 20

// Exit codes of the child.
const (
	structureOK        = 0
	structureProblems  = 1
	structureCannotRun = 3
	structureDeadline  = 4
	structureOrphan    = 5
)

// maxStructureProblems bounds the problems the check collects.
const maxStructureProblems = 100

// childArgs are the arguments StructureCheckInChild passes to exe; tests
// replace them to re-run the test binary as the child.
var childArgs = []string{StructureCheckArg}

// childStarted, if set, is told the pid of each child (tests).
var childStarted func(pid int)

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
// bounds itself (see the contract above), checks the file named by
// StructureCheckEnv, prints the result to stdout and exits. It never
// returns.
func RunStructureCheckChild() {
	path := os.Getenv(StructureCheckEnv)
	if path == "" {
		fmt.Println("huddle: structure check: " + StructureCheckEnv + " is not set")
		os.Exit(structureCannotRun)
	}
	boundChild(path)
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

// boltMapSize is how much address space bbolt maps for a file of size
// bytes: the next power of two up to 1 GB, then whole gigabytes. (The
// file's size alone is too little for a file just past a power of two.)
func boltMapSize(size uint64) uint64 {
	for i := uint(15); i <= 30; i++ {
		if size <= 1<<i {
			return 1 << i
		}
	}
	const step = 1 << 30
	return (size + step - 1) / step * step
}

// boundChild applies the child's limits: memory, deadline, and its
// parent's life.
func boundChild(path string) {
	size := uint64(0)
	if info, err := os.Stat(path); err == nil {
		size = uint64(info.Size())
	}
	debug.SetMemoryLimit(childMemory)
	if err := limitAddressSpace(boltMapSize(size) + childMemory); err != nil {
		fmt.Printf("huddle: structure check: cannot limit its memory: %v\n", err)
	}
	if secs, err := strconv.ParseFloat(os.Getenv(structureDeadlineEnv), 64); err == nil && secs > 0 {
		time.AfterFunc(time.Duration(secs*float64(time.Second)), func() {
			fmt.Printf("huddle: the check could not finish within %gs\n", secs)
			os.Exit(structureDeadline)
		})
	}
	parent := os.Getppid()
	go func() {
		for range time.Tick(200 * time.Millisecond) {
			if os.Getppid() != parent {
				os.Exit(structureOrphan)
			}
		}
	}()
}

// StructureCheckInChild runs the structural check of the database at path
// in a child process of exe (see the contract above), bounded by timeout.
// ok is true only if the child reported a sound structure. output is what
// the child printed, with the time and memory it took. A crash of the
// child, or a check that could not finish in time, is a finding (ok false,
// output says so), not an error. err is non-nil when the check could not
// be run: exe could not be started, or the file could not be opened
// (locked, missing, meta pages damaged).
func StructureCheckInChild(exe, path string, timeout time.Duration) (ok bool, output string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout+2*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, childArgs...)
	cmd.Env = append(os.Environ(), StructureCheckEnv+"="+path,
		fmt.Sprintf("%s=%g", structureDeadlineEnv, timeout.Seconds()))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	runErr := func() error {
		release := bindChild(cmd)
		defer release()
		if err := cmd.Start(); err != nil {
			return err
		}
		if childStarted != nil {
			childStarted(cmd.Process.Pid)
		}
		return cmd.Wait()
	}()
	output = strings.TrimSpace(out.String())
	took := fmt.Sprintf("(the check took %s and at most %d MB)", time.Since(start).Round(time.Millisecond), peakMemory(cmd)>>20)
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil || (errors.As(runErr, &exit) && exit.ExitCode() == structureDeadline):
		return false, fmt.Sprintf("damaged: the check could not finish within %s %s", timeout, took), nil
	case runErr == nil:
		return true, output + "\n" + took, nil
	case !errors.As(runErr, &exit):
		return false, output, fmt.Errorf("huddle: could not run the structure check: %w", runErr)
	case exit.ExitCode() == structureProblems:
		return false, output + "\n" + took, nil
	case exit.ExitCode() == structureCannotRun:
		return false, output, fmt.Errorf("huddle: could not check the structure of %s: %s", path, output)
	default:
		return false, fmt.Sprintf("the structure check crashed (%s), which means the file is damaged %s:\n%s",
			exit, took, firstLines(output, crashLines)), nil
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

//go:build unix

package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// overflowDamage sets a branch page's overflow count to 0x86000000, the
// damage that once made bbolt's check run for minutes and take gigabytes.
func overflowDamage(t *testing.T, path string) {
	t.Helper()
	b, _, ps := treePages(t, path)
	writeAt(t, path, int64(b[0])*ps+12, []byte{0, 0, 0, 0x86})
}

// TestDoctorOnOverflowDamageIsBounded: doctor reports the damage within
// 10 s, and bbolt's own check of the same file, run on its own in the
// bounded child, ends within 10 s and 300 MB too.
func TestDoctorOnOverflowDamageIsBounded(t *testing.T) {
	saved := childArgs
	childArgs = []string{"-test.run=^TestHelperProcess$", "-test.count=1"}
	t.Cleanup(func() { childArgs = saved })
	t.Setenv(helperEnv, "structure")
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeManySessions(t, path, 60, 40)
	overflowDamage(t, path)
	before := fileHash(t, path)

	start := time.Now()
	report, ok, err := Doctor(path, os.Args[0], 8*time.Second)
	took := time.Since(start)
	t.Logf("doctor took %s:\n%s", took, report)
	if err != nil || ok || !strings.Contains(report, "past the end of the file") || !strings.Contains(report, "damaged") {
		t.Errorf("doctor: ok=%v err=%v", ok, err)
	}
	if took > 10*time.Second {
		t.Errorf("doctor took %s", took)
	}

	start = time.Now()
	ok, out, err := StructureCheckInChild(os.Args[0], path, 3*time.Second)
	took = time.Since(start)
	t.Logf("bbolt's check in the child took %s: %v\n%s", took, err, firstLines(out, 4))
	if ok || err != nil || took > 10*time.Second {
		t.Errorf("bounded child: ok=%v err=%v took %s", ok, err, took)
	}
	mb := 0
	if i := strings.Index(out, "and at most "); i >= 0 {
		mb, _ = strconv.Atoi(strings.Fields(out[i+len("and at most "):])[0])
	}
	if mb <= 0 || mb >= 300 {
		t.Errorf("the child's peak memory was %d MB, want under 300", mb)
	}
	if fileHash(t, path) != before {
		t.Error("the file was changed")
	}
}

// TestStructureChildDiesWithParent: when the process running doctor is
// killed, its child goes too.
func TestStructureChildDiesWithParent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeSampleStore(t, path, 10)
	parent, line := startHelper(t, "doctor-parent", path, "child=")
	pid, err := strconv.Atoi(strings.TrimPrefix(line, "child="))
	if err != nil {
		t.Fatal(line)
	}
	if !processAlive(pid) {
		t.Fatalf("the child %d is not running", pid)
	}
	if err := parent.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	parent.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for processAlive(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the child %d outlived its parent by 10 s", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// processAlive reports whether pid runs (a zombie, dead but not yet
// reaped, does not count).
func processAlive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !os.IsNotExist(err) && true
	}
	if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

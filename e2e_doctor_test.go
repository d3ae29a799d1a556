//go:build unix

package main

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDoctorBinaryOnOverflowDamage: the built huddle's doctor, on a file
// whose branch pages' overflow counts are set to 0x86000000 (a damage that
// once ran bbolt's check past 60 s and 3 GB), ends within 10 s and 300 MB,
// reports the damage and exits 1, leaving the file as it was.
func TestDoctorBinaryOnOverflowDamage(t *testing.T) {
	bin := huddleBinary(t)
	path := filepath.Join(t.TempDir(), "huddle.db")
	campaignDB(t, path, rand.New(rand.NewPCG(1, 2)))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const ps = 4096
	n := 0
	for id := 2; (id+1)*ps <= len(data); id++ {
		p := data[id*ps:]
		if binary.LittleEndian.Uint64(p) == uint64(id) && binary.LittleEndian.Uint16(p[8:]) == 0x01 {
			binary.LittleEndian.PutUint32(p[12:], 0x86000000) // every page that looks like a branch
			n++
		}
	}
	if n == 0 {
		t.Fatal("no branch page in the test file")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "doctor", "--db", path)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	took := time.Since(start)
	peak := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = int64(ru.Maxrss) << 10 // kilobytes on Linux
	}
	t.Logf("doctor on %d damaged branch pages: %s, %d MB, exit %v\n%s", n, took.Round(time.Millisecond), peak>>20, err, out.String())
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(out.String(), "huddle doctor: damaged") {
		t.Errorf("exit %d", cmd.ProcessState.ExitCode())
	}
	if took > 10*time.Second || peak > 300<<20 {
		t.Errorf("doctor took %s and %d MB", took, peak>>20)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("doctor changed the file")
	}
}

//go:build unix

package store

import (
	"os"
	"os/exec"
	"syscall"
)

// limitAddressSpace caps this process's address space at what it uses now
// plus extra bytes: an allocation past it fails, and the Go runtime then
// stops the process. It is set once the runtime has started, whose own
// reservations are already made.
func limitAddressSpace(extra uint64) error {
	used := uint64(0)
	if data, err := os.ReadFile("/proc/self/statm"); err == nil {
		var pages uint64
		for _, c := range data {
			if c < '0' || c > '9' {
				break
			}
			pages = pages*10 + uint64(c-'0')
		}
		used = pages * uint64(os.Getpagesize())
	} else {
		return nil // no /proc (macOS): the deadline and the memory limit still hold
	}
	lim := &syscall.Rlimit{Cur: used + extra, Max: used + extra}
	return syscall.Setrlimit(syscall.RLIMIT_AS, lim)
}

// peakMemory is the most memory a finished child held, in bytes, or 0.
func peakMemory(cmd *exec.Cmd) uint64 {
	if cmd.ProcessState == nil {
		return 0
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return uint64(ru.Maxrss) * maxrssUnit
	}
	return 0
}

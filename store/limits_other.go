//go:build !unix

package store

import "os/exec"

// limitAddressSpace does nothing here; the deadline and the Go memory
// limit still bound the child.
func limitAddressSpace(extra uint64) error { return nil }

// peakMemory is not known here.
func peakMemory(cmd *exec.Cmd) uint64 { return 0 }

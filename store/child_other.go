//go:build !linux

package store

import "os/exec"

// bindChild does nothing here: the child watches its parent itself
// (watchParent) and ends when it is gone.
func bindChild(cmd *exec.Cmd) (release func()) { return func() {} }

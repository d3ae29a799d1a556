package store

import (
	"os/exec"
	"runtime"
	"syscall"
)

// bindChild makes the child die with the thread that starts it
// (Pdeathsig). The caller keeps that thread for as long as the child runs
// (runtime.LockOSThread), so the child dies when the parent process does.
func bindChild(cmd *exec.Cmd) (release func()) {
	runtime.LockOSThread()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return runtime.UnlockOSThread
}

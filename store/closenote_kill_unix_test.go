//go:build unix

package store

import (
	"bytes"
	"syscall"
	"testing"
)

// TestKillLeavesNoNoteThatTrustsItsWrites: a child opens a file whose
// check is remembered (it trusts the note), saves, and is killed with
// SIGKILL: the note is as it was, it no longer matches the file, and the
// next start checks the whole file.
func TestKillLeavesNoNoteThatTrustsItsWrites(t *testing.T) {
	s, path := trustedStore(t)
	s.Close()
	before := noteBytes(t, path)
	if !nextStartTrusts(t, path) {
		t.Fatal("the note is not trusted before the child runs: the test proves nothing")
	}
	cmd, _ := startHelper(t, "save-and-wait", path, "saved")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if !bytes.Equal(noteBytes(t, path), before) {
		t.Error("the killed child wrote a note")
	}
	if nextStartTrusts(t, path) {
		t.Error("the next start trusted writes that no check has seen")
	}
}

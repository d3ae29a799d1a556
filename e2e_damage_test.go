package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestTmuxDamagedFileIsReadOnly: the real binary on a file with one
// damaged record opens, shows the banner naming the file on the presenter
// and after moving on, starts no session in it, and quits leaving the
// file's bytes as they were and no backup.
func TestTmuxDamagedFileIsReadOnly(t *testing.T) {
	bin := huddleBinary(t)
	db, _ := cliSeed(t)
	data := damageMarker(t, db)
	s := newTmux(t, 120, 40, testEnv(t))
	s.keys(bin+" present m1 --db "+db+" ; echo huddle-exited-$?", "Enter")
	s.waitFor("DAMAGED, READ-ONLY")
	s.waitFor(filepath.Base(filepath.Dir(db)))
	s.keys("Right")
	s.waitFor("Managers · 2/")
	s.waitFor("DAMAGED, READ-ONLY")
	s.keys("q")
	s.waitFor("huddle-exited-")
	if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
		t.Error("the damaged file was changed")
	}
	if list, _ := filepath.Glob(db + ".backup-*"); len(list) > 0 {
		t.Errorf("a damaged file was backed up: %v", list)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damageMarker flips a byte of the text MARKER-DAMAGE-ME in the file.
func damageMarker(t *testing.T, db string) []byte {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("MARKER-DAMAGE-ME"))
	if i < 0 {
		t.Fatal("marker not found")
	}
	data[i] ^= 0x20
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCLICommandsOnADamagedFile: sessions and export say the file is
// damaged, on stderr, and exit 1; with --damaged-ok they give what can be
// read, still warning; the file is never changed.
func TestCLICommandsOnADamagedFile(t *testing.T) {
	db, sessions := cliSeed(t)
	data := damageMarker(t, db)
	for _, args := range [][]string{{"sessions"}, {"sessions", "--json"}, {"export", "latest"}, {"export", sessions[1].ID, "--format", "csv"}} {
		code, out, errOut := cliRun(t, append(args, "--db", db)...)
		if code != 1 || out != "" || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, db) ||
			!strings.Contains(errOut, "--damaged-ok") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	code, out, errOut := cliRun(t, "sessions", "--db", db, "--damaged-ok")
	if code != 0 || !strings.Contains(out, "Module 2") || !strings.Contains(errOut, "may be incomplete") {
		t.Errorf("sessions --damaged-ok: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = cliRun(t, "export", sessions[0].ID, "--db", db, "--damaged-ok")
	if code != 0 || !strings.Contains(out, "Joint visits") || strings.Contains(out, "ARKER-DAMAGE") ||
		!strings.Contains(errOut, "incomplete") {
		t.Errorf("export --damaged-ok: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
		t.Error("the damaged file was changed")
	}
	if list, _ := filepath.Glob(db + ".backup-*"); len(list) > 0 {
		t.Errorf("backups of a damaged file: %v", list)
	}
}

// TestCLIEntryCountsAreVerified: the counts of a whole file are those of
// its records.
func TestCLIEntryCountsAreVerified(t *testing.T) {
	db, _ := cliSeed(t)
	code, out, errOut := cliRun(t, "sessions", "--json", "--db", db)
	if code != 0 || errOut != "" || strings.Count(out, `"entries": 4`) != 2 {
		t.Errorf("exit %d, stderr %q:\n%s", code, errOut, out)
	}
}

// TestCLIEmptyFileFolderAndExportTarget: a zero-length file is called
// damaged (empty) by every command alike and is not turned into a new
// database; --db naming a folder and -o naming the database, a backup or
// a folder each get a plain message.
func TestCLIEmptyFileFolderAndExportTarget(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "huddle.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"sessions"}, {"export", "latest"}, {"doctor"}, {"present"}} {
		code, out, errOut := cliRun(t, append(args, "--db", empty)...)
		if code != 1 || !strings.Contains(out+errOut, "empty (0 bytes)") {
			t.Errorf("%q on an empty file: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if info, _ := os.Stat(empty); info.Size() != 0 {
		t.Error("the empty file was written")
	}

	dir := t.TempDir()
	for _, args := range [][]string{{"sessions"}, {"export", "latest"}, {"doctor"}, {"present"}} {
		code, _, errOut := cliRun(t, append(args, "--db", dir)...)
		if code != 1 || !strings.Contains(errOut, "is a folder, not a database file") || strings.Contains(errOut, "damaged") {
			t.Errorf("%q on a folder: exit %d, stderr %q", args, code, errOut)
		}
	}

	db, _ := cliSeed(t)
	before, _ := os.ReadFile(db)
	os.WriteFile(db+".backup-20250101", before, 0o600)
	for _, target := range []struct{ o, want string }{
		{db, "is the database itself"},
		{db + ".backup-20250101", "is a backup of the database"},
		{filepath.Dir(db), "is a folder"},
	} {
		code, _, errOut := cliRun(t, "export", "latest", "--db", db, "-o", target.o, "--force")
		if code != 1 || !strings.Contains(errOut, target.want) {
			t.Errorf("-o %s: exit %d, stderr %q", target.o, code, errOut)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Error("the database was replaced by an export")
	}
}

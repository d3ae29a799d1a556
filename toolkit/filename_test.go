package toolkit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileNamesPrintedSanitised: a crafted file or directory name (one
// that would set the terminal's title) never reaches an error message
// raw, and the errors still unwrap to what they wrap.
func TestFileNamesPrintedSanitised(t *testing.T) {
	const evil = "\x1b]2;pwned\x07"
	dir := filepath.Join(t.TempDir(), "deck"+evil+"-x")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "m1"+evil+"-x.md"), []byte("not a module\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadDir(dir)
	if err == nil {
		t.Fatal("a broken module loaded")
	}
	missing := filepath.Join(t.TempDir(), "gone"+evil+"-x")
	_, errMissing := LoadDir(missing)
	if !errors.Is(errMissing, os.ErrNotExist) {
		t.Errorf("missing directory: %v, want os.ErrNotExist", errMissing)
	}
	notDir := filepath.Join(dir, "m1"+evil+"-x.md")
	_, errNotDir := LoadDir(notDir)
	for _, e := range []error{err, errMissing, errNotDir} {
		if e == nil {
			t.Fatal("no error")
		}
		msg := e.Error()
		if strings.ContainsAny(msg, "\x1b\x07") {
			t.Errorf("error prints a raw escape: %q", msg)
		}
		if !strings.Contains(msg, "-x") {
			t.Errorf("error lost the file's name: %q", msg)
		}
	}
}

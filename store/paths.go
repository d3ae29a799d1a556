package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is where huddle keeps its database when neither --db nor
// HUDDLE_DB says otherwise: $XDG_DATA_HOME/huddle/huddle.db if
// XDG_DATA_HOME is set (and absolute), else the platform's user data
// directory: ~/.local/share/huddle/huddle.db on Linux and other Unix
// systems, ~/Library/Application Support/huddle/huddle.db on macOS,
// %LocalAppData%\huddle\huddle.db on Windows.
func DefaultPath() (string, error) {
	dir, err := dataHome()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "huddle", "huddle.db"), nil
}

// dataHome is the user's data directory.
func dataHome() (string, error) {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return x, nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return os.UserCacheDir() // %LocalAppData% as well
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	default:
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		if home == "" {
			return "", errors.New("huddle: no home directory: set XDG_DATA_HOME, HUDDLE_DB or --db")
		}
		return filepath.Join(home, ".local", "share"), nil
	}
}

// ensureDir makes the database's folder. A folder huddle creates is 0700
// (and so are parents it has to create). An existing folder is tightened to
// 0700 only if it is huddle's own default folder: a folder the user chose
// for --db, such as a shared directory, is left as it is.
func ensureDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		return os.Chmod(dir, 0o700)
	case err != nil:
		return err
	case !info.IsDir():
		return &os.PathError{Op: "open", Path: dir, Err: errors.New("not a directory")}
	}
	if info.Mode().Perm()&0o077 != 0 && isDefaultDir(dir) {
		return os.Chmod(dir, 0o700)
	}
	return nil
}

// isDefaultDir reports whether dir is the folder of DefaultPath.
func isDefaultDir(dir string) bool {
	def, err := DefaultPath()
	if err != nil {
		return false
	}
	a, err1 := filepath.Abs(dir)
	b, err2 := filepath.Abs(filepath.Dir(def))
	return err1 == nil && err2 == nil && a == b
}

// tightenFile removes group and other permissions from an existing file
// (0644 becomes 0600). It changes the mode only, never the contents.
func tightenFile(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return os.Chmod(path, perm&0o700)
	}
	return nil
}

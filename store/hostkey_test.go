package store

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

var fingerprintForm = regexp.MustCompile(`^SHA256:[A-Za-z0-9+/]{43}$`)

// TestHostKeyMadeOnceAndKept: the first use makes the key (0600, folder
// 0700), every later use reads the same key back.
func TestHostKeyMadeOnceAndKept(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "huddle")
	path := HostKeyPath(filepath.Join(dir, "huddle.db"))
	if filepath.Base(path) != HostKeyFile || filepath.Dir(path) != dir {
		t.Fatalf("HostKeyPath = %s, want %s in %s", path, HostKeyFile, dir)
	}
	first, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if !fingerprintForm.MatchString(first.Fingerprint()) {
		t.Fatalf("fingerprint %q is not in OpenSSH's SHA256 form", first.Fingerprint())
	}
	if got := first.Signer.PublicKey().Type(); got != gossh.KeyAlgoED25519 {
		t.Fatalf("key type %s, want ed25519", got)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %o, want 600", info.Mode().Perm())
		}
		dinfo, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if dinfo.Mode().Perm() != 0o700 {
			t.Errorf("folder mode %o, want 700", dinfo.Mode().Perm())
		}
	}
	before, _ := os.ReadFile(path)
	for i := 0; i < 3; i++ {
		again, err := LoadHostKey(path)
		if err != nil {
			t.Fatal(err)
		}
		if again.Fingerprint() != first.Fingerprint() {
			t.Fatalf("use %d: fingerprint %s, first was %s", i+2, again.Fingerprint(), first.Fingerprint())
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("reading the key rewrote the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d files, want only the key (no temporary files left)", len(entries))
	}
}

// TestHostKeyFingerprintMatchesOpenSSH: the fingerprint is the one
// ssh-keygen prints for the same file, so the room can compare it with
// what their ssh shows.
func TestHostKeyFingerprintMatchesOpenSSH(t *testing.T) {
	keygen, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("ssh-keygen is not installed (.ci/run installs openssh-client)")
	}
	path := filepath.Join(t.TempDir(), HostKeyFile)
	k, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(keygen, "-l", "-E", "sha256", "-f", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	fields := strings.Fields(string(out))
	if len(fields) < 2 || fields[1] != k.Fingerprint() {
		t.Fatalf("ssh-keygen says %q, huddle says %s", out, k.Fingerprint())
	}
}

// TestHostKeyDamagedIsKept: a damaged file or a key of another type is
// reported and never replaced.
func TestHostKeyDamagedIsKept(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rsaBlock, err := gossh.MarshalPrivateKey(rsaKey, "")
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(t.TempDir(), HostKeyFile)
	if _, err := LoadHostKey(good); err != nil {
		t.Fatal(err)
	}
	goodBytes, _ := os.ReadFile(good)
	cases := map[string][]byte{
		"empty":     {},
		"garbage":   []byte("not a key at all\n"),
		"truncated": goodBytes[:len(goodBytes)/2],
		"rsa":       pem.EncodeToMemory(rsaBlock),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), HostKeyFile)
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadHostKey(path)
			if !errors.Is(err, ErrHostKeyDamaged) {
				t.Fatalf("err = %v, want ErrHostKeyDamaged", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, data) {
				t.Fatal("a damaged key file was changed")
			}
		})
	}
}

// TestHostKeyLooseModeTightened: a key file others can read becomes 0600.
func TestHostKeyLooseModeTightened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix file modes")
	}
	path := filepath.Join(t.TempDir(), HostKeyFile)
	k, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if again.Fingerprint() != k.Fingerprint() {
		t.Fatal("tightening changed the key")
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %o, want 600", info.Mode().Perm())
	}
}

// TestHostKeyMadeOnceUnderRace: several first uses at once agree on one
// key.
func TestHostKeyMadeOnceUnderRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), HostKeyFile)
	const n = 8
	prints := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k, err := LoadHostKey(path)
			errs[i] = err
			if err == nil {
				prints[i] = k.Fingerprint()
			}
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if prints[i] != prints[0] {
			t.Fatalf("use %d got key %s, use 0 got %s", i, prints[i], prints[0])
		}
	}
}

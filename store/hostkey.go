package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// HostKeyFile is the name of the SSH host key in huddle's data folder,
// next to the database.
const HostKeyFile = "ssh_host_ed25519_key"

// HostKeyPath is where huddle keeps its SSH host key for the database at
// dbPath: in the same folder, so a participant's known_hosts entry keeps
// working for as long as the facilitator uses that database.
func HostKeyPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), HostKeyFile)
}

// HostKey is the live room's SSH host key: one ed25519 key made on first
// use and kept, so returning participants never see "remote host
// identification has changed".
type HostKey struct {
	Signer gossh.Signer
}

// Fingerprint is the key's SHA256 fingerprint as OpenSSH shows it
// ("SHA256:" and unpadded base64), for the facilitator to show the room.
func (k HostKey) Fingerprint() string {
	return gossh.FingerprintSHA256(k.Signer.PublicKey())
}

// ErrHostKeyDamaged means the host key file exists but is not an ed25519
// key huddle can read. It is never replaced silently: a new key would make
// every participant's ssh warn that the host key changed.
var ErrHostKeyDamaged = errors.New("the SSH host key file is damaged or not an ed25519 key")

// LoadHostKey reads the host key at path, or makes one there (mode 0600,
// in a folder made 0700 if it has to be made) if there is none. A key file
// readable by others is tightened to 0600. A damaged file is left as it is
// and reported.
func LoadHostKey(path string) (HostKey, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		if err := ensureDir(filepath.Dir(path)); err != nil {
			return HostKey{}, err
		}
		if err := createHostKey(path); err != nil {
			return HostKey{}, err
		}
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return HostKey{}, err
	}
	if err := tightenFile(path); err != nil {
		return HostKey{}, err
	}
	return parseHostKey(path, data)
}

// parseHostKey accepts only an unencrypted OpenSSH ed25519 private key.
func parseHostKey(path string, data []byte) (HostKey, error) {
	raw, err := gossh.ParseRawPrivateKey(data)
	if err != nil {
		return HostKey{}, fmt.Errorf("%s: %w (%v); move it away to make a new key, and participants will be warned that the key changed", path, ErrHostKeyDamaged, err)
	}
	var key ed25519.PrivateKey
	switch k := raw.(type) {
	case ed25519.PrivateKey:
		key = k
	case *ed25519.PrivateKey:
		key = *k
	default:
		return HostKey{}, fmt.Errorf("%s: %w (a %T)", path, ErrHostKeyDamaged, raw)
	}
	signer, err := gossh.NewSignerFromKey(key)
	if err != nil {
		return HostKey{}, fmt.Errorf("%s: %w (%v)", path, ErrHostKeyDamaged, err)
	}
	return HostKey{Signer: signer}, nil
}

// createHostKey writes a new key to a temporary file, flushes it, and
// links it into place, so path is either absent or a whole key: never half
// written. If another huddle made the key first, that key is kept.
func createHostKey(path string) error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	block, err := gossh.MarshalPrivateKey(priv, "huddle live room")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+HostKeyFile+".*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name)
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(pem.EncodeToMemory(block)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(name, path); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

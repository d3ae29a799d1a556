package live

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/store"
)

// These tests join with the real OpenSSH client, in tmux where a person's
// view matters.

func needOpenSSH(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("OpenSSH tests run on Unix")
	}
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("ssh is not installed (.ci/run installs openssh-client)")
	}
	return path
}

// sshArgs is the command line a participant types, with a known_hosts of
// the test's own and no configuration from the machine; opts go before
// the destination, a command after it.
func sshArgs(knownHosts, strict string, port int, user string, opts ...string) []string {
	args := []string{"-F", "/dev/null",
		"-o", "UserKnownHostsFile=" + knownHosts,
		"-o", "GlobalKnownHostsFile=/dev/null",
		"-o", "StrictHostKeyChecking=" + strict,
		"-p", fmt.Sprint(port)}
	args = append(args, opts...)
	return append(args, user+"@127.0.0.1")
}

func portOf(t *testing.T, a net.Addr) int {
	t.Helper()
	_, p, err := net.SplitHostPort(a.String())
	if err != nil {
		t.Fatal(err)
	}
	var n int
	fmt.Sscan(p, &n)
	return n
}

// sshTmux is a terminal of the test's own with a shell in it.
type sshTmux struct {
	t      *testing.T
	socket string
}

func newSSHTmux(t *testing.T, w, h int) *sshTmux {
	t.Helper()
	needOpenSSH(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	s := &sshTmux{t: t, socket: fmt.Sprintf("huddle-ssh-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	s.run("new-session", "-d", "-s", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-e", "TERM=xterm-256color", "-e", "PS1=$ ", "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *sshTmux) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// typeLine types a command line (quoted for sh) and Enter.
func (s *sshTmux) typeLine(args ...string) {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	s.run("send-keys", "-t", "main", "-l", strings.Join(q, " ")+`; echo SSH""-ENDED`)
	s.run("send-keys", "-t", "main", "Enter")
}

func (s *sshTmux) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", "main"}, keys...)...)
}

func (s *sshTmux) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.run("capture-pane", "-p", "-t", "main")
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited 10s for %q; the screen shows:\n%s", want, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestOpenSSHJoinWithCode: a participant types the command from the wall,
// accepts the host key, sees their screen at their terminal's size, types,
// resizes, and leaves; the door is told once.
func TestOpenSSHJoinWithCode(t *testing.T) {
	term := newSSHTmux(t, 80, 24)
	door := newSSHDoor()
	s := startSSH(t, door)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	term.typeLine(append([]string{"ssh", "-tt"}, sshArgs(kh, "accept-new", portOf(t, s.Addr()), sshTestCode)...)...)
	term.waitFor("Participant 1")
	term.waitFor("size 80x24")
	term.keys("-l", "hello")
	term.waitFor("keys 5: hello.")
	term.run("resize-window", "-t", "main", "-x", "60", "-y", "20")
	term.waitFor("size 60x20")
	term.keys("q")
	term.waitFor("SSH-ENDED")
	door.waitLeft(t, 1)
	if calls := door.calls(); len(calls) != 1 || calls[0].code != sshTestCode {
		t.Fatalf("door calls %+v", calls)
	}
}

// TestOpenSSHCodeAtPrompt: a participant who types only the host gets a
// prompt for the code, and gets in with it.
func TestOpenSSHCodeAtPrompt(t *testing.T) {
	term := newSSHTmux(t, 80, 24)
	door := newSSHDoor()
	s := startSSH(t, door)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	term.typeLine(append([]string{"ssh", "-tt"}, sshArgs(kh, "accept-new", portOf(t, s.Addr()), "guest")...)...)
	term.waitFor(codeInstruction)
	term.waitFor(strings.TrimSpace(codeQuestion))
	term.keys("-l", "k7qx-m3pa")
	term.keys("Enter")
	term.waitFor("Participant 1")
	term.keys("q")
	door.waitLeft(t, 1)
}

// TestOpenSSHWrongCode: a wrong code is refused with the door's message
// and the participant is back at their shell.
func TestOpenSSHWrongCode(t *testing.T) {
	term := newSSHTmux(t, 100, 24)
	door := newSSHDoor()
	s := startSSH(t, door)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	term.typeLine(append([]string{"ssh", "-tt"}, sshArgs(kh, "accept-new", portOf(t, s.Addr()), "ZZZZ-ZZZZ")...)...)
	term.waitFor(ErrWrongCode.Error())
	term.waitFor("SSH-ENDED")
	if n := len(door.calls()); n != 1 {
		t.Fatalf("door asked %d times, want 1", n)
	}
	if len(door.admitted()) != 0 {
		t.Fatal("a wrong code was admitted")
	}
}

// runSSH runs OpenSSH with a forced terminal and no tmux; it types keys
// once the output holds want (when want is not empty) and returns the
// output and error after it ends.
func runSSH(t *testing.T, args []string, want, keys string) (string, error) {
	t.Helper()
	cmd := exec.Command(needOpenSSH(t), args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	scr := newScreen(out)
	if want != "" {
		scr.waitFor(t, want, 10*time.Second)
		in.Write([]byte(keys))
	}
	done := make(chan error, 1)
	go func() { <-scr.done; done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("ssh did not end; it showed:\n%s", scr.text())
	}
	in.Close()
	return scr.text(), err
}

// TestOpenSSHHostKeyKeptAcrossRestart: after a restart on the same port
// with the key from the data folder, the known_hosts entry from the first
// join still matches (checked strictly); a server with another key on that
// port is rejected by the same known_hosts, so the check can fail.
func TestOpenSSHHostKeyKeptAcrossRestart(t *testing.T) {
	needOpenSSH(t)
	keyPath := store.HostKeyPath(filepath.Join(t.TempDir(), "huddle", "huddle.db"))
	kh := filepath.Join(t.TempDir(), "known_hosts")
	start := func(addr string, fresh bool) *SSHServer {
		key := sshTestKey(t)
		if !fresh {
			k, err := store.LoadHostKey(keyPath)
			if err != nil {
				t.Fatal(err)
			}
			key = k.Signer
		}
		s, err := ListenSSH(addr, newSSHDoor(), key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := start("127.0.0.1:0", false)
	addr := first.Addr().String()
	port := portOf(t, first.Addr())
	out, err := runSSH(t, append([]string{"-tt"}, sshArgs(kh, "accept-new", port, sshTestCode)...), "Participant 1", "q")
	if err != nil {
		t.Fatalf("first join: %v\n%s", err, out)
	}
	first.Close()

	again := start(addr, false)
	if again.Fingerprint() != first.Fingerprint() {
		t.Fatalf("restart changed the fingerprint: %s, then %s", first.Fingerprint(), again.Fingerprint())
	}
	out, err = runSSH(t, append([]string{"-tt"}, sshArgs(kh, "yes", port, sshTestCode)...), "Participant 1", "q")
	if err != nil {
		t.Fatalf("join after restart: %v\n%s", err, out)
	}
	again.Close()

	other := start(addr, true)
	defer other.Close()
	out, err = runSSH(t, append([]string{"-tt"}, sshArgs(kh, "yes", port, sshTestCode)...), "", "")
	if err == nil || !strings.Contains(out, "REMOTE HOST IDENTIFICATION HAS CHANGED") {
		t.Fatalf("a different host key was not noticed: %v\n%s", err, out)
	}
}

// TestOpenSSHRefusesKeysCommandsSubsystems: OpenSSH offering only a key is
// refused; a command or a subsystem is refused after the code got in.
func TestOpenSSHRefusesKeysCommandsSubsystems(t *testing.T) {
	needOpenSSH(t)
	keygen, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("ssh-keygen is not installed (.ci/run installs openssh-client)")
	}
	dir := t.TempDir()
	id := filepath.Join(dir, "id_ed25519")
	if out, err := exec.Command(keygen, "-q", "-t", "ed25519", "-N", "", "-f", id).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	door := newSSHDoor()
	s := startSSH(t, door)
	port := portOf(t, s.Addr())
	kh := filepath.Join(dir, "known_hosts")

	out, err := runSSH(t, sshArgs(kh, "accept-new", port, sshTestCode,
		"-i", id, "-o", "IdentitiesOnly=yes", "-o", "PreferredAuthentications=publickey", "-o", "BatchMode=yes"), "", "")
	if err == nil || !strings.Contains(out, "Permission denied") {
		t.Fatalf("key-only join: %v\n%s", err, out)
	}
	if n := len(door.calls()); n != 0 {
		t.Fatalf("the door was asked %d times for a key", n)
	}
	out, err = runSSH(t, append(sshArgs(kh, "accept-new", port, sshTestCode), "cat", "/etc/passwd"), "", "")
	if err == nil || !strings.Contains(out, "exec request failed") {
		t.Fatalf("command: %v\n%s", err, out)
	}
	out, err = runSSH(t, append(sshArgs(kh, "accept-new", port, sshTestCode, "-s"), "sftp"), "", "")
	if err == nil || !strings.Contains(out, "subsystem request failed") {
		t.Fatalf("subsystem: %v\n%s", err, out)
	}
	out, err = runSSH(t, sshArgs(kh, "accept-new", port, sshTestCode, "-T"), "", "")
	if err == nil || !strings.Contains(out, strings.TrimSpace(noTerminal)) {
		t.Fatalf("no terminal: %v\n%s", err, out)
	}
	door.waitLeft(t, 3)
}

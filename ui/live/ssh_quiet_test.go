package live

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSSHServerSaysNothingAboutClients runs the server in a child process
// (so everything it writes to its standard output and error is caught,
// panics included) and has real OpenSSH clients join, give a wrong code,
// type at the prompt under a user name, and break their screen; the
// child's output holds no client address, port, user name, code or client
// version.
func TestSSHServerSaysNothingAboutClients(t *testing.T) {
	needOpenSSH(t)
	dir := t.TempDir()
	portFile := filepath.Join(dir, "port")
	child := exec.Command(os.Args[0], "-test.run=^TestSSHChildServer$", "-test.count=1")
	child.Env = append(os.Environ(), "HUDDLE_SSH_CHILD="+portFile)
	var out bytes.Buffer
	child.Stdout, child.Stderr = &out, &out
	stdin, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	var port int
	deadline := time.Now().Add(20 * time.Second)
	for port == 0 {
		if b, err := os.ReadFile(portFile); err == nil && bytes.HasSuffix(b, []byte("\n")) {
			fmt.Sscan(string(b), &port)
		}
		if time.Now().After(deadline) {
			t.Fatalf("the child server did not start:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	kh := filepath.Join(dir, "known_hosts")

	o, err := runSSH(t, append([]string{"-tt"}, sshArgs(kh, "accept-new", port, sshTestCode)...), "Participant", "typed!")
	if !strings.Contains(o, strings.TrimSpace(sayFailed)) {
		t.Fatalf("the broken screen was not reported to its participant: %v\n%s", err, o)
	}
	o, _ = runSSH(t, append([]string{"-tt"}, sshArgs(kh, "accept-new", port, "WXYZ-WXYZ")...), "", "")
	if !strings.Contains(o, ErrWrongCode.Error()) {
		t.Fatalf("wrong code:\n%s", o)
	}
	term := newSSHTmux(t, 100, 30)
	term.typeLine(append([]string{"ssh", "-tt"}, sshArgs(kh, "accept-new", port, "alice.secret")...)...)
	term.waitFor(strings.TrimSpace(codeQuestion))
	term.keys("-l", sshTestCode)
	term.keys("Enter")
	term.waitFor("Participant")
	term.keys("q")
	term.waitFor("SSH-ENDED")

	stdin.Close()
	done := make(chan error, 1)
	go func() { done <- child.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("the child server did not stop:\n%s", out.String())
	}

	forbidden := []string{"127.0.0.1", "alice.secret", "WXYZ", sshTestCode, "K7QX", "OpenSSH", "panic", "goroutine"}
	got := out.String()
	for _, f := range forbidden {
		if strings.Contains(got, f) {
			t.Errorf("the server's output holds %q:\n%s", f, got)
		}
	}
	if strings.TrimSpace(got) != "PASS" {
		t.Errorf("the server printed more than the test result:\n%s", got)
	}
}

// TestSSHChildServer is the server of TestSSHServerSaysNothingAboutClients;
// it runs only in that child process.
func TestSSHChildServer(t *testing.T) {
	portFile := os.Getenv("HUDDLE_SSH_CHILD")
	if portFile == "" {
		t.Skip("runs as the child of TestSSHServerSaysNothingAboutClients")
	}
	s, err := ListenSSH("127.0.0.1:0", newSSHDoor(), sshTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(portFile, []byte(fmt.Sprintf("%d\n", portOf(t, s.Addr()))), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, os.Stdin)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
}

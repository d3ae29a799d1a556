package live

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

// TestSSHSilentClientGetsFirstScreen: a client whose terminal never
// answers a query gets its first screen within 500 ms, without pressing a
// key, drawn at the size its terminal request gave.
func TestSSHSilentClientGetsFirstScreen(t *testing.T) {
	door := newSSHDoor()
	s := startSSH(t, door)
	c, err := goJoin(s.Addr().String(), sshTestCode, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	p, err := openShell(c, "xterm-256color")
	if err != nil {
		t.Fatal(err)
	}
	p.screen.waitFor(t, "size 80x24", 500*time.Millisecond-time.Since(start))
	if !strings.Contains(p.screen.text(), "Participant 1") {
		t.Fatalf("first screen:\n%s", p.screen.text())
	}
}

// TestSSHCodeAsUserNameOrPrompt: the code works as the user name (in
// either case, with or without the dash) and at the prompt when the user
// name is not a code; the door gets the code and the client's host only.
func TestSSHCodeAsUserNameOrPrompt(t *testing.T) {
	cases := []struct{ user, answer string }{
		{sshTestCode, ""},
		{strings.ToLower(sshTestCode), ""},
		{"K7QXM3PA", ""},
		{"jsmith", sshTestCode},
		{"participant", " k7qx-m3pa "},
	}
	for _, tc := range cases {
		t.Run(tc.user, func(t *testing.T) {
			door := newSSHDoor()
			s := startSSH(t, door)
			var said []string
			c, err := goJoin(s.Addr().String(), tc.user, tc.answer, &said)
			if err != nil {
				t.Fatalf("join: %v (server said %q)", err, said)
			}
			p, err := openShell(c, "xterm")
			if err != nil {
				t.Fatal(err)
			}
			p.screen.waitFor(t, "Participant 1", 5*time.Second)
			asked := len(said) > 0 && said[0] == codeInstruction
			if asked != (tc.answer != "") {
				t.Fatalf("prompted %v (said %q), want a prompt only when the user name is not a code", asked, said)
			}
			calls := door.calls()
			if len(calls) != 1 || calls[0].source != "127.0.0.1" {
				t.Fatalf("door calls %+v, want one with source 127.0.0.1", calls)
			}
			_ = c.Close()
			door.waitLeft(t, 1)
		})
	}
}

// TestSSHRefusalShowsReasonAndEnds: a refused code is shown with the
// door's reason; the connection ends after one try (the door is asked
// once).
func TestSSHRefusalShowsReasonAndEnds(t *testing.T) {
	for _, refuse := range []error{nil, ErrTooManyAttempts, ErrRoomLocked, ErrRoomClosed} {
		want := ErrWrongCode
		if refuse != nil {
			want = refuse
		}
		t.Run(want.Error(), func(t *testing.T) {
			door := newSSHDoor()
			door.refuse = refuse
			s := startSSH(t, door)
			var said []string
			_, err := goJoin(s.Addr().String(), "ZZZZ-ZZZZ", "", &said)
			if err == nil {
				t.Fatal("a refused code got in")
			}
			if len(said) == 0 || said[len(said)-1] != refusal(want) {
				t.Fatalf("server said %q, want %q", said, refusal(want))
			}
			if n := len(door.calls()); n != 1 {
				t.Fatalf("door asked %d times on one connection, want 1", n)
			}
			if s.Participants() != 0 {
				t.Fatalf("%d participants after a refusal", s.Participants())
			}
		})
	}
}

// TestSSHPublicKeyNeverAccepted: a client offering only a key is refused
// without the door being asked; one offering a key first gets in only by
// the code, and the session carries no key.
func TestSSHPublicKeyNeverAccepted(t *testing.T) {
	door := newSSHDoor()
	s := startSSH(t, door)
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	cfg := &gossh.ClientConfig{
		User:            sshTestCode,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
	if c, err := gossh.Dial("tcp", s.Addr().String(), cfg); err == nil {
		c.Close()
		t.Fatal("a public key was accepted")
	} else if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("err = %v", err)
	}
	if n := len(door.calls()); n != 0 {
		t.Fatalf("door asked %d times for a key-only client", n)
	}
	// The same refusal at the protocol level, whatever the client offers:
	// the server's methods never include publickey.
	conn, err := net.Dial("tcp", s.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(signer), gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
		return nil, nil
	})}
	_, _, _, err = gossh.NewClientConn(conn, s.Addr().String(), cfg)
	if err != nil {
		t.Fatalf("key then code: %v", err)
	}
}

// TestSSHNothingButOneTerminal: commands, subsystems, environment,
// agent forwarding, port forwarding, a shell without a terminal and a
// second session are all refused.
func TestSSHNothingButOneTerminal(t *testing.T) {
	door := newSSHDoor()
	s := startSSH(t, door)
	c, err := goJoin(s.Addr().String(), sshTestCode, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Setenv("LANG", "en_GB.UTF-8"); err == nil {
		t.Error("env accepted")
	}
	if ok, _ := sess.SendRequest("auth-agent-req@openssh.com", true, nil); ok {
		t.Error("agent forwarding accepted")
	}
	if ok, _ := sess.SendRequest("x11-req", true, gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0})); ok {
		t.Error("X11 forwarding accepted")
	}
	if err := sess.Run("cat /etc/passwd"); err == nil {
		t.Error("exec accepted")
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("sftp subsystem accepted")
	}
	var stderr strings.Builder
	sess.Stderr = &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	var exit *gossh.ExitError
	if err := sess.Wait(); !errors.As(err, &exit) || exit.ExitStatus() != 1 || stderr.String() != noTerminal {
		t.Errorf("a shell without a terminal: %v, stderr %q", err, stderr.String())
	}
	sess.Close()
	if _, err := c.NewSession(); err == nil {
		t.Error("a second session on one connection was accepted")
	}
	if conn, err := c.Dial("tcp", s.Addr().String()); err == nil {
		conn.Close()
		t.Error("local port forwarding accepted")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding accepted")
	}
	c.Close()
	door.waitLeft(t, 1)
}

// TestSSHPanicEndsOneParticipant: a participant's model that panics ends
// that participant's connection only, with a line telling them to join
// again; the others carry on.
func TestSSHPanicEndsOneParticipant(t *testing.T) {
	door := newSSHDoor()
	s := startSSH(t, door)
	a, b := joinGo(t, s.Addr().String()), joinGo(t, s.Addr().String())
	a.screen.waitFor(t, "Participant", 5*time.Second)
	b.screen.waitFor(t, "Participant", 5*time.Second)
	a.in.Write([]byte("!"))
	a.screen.waitFor(t, strings.TrimSpace(sayFailed), 5*time.Second)
	if err := a.sess.Wait(); err != nil {
		var exit *gossh.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("session end: %v", err)
		}
	}
	b.in.Write([]byte("x"))
	b.screen.waitFor(t, "keys 1: x.", 5*time.Second)
	// Suspend is dropped: the model keeps running.
	b.in.Write([]byte("zy"))
	b.screen.waitFor(t, "keys 2: xy.", 5*time.Second)
	b.client.Close()
	door.waitLeft(t, 2)
}

// TestSSHCap: a client over the participant cap is told the room is full;
// a place frees when someone leaves.
func TestSSHCap(t *testing.T) {
	door := newSSHDoor()
	s := startSSH(t, door, WithMaxParticipants(1))
	a := joinGo(t, s.Addr().String())
	a.screen.waitFor(t, "Participant 1", 5*time.Second)
	var said []string
	if _, err := goJoin(s.Addr().String(), sshTestCode, "", &said); err == nil {
		t.Fatal("a second participant got in over a cap of 1")
	}
	if len(said) == 0 || said[0] != refusal(ErrRoomFull) {
		t.Fatalf("said %q, want %q", said, refusal(ErrRoomFull))
	}
	a.client.Close()
	door.waitLeft(t, 1)
	b := joinGo(t, s.Addr().String())
	b.screen.waitFor(t, "Participant 2", 5*time.Second)
}

// TestSSHTimeouts: a connection with no traffic is closed after the idle
// timeout, a busy one after the total timeout, one that never gives a
// code after the login grace; each admitted participant leaves once.
func TestSSHTimeouts(t *testing.T) {
	t.Run("idle", func(t *testing.T) {
		door := newSSHDoor()
		s := startSSH(t, door, WithIdleTimeout(300*time.Millisecond))
		p := joinGo(t, s.Addr().String())
		p.screen.waitFor(t, "Participant 1", 5*time.Second)
		waitEnded(t, p, 10*time.Second)
		door.waitLeft(t, 1)
	})
	t.Run("total", func(t *testing.T) {
		door := newSSHDoor()
		s := startSSH(t, door, WithTotalTimeout(time.Second))
		p := joinGo(t, s.Addr().String())
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for {
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
					if _, err := p.in.Write([]byte("k")); err != nil {
						return
					}
				}
			}
		}()
		waitEnded(t, p, 10*time.Second)
		door.waitLeft(t, 1)
	})
	t.Run("in but no terminal", func(t *testing.T) {
		door := newSSHDoor()
		s := startSSH(t, door, WithLoginGrace(200*time.Millisecond))
		c, err := goJoin(s.Addr().String(), sshTestCode, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		ended := make(chan error, 1)
		go func() { ended <- c.Wait() }()
		select {
		case <-ended:
		case <-time.After(10 * time.Second):
			t.Fatal("a connection that opened no terminal stayed open")
		}
		door.waitLeft(t, 1)
	})
	t.Run("login grace", func(t *testing.T) {
		door := newSSHDoor()
		s := startSSH(t, door, WithLoginGrace(200*time.Millisecond))
		conn, err := net.Dial("tcp", s.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		buf := make([]byte, 4096)
		for {
			if _, err := conn.Read(buf); err != nil {
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					t.Fatal("a connection that never authenticated stayed open")
				}
				break
			}
		}
	})
}

// waitEnded waits for the server to end the participant's session.
func waitEnded(t *testing.T, p *goParticipant, limit time.Duration) {
	t.Helper()
	select {
	case <-p.screen.done:
	case <-time.After(limit):
		t.Fatalf("the session was still open after %v", limit)
	}
}

// TestSSHShutdown: Shutdown lets screens draw their last state, tells each
// participant the room is closed, ends every session (each participant
// leaves once) and takes no new connections.
func TestSSHShutdown(t *testing.T) {
	door := newSSHDoor()
	s := startSSH(t, door, WithCloseGrace(time.Second))
	ps := []*goParticipant{joinGo(t, s.Addr().String()), joinGo(t, s.Addr().String())}
	for _, p := range ps {
		p.screen.waitFor(t, "Participant", 5*time.Second)
	}
	close(door.closing)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		p.screen.waitFor(t, "ROOM CLOSED SCREEN", time.Second)
		p.screen.waitFor(t, strings.TrimSpace(sayClosed), time.Second)
		waitEnded(t, p, 5*time.Second)
	}
	door.waitLeft(t, 2)
	if c, err := net.DialTimeout("tcp", s.Addr().String(), time.Second); err == nil {
		c.Close()
		t.Fatal("the server still takes connections after Shutdown")
	}
}

// TestSSHListenAddress: an address without a host is refused rather than
// listening on every network.
func TestSSHListenAddress(t *testing.T) {
	for _, addr := range []string{":0", ":2222"} {
		if s, err := ListenSSH(addr, newSSHDoor(), sshTestKey(t)); !errors.Is(err, ErrListenAllInterfaces) {
			if err == nil {
				s.Close()
			}
			t.Errorf("ListenSSH(%q) err = %v, want ErrListenAllInterfaces", addr, err)
		}
	}
	s := startSSH(t, newSSHDoor())
	if host, _, _ := net.SplitHostPort(s.Addr().String()); host != "127.0.0.1" {
		t.Fatalf("listening on %s", s.Addr())
	}
	if !strings.HasPrefix(s.Fingerprint(), "SHA256:") {
		t.Fatalf("fingerprint %q", s.Fingerprint())
	}
}

// TestSSHRendererFromTermAndTheme: the participant's renderer takes its
// colours from TERM and its background from the facilitator's theme.
func TestSSHRendererFromTermAndTheme(t *testing.T) {
	profiles := map[string]termenv.Profile{
		"":                termenv.Ascii,
		"dumb":            termenv.Ascii,
		"vt100":           termenv.ANSI,
		"xterm":           termenv.ANSI,
		"screen":          termenv.ANSI,
		"xterm-256color":  termenv.ANSI256,
		"tmux-256color":   termenv.ANSI256,
		"xterm-direct":    termenv.TrueColor,
		"xterm-kitty":     termenv.TrueColor,
		"alacritty":       termenv.TrueColor,
		"XTERM-TRUECOLOR": termenv.TrueColor,
	}
	for term, want := range profiles {
		r := participantRenderer(&strings.Builder{}, term, true)
		if got := r.ColorProfile(); got != want {
			t.Errorf("TERM=%q: profile %v, want %v", term, got, want)
		}
	}
	for _, dark := range []bool{true, false} {
		door := newSSHDoor()
		s := startSSH(t, door, WithDarkBackground(dark))
		p := joinGo(t, s.Addr().String())
		p.screen.waitFor(t, "Participant 1", 5*time.Second)
		if got := door.admitted()[0].dark.Load(); got != dark {
			t.Errorf("theme dark=%v: participant renderer dark=%v", dark, got)
		}
	}
}

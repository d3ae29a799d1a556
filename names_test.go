package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/carehuddle/huddle/store"
)

// TestPresentRefusesIdentifierInNames: a team or facilitator name holding
// a likely identifier is refused before anything starts, with a message
// saying what was found, and exit status 2; nothing is written.
func TestPresentRefusesIdentifierInNames(t *testing.T) {
	db := filepath.Join(t.TempDir(), "huddle.db")
	for _, args := range [][]string{
		{"present", "--db", db, "--team", "Team for 943\u00a0476\u00a05919"},
		{"present", "--db", db, "--team", "North", "--facilitator", "Sam NG7 2RD"},
		{"present", "--db", db, "--team", "Mrs Jones's team"},
	} {
		code, _, stderr := cliRun(t, args...)
		if code != exitUsage || !strings.Contains(stderr, "may identify a service user") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and the guard's message", args, code, stderr)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a database was written: %v", err)
	}
}

func TestCheckNames(t *testing.T) {
	team, facilitator := "\x1b]52;c;aGk=\x07 North\u202e", "\x1b[31mDr Patel\x1b[0m"
	var errOut strings.Builder
	if !checkNames("present", &errOut, &team, &facilitator) {
		t.Fatalf("refused: %s", errOut.String())
	}
	if team != "North" || facilitator != "Dr Patel" {
		t.Errorf("names cleaned to %q and %q, want North and Dr Patel", team, facilitator)
	}
}

// TestTmuxTeamNameEscapeNeverStored runs the real binary with
// --team $'\e]52;c;aGk=\a North' (an OSC 52 sequence that would set the
// terminal's clipboard): the team is stored as North, and neither the
// sessions list nor the JSON export holds any part of the escape.
func TestTmuxTeamNameEscapeNeverStored(t *testing.T) {
	bin := huddleBinary(t)
	env, db, dir := sessionEnv(t)
	s := newTmux(t, 120, 40, env)
	script := filepath.Join(dir, "run.sh")
	line := "exec " + bin + ` present m1 --team "$(printf '\033]52;c;aGk=\007 North')" --facilitator "$(printf '\033[31mSam')"` + "\n"
	if err := os.WriteFile(script, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	startHuddle(s, dir, "sh "+script)
	s.waitFor("M1 Managers · 1/15")
	s.waitFor("North")
	s.keys("q")
	s.waitFor("huddle-exited-0")

	list, code := runHuddle(t, bin, env, "sessions", "--json")
	if code != 0 {
		t.Fatalf("sessions --json: %d %s", code, list)
	}
	export := exportJSON(t, bin, env)
	for name, out := range map[string]string{"sessions --json": list, "export": export} {
		if !strings.Contains(out, "North") || !strings.Contains(out, "Sam") {
			t.Errorf("%s lacks the names:\n%s", name, out)
		}
		for _, bad := range []string{"\x1b", `\u001b`, "\a", `\u0007`, "52;c", "aGk=", "[31m"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s holds %q:\n%s", name, bad, out)
			}
		}
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	teams, err := st.Teams()
	if err != nil || len(teams) != 1 || teams[0].Name != "North" {
		t.Errorf("teams %+v, %v; want one called North", teams, err)
	}
}

// TestDeckFileNamesPrintedSanitised: deck check and --deck print a
// crafted directory name without its escape sequence.
func TestDeckFileNamesPrintedSanitised(t *testing.T) {
	const evil = "\x1b]2;pwned\x07"
	missing := filepath.Join(t.TempDir(), "deck"+evil+"-x")
	for _, args := range [][]string{
		{"deck", "check", missing},
		{"--deck", missing, "deck", "check"},
		{"export", "--deck", missing, "latest"},
	} {
		_, stdout, stderr := cliRun(t, args...)
		if strings.ContainsAny(stdout+stderr, "\x1b\x07") {
			t.Errorf("%q printed a raw escape: %q %q", args, stdout, stderr)
		}
		if !strings.Contains(stdout+stderr, "deck-x") {
			t.Errorf("%q did not name the directory: %q %q", args, stdout, stderr)
		}
	}
}

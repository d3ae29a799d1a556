package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/carehuddle/huddle/toolkit"
)

// These tests call run in-process. None of them may reach the full-screen
// program: present is only run with arguments that fail before it starts.

// cliRun runs the command line and returns its exit code and output.
func cliRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// cliDeckDir writes module files into a temporary deck directory.
func cliDeckDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		data = strings.ReplaceAll(data, "'''", "```")
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const cliGoodModule = "---\nid: ok1\ntitle: A good module\n---\n# Welcome\n\nHello.\n"

// cliBadModule has an unknown exercise key on line 11.
const cliBadModule = `---
id: bad
title: Bad module
---
# Slide

'''exercise
id: X-1
kind: poll
title: A poll
colour: red
question: Which?
option: a
option: b
'''
`

// cliWorseModule has an unknown header key on line 4.
const cliWorseModule = "---\nid: worse\ntitle: Worse\nauthor: someone\n---\n# S\n"

func TestCLIVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"version", "--theme", "dark"}} {
		code, out, errOut := cliRun(t, args...)
		if code != 0 || !strings.HasPrefix(out, "huddle ") || strings.TrimSpace(out) == "huddle" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func TestCLIHelp(t *testing.T) {
	tests := []struct {
		args []string
		want []string // in stdout or stderr
	}{
		{[]string{"--help"}, []string{"Usage", "present", "deck check"}},
		{[]string{"-h"}, []string{"Usage"}},
		{[]string{"help"}, []string{"Usage", "present", "deck check", "--theme"}},
		{[]string{"present", "--help"}, []string{"Usage", "huddle present [MODULE]", "-team", "-facilitator", "-theme"}},
		{[]string{"deck", "--help"}, []string{"Usage", "huddle deck check [DIR]", "-deck"}},
		{[]string{"deck", "check", "--help"}, []string{"Usage", "huddle deck check [DIR]"}},
		{[]string{"version", "--help"}, []string{"Usage", "huddle version"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := cliRun(t, tt.args...)
			if code != 0 {
				t.Errorf("exit %d, want 0", code)
			}
			all := out + errOut
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("help lacks %q:\n%s", w, all)
				}
			}
		})
	}
}

func TestCLIUnknownCommand(t *testing.T) {
	code, out, errOut := cliRun(t, "frobnicate")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("stderr %q does not name the command", errOut)
	}
	if out != "" {
		t.Errorf("stdout %q, want nothing", out)
	}
}

func TestCLIDeckUsage(t *testing.T) {
	for _, args := range [][]string{{"deck"}, {"deck", "frob"}, {"deck", "check", "a", "b"}, {"deck", "check", "--nosuchflag"}} {
		code, out, errOut := cliRun(t, args...)
		if code != 2 || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want 2 and a message", args, code, errOut, out)
		}
	}
}

func TestCLIDeckCheckBuiltin(t *testing.T) {
	code, out, errOut := cliRun(t, "deck", "check")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.Contains(out, "built-in deck: ok") {
		t.Errorf("stdout %q lacks ok", out)
	}
	if errOut != "" {
		t.Errorf("stderr %q, want nothing", errOut)
	}
}

func TestCLIDeckCheckMalformed(t *testing.T) {
	dir := cliDeckDir(t, map[string]string{
		"10-ok.md":    cliGoodModule,
		"20-bad.md":   cliBadModule,
		"30-worse.md": cliWorseModule,
		"README.md":   "not a module",
	})
	code, out, errOut := cliRun(t, "deck", "check", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if strings.Contains(out, "ok") {
		t.Errorf("stdout %q claims ok", out)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	want := []string{
		dir + "/20-bad.md:11: unknown exercise key \"colour\"",
		dir + "/30-worse.md:4: unknown header key \"author\"",
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(want), errOut)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d:\n got %q\nwant prefix %q", i+1, lines[i], w)
		}
	}
}

func TestCLIDeckCheckMissingDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nosuchdeck")
	code, out, errOut := cliRun(t, "deck", "check", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, dir) {
		t.Errorf("stderr %q does not name the directory", errOut)
	}
	if out != "" {
		t.Errorf("stdout %q, want nothing", out)
	}
}

func TestCLIFlagsAfterPositionals(t *testing.T) {
	dir := cliDeckDir(t, map[string]string{"10-ok.md": cliGoodModule})
	for _, args := range [][]string{
		{"deck", "check", dir, "--theme", "dark"},
		{"deck", "check", dir, "--theme=light", "--db", filepath.Join(t.TempDir(), "x.db")},
		{"deck", "check", "--deck", dir},
		{"deck", "--deck", dir, "check"},
	} {
		code, out, errOut := cliRun(t, args...)
		if code != 0 || !strings.HasPrefix(out, dir+": ok, 1 modules, 1 slides, 0 exercises") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func TestCLIGlobalFlagsBeforeCommand(t *testing.T) {
	dir := cliDeckDir(t, map[string]string{"10-ok.md": cliGoodModule})
	code, out, errOut := cliRun(t, "--deck", dir, "deck", "check")
	if code != 0 || !strings.HasPrefix(out, dir+": ok") {
		t.Errorf("--deck DIR deck check: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	bad := cliDeckDir(t, map[string]string{"20-bad.md": cliBadModule})
	code, _, errOut = cliRun(t, "--theme", "dark", "--deck", bad, "deck", "check")
	if code != 1 || !strings.Contains(errOut, bad+"/20-bad.md:11: ") {
		t.Errorf("--theme dark --deck BAD deck check: exit %d, stderr %q", code, errOut)
	}
}

func TestCLIPresentUnknownModule(t *testing.T) {
	deck, err := toolkit.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cliRun(t, "present", "nosuchmodule")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut, `"nosuchmodule"`) {
		t.Errorf("stderr %q does not name the module asked for", errOut)
	}
	for _, m := range deck.Modules {
		if !strings.Contains(errOut, m.ID) {
			t.Errorf("stderr %q does not list module %q", errOut, m.ID)
		}
	}
	if out != "" {
		t.Errorf("stdout %q, want nothing", out)
	}

	// With a custom deck the message lists that deck's modules.
	dir := cliDeckDir(t, map[string]string{"10-ok.md": cliGoodModule})
	code, _, errOut = cliRun(t, "present", "m1", "--deck", dir, "--team", "North")
	if code != 2 || !strings.Contains(errOut, `"m1"`) || !strings.Contains(errOut, "ok1") {
		t.Errorf("custom deck: exit %d, stderr %q", code, errOut)
	}
}

func TestCLIPresentBadDeck(t *testing.T) {
	dir := cliDeckDir(t, map[string]string{"20-bad.md": cliBadModule})
	code, _, errOut := cliRun(t, "present", "--deck", dir)
	if code != 1 || !strings.Contains(errOut, dir+"/20-bad.md:11: ") {
		t.Errorf("exit %d, stderr %q; want 1 and the deck's errors", code, errOut)
	}
}

func TestCLIUnknownTheme(t *testing.T) {
	for _, args := range [][]string{
		{"present", "--theme", "nosuch"},
		{"present", "m1", "--theme", "nosuch"},
		{"--theme", "nosuch", "present"},
	} {
		code, _, errOut := cliRun(t, args...)
		if code != 2 || !strings.Contains(errOut, `theme "nosuch"`) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message about the theme", args, code, errOut)
		}
	}
}

func TestCLIPresentTooManyModules(t *testing.T) {
	code, _, errOut := cliRun(t, "present", "m1", "m2")
	if code != 2 || !strings.Contains(errOut, "at most one module") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
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

// TestMain lets this test binary stand in for huddle as the child
// process of `huddle doctor`'s structural check (os.Executable is the
// test binary here).
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == store.StructureCheckArg {
		store.RunStructureCheckChild()
	}
	os.Exit(m.Run())
}

// cliSeed makes a database with two sessions and returns its path and the
// sessions, oldest first.
func cliSeed(t *testing.T) (string, []model.Session) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "huddle.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []model.Session
	for i, title := range []string{"Module 1, \"North\"", "Module 2 with Zoë"} {
		sess, err := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: title, TeamName: "North Café Team",
			Facilitator: "Siân", Started: time.Date(2025, 3, 4+i, 9, 30, 0, 0, time.UTC), Exercises: []string{"M1-E3"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{"Joint visits, \"weekly\"", "=HYPERLINK(\"x\")", "two\nlines", "MARKER-DAMAGE-ME"} {
			if _, err := s.PutEntry(model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Group: "g1", Field: "benefits", Text: text}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.PutAction(model.Action{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "Invite the SCW"}); err != nil {
			t.Fatal(err)
		}
		out = append(out, sess)
	}
	return path, out
}

func TestCLISessions(t *testing.T) {
	db, sessions := cliSeed(t)
	code, out, errOut := cliRun(t, "sessions", "--db", db)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "DATE") || !strings.Contains(lines[1], "Module 2 with Zoë") ||
		!strings.Contains(lines[2], `Module 1, "North"`) || !strings.Contains(lines[1], sessions[1].ID) ||
		!strings.Contains(lines[1], "2025-03-05 09:30") || !strings.Contains(lines[1], "North Café Team") {
		t.Errorf("table:\n%s", out)
	}
	code, out, _ = cliRun(t, "--db", db, "sessions", "--json")
	var items []model.SessionListItem
	if err := json.Unmarshal([]byte(out), &items); code != 0 || err != nil {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if len(items) != 2 || items[0].ID != sessions[1].ID || items[0].EntryCount != 4 || items[1].Title != sessions[0].Title {
		t.Errorf("JSON items %+v", items)
	}

	// No database yet: no sessions, and no file is made.
	none := filepath.Join(t.TempDir(), "none.db")
	if code, out, errOut := cliRun(t, "sessions", "--db", none); code != 0 || out != "No sessions yet.\n" {
		t.Errorf("no database: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, out, _ := cliRun(t, "sessions", "--json", "--db", none); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("no database, JSON: exit %d, stdout %q", code, out)
	}
	if _, err := os.Stat(none); !os.IsNotExist(err) {
		t.Errorf("sessions created a database: %v", err)
	}
	if code, _, errOut := cliRun(t, "sessions", "extra", "--db", db); code != 2 || errOut == "" {
		t.Errorf("an argument: exit %d, stderr %q", code, errOut)
	}
}

func TestCLIExport(t *testing.T) {
	db, sessions := cliSeed(t)
	dir := t.TempDir()

	// To a file: 0600 whatever the umask, and not over an existing file.
	file := filepath.Join(dir, "minutes.md")
	code, out, errOut := cliRun(t, "export", sessions[0].ID, "--format", "md", "-o", file, "--db", db)
	if code != 0 || errOut != "" || !strings.Contains(out, file) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	info, err := os.Stat(file)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("export file: %v, mode %v; want 0600", err, info.Mode())
	}
	md, _ := os.ReadFile(file)
	if !strings.Contains(string(md), "# Module 1, \"North\"") || !strings.Contains(string(md), "\\=HYPERLINK") {
		t.Errorf("minutes:\n%s", md)
	}
	code, _, errOut = cliRun(t, "export", "latest", "-o", file, "--db", db)
	if again, _ := os.ReadFile(file); code != 1 || !strings.Contains(errOut, "--force") || string(again) != string(md) {
		t.Errorf("overwrite without --force: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = cliRun(t, "export", "latest", "-o", file, "--force", "--db", db)
	if again, _ := os.ReadFile(file); code != 0 || !strings.Contains(string(again), "Module 2 with Zoë") {
		t.Errorf("overwrite with --force: exit %d, stderr %q", code, errOut)
	}
	if info, _ := os.Stat(file); info.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode %v", info.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %q", left)
	}

	// To standard output, with -o - or without -o; latest is the newest.
	for _, args := range [][]string{{"-o", "-"}, nil} {
		code, out, errOut = cliRun(t, append([]string{"export", "latest", "--format", "json", "--db", db}, args...)...)
		d, err := model.ParseExportJSON([]byte(out))
		if code != 0 || err != nil || d.Session.ID != sessions[1].ID || len(d.Entries) != 4 || len(d.Actions) != 1 {
			t.Errorf("%q: exit %d, %v, stderr %q", args, code, err, errOut)
		}
	}
	code, out, _ = cliRun(t, "export", sessions[0].ID, "--format", "csv", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "\ufeffKind,") || !strings.Contains(out, "\r\n") || !strings.Contains(out, `"'=HYPERLINK(""x"")"`) {
		t.Errorf("csv: exit %d:\n%s", code, out)
	}

	// Errors.
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "20990101-000000-0000"}, 1, `no session "20990101-000000-0000"`},
		{[]string{"export", "latest", "--format", "xls"}, 2, `unknown format "xls"`},
		{[]string{"export"}, 2, "Usage"},
		{[]string{"export", "a", "b"}, 2, "Usage"},
	} {
		code, _, errOut := cliRun(t, append(tt.args, "--db", db)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if code, _, errOut := cliRun(t, "export", "latest", "--db", empty); code != 1 || !strings.Contains(errOut, "no database") {
		t.Errorf("no database: exit %d, stderr %q", code, errOut)
	}
}

// TestCLILockedDatabase: a database that another huddle holds gives a
// clear message within about a second, not a hang.
func TestCLILockedDatabase(t *testing.T) {
	db, sessions := cliSeed(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, args := range [][]string{{"sessions"}, {"export", sessions[0].ID}, {"doctor"}} {
		start := time.Now()
		code, out, errOut := cliRun(t, append(args, "--db", db)...)
		took := time.Since(start)
		want := "huddle: " + db + " is open in another huddle; close it and try again"
		if code != 1 || strings.TrimSpace(errOut) != want || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 1 and %q", args, code, out, errOut, want)
		}
		if took > 2*time.Second {
			t.Errorf("%q took %s, want under 2s", args, took)
		}
	}
}

func TestCLIDoctor(t *testing.T) {
	db, _ := cliSeed(t)
	code, out, errOut := cliRun(t, "doctor", "--db", db)
	if code != 0 || errOut != "" || !strings.Contains(out, "every page and record verified") || !strings.Contains(out, "every page is sound") ||
		!strings.Contains(out, "no problems found") {
		t.Fatalf("healthy: exit %d, stderr %q:\n%s", code, errOut, out)
	}

	// A damaged record: reported, exit 1, and the file left as it was.
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), "MARKER-DAMAGE-ME")
	if i < 0 {
		t.Fatal("marker not found in the file")
	}
	data[i] ^= 0x20
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ = cliRun(t, "doctor", "--db", db)
	if after, _ := os.ReadFile(db); string(after) != string(data) {
		t.Error("doctor changed the file")
	}
	if code != 1 || !strings.Contains(out, "damaged: bucket entries") || !strings.Contains(out, "huddle doctor: damaged") {
		t.Errorf("damaged: exit %d:\n%s", code, out)
	}

	missing := filepath.Join(t.TempDir(), "missing.db")
	if code, _, errOut := cliRun(t, "doctor", "--db", missing); code != 1 || !strings.Contains(errOut, missing) {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

func TestCLIReviewCommandsHelp(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"sessions", "--help"}, "huddle sessions [--json]"},
		{[]string{"export", "--help"}, "huddle export SESSION|latest"},
		{[]string{"doctor", "--help"}, "huddle doctor"},
	} {
		code, out, errOut := cliRun(t, tt.args...)
		if code != 0 || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("%q: exit %d, output %q", tt.args, code, out+errOut)
		}
	}
}

// TestCLIDamagedDatabase: a file that is not a readable database gets a
// message naming it, exit 1, and is left as it was.
func TestCLIDamagedDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "huddle.db")
	junk := bytes.Repeat([]byte("not a database "), 1000)
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"sessions"}, {"export", "latest"}} {
		code, _, errOut := cliRun(t, append(args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, db) || !strings.Contains(errOut, "damaged") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, junk) {
		t.Error("the damaged file was changed")
	}
}

package toolkit

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/carehuddle/huddle/model"
)

// fence is a Markdown code fence; Go raw strings cannot hold backticks, so
// test sources write ”' and md turns it into a real fence.
const fence = "```"

// md turns ”' into ``` so that test sources can be raw strings.
func md(s string) string { return strings.ReplaceAll(s, "'''", fence) }

// src joins lines into a file with a trailing newline; line n of the file
// is lines[n-1], which keeps expected line numbers easy to read.
func src(lines ...string) []byte {
	return []byte(md(strings.Join(lines, "\n") + "\n"))
}

// wantErr is an error expected at an exact line with a message part.
type wantErr struct {
	line int
	msg  string
}

// checkErrs asserts that every wanted error is present, with the exact
// "FILE:LINE: " prefix in its rendered message.
func checkErrs(t *testing.T, file string, got Errors, want []wantErr) {
	t.Helper()
	if len(got) == 0 {
		t.Fatalf("no errors, want %v", want)
	}
	for _, w := range want {
		prefix := fmt.Sprintf("%s:%d: ", file, w.line)
		if w.line == 0 {
			prefix = file + ": "
		}
		found := false
		for _, e := range got {
			if strings.HasPrefix(e.Error(), prefix) && strings.Contains(e.Msg, w.msg) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("want an error %q...%q, got:\n%v", prefix, w.msg, got)
		}
	}
}

const validModule = `---
id: m1
title: Module one: a test
short: M1
---

# First slide

Some intro text.

'''notes
First note.
'''

- a bullet

'''notes
Second note.
'''

---

# Code slide

'''yaml
---
# not a heading
'''

---

Text before any heading.

'''go
# comment in code, not a title
'''

## Real title

---

'''exercise
id: P-1
kind: poll
title: A quick poll
question: Which one?
option: this
option: that
'''

---

A slide without any heading.
`

func TestParseModuleValid(t *testing.T) {
	mod, errs := ParseModule("m1.md", []byte(md(validModule)))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	if mod.ID != "m1" || mod.Title != "Module one: a test" || mod.Short != "M1" || mod.Source != "m1.md" {
		t.Errorf("header: got id %q title %q short %q source %q", mod.ID, mod.Title, mod.Short, mod.Source)
	}
	want := []struct {
		title    string
		line     int
		notes    string
		bodyHas  []string
		bodyNot  []string
		exercise string
	}{
		{
			title:   "First slide",
			line:    6,
			notes:   "First note.\nSecond note.",
			bodyHas: []string{"# First slide", "Some intro text.", "- a bullet"},
			bodyNot: []string{"notes", "First note.", "Second note.", fence},
		},
		{
			title:   "Code slide",
			line:    22,
			bodyHas: []string{"# Code slide", "---\n# not a heading"},
		},
		{
			title:   "Real title",
			line:    31,
			bodyHas: []string{"Text before any heading.", "# comment in code, not a title", "## Real title"},
		},
		{
			title:    "A quick poll",
			line:     41,
			bodyNot:  []string{"exercise", "question:"},
			exercise: "P-1",
		},
		{
			title:   "",
			line:    52,
			bodyHas: []string{"A slide without any heading."},
		},
	}
	if len(mod.Slides) != len(want) {
		for i, s := range mod.Slides {
			t.Logf("slide %d: %q line %d body %q", i, s.Title, s.Line, s.Body)
		}
		t.Fatalf("got %d slides, want %d", len(mod.Slides), len(want))
	}
	for i, w := range want {
		s := mod.Slides[i]
		if s.Title != w.title {
			t.Errorf("slide %d: title %q, want %q", i, s.Title, w.title)
		}
		if s.Line != w.line {
			t.Errorf("slide %d: line %d, want %d", i, s.Line, w.line)
		}
		if s.Notes != w.notes {
			t.Errorf("slide %d: notes %q, want %q", i, s.Notes, w.notes)
		}
		for _, h := range w.bodyHas {
			if !strings.Contains(s.Body, h) {
				t.Errorf("slide %d: body %q lacks %q", i, s.Body, h)
			}
		}
		for _, h := range w.bodyNot {
			if strings.Contains(s.Body, h) {
				t.Errorf("slide %d: body %q should not hold %q", i, s.Body, h)
			}
		}
		switch {
		case w.exercise == "" && s.Exercise != nil:
			t.Errorf("slide %d: unexpected exercise %q", i, s.Exercise.ID)
		case w.exercise != "" && (s.Exercise == nil || s.Exercise.ID != w.exercise):
			t.Errorf("slide %d: exercise %+v, want id %q", i, s.Exercise, w.exercise)
		}
	}
}

func TestParseModuleSlides(t *testing.T) {
	header := "---\nid: x\ntitle: X\n---\n"
	tests := []struct {
		name   string
		body   string
		titles []string
	}{
		{"one slide", "# A\ntext", []string{"A"}},
		{"three slides", "# A\n---\n# B\n---\n# C", []string{"A", "B", "C"}},
		{"separator with trailing spaces", "# A\n---  \n# B", []string{"A", "B"}},
		{"dashes in backtick fence", "# A\n'''\n---\n'''\n# still A", []string{"A"}},
		{"dashes in tilde fence", "# A\n~~~\n---\n~~~", []string{"A"}},
		{"dashes in longer fence with shorter inner", "# A\n''''\n'''\n---\n'''\n''''\n---\n# B", []string{"A", "B"}},
		{"dashes in notes", "# A\n'''notes\n---\n'''", []string{"A"}},
		{"heading in code is not the title", "'''\n# code\n'''\n# Real", []string{"Real"}},
		{"first heading wins", "## Second level\n# First level", []string{"Second level"}},
		{"heading level stripped", "### Deep heading ", []string{"Deep heading"}},
		{"no heading", "just text", []string{""}},
		{"indented dashes are not a separator", "# A\n   text\n  ---x", []string{"A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := strings.ReplaceAll(tt.body, "''''", "````")
			mod, errs := ParseModule("x.md", []byte(md(header+body+"\n")))
			if len(errs) > 0 {
				t.Fatalf("errors:\n%v", errs)
			}
			var got []string
			for _, s := range mod.Slides {
				got = append(got, s.Title)
			}
			if !slices.Equal(got, tt.titles) {
				t.Errorf("titles %q, want %q", got, tt.titles)
			}
		})
	}
}

func TestParseModuleHeader(t *testing.T) {
	tests := []struct {
		name, data       string
		id, title, short string
	}{
		{"short defaults to title", "---\nid: a-1\ntitle: Alpha\n---\n# S\n", "a-1", "Alpha", "Alpha"},
		{"short given", "---\nid: b\ntitle: Beta\nshort: B\n---\n# S\n", "b", "Beta", "B"},
		{"blank lines before header and comments inside", "\n\n---\n# a comment\nid: c\n\ntitle: Gamma: with colon\n---\n# S\n", "c", "Gamma: with colon", "Gamma: with colon"},
		{"CRLF line endings", "---\r\nid: d\r\ntitle: Delta\r\n---\r\n# S\r\n", "d", "Delta", "Delta"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mod, errs := ParseModule("h.md", []byte(tt.data))
			if len(errs) > 0 {
				t.Fatalf("errors:\n%v", errs)
			}
			if mod.ID != tt.id || mod.Title != tt.title || mod.Short != tt.short {
				t.Errorf("got %q %q %q, want %q %q %q", mod.ID, mod.Title, mod.Short, tt.id, tt.title, tt.short)
			}
			if len(mod.Slides) != 1 || mod.Slides[0].Title != "S" {
				t.Errorf("slides: %+v", mod.Slides)
			}
		})
	}
}

func TestParseModuleErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []wantErr
	}{
		{"missing header", src("# Title", "text"),
			[]wantErr{{1, "starts with a header"}}},
		{"missing header after blank lines", src("", "", "# Title"),
			[]wantErr{{3, "starts with a header"}}},
		{"unclosed header", src("---", "id: a", "title: A", "# Slide"),
			[]wantErr{{1, "never closed with ---"}}},
		{"unknown header key", src("---", "id: a", "title: A", "author: me", "---", "# S"),
			[]wantErr{{4, `unknown header key "author"`}}},
		{"header line without colon", src("---", "id: a", "title: A", "just words", "---", "# S"),
			[]wantErr{{4, "key: value"}}},
		{"header without id", src("---", "title: A", "---", "# S"),
			[]wantErr{{1, "no id:"}}},
		{"header without title", src("", "---", "id: a", "---", "# S"),
			[]wantErr{{2, "no title:"}}},
		{"bad module id", src("---", "id: a b", "title: A", "---", "# S"),
			[]wantErr{{2, `module id "a b"`}}},
		{"no slides", src("---", "id: a", "title: A", "---"),
			[]wantErr{{0, `module "a" has no slides`}}},
		{"empty slide", src("---", "id: a", "title: A", "---", "# A", "", "---", "", "---", "# B"),
			[]wantErr{{8, "empty slide"}}},
		{"slide with only notes", src("---", "id: a", "title: A", "---", "# A", "---", "'''notes", "hi", "'''"),
			[]wantErr{{7, "speaker notes but nothing to show"}}},
		{"unclosed code fence", src("---", "id: a", "title: A", "---", "# A", "", "'''go", "code", "more code"),
			[]wantErr{{7, "never closed"}}},
		{"unclosed exercise fence", src("---", "id: a", "title: A", "---", "# A", "'''exercise", "id: E", "kind: poll"),
			[]wantErr{{6, "exercise block is never closed"}}},
		{"unclosed notes fence", src("---", "id: a", "title: A", "---", "# A", "text", "'''notes", "note"),
			[]wantErr{{7, "notes block is never closed"}}},
		{"two exercises on one slide", src("---", "id: a", "title: A", "---", "# A",
			"'''exercise", "id: E1", "kind: actionplan", "title: One", "'''",
			"'''exercise", "id: E2", "kind: actionplan", "title: Two", "'''"),
			[]wantErr{{11, "at most one exercise"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseModule("dir/bad.md", tt.data)
			checkErrs(t, "dir/bad.md", errs, tt.want)
		})
	}
}

// reversedFS lists its root in reverse name order, so that a loader
// relying on the listing's order instead of sorting is caught.
type reversedFS struct{ fstest.MapFS }

func (r reversedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := r.MapFS.ReadDir(name)
	slices.Reverse(es)
	return es, err
}

func TestLoadFS(t *testing.T) {
	mod := func(id, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(md("---\nid: " + id + "\ntitle: T " + id + "\n---\n" + body + "\n"))}
	}
	t.Run("order, README and non-md files", func(t *testing.T) {
		fsys := fstest.MapFS{
			"20-b.md":    mod("b", "# B"),
			"10-a.md":    mod("a", "# A"),
			"3-c.MD":     mod("c", "# C"),
			"README.md":  {Data: []byte("not a module at all")},
			"readme.md":  {Data: []byte("not a module either")},
			"notes.txt":  {Data: []byte("---\nbroken")},
			"x.markdown": {Data: []byte("broken")},
			"sub/z.md":   {Data: []byte("broken, and in a subdirectory")},
		}
		deck, err := LoadFS(reversedFS{fsys}, "deck")
		if err != nil {
			t.Fatalf("LoadFS: %v", err)
		}
		var ids, sources []string
		for _, m := range deck.Modules {
			ids = append(ids, m.ID)
			sources = append(sources, m.Source)
		}
		if want := []string{"a", "b", "c"}; !slices.Equal(ids, want) {
			t.Errorf("ids %q, want %q", ids, want)
		}
		if want := []string{"deck/10-a.md", "deck/20-b.md", "deck/3-c.MD"}; !slices.Equal(sources, want) {
			t.Errorf("sources %q, want %q", sources, want)
		}
	})
	t.Run("no module files", func(t *testing.T) {
		_, err := LoadFS(fstest.MapFS{"README.md": {Data: []byte("x")}}, "empty")
		var es Errors
		if !errors.As(err, &es) || len(es) != 1 || !strings.HasPrefix(es.Error(), "empty: no .md") {
			t.Errorf("got %v", err)
		}
	})
	exercise := func(id string) string {
		return "# S\n\n'''exercise\nid: " + id + "\nkind: actionplan\ntitle: Plan\n'''"
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string // exact rendered errors
	}{
		{
			"duplicate module id",
			fstest.MapFS{"a.md": mod("same", "# A"), "b.md": mod("same", "# B")},
			[]string{"deck/b.md: module id same is also used by deck/a.md"},
		},
		{
			"duplicate exercise id",
			fstest.MapFS{"a.md": mod("a", exercise("X-1")), "b.md": mod("b", "# Intro\n---\n"+exercise("X-1"))},
			[]string{"deck/b.md:9: exercise id X-1 is also used at deck/a.md:7"},
		},
		{
			"errors from several files in file order",
			fstest.MapFS{"b.md": mod("b", "# B\n---\n---\n# C"), "a.md": {Data: []byte("# no header\n")}},
			[]string{
				"deck/a.md:1: a module file starts with a header: a line ---, then id: and title:, then ---",
				"deck/b.md:7: empty slide (two --- lines with nothing between them)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deck, err := LoadFS(tt.fsys, "deck")
			if deck != nil {
				t.Errorf("deck returned along with errors")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %v (%T) is not Errors", err, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Error())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLoadDirMissing(t *testing.T) {
	if _, err := LoadDir(t.TempDir() + "/nope"); err == nil {
		t.Error("LoadDir of a missing directory: no error")
	}
}

func TestBuiltinDeck(t *testing.T) {
	deck, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	for _, id := range []string{"intro", "m1", "m2", "m3"} {
		if deck.ModuleByID(id) < 0 {
			t.Errorf("built-in deck has no module %q", id)
		}
	}
	for _, m := range deck.Modules {
		if m.ID == "" || m.Title == "" || len(m.Slides) == 0 {
			t.Errorf("module %q (%s): id, title or slides missing", m.ID, m.Source)
		}
		for i, s := range m.Slides {
			if s.Title == "" {
				t.Errorf("%s slide %d (line %d) has no title", m.Source, i, s.Line)
			}
		}
	}
	// Every exercise the deck must carry (README, Exercise kinds).
	exs := deck.Exercises()
	catalog := []string{"I-A", "M1-E1", "M1-E2", "M1-E3", "M1-E4", "M2-E1", "M2-E2", "M2-E3", "M2-E4",
		"M3-E1", "M3-E2", "M3-E3", "M3-E4", "M3-E5", "M3-E6", "P1", "P2", "P3", "P4", "P5", "P6", "B-1", "B-2", "B-3"}
	for _, id := range catalog {
		if _, ok := exs[id]; !ok {
			t.Errorf("built-in deck lacks exercise %s", id)
		}
	}
	if len(model.Kinds) == 0 {
		t.Fatal("model.Kinds is empty")
	}
}

// TestCodeBlockShowingANotesBlock: a notes or exercise block shown as an
// example inside a longer code fence stays in the body, as code.
func TestCodeBlockShowingANotesBlock(t *testing.T) {
	src := "---\nid: x\ntitle: X\n---\n# Example\n````markdown\n```notes\nhidden?\n```\n```exercise\nkind: nosuch\n```\n````\n"
	m, errs := ParseModule("x.md", []byte(src))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	s := m.Slides[0]
	if s.Notes != "" || s.Exercise != nil {
		t.Errorf("blocks inside a code sample were taken out: notes %q exercise %+v", s.Notes, s.Exercise)
	}
	if !strings.Contains(s.Body, "hidden?") || !strings.Contains(s.Body, "kind: nosuch") {
		t.Errorf("the code sample lost its lines:\n%s", s.Body)
	}
}

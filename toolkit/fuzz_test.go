package toolkit

import (
	"strings"
	"testing"
)

// fuzzSeeds are valid and broken modules, with exercise blocks of every
// kind, for FuzzParseModule's seed corpus.
var fuzzSeeds = []string{
	validModule,
	"",
	"\n\n",
	"---",
	"---\n---\n",
	"---\nid: a\ntitle: A\n---\n",
	"---\nid: a\ntitle: A\n---\n# S\n---\n",
	"---\nid: a\ntitle: A\n---\n---\n---\n",
	"---\nid: a\ntitle: A\n",
	"---\nid: a\n---\n# S\n",
	"---\ntitle: A\n---\n# S\n",
	"---\nid: a b\ntitle:\nauthor: x\nno colon\n---\n# S\n",
	"---\r\nid: a\r\ntitle: A\r\n---\r\n# S\r\ntext\r\n",
	"---\nid: a\ntitle: A\n---\n# S\n'''go\n---\n",
	"---\nid: a\ntitle: A\n---\n# S\n''''\n'''notes\nx\n'''\n''''\n",
	"---\nid: a\ntitle: A\n---\n'''notes\nonly notes\n'''\n",
	"---\nid: a\ntitle: A\n---\n# S\n'''notes\nunclosed\n",
	"---\nid: a\ntitle: A\n---\n# S\n'''exercise\nid: E\nkind: poll\n",
	"---\nid: a\ntitle: A\n---\n'''exercise\n'''\n",
	"---\nid: a\ntitle: A\n---\n'''exercise\nkind: nope\nid: E\nid: F\ntitle:\nwhat\ncolour: red\n'''\n",
	"---\nid: a\ntitle: A\n---\n- item\n  more\n1. x\n   y\nline  \nnext\\\nlast\n",
}

// fuzzExercises are exercise blocks of every kind, valid or nearly so.
var fuzzExercises = []string{
	"id: M1-E3\nkind: discussion\ntitle: Journey\nduration: 20m\ngroups: 3\nfield: position | Where? | continuum\nfield: b | B | lines\nfield: c | C | choice | x / y\nprompt: P?\nclosing: C?\nactions: yes",
	"id: D\nkind: discussion\ntitle: D\ngroups: 0\nduration: 0\nfield: a | A | choice",
	"id: M1-E4\nkind: checklist\ntitle: Supports\nduration: 90s\nscale: tick\nitem: One\nitem: Two\nfield: note | Notes | lines",
	"id: P1\nkind: checklist\ntitle: P\nduration: 20\nscale: yes | partly | no | not sure\nitem: Q",
	"id: M2-E4\nkind: rating\ntitle: R\nscale: a | b | c\nitem: x\nseesaw: positive\nchallenge: c1",
	"id: R\nkind: rating\ntitle: R\nscale: a\nchallenge: c1\nseesaw: left",
	"id: M2-E3\nkind: framework\ntitle: F\nfield: a | A | lines\nfield: b | B | lines",
	"id: A\nkind: actionplan\ntitle: Plan",
	"kind: actionplan\ntitle: Plan",
	"id: A\nkind: actionplan",
	"id: I-A\nkind: assessment\ntitle: Profile\nduration: 1h30m\nprofiles: embedded | aligned | attached\nfactor: k | K | high/medium/low | high | medium | low\nfactor: i | I | yes/no | yes | no | no",
	"id: I-B\nkind: assessment\ntitle: P\nprofiles: a | b\nfactor: k | K | high/low | high | medium\nfactor: j | J | x | x\nfactor: short",
	"id: M2-E2\nkind: casestudy\ntitle: Cases\ncase: A | One\ncase: B | Two\nask: Q1?\nask: Q2?\nvote: Which?",
	"id: M2-E2\nkind: casestudy\ntitle: Cases\ncase: A | One | gist\ncase: B | Two | | x\nask: Q1?",
	"id: M3-E1\nkind: reflection\ntitle: Ref\nactions: yes\nfield: p | P | continuum\nfield: q | Q | text",
	"id: M3-E2\nkind: alliesmap\ntitle: Allies\nrows: daily | weekly | less often\ncolumns: ally | neutral | obstructs\nfield: i | I | lines",
	"id: M3-E4\nkind: casereview\ntitle: Review\nfield: label | Label\nfield: a | A | choice | yes / no",
	"id: M3-E5\nkind: cardsort\ntitle: Values\nrounds: 3 | 2\ncard: a\ncard: b\ncard: c\ncard: d",
	"id: CS\nkind: cardsort\ntitle: V\nrounds: 6 | 10\ncard: a",
	"id: CS\nkind: cardsort\ntitle: V\nrounds: 4 | 2-3\ncard-note: n\ncard: a\nextra-card: b\ncard: c\nextra-card: d\nextra-card: e\nextra-note: m",
	"id: CS\nkind: cardsort\ntitle: V\nrounds: 3-2 | x-1 | 0-\nextra-card: b\nextra-note:",
	"id: I-A\nkind: assessment\ntitle: P\nprofiles: a | b\nguide: k | y | n\nfactor: k | K | yes/no | yes | no\nguide: k | y | n\nguide: k | y\nguide-note: g",
	"id: B-1\nkind: poll\ntitle: Poll\nquestion: Q?\noption: Yes\noption: No",
	"id: B-2\nkind: poll\ntitle: Poll\noption: only",
}

func FuzzParseModule(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(md(s))
	}
	for i, ex := range fuzzExercises {
		f.Add(md("---\nid: x\ntitle: X\n---\n# Slide\n\n'''exercise\n" + ex + "\n'''\n"))
		if i%2 == 0 {
			// Without a heading, and followed by another slide.
			f.Add(md("---\nid: x\ntitle: X\n---\n'''exercise\n" + ex + "\n'''\n\n---\n\n# Next\n"))
		}
	}
	f.Fuzz(func(t *testing.T, data string) {
		mod, errs := ParseModule("f.md", []byte(data))
		// Lines as the parser counts them: CRLF, and a lone CR, end a line.
		n := len(strings.Split(strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\n"), "\r", "\n"), "\n"))
		for _, e := range errs {
			if e.Line < 0 || e.Line > n+1 {
				t.Errorf("error line %d outside 0..%d: %v", e.Line, n+1, e)
			}
			if e.File != "f.md" || e.Msg == "" {
				t.Errorf("bad error %#v", e)
			}
		}
		if len(errs) > 0 {
			return
		}
		if mod.ID == "" || mod.Title == "" || len(mod.Slides) == 0 {
			t.Fatalf("no errors but module id %q title %q with %d slides", mod.ID, mod.Title, len(mod.Slides))
		}
		for i, s := range mod.Slides {
			if strings.TrimSpace(s.Body) == "" && s.Exercise == nil {
				t.Errorf("slide %d has neither a body nor an exercise", i)
			}
			if s.Line < 1 || s.Line > n {
				t.Errorf("slide %d line %d outside 1..%d", i, s.Line, n)
			}
			if ex := s.Exercise; ex != nil && (ex.ID == "" || ex.Title == "" || !knownKind(ex.Kind)) {
				t.Errorf("slide %d: exercise without id, title or a known kind: %+v", i, ex)
			}
		}
	})
}

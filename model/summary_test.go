package model

import (
	"reflect"
	"strings"
	"testing"
)

// headingsOf lists the lines of md that Markdown reads as headings.
func headingsOf(md string) []string {
	var out []string
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "#") {
			out = append(out, l)
		}
	}
	return out
}

func TestGenericSummary(t *testing.T) {
	d, exercises := exportFixture()
	before := d.Clone()
	md := SummaryMarkdown(exercises["M1-E3"], &d)
	if !reflect.DeepEqual(d, before) {
		t.Fatal("SummaryMarkdown changed its input")
	}
	for _, want := range []string{
		"### Whole team\n", "### The \\# tigers\n", "### Group 2\n",
		"**What do you share?**\n\n- We share a lot\n",
		"**What support do you need from the manager?**\n\n- More time in supervision\n",
		"**Where on the continuum?**\n\n- **embedded**\n",
		"- Shared visits, with \"district nurses\", weekly (+) weight 2\n",
		"- Café with Zoë — naïve façade, 日本語 · ●●● 3 votes\n",
		"- Line one\\\n  Line two\\\n  Line three (−) weight 3\n",
		"- title and red\n",
		"| Action | Owner | Due | Review | Status |\n",
		"| Invite the SCW to the MDT, weekly | Zoë |   | 4 May 2025 | done |\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "merged away") {
		t.Error("a merged entry is listed")
	}
	if strings.ContainsRune(md, 0x1b) || strings.Contains(md, "\x07") {
		t.Error("an escape sequence reached the summary")
	}
	// Captured text never makes structure: the only headings are the
	// group headings, and no line is a thematic break or a table row
	// other than the actions table.
	if h := headingsOf(md); !reflect.DeepEqual(h, []string{"### Whole team", "### The \\# tigers", "### Group 2"}) {
		t.Errorf("headings %q", h)
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.TrimSpace(l) == "---" || strings.HasPrefix(l, "- ---") {
			t.Errorf("line %q is a thematic break", l)
		}
	}
	// Group order: the ungrouped lines first, then groups by number.
	if a, b, c := strings.Index(md, "Whole team"), strings.Index(md, "tigers"), strings.Index(md, "Group 2"); !(a < b && b < c) {
		t.Errorf("groups out of order:\n%s", md)
	}
}

func TestGenericSummaryNoGroups(t *testing.T) {
	ex := &Exercise{ID: "M3-E3", Kind: "testkind-none", Title: "Perspectives",
		Fields: []Field{{Key: "q1", Label: "What did the GP say?"}, {Key: "q2", Label: "What do you say?"}}}
	d := SessionData{Session: Session{ID: "s"}}
	d.Entries = []Entry{
		{ID: "1", ExerciseID: "M3-E3", Field: "q2", Text: "second"},
		{ID: "2", ExerciseID: "M3-E3", Field: "q1", Text: "first"},
		{ID: "3", ExerciseID: "other", Field: "q1", Text: "elsewhere"},
	}
	md := SummaryMarkdown(ex, &d)
	want := "**What did the GP say?**\n\n- first\n\n**What do you say?**\n\n- second\n"
	if md != want {
		t.Errorf("summary:\n%s\nwant:\n%s", md, want)
	}
	if got := SummaryMarkdown(&Exercise{ID: "empty"}, &d); got != NothingCaptured {
		t.Errorf("empty exercise: %q", got)
	}
	if got := SummaryMarkdown(nil, &d); got != "" {
		t.Errorf("nil exercise: %q", got)
	}
}

func TestGenericSummaryOrderAndItems(t *testing.T) {
	ex := &Exercise{ID: "X", Kind: "testkind-none", Items: []string{"Supervision", "Training"}}
	d := SessionData{Entries: []Entry{
		{ID: "1", ExerciseID: "X", Field: "item/1", Value: "partly", Text: "some"},
		{ID: "2", ExerciseID: "X", Field: "item/0", Value: "yes"},
		{ID: "3", ExerciseID: "X", Field: "cards", Text: "b", Order: 2},
		{ID: "4", ExerciseID: "X", Field: "cards", Text: "a", Order: 1},
	}}
	md := SummaryMarkdown(ex, &d)
	want := "**Supervision**\n\n- **yes**\n\n**Training**\n\n- **partly** — some\n\n**cards**\n\n- a\n- b\n"
	if md != want {
		t.Errorf("summary:\n%s\nwant:\n%s", md, want)
	}
}

func TestSummaryDispatch(t *testing.T) {
	for _, kind := range []string{KindDiscussion, KindChecklist, KindRating, KindFramework, KindReflection, KindActionPlan,
		KindPoll, KindAssessment, KindCaseStudy, KindAlliesMap, KindCaseReview, KindCardSort} {
		if summarizerOf(kind) == nil {
			t.Errorf("kind %s has no summarizer", kind)
		}
	}
	if summarizerOf("testkind-unknown") != nil {
		t.Errorf("an unknown kind has a summarizer")
	}
}

func TestMarkdownEscaping(t *testing.T) {
	tests := map[string]string{
		"# h":            `\# h`,
		"  ## h":         `\#\# h`,
		"---":            `\---`,
		"===":            `\===`,
		"> quote":        `\> quote`,
		"+ item":         `\+ item`,
		"1. first":       `1\. first`,
		"12) x":          `12\) x`,
		"a|b":            `a\|b`,
		"*x* _y_ `z` ~w": "\\*x\\* \\_y\\_ \\`z\\` \\~w",
		"&#27;":          `\&\#27;`,
		"line\nbreak":    "line break",
		"plain 3.5 text": "plain 3.5 text",
	}
	for in, want := range tests {
		if got := MarkdownInline(in); got != want {
			t.Errorf("MarkdownInline(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MarkdownText("# a\n\n---\n  b", "  "); got != "\\# a\\\n  \\---\\\n  b" {
		t.Errorf("MarkdownText = %q", got)
	}
}

func TestFieldLabel(t *testing.T) {
	ex := &Exercise{Fields: []Field{{Key: "f", Label: "Eff"}, {Key: "nolabel"}}, Prompts: []string{"P0"},
		Closing: "Close?", Question: "Which case?", Items: []string{"I0"}, Options: []string{"O0"},
		Factors: []Factor{{Key: "k", Label: "Kay"}}}
	tests := map[string]string{
		"f": "Eff", "nolabel": "nolabel", PromptField(0): "P0", PromptField(3): "Prompt 4", FieldClosing: "Close?",
		FieldVote: "Which case?", FieldNote: "Notes", "": "Notes", FieldChallenge: "Challenges", ItemField(0): "I0",
		ItemField(5): "Item 6", OptionField(0): "O0", "factor/k": "Kay", "factor/zz": "zz", "mystery": "mystery",
	}
	for f, want := range tests {
		if got := FieldLabel(ex, f); got != want {
			t.Errorf("FieldLabel(%q) = %q, want %q", f, got, want)
		}
	}
	if got := FieldLabel(nil, FieldClosing); got != "Closing question" {
		t.Errorf("nil exercise: %q", got)
	}
}

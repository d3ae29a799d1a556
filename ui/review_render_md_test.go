package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

func TestFixEscapes(t *testing.T) {
	for in, want := range map[string]string{
		`\=SUM(1,2)`:           `&#61;SUM(1,2)`,
		`lunch \& learn`:       `lunch &amp; learn`,
		`a\~b`:                 `a&#126;b`,
		`\\& stays`:            `\\& stays`,
		`\* \_ \# \< \| \\`:    `\* \_ \# \< \| \\`,
		`ends with \`:          `ends with \`,
		`\\\= escaped, then =`: `\\&#61; escaped, then =`,
	} {
		if got := fixEscapes(in); got != want {
			t.Errorf("fixEscapes(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMinutesOnScreenShowWhatTheExportDoes renders minutes with a wide
// actions table and text glamour used to show with backslashes, at the
// widths of the review, and reads the screen.
func TestMinutesOnScreenShowWhatTheExportDoes(t *testing.T) {
	long := "Ring the duty team about read access to the shared care record so that the social care worker sees discharge plans"
	due := time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC)
	d := model.SessionData{
		Session: model.Session{ID: "s1", Kind: model.SessionWorkshop, Title: "Module 1", Started: due.AddDate(0, -1, 0)},
		Entries: []model.Entry{{ID: "e1", SessionID: "s1", ExerciseID: model.ExerciseParking, Field: model.FieldNote, Text: "=SUM(1,2) and lunch & learn ~ a\\b"}},
		Actions: []model.Action{
			{ID: "a1", SessionID: "s1", ExerciseID: "M1-E3", Text: long, Owner: "Principal social worker, Zoë Ångström", Due: due, Review: due, Status: model.ActionOpen},
			{ID: "a2", SessionID: "s1", Text: "=HYPERLINK(\"x\")", Status: model.ActionDropped},
		},
	}
	md := model.Minutes(d, nil)
	cache := newMinutesCache(common.NewTheme("dark").Glamour, termenv.Ascii)
	for _, w := range []int{60, 80, 100} {
		out := ansi.Strip(cache.Render("s1", md, minutesWidth(w)))
		flat := strings.Join(strings.Fields(out), " ")
		for _, want := range []string{"=SUM(1,2) and lunch & learn ~ a\\b", long, "Principal social worker, Zoë Ångström",
			"Due: 28 Dec 2026", "Review: 28 Dec 2026", "Status: open", `=HYPERLINK("x")`, "Status: dropped"} {
			if !strings.Contains(flat, want) {
				t.Errorf("width %d: %q is not shown whole:\n%s", w, want, out)
			}
		}
		for _, bad := range []string{`\=`, `\&`, `\~`, "Sta…", "Exer…"} {
			if strings.Contains(out, bad) {
				t.Errorf("width %d shows %q:\n%s", w, bad, out)
			}
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > minutesWidth(w) {
				t.Errorf("width %d: line too wide: %q", w, l)
			}
		}
	}
	// A table that fits stays a table.
	small := "| A | B |\n| --- | --- |\n| x | y |\n"
	if got := screenMarkdown(small, 80); got != small {
		t.Errorf("a narrow table changed:\n%s", got)
	}
}

// FuzzScreenMarkdown: whatever was captured, the screen's Markdown shows
// no escape glamour would print with its backslash, and tables of any
// content are turned into lists or kept without a panic.
func FuzzScreenMarkdown(f *testing.F) {
	for _, s := range []string{"=SUM(1,2)", "lunch & learn", `a\~b|c`, "| x | y |", `\\&`, "é\x1b[31m", ""} {
		f.Add(s, 80)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = 20 + abs(width)%200
		cellText := model.MarkdownInline(s)
		md := "- " + cellText + "\n\n| A | B |\n| --- | --- |\n| " + cellText + " | " + cellText + " |\n"
		out := screenMarkdown(md, width)
		for i := 0; i < len(out); i++ {
			if out[i] != '\\' || i+1 >= len(out) {
				continue
			}
			if strings.IndexByte("&=~", out[i+1]) >= 0 {
				t.Fatalf("%q shows as %q: an escape glamour prints", s, out)
			}
			i++
		}
	})
}

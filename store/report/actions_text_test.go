package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store/report"
)

// FuzzActionBlock: an action's block keeps within the width, whatever its
// text, and holds all of its text, wrapped but never cut.
func FuzzActionBlock(f *testing.F) {
	for _, s := range []string{
		"Ring the duty team about read access to the shared care record so that the social care worker sees the plans",
		"averyveryverylongwordwithoutanyspacesthatmustbebrokenratherthancutbecausenothingisevercutinthislist",
		"Café Zoë 日本語のテキスト \x1b[31mred\x1b[0m\ttab", "", "   ",
	} {
		f.Add(s, "Siân Ørsted", 80)
	}
	today := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text, owner string, width int) {
		width = 10 + (width%150+150)%150
		it := model.ActionItem{Action: model.Action{Text: text, Owner: owner, Status: model.ActionOpen,
			Due: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)}, SessionTitle: "Module 1", TeamName: "North", SessionStarted: today}
		lines := report.ActionBlock(it, today, width)
		limit := max(width, 29)
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > limit {
				t.Fatalf("a line of %d cells at width %d: %q", w, width, l)
			}
		}
		squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
		all := squash(strings.Join(lines, " "))
		if want := squash(model.SanitizeLine(text)); !strings.Contains(all, want) {
			t.Fatalf("the text %q is not whole in %q", want, lines)
		}
		if !strings.HasPrefix(lines[0], "OVERDUE") {
			t.Fatalf("an action due last month is overdue: %q", lines[0])
		}
	})
}

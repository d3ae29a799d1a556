package model

import (
	"fmt"
	"slices"
	"strings"
)

// DiscussionSummary summarises a discussion: every group placed on the
// continuum (when the exercise has a continuum field), what each group
// said per field, the whole team's answers to the prompts and the closing
// question, and the lines the room chose by dot vote.
func DiscussionSummary(ex *Exercise, d *SessionData) string {
	var b strings.Builder
	groups := d.Groups(ex.ID, max(ex.Groups, 1))
	var captured bool
	for _, f := range ex.Fields {
		if f.Type != FieldContinuum {
			continue
		}
		b.WriteString("### " + MarkdownInline(f.Label) + "\n\n")
		placed := map[string][]string{}
		for _, g := range groups {
			v, ok := d.Value(Slot{ex.ID, g.Key, f.Key})
			pos := "not placed"
			if ok && v.Value != "" {
				pos, captured = v.Value, true
			}
			placed[pos] = append(placed[pos], MarkdownInline(g.Name))
		}
		rows := [][]string{}
		for _, pos := range []string{Attached.String(), Aligned.String(), Embedded.String(), "not placed"} {
			if len(placed[pos]) > 0 {
				rows = append(rows, []string{pos, strings.Join(placed[pos], ", ")})
			}
		}
		b.WriteString(MarkdownTable([]string{"position", "groups"}, rows) + "\n")
	}
	for _, g := range groups {
		var part strings.Builder
		for _, f := range ex.Fields {
			if f.Type == FieldContinuum {
				continue
			}
			lines := d.In(Slot{ex.ID, g.Key, f.Key})
			if len(lines) == 0 {
				continue
			}
			part.WriteString("**" + MarkdownInline(f.Label) + "**\n\n")
			for _, e := range lines {
				part.WriteString(discussionBullet(d, e) + "\n")
			}
			part.WriteString("\n")
		}
		if part.Len() > 0 {
			captured = true
			b.WriteString("### " + MarkdownInline(g.Name) + "\n\n" + part.String())
		}
	}
	var team strings.Builder
	for i, p := range ex.Prompts {
		if lines := d.In(Slot{ex.ID, "", PromptField(i)}); len(lines) > 0 {
			team.WriteString("**" + MarkdownInline(p) + "**\n\n")
			for _, e := range lines {
				team.WriteString(discussionBullet(d, e) + "\n")
			}
			team.WriteString("\n")
		}
	}
	if lines := d.In(Slot{ex.ID, "", FieldClosing}); len(lines) > 0 {
		team.WriteString("**" + MarkdownInline(ex.Closing) + "**\n\n")
		for _, e := range lines {
			team.WriteString(discussionBullet(d, e) + "\n")
		}
		team.WriteString("\n")
	}
	if team.Len() > 0 {
		captured = true
		b.WriteString("### Whole team\n\n" + team.String())
	}
	var voted []Entry
	for _, e := range d.ExerciseEntries(ex.ID) {
		if e.Count() > 0 && !strings.HasPrefix(e.Field, "_dot") {
			voted = append(voted, e)
		}
	}
	if len(voted) > 0 {
		slices.SortStableFunc(voted, func(a, b Entry) int { return b.Count() - a.Count() })
		b.WriteString("### Chosen by dot vote\n\n")
		for i, e := range voted {
			b.WriteString(fmt.Sprintf("%d. %s (%s)\n", i+1, MarkdownInline(e.Text), countWords(e, "dot", "dots")))
		}
		b.WriteString("\n")
	}
	if actions := d.SessionActions(ex.ID); len(actions) > 0 {
		captured = true
		b.WriteString("### Actions\n\n" + ActionsTable(actions, false) + "\n")
	}
	if !captured {
		return NothingCaptured
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// discussionBullet is a line with its tag and dots, and the similar lines
// merged into it, each with its own words (the minutes keep what every
// group said, not only a count).
func discussionBullet(d *SessionData, e Entry) string {
	var merged []string
	for _, x := range d.Entries {
		if x.MergedInto == e.ID {
			merged = append(merged, "  - similar: "+MarkdownInline(x.Text))
		}
	}
	line := EntryBullet(e)
	if len(merged) > 0 {
		line += fmt.Sprintf(" (+%d similar)\n", len(merged)) + strings.Join(merged, "\n")
	}
	return line
}

package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/carehuddle/huddle/model"
)

// kindNames are the room-facing names of the exercise kinds.
var kindNames = map[string]string{
	model.KindDiscussion: "group discussion",
	model.KindChecklist:  "checklist",
	model.KindRating:     "rating",
	model.KindFramework:  "framework",
	model.KindActionPlan: "action plan",
	model.KindAssessment: "assessment",
	model.KindCaseStudy:  "case study",
	model.KindReflection: "reflection",
	model.KindAlliesMap:  "allies map",
	model.KindCaseReview: "case review",
	model.KindCardSort:   "card sort",
	model.KindPoll:       "poll",
}

// slideMarkdown is what the presenter renders for a slide: its body and,
// on an exercise slide, a short card naming the exercise, its length and
// what it captures.
func slideMarkdown(s *model.Slide) string {
	body := s.Body
	if s.Exercise == nil {
		return body
	}
	return body + "\n\n" + exerciseCard(s.Exercise)
}

func exerciseCard(ex *model.Exercise) string {
	var b strings.Builder
	kind := kindNames[ex.Kind]
	if ex.Actions {
		kind += " + action plan"
	}
	if ex.Seesaw != "" {
		kind += " + see-saw"
	}
	fmt.Fprintf(&b, "> **Exercise %s** · %s", ex.ID, kind)
	if ex.Duration > 0 {
		fmt.Fprintf(&b, " · %s", formatMinutes(ex.Duration))
	}
	if ex.Kind == model.KindDiscussion {
		fmt.Fprintf(&b, " · %d groups", ex.Groups)
	}
	b.WriteString(" · **enter**: run it")
	var captures []string
	for _, f := range ex.Fields {
		captures = append(captures, f.Label)
	}
	if len(captures) > 0 && len(captures) <= 8 {
		b.WriteString("\n>\n> Captures: " + strings.Join(captures, "; "))
	}
	return b.String()
}

// searchText is the lower-cased text a search looks through.
func searchText(m *model.Module, s *model.Slide) string {
	parts := []string{m.Title, s.Title, s.Body}
	if s.Exercise != nil {
		parts = append(parts, s.Exercise.ID, s.Exercise.Title)
	}
	return strings.ToLower(strings.Join(parts, "\n"))
}

// formatMinutes writes an exercise length for the room: "20 minutes",
// "1 h 30 min", "90 seconds".
func formatMinutes(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d seconds", int(d.Seconds()))
	case d < time.Hour && d%time.Minute == 0:
		if d == time.Minute {
			return "1 minute"
		}
		return fmt.Sprintf("%d minutes", int(d.Minutes()))
	case d%time.Minute == 0:
		return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
	}
	return d.String()
}

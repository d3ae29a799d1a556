package model

import "testing"

func TestReflectionSummary(t *testing.T) {
	ex := &Exercise{ID: "M3-E1", Kind: KindReflection, Actions: true, Prompts: []string{"Which case?"}, Closing: "First action?",
		Fields: []Field{{Key: "position", Label: "Where is my role?", Type: FieldContinuum}, {Key: "mine", Label: "What I can do", Type: FieldLines}}}
	d := SessionData{Entries: []Entry{
		{ID: "1", ExerciseID: "M3-E1", Field: "position", Value: "aligned"},
		{ID: "2", ExerciseID: "M3-E1", Field: PromptField(0), Text: "the hospital discharge"},
		{ID: "3", ExerciseID: "M3-E1", Field: FieldClosing, Text: "present at the MDT"},
	}, Actions: []Action{{ID: "a", ExerciseID: "M3-E1", Text: "Share a case", Owner: "social worker", Status: ActionDone}}}
	md := SummaryMarkdown(ex, &d)
	wantAll(t, md, "**Where is my role?**\n\n- **aligned**\n", "**What I can do**\n\n_Nothing yet._\n",
		"**Which case?**\n\n- the hospital discharge\n", "**First action?**\n\n- present at the MDT\n",
		"| Share a case | social worker |   |   | done |\n")
}

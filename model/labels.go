package model

import (
	"strconv"
	"strings"
)

// FieldLabel is the label shown for a field of an exercise: the label of
// one of the exercise's fields, the question or item behind a reserved or
// numbered field, or the field's key when the deck does not know it (ex
// may be nil, for an exercise no longer in the deck).
func FieldLabel(ex *Exercise, field string) string {
	if ex == nil {
		ex = &Exercise{}
	}
	for _, f := range ex.Fields {
		if f.Key == field {
			if strings.TrimSpace(f.Label) != "" {
				return f.Label
			}
			return f.Key
		}
	}
	if n, ok := numbered(field, FieldPrompt+"/"); ok {
		if n < len(ex.Prompts) {
			return ex.Prompts[n]
		}
		return "Prompt " + strconv.Itoa(n+1)
	}
	if n, k, ok := roomRatingOf(field); ok {
		label := "Room: " + FieldLabel(ex, ItemField(n))
		if k < len(ex.Scale) {
			return label + " — " + ex.Scale[k]
		}
		return label + " — column " + strconv.Itoa(k+1)
	}
	if n, ok := numbered(field, "item/"); ok {
		if n < len(ex.Items) {
			return ex.Items[n]
		}
		return "Item " + strconv.Itoa(n+1)
	}
	if n, ok := numbered(field, "option/"); ok {
		if n < len(ex.Options) {
			return ex.Options[n]
		}
		return "Option " + strconv.Itoa(n+1)
	}
	if key, ok := strings.CutPrefix(field, "factor/"); ok {
		for _, f := range ex.Factors {
			if f.Key == key && f.Label != "" {
				return f.Label
			}
		}
		return key
	}
	switch field {
	case FieldClosing:
		if ex.Closing != "" {
			return ex.Closing
		}
		return "Closing question"
	case FieldVote:
		if ex.Question != "" {
			return ex.Question
		}
		return "Vote"
	case FieldNote, "":
		return "Notes"
	case FieldChallenge:
		return "Challenges"
	case FieldGroupName:
		return "Group name"
	}
	return field
}

// numbered reads the number of a field "prefixN".
func numbered(field, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(field, prefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// GroupLabel is the name shown for a group key of an exercise: a
// discussion group's saved name (or "Group N"), a case's title, or the
// key itself. The empty key has the empty label.
func GroupLabel(ex *Exercise, d *SessionData, key string) string {
	if key == "" {
		return ""
	}
	exID := ""
	if ex != nil {
		exID = ex.ID
		for _, c := range ex.Cases {
			if c.Key == key && c.Title != "" {
				return c.Title
			}
		}
	}
	if n := GroupNumber(key); n > 0 {
		if e, ok := d.Value(Slot{Exercise: exID, Group: key, Field: FieldGroupName}); ok && strings.TrimSpace(e.Text) != "" {
			return e.Text
		}
		return "Group " + strconv.Itoa(n)
	}
	return key
}

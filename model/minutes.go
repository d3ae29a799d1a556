package model

import (
	"slices"
	"strconv"
	"strings"
)

// Minutes renders readable minutes of a session in Markdown: who, when and
// what was run, then per exercise (in the order they were run) its
// summary, the parking lot, the see-saw and every action with its status.
// exercises maps exercise ids to the deck's exercises (it may be nil); an
// exercise the deck no longer has is still listed, generically, under its
// id. Minutes never changes d.
func Minutes(d SessionData, exercises map[string]*Exercise) string {
	s := d.Session
	var b strings.Builder
	title := MarkdownInline(s.Title)
	if title == "" {
		title = "Session " + MarkdownInline(s.ID)
	}
	b.WriteString("# " + title + "\n\n")
	kind := "Workshop"
	if s.Kind == SessionReflection {
		kind = "Solo reflection"
	}
	meta := [][2]string{{"Kind", kind}}
	if s.TeamName != "" {
		meta = append(meta, [2]string{"Team", MarkdownInline(s.TeamName)})
	}
	if s.Facilitator != "" {
		meta = append(meta, [2]string{"Facilitator", MarkdownInline(s.Facilitator)})
	}
	if !s.Started.IsZero() {
		meta = append(meta, [2]string{"Started", s.Started.Format(MinutesTimeLayout)})
	}
	if s.Finished() {
		meta = append(meta, [2]string{"Ended", s.Ended.Format(MinutesTimeLayout)})
	} else {
		meta = append(meta, [2]string{"Ended", "not ended"})
	}
	if len(s.Modules) > 0 {
		mods := make([]string, len(s.Modules))
		for i, m := range s.Modules {
			mods[i] = MarkdownInline(m)
		}
		meta = append(meta, [2]string{"Modules", strings.Join(mods, ", ")})
	}
	for _, m := range meta {
		b.WriteString("- **" + m[0] + ":** " + m[1] + "\n")
	}
	b.WriteString("- **Session id:** " + MarkdownInline(s.ID) + "\n\n")

	for _, id := range minutesExercises(&d) {
		ex := exerciseOrStub(exercises, id)
		heading := MarkdownInline(ex.Title)
		if heading == "" || ex.Title == id {
			heading = MarkdownInline(id)
		} else {
			heading += " (" + MarkdownInline(id) + ")"
		}
		b.WriteString("## " + heading + "\n\n")
		b.WriteString(SummaryMarkdown(ex, &d) + "\n")
	}

	b.WriteString("## Parking lot\n\n" + ParkingMarkdown(&d) + "\n")
	b.WriteString("## See-saw\n\n" + SeesawMarkdown(&d, exercises))

	b.WriteString("## Actions\n\n")
	if len(d.Actions) == 0 {
		b.WriteString("_No actions were agreed._\n")
	} else {
		b.WriteString(ActionsTable(d.Actions, true))
		open := 0
		for _, a := range d.Actions {
			if a.Status == ActionOpen || a.Status == "" {
				open++
			}
		}
		b.WriteString("\n" + plural(len(d.Actions), "action", "actions") + ", " + strconv.Itoa(open) + " open.\n")
	}
	return b.String()
}

// minutesExercises lists the exercises to summarise: those the session
// ran, in order, then any other exercise that holds entries or actions
// (captured before it was noted as run), leaving out the parking lot and
// the see-saw, which have their own sections.
func minutesExercises(d *SessionData) []string {
	out := slices.Clone(d.Session.Exercises)
	add := func(id string) {
		if id != "" && id != ExerciseParking && id != ExerciseSeesaw && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for _, e := range d.Entries {
		if e.Live() {
			add(e.ExerciseID)
		}
	}
	for _, a := range d.Actions {
		add(a.ExerciseID)
	}
	return out
}

// exerciseOrStub is the deck's exercise with id, or a stand-in that has
// only the id, so that a summary of an exercise no longer in the deck
// lists its entries generically.
func exerciseOrStub(exercises map[string]*Exercise, id string) *Exercise {
	if ex := exercises[id]; ex != nil {
		return ex
	}
	return &Exercise{ID: id, Title: id}
}

// ParkingMarkdown lists the parking lot's notes as bullets (the minutes'
// section and the parking lot's summary).
func ParkingMarkdown(d *SessionData) string {
	parking := d.ExerciseEntries(ExerciseParking)
	if len(parking) == 0 {
		return "_Nothing was parked._\n"
	}
	var b strings.Builder
	for _, e := range parking {
		b.WriteString(EntryBullet(e) + "\n")
	}
	return b.String()
}

// SeesawMarkdown is the see-saw: the totals, which way it leans, and the
// items on each side (the minutes' section and the see-saw's summary).
func SeesawMarkdown(d *SessionData, exercises map[string]*Exercise) string {
	var b strings.Builder
	items := SeesawItems(d, exercises)
	if len(items) == 0 {
		return "_Nothing was placed on the see-saw._\n\n"
	}
	pos, chal := Balance(items)
	b.WriteString("Positives weigh " + strconv.Itoa(pos) + ", challenges weigh " + strconv.Itoa(chal) + ": ")
	switch tilt := TiltOf(pos, chal); {
	case tilt > 0:
		b.WriteString("the see-saw leans towards the positives (" + strconv.Itoa(tilt) + " of " + strconv.Itoa(MaxTilt) + ").\n\n")
	case tilt < 0:
		b.WriteString("the see-saw leans towards the challenges (" + strconv.Itoa(-tilt) + " of " + strconv.Itoa(MaxTilt) + ").\n\n")
	default:
		b.WriteString("the see-saw balances.\n\n")
	}
	for _, side := range []struct {
		side  Side
		title string
	}{{Positive, "Positives"}, {Challenge, "Challenges"}} {
		b.WriteString("### " + side.title + "\n\n")
		n := 0
		for _, it := range items {
			if it.Side != side.side {
				continue
			}
			n++
			b.WriteString("- " + MarkdownText(it.Text, "  ") + " (weight " + strconv.Itoa(ClampWeight(it.Weight)) + ")\n")
		}
		if n == 0 {
			b.WriteString("_None._\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

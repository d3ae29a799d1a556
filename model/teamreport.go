package model

import (
	"strconv"
	"strings"
	"time"
)

// TeamReport is a team's journey over a period, ready to print: its
// workshop sessions (oldest first) with what the charts show of each,
// and the actions agreed in them, overdue first. Solo reflections are
// private and never part of it.
type TeamReport struct {
	TeamName  string
	From, To  time.Time // the period asked for; zero ends are open
	Points    []JourneyPoint
	Actions   []ActionItem
	Generated time.Time // when the report was made: "today" for overdue
}

// Report sections, by id: the HTML report draws a chart beside the
// continuum, see-saw and profile sections.
const (
	SectionSessions  = "sessions"
	SectionContinuum = "continuum"
	SectionSeesaw    = "seesaw"
	SectionProfile   = "profile"
	SectionActions   = "actions"
)

// ReportSection is one headed part of a report, its body in Markdown
// (every piece of captured text escaped).
type ReportSection struct {
	ID       string
	Title    string
	Markdown string
}

// ReportTitle is the team report's heading.
func (r TeamReport) ReportTitle() string {
	return "Team journey: " + MarkdownInline(r.TeamName)
}

// Counts gives how many actions are open and how many of those overdue.
func (r TeamReport) Counts() (open, overdue int) {
	for _, it := range r.Actions {
		if NormalStatus(it.Status) == ActionOpen {
			open++
		}
		if ActionOverdue(it.Action, r.Generated) {
			overdue++
		}
	}
	return open, overdue
}

// Meta is the report's opening list: the period, the sessions and the
// actions in numbers.
func (r TeamReport) Meta() string {
	period := "all sessions"
	switch {
	case !r.From.IsZero() && !r.To.IsZero():
		period = r.From.Format(DateLayout) + " to " + r.To.Format(DateLayout)
	case !r.From.IsZero():
		period = "from " + r.From.Format(DateLayout)
	case !r.To.IsZero():
		period = "up to " + r.To.Format(DateLayout)
	}
	open, overdue := r.Counts()
	var b strings.Builder
	b.WriteString("- **Team:** " + MarkdownInline(r.TeamName) + "\n")
	b.WriteString("- **Period:** " + period + "\n")
	b.WriteString("- **Workshop sessions:** " + strconv.Itoa(len(r.Points)) + "\n")
	b.WriteString("- **Actions:** " + strconv.Itoa(len(r.Actions)) + ", " + strconv.Itoa(open) + " open, " +
		strconv.Itoa(overdue) + " overdue\n")
	if !r.Generated.IsZero() {
		b.WriteString("- **Made:** " + r.Generated.Format(DateLayout) + "\n")
	}
	return b.String()
}

// Sections are the report's parts in order: the sessions, the continuum,
// the see-saw, the integration profile, the actions.
func (r TeamReport) Sections() []ReportSection {
	none := "_No workshop sessions in this period._\n"
	sec := func(id, title string, header []string, row func(p JourneyPoint) []string) ReportSection {
		if len(r.Points) == 0 {
			return ReportSection{id, title, none}
		}
		rows := make([][]string, len(r.Points))
		for i, p := range r.Points {
			rows[i] = row(p)
		}
		return ReportSection{id, title, MarkdownTable(header, rows)}
	}
	date := func(p JourneyPoint) string { return p.Session.Started.Format(DateLayout) }
	out := []ReportSection{
		sec(SectionSessions, "Sessions", []string{"Date", "Session", "Facilitator", "Continuum (mean 1–3)", "See-saw", "Profile"},
			func(p JourneyPoint) []string {
				return []string{date(p), p.Session.Title, p.Session.Facilitator, meanText(p), seesawText(p), profileText(p)}
			}),
		sec(SectionContinuum, "Continuum: where each group placed the team", []string{"Date", "3 Embedded", "2 Aligned", "1 Attached", "Mean"},
			func(p JourneyPoint) []string {
				return []string{date(p), p.GroupsLabel(Embedded), p.GroupsLabel(Aligned), p.GroupsLabel(Attached), meanText(p)}
			}),
		sec(SectionSeesaw, "See-saw: weight of positives and challenges", []string{"Date", "Positives", "Challenges", "Balance"},
			func(p JourneyPoint) []string {
				if !p.Seesaw {
					return []string{date(p), "", "", "nothing on the see-saw"}
				}
				return []string{date(p), strconv.Itoa(p.Pos), strconv.Itoa(p.Chal), TiltText(p.Tilt)}
			}),
		sec(SectionProfile, "Integration profile: nearest profile of the assessment", []string{"Date", "Nearest profile", "Factors answered"},
			func(p JourneyPoint) []string {
				if p.Factors == 0 {
					return []string{date(p), "not run", ""}
				}
				return []string{date(p), profileText(p), strconv.Itoa(p.Answers) + " of " + strconv.Itoa(p.Factors)}
			}),
	}
	acts := "_No actions were agreed in this period._\n"
	if len(r.Actions) > 0 {
		rows := make([][]string, len(r.Actions))
		for i, it := range r.Actions {
			rows[i] = []string{StatusLabel(it.Action, r.Generated), it.Text, it.Owner, formatDate(it.Due), formatDate(it.Review),
				it.SessionStarted.Format(DateLayout)}
		}
		acts = MarkdownTable([]string{"Status", "Action", "Owner", "Due", "Review", "Session"}, rows)
	}
	return append(out, ReportSection{SectionActions, "Actions, overdue first", acts})
}

func meanText(p JourneyPoint) string {
	m, ok := p.MeanPosition()
	if !ok {
		return "not run"
	}
	return strconv.FormatFloat(m, 'f', 1, 64)
}

func seesawText(p JourneyPoint) string {
	if !p.Seesaw {
		return "—"
	}
	return "+" + strconv.Itoa(p.Pos) + " / −" + strconv.Itoa(p.Chal)
}

func profileText(p JourneyPoint) string {
	if !p.Level.Valid() {
		if p.Factors == 0 {
			return "—"
		}
		return "not enough answers"
	}
	return strconv.Itoa(int(p.Level)) + " " + p.Level.Title()
}

// TeamReportMarkdown renders the report as Markdown: the title, the
// opening list, then every section as a heading and a table.
func TeamReportMarkdown(r TeamReport) string {
	var b strings.Builder
	b.WriteString("# " + r.ReportTitle() + "\n\n")
	b.WriteString(r.Meta() + "\n")
	for _, s := range r.Sections() {
		b.WriteString("## " + s.Title + "\n\n" + s.Markdown + "\n")
	}
	return b.String()
}

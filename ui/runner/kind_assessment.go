package runner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// AssessmentKeys are the assessment's own keys (its notes tab has the
// capture list's).
type AssessmentKeys struct {
	Up, Down, Left, Right, Level, Clear key.Binding
}

// DefaultAssessmentKeys returns the assessment's bindings.
func DefaultAssessmentKeys() AssessmentKeys {
	return AssessmentKeys{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous factor")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next factor")),
		Left:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "level left")),
		Right: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "level right")),
		Level: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-3", "choose level by number")),
		Clear: key.NewBinding(key.WithKeys("0", "backspace"), key.WithHelp("0", "clear the level")),
	}
}

// Bindings lists the keys for help.
func (k AssessmentKeys) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Level, k.Clear}
}

type assessmentKeyMap struct{ k AssessmentKeys }

func (m assessmentKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{m.k.Up, m.k.Down, m.k.Left, m.k.Right, m.k.Level}
}
func (m assessmentKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{m.k.Bindings()} }

// newAssessmentPane is the assessment kind (I-A): a level per factor
// (Field model.FactorField(key), Value the level), and, as levels are
// chosen, the nearest reference profile with its distance and the factors
// that hold the team back; then its notes (prompts, closing question).
func newAssessmentPane(ex *model.Exercise) Pane {
	return withNotes("Assessment", ex, assessmentResult, &factorsSection{km: DefaultAssessmentKeys()})
}

// factorsSection is the assessment's factors, one row each, the cursor
// on a factor's key.
type factorsSection struct {
	km  AssessmentKeys
	cur itemCursor
}

func (s *factorsSection) title(*Host) string { return "Factors" }
func (s *factorsSection) keys() help.KeyMap  { return assessmentKeyMap{s.km} }

func factorKeys(ex *model.Exercise) []string {
	return keysOf(ex.Factors, func(f model.Factor) string { return f.Key })
}

// factorLevel is factor f's level entry and its place on f's scale (-1:
// none), as the room sees it (a level still saving included).
func factorLevel(h *Host, f model.Factor) (model.Entry, int) {
	v, ok := h.data.Value(h.Slot("", model.FactorField(f.Key)))
	if !ok {
		return v, -1
	}
	return v, slices.Index(f.Scale, v.Value)
}

func (s *factorsSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	ex := h.env.Ex
	keys := factorKeys(ex)
	if len(keys) == 0 {
		return nil
	}
	f := ex.Factors[s.cur.at(keys)]
	old, cur := factorLevel(h, f)
	k := s.km
	switch {
	case common.Matches(msg, k.Up):
		s.cur.move(keys, -1)
	case common.Matches(msg, k.Down):
		s.cur.move(keys, 1)
	case common.Matches(msg, k.Left):
		if cur < 0 {
			return chooseLevel(h, f, len(f.Scale)-1)
		}
		return chooseLevel(h, f, max(cur-1, 0))
	case common.Matches(msg, k.Right):
		return chooseLevel(h, f, min(cur+1, len(f.Scale)-1))
	case common.Matches(msg, k.Level):
		n := int(common.KeyName(msg)[0] - '1')
		if n >= len(f.Scale) {
			h.Status(fmt.Sprintf("this factor has %d levels", len(f.Scale)))
			return nil
		}
		return chooseLevel(h, f, n)
	case common.Matches(msg, k.Clear):
		if cur >= 0 {
			return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: old.ID}})
		}
	}
	return nil
}

// chooseLevel chooses level i of factor f, from the level shown (which a
// level just chosen, still saving, is).
func chooseLevel(h *Host, f model.Factor, i int) tea.Cmd {
	if _, cur := factorLevel(h, f); i < 0 || i >= len(f.Scale) || i == cur {
		return nil
	}
	return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{
		ExerciseID: h.env.Ex.ID, Field: model.FactorField(f.Key), Value: f.Scale[i],
	}})
}

func (s *factorsSection) view(h *Host, w, ht int) string {
	t := h.env.Theme
	ex := h.env.Ex
	result := assessmentResult(h, w)
	sel := s.cur.at(factorKeys(ex))
	labelW := 0
	for _, f := range ex.Factors {
		labelW = max(labelW, lipgloss.Width(model.SanitizeLine(f.Label)))
	}
	labelW = min(labelW, max(w/2-4, 12))
	var lines []string
	for i, f := range ex.Factors {
		label := ansi.Truncate(model.SanitizeLine(f.Label), labelW, "…")
		v, cur := factorLevel(h, f)
		var opts []string
		for j, l := range f.Scale {
			if j == cur {
				opts = append(opts, t.Accent.Render("◉ "+strings.ToUpper(model.SanitizeLine(l))))
			} else {
				opts = append(opts, "○ "+model.SanitizeLine(l))
			}
		}
		pad := strings.Repeat(" ", max(labelW-lipgloss.Width(label), 0))
		lines = append(lines, h.mark(i == sel, v.ID, label+pad+"  "+strings.Join(opts, "  ")))
	}
	guide := factorGuide(h, sel, w)
	rest := max(ht-lipgloss.Height(result)-lipgloss.Height(guide)-2, 1)
	out := result + "\n\n" + strings.Join(common.ListWindow(lines, sel, rest), "\n")
	if guide != "" {
		out += "\n\n" + guide
	}
	return out
}

// factorGuide is what each level of the selected factor looks like, when
// the deck gives a guide, marked as whose guidance it is.
func factorGuide(h *Host, i, w int) string {
	ex := h.env.Ex
	if i < 0 || i >= len(ex.Factors) || len(ex.Factors[i].Guide) == 0 {
		return ""
	}
	t := h.env.Theme
	f := ex.Factors[i]
	var lines []string
	for j, g := range f.Guide {
		if j < len(f.Scale) && g != "" {
			lines = append(lines, "  "+strings.ToUpper(model.SanitizeLine(f.Scale[j]))+": "+model.SanitizeLine(g))
		}
	}
	head := t.Dim.Render("What the levels look like")
	if ex.GuideNote != "" {
		head += t.Dim.Render(" (" + model.SanitizeLine(ex.GuideNote) + ")")
	}
	return lipgloss.NewStyle().Width(max(w, 10)).Render(head + "\n" + strings.Join(lines, "\n"))
}

// assessmentResult is the nearest profile, its distance and the gaps, in
// words (never colour alone), as the levels stand now. A tie says so: the
// answers do not tell the tied profiles apart.
func assessmentResult(h *Host, w int) string {
	t := h.env.Theme
	ex := h.env.Ex
	res := model.Score(ex, model.AssessmentAnswers(ex, &h.data))
	if res.Answered == 0 {
		return lipgloss.NewStyle().Width(max(w, 10)).Render(t.Dim.Render("Choose a level for each factor: the nearest profile (" +
			model.SanitizeLine(strings.Join(ex.Profiles, " / ")) + ") shows here."))
	}
	var dist []string
	for _, p := range res.Distances {
		dist = append(dist, model.SanitizeLine(p.Profile)+" "+model.FormatDistance(p.Distance))
	}
	nearest := t.Heading.Render("Nearest: " + strings.ToUpper(model.SanitizeLine(res.Nearest)))
	if len(res.Tied) > 1 {
		nearest = t.Heading.Render("Nearest: a TIE between " + model.SanitizeLine(model.TieWords(res.Tied)))
	}
	first := nearest + fmt.Sprintf("  distance %s  (%s) · %d of %d answered",
		model.FormatDistance(res.Distances[0].Distance), strings.Join(dist, " · "), res.Answered, len(ex.Factors))
	var gaps []string
	for _, g := range res.Gaps {
		gaps = append(gaps, fmt.Sprintf("%s (%s, %s: %s)", model.SanitizeLine(g.Label), model.SanitizeLine(g.Answer),
			model.SanitizeLine(firstProfileName(ex)), model.SanitizeLine(g.Target)))
	}
	second := "Holding the team back: none."
	if len(gaps) > 0 {
		second = "Holding the team back: " + strings.Join(gaps, "; ")
	}
	out := strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render(first+"\n"+t.Warning.Render(second)), "\n")
	if len(out) > resultLines { // the rest is in the summary (S)
		out = out[:resultLines]
		out[resultLines-1] = ansi.Truncate(strings.TrimRight(out[resultLines-1], " "), max(w-lipgloss.Width(" … (S: all)"), 1), "") + " … (S: all)"
	}
	return strings.Join(out, "\n")
}

// resultLines is the most lines the result takes above the factors.
const resultLines = 4

func firstProfileName(ex *model.Exercise) string {
	if len(ex.Profiles) > 0 {
		return ex.Profiles[0]
	}
	return "target"
}

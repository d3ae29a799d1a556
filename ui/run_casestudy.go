package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// CaseStudyQuestionField is the field of the answers to the nth question
// (0-based) of a case study: "q1", "q2"...
func CaseStudyQuestionField(n int) string { return "q" + strconv.Itoa(n+1) }

// CaseStudy runs the case study kind (M2-E2): a tab per case, answering
// the exercise's questions (Group the case key, Field q1, q2...), and a
// vote tab: which case came from the embedded team, with reasons (Field
// FieldVote, Value the case key, Text the reason), the counts, and the
// exercise's other fields, prompts and closing question.
type CaseStudy struct {
	kit
	keys   CaseStudyKeys
	panes  []notesPane // one per case, then the vote tab
	tab    int
	voting string // the case voted for while its reason is typed
}

// NewCaseStudy builds the runner of a case study exercise.
func NewCaseStudy(env RunnerEnv) *CaseStudy {
	c := &CaseStudy{kit: newKit(env), keys: DefaultCaseStudyKeys()}
	for _, cs := range env.Ex.Cases {
		var p notesPane
		for i, q := range env.Ex.Questions {
			p.fields = append(p.fields, noteField{group: cs.Key, key: CaseStudyQuestionField(i), label: q})
		}
		c.panes = append(c.panes, p)
	}
	question := env.Ex.Question
	if question == "" {
		question = "Votes"
	}
	vote := notesPane{fields: []noteField{{key: model.FieldVote, label: "Vote: " + question}}}
	vote.fields = append(vote.fields, exerciseLineFields(env.Ex, "")...)
	vote.fields = append(vote.fields, promptNoteFields(env.Ex)...)
	c.panes = append(c.panes, vote)
	return c
}

// Exercise is the exercise being run.
func (c *CaseStudy) Exercise() *model.Exercise { return c.env.Ex }

// Typing reports whether keys go to the input.
func (c *CaseStudy) Typing() bool { return c.typing() }

// Init implements tea.Model: a recovered draft goes back in the input.
func (c *CaseStudy) Init() tea.Cmd {
	for i := range c.panes {
		on := false
		if cmd := recoverNote(&c.kit, &c.panes[i], &on); on {
			c.tab = i
			return cmd
		}
	}
	return nil
}

func (c *CaseStudy) onVote() bool { return c.tab == len(c.panes)-1 }

// Update implements tea.Model.
func (c *CaseStudy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if handled, cmd := c.common(msg); handled {
		return c, cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		return c, c.key(k)
	}
	return c, nil
}

func (c *CaseStudy) key(msg tea.KeyMsg) tea.Cmd {
	if c.input.Active() {
		if c.voting == "" {
			return notesInputKey(&c.kit, &c.panes[c.tab], msg)
		}
		cmd := c.input.Key(msg, func(text string) tea.Cmd {
			return c.commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
				ExerciseID: c.env.Ex.ID, Field: model.FieldVote, Value: c.voting, Text: text,
			}})
		})
		if !c.input.Active() {
			c.voting = ""
		}
		return cmd
	}
	if ok, cmd := c.commonKey(msg, c.keys.kitKeys); ok {
		return cmd
	}
	k := c.keys
	switch {
	case keyMatches(msg, k.NextTab):
		c.tab = (c.tab + 1) % len(c.panes)
		return nil
	case keyMatches(msg, k.PrevTab):
		c.tab = (c.tab + len(c.panes) - 1) % len(c.panes)
		return nil
	case c.onVote() && keyMatches(msg, k.Vote):
		n := int(keyName(msg)[0] - '1')
		if n >= len(c.env.Ex.Cases) {
			c.status = "there are " + strconv.Itoa(len(c.env.Ex.Cases)) + " cases"
			return nil
		}
		cs := c.env.Ex.Cases[n]
		c.voting = cs.Key
		return c.input.Open("why "+model.SanitizeLine(cs.Title)+"? (the reason for this vote)", "", c.draftKey("", model.FieldVote))
	}
	return c.panes[c.tab].key(&c.kit, msg, k.notes)
}

package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// Card sort limits (M3-E5).
const (
	cardsMin = 15
	cardsMax = 20
)

// CardSort runs the card sort kind: values are entered (15 to 20; the
// toolkit's list can seed them), then narrowed in rounds to each of the
// exercise's targets: the person toggles the cards to keep until exactly
// the target remain and confirms. The order is kept and can be changed;
// reflections are written on a second pane. Every change is saved at once.
type CardSort struct {
	kit
	keys    CardSortKeys
	notes   notesPane
	onNotes bool
	cursor  int
	editID  string // card being edited; "" when adding
	adding  bool   // the input is for cards (else for the notes pane)
}

// NewCardSort builds the runner of a card sort exercise.
func NewCardSort(env RunnerEnv) *CardSort {
	c := &CardSort{kit: newKit(env), keys: DefaultCardSortKeys()}
	c.notes.fields = append(exerciseLineFields(env.Ex, ""), promptNoteFields(env.Ex)...)
	return c
}

// Exercise is the exercise being run.
func (c *CardSort) Exercise() *model.Exercise { return c.env.Ex }

// Typing reports whether keys go to the input.
func (c *CardSort) Typing() bool { return c.typing() }

// Init implements tea.Model: a recovered draft goes back in the input.
func (c *CardSort) Init() tea.Cmd {
	dr := c.env.Draft
	if dr == nil {
		return nil
	}
	c.status = "recovered typing put back: enter saves it, esc drops it"
	if dr.Key == c.draftKey("", model.FieldCard) {
		c.adding = true
		return c.input.Open("a value", dr.Text, dr.Key)
	}
	for i, f := range c.notes.fields {
		if dr.Key == c.draftKey(f.group, f.key) {
			c.onNotes, c.notes.editField, c.notes.editID = true, i, ""
			return c.input.Open(f.label, dr.Text, dr.Key)
		}
	}
	c.status = ""
	return nil
}

func (c *CardSort) stage() int { return model.CardStage(c.env.Ex.ID, &c.data) }

func (c *CardSort) done() bool { return c.stage() >= len(c.env.Ex.Rounds) }

// target is the count to keep in the current round (0 outside rounds).
func (c *CardSort) target() int {
	s := c.stage()
	if s < 0 || s >= len(c.env.Ex.Rounds) {
		return 0
	}
	return c.env.Ex.Rounds[s]
}

// visible lists the cards in play: all while entering, the survivors of
// the last confirmed round during a round, the result when done.
func (c *CardSort) visible() []model.Entry {
	cards := model.SortedCards(c.env.Ex.ID, &c.data)
	s := c.stage()
	if s <= 0 {
		return cards
	}
	out := cards[:0:0]
	for _, e := range cards {
		if model.CardRound(e) >= s {
			out = append(out, e)
		}
	}
	return out
}

// kept counts the cards kept so far in the current round.
func (c *CardSort) kept() int {
	n := 0
	for _, e := range c.visible() {
		if model.CardRound(e) > c.stage() {
			n++
		}
	}
	return n
}

// Update implements tea.Model.
func (c *CardSort) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if handled, cmd := c.common(msg); handled {
		c.cursor = min(c.cursor, max(len(c.visible())-1, 0))
		return c, cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		return c, c.key(k)
	}
	return c, nil
}

func (c *CardSort) key(msg tea.KeyMsg) tea.Cmd {
	if c.input.Active() {
		return c.inputKey(msg)
	}
	if ok, cmd := c.commonKey(msg, c.keys.kitKeys); ok {
		return cmd
	}
	k := c.keys
	if keyMatches(msg, k.Pane) {
		c.onNotes = !c.onNotes
		return nil
	}
	if c.onNotes {
		c.adding = false
		return c.notes.key(&c.kit, msg, k.notes)
	}
	cards := c.visible()
	stage := c.stage()
	switch {
	case keyMatches(msg, k.Up):
		c.cursor = max(c.cursor-1, 0)
	case keyMatches(msg, k.Down):
		c.cursor = min(c.cursor+1, max(len(cards)-1, 0))
	case keyMatches(msg, k.MoveUp):
		return c.move(-1)
	case keyMatches(msg, k.MoveDown):
		return c.move(1)
	case stage < 0 && keyMatches(msg, k.Add):
		if len(model.SortedCards(c.env.Ex.ID, &c.data)) >= cardsMax {
			c.status = "20 values is the most: remove one to add another, or press n to start narrowing"
			return nil
		}
		c.adding, c.editID = true, ""
		return c.input.Open("a value that matters to you at work (enter saves, esc stops)", "", c.draftKey("", model.FieldCard))
	case stage < 0 && keyMatches(msg, k.Edit):
		if c.cursor < len(cards) {
			c.adding, c.editID = true, cards[c.cursor].ID
			return c.input.Open("edit the value", cards[c.cursor].Text, c.draftKey("", model.FieldCard))
		}
	case stage < 0 && keyMatches(msg, k.Delete):
		if c.cursor < len(cards) {
			id := cards[c.cursor].ID
			c.ask("Remove \""+model.SanitizeLine(cards[c.cursor].Text)+"\"?", func() tea.Cmd {
				return c.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
			})
		}
	case stage < 0 && keyMatches(msg, k.Seed):
		return c.seed(cards)
	case stage < 0 && keyMatches(msg, k.Narrow):
		if n := len(cards); n < cardsMin || n > cardsMax {
			c.status = "enter 15 to 20 values before narrowing (" + strconv.Itoa(n) + " so far)"
			return nil
		}
		c.cursor = 0
		return c.setStage(0)
	case stage >= 0 && keyMatches(msg, k.Reopen):
		c.cursor = 0
		if stage == 0 {
			return c.setStage(-1)
		}
		return c.setStage(stage - 1)
	case !c.done() && stage >= 0 && keyMatches(msg, k.Toggle):
		return c.toggle(cards)
	case !c.done() && stage >= 0 && keyMatches(msg, k.Confirm):
		return c.confirmRound()
	}
	return nil
}

func (c *CardSort) inputKey(msg tea.KeyMsg) tea.Cmd {
	next := 0 // values so far, when the input is to open again for another
	cmd := c.input.Key(msg, func(text string) tea.Cmd {
		if !c.adding {
			return c.notes.submit(&c.kit, text)
		}
		if c.editID != "" {
			e, ok := c.data.Entry(c.editID)
			if !ok {
				return nil
			}
			e.Text = text
			return c.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
		}
		cards := model.SortedCards(c.env.Ex.ID, &c.data)
		order := len(cards) + 1
		if len(cards) > 0 {
			order = max(order, cards[len(cards)-1].Order+1)
		}
		// Count what is saved and what is on its way.
		n := len(cards) + c.save.pending + 1
		save := c.commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{ExerciseID: c.env.Ex.ID, Field: model.FieldCard, Text: text, Order: order + c.save.pending}})
		c.cursor = n - 1
		if n >= cardsMax {
			c.status = "20 values entered: press n to start narrowing"
		} else {
			next = n
		}
		return save
	})
	if next > 0 && !c.input.Active() {
		// The input stays open for the next value.
		return tea.Batch(cmd, c.input.Open("another value ("+strconv.Itoa(next)+" so far; esc stops)", "", c.draftKey("", model.FieldCard)))
	}
	return cmd
}

// seed adds the toolkit's starting values that are not there yet.
func (c *CardSort) seed(cards []model.Entry) tea.Cmd {
	have := map[string]bool{}
	for _, e := range cards {
		have[e.Text] = true
	}
	var add []model.Entry
	order := len(cards)
	for _, v := range c.env.Ex.Cards {
		if !have[v] && len(cards)+len(add) < cardsMax {
			order++
			add = append(add, model.Entry{ExerciseID: c.env.Ex.ID, Field: model.FieldCard, Text: v, Order: order})
		}
	}
	if len(add) == 0 {
		c.status = "the toolkit's values are all here already"
		return nil
	}
	c.status = strconv.Itoa(len(add)) + " of the toolkit's values added: edit, remove or add your own"
	return c.commit(model.Change{Op: model.OpPutEntries, Entries: add})
}

func (c *CardSort) setStage(n int) tea.Cmd {
	if n < 0 {
		v, ok := c.data.Value(c.slot("", model.FieldRound))
		if !ok {
			return nil
		}
		return c.commit(model.Change{Op: model.OpDeleteEntry, Entry: v})
	}
	return c.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: c.env.Ex.ID, Field: model.FieldRound, Value: strconv.Itoa(n)}})
}

// toggle keeps or lets go the card under the cursor in this round.
func (c *CardSort) toggle(cards []model.Entry) tea.Cmd {
	if c.cursor >= len(cards) {
		return nil
	}
	e := cards[c.cursor]
	r := c.stage() + 1
	if model.CardRound(e) >= r {
		e.Value = model.CardRoundValue(r - 1)
	} else {
		if c.kept() >= c.target() {
			c.status = "already " + strconv.Itoa(c.target()) + " kept: let one go first (space on a kept card)"
			return nil
		}
		e.Value = model.CardRoundValue(r)
	}
	c.cursor = min(c.cursor+1, len(cards)-1)
	return c.commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
}

// confirmRound ends a round when exactly its target are kept: the kept
// cards go first, in their order, and the round is recorded.
func (c *CardSort) confirmRound() tea.Cmd {
	kept, target := c.kept(), c.target()
	if kept != target {
		c.status = "keep exactly " + strconv.Itoa(target) + " (" + strconv.Itoa(kept) + " kept now) before confirming"
		return nil
	}
	r := c.stage() + 1
	all := model.SortedCards(c.env.Ex.ID, &c.data)
	var first, rest []model.Entry
	for _, e := range all {
		if model.CardRound(e) >= r {
			first = append(first, e)
		} else {
			rest = append(rest, e)
		}
	}
	c.cursor = 0
	c.status = "round " + strconv.Itoa(r) + " confirmed: " + strconv.Itoa(kept) + " kept"
	return tea.Batch(c.renumber(append(first, rest...)), c.setStage(r))
}

// renumber saves the cards' order as given (only those that change).
func (c *CardSort) renumber(cards []model.Entry) tea.Cmd {
	var changed []model.Entry
	for i, e := range cards {
		if e.Order != i+1 {
			e.Order = i + 1
			changed = append(changed, e)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return c.commit(model.Change{Op: model.OpPutEntries, Entries: changed})
}

// move moves the card under the cursor up or down among those in play.
func (c *CardSort) move(by int) tea.Cmd {
	vis := c.visible()
	j := c.cursor + by
	if c.cursor >= len(vis) || j < 0 || j >= len(vis) {
		return nil
	}
	a, b := vis[c.cursor].ID, vis[j].ID
	all := model.SortedCards(c.env.Ex.ID, &c.data)
	var ia, ib int
	for i, e := range all {
		switch e.ID {
		case a:
			ia = i
		case b:
			ib = i
		}
	}
	all[ia], all[ib] = all[ib], all[ia]
	c.cursor = j
	return c.renumber(all)
}

package runner

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/ui/common"
)

// CardSortKeys are the card sort's bindings on its values tab.
type CardSortKeys struct {
	Up, Down, MoveUp, MoveDown, Add, Edit, Delete, Seed, Narrow, Toggle, Confirm, Reopen key.Binding
}

// DefaultCardSortKeys returns the card sort's bindings.
func DefaultCardSortKeys() CardSortKeys {
	return CardSortKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous card")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next card")),
		MoveUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move up")),
		MoveDown: key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move down")),
		Add:      key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", "add values")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit value")),
		Delete:   key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove (asks)")),
		Seed:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "starting values")),
		Narrow:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "narrow")),
		Toggle:   key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "keep / let go")),
		Confirm:  key.NewBinding(key.WithKeys("enter", "c"), key.WithHelp("enter", "confirm round")),
		Reopen:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "back a round")),
	}
}

// cardSortKeyMap is the help of the stage the sort is in.
type cardSortKeyMap struct {
	k     CardSortKeys
	stage int // -1 entering, else rounds confirmed
	done  bool
}

func (m cardSortKeyMap) ShortHelp() []key.Binding {
	k := m.k
	switch {
	case m.stage < 0:
		return []key.Binding{k.Add, k.Seed, k.Narrow, k.Edit, k.Delete}
	case m.done:
		return []key.Binding{k.MoveUp, k.MoveDown, k.Reopen}
	}
	return []key.Binding{k.Toggle, k.Confirm, k.Reopen, k.MoveUp, k.MoveDown}
}

func (m cardSortKeyMap) FullHelp() [][]key.Binding {
	k := m.k
	return [][]key.Binding{{k.Up, k.Down, k.MoveUp, k.MoveDown, k.Toggle, k.Confirm, k.Reopen}, {k.Add, k.Seed, k.Edit, k.Delete, k.Narrow}}
}

// cardSortSection is a card sort's values: they are entered (15 to 20;
// the toolkit's list can seed them), then narrowed in rounds to each of
// the exercise's targets (the person keeps cards until exactly the target
// remain, and confirms); their order can be changed. The rules are
// model's; the selection follows the card.
type cardSortSection struct {
	km   CardSortKeys
	cur  itemCursor
	host *Host // the key help follows the stage of the sort
}

func newCardSortSection() *cardSortSection { return &cardSortSection{km: DefaultCardSortKeys()} }

func (s *cardSortSection) bind(h *Host) { s.host = h }

func (s *cardSortSection) title(*Host) string { return "Values" }

func (s *cardSortSection) keys() help.KeyMap {
	m := cardSortKeyMap{k: s.km, stage: -1}
	if s.host != nil {
		_, m.stage = cardState(s.host)
		m.done = model.CardsDone(s.host.env.Ex.Rounds, m.stage)
	}
	return m
}

// cardState is the sort as the room sees it: the cards in order and how
// many rounds are confirmed (-1: values are being entered).
func cardState(h *Host) ([]model.Entry, int) {
	return model.SortedCards(h.env.Ex.ID, &h.data), model.CardStage(h.env.Ex.ID, &h.data)
}

func (s *cardSortSection) key(h *Host, msg tea.KeyMsg) tea.Cmd {
	s.host = h
	cards, stage := cardState(h)
	rounds := h.env.Ex.Rounds
	play := model.CardsInPlay(cards, stage)
	ids := entryIDs(play)
	var cur model.Entry
	if len(play) > 0 {
		cur = play[s.cur.at(ids)]
	}
	done := model.CardsDone(rounds, stage)
	k := s.km
	switch {
	case common.Matches(msg, k.Up):
		s.cur.move(ids, -1)
	case common.Matches(msg, k.Down):
		s.cur.move(ids, 1)
	case common.Matches(msg, k.MoveUp), common.Matches(msg, k.MoveDown):
		by := 1
		if common.Matches(msg, k.MoveUp) {
			by = -1
		}
		if changed := model.MoveCard(cards, stage, cur.ID, by); len(changed) > 0 {
			return h.Commit(model.Change{Op: model.OpPutEntries, Entries: changed})
		}
	case stage < 0 && common.Matches(msg, k.Add):
		return s.add(h)
	case stage < 0 && common.Matches(msg, k.Edit) && cur.ID != "":
		return h.Input("edit the value", cur.Text, h.Slot("", model.FieldCard), func(text string) tea.Cmd {
			e, ok := h.data.Entry(cur.ID)
			if !ok {
				h.Status("that value is gone")
				return nil
			}
			e.Text = text
			return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
		})
	case stage < 0 && common.Matches(msg, k.Delete) && cur.ID != "":
		id := cur.ID
		h.Ask("remove “"+common.Clip(model.SanitizeLine(cur.Text), 40)+"”?", func() tea.Cmd {
			h.Status("value removed")
			return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
		})
	case stage < 0 && common.Matches(msg, k.Seed):
		return s.seed(h, cards)
	case stage < 0 && common.Matches(msg, k.Narrow):
		if !model.CanNarrow(len(cards)) {
			h.Status(fmt.Sprintf("enter %d to %d values before narrowing (%d so far)", model.CardsMin, model.CardsMax, len(cards)))
			return nil
		}
		return setCardStage(h, 0)
	case stage >= 0 && common.Matches(msg, k.Reopen):
		return setCardStage(h, stage-1)
	case !done && stage >= 0 && common.Matches(msg, k.Toggle):
		_, most := roundBounds(h.env.Ex)
		e, ok := model.ToggleCard(cards, most, stage, cur.ID)
		if !ok {
			h.Status(fmt.Sprintf("already %d kept: let one go first (space on a kept card)", most[stage]))
			return nil
		}
		s.cur.move(ids, 1)
		return h.Commit(model.Change{Op: model.OpUpdateEntry, Entry: e})
	case !done && stage >= 0 && common.Matches(msg, k.Confirm):
		return s.confirm(h, cards, play, cur, stage)
	}
	return nil
}

// add asks for a value; the input stays open for the next one until esc
// or the limit. The new value is selected.
func (s *cardSortSection) add(h *Host) tea.Cmd {
	cards, _ := cardState(h)
	if !model.CanAddCard(len(cards)) {
		h.Status(fmt.Sprintf("%d values is the most: remove one to add another, or press n to start narrowing", model.CardsMax))
		return nil
	}
	prompt := "a value that matters to you at work (enter saves, esc stops)"
	if len(cards) > 0 {
		prompt = "another value (" + strconv.Itoa(len(cards)) + " so far; esc stops)"
	}
	return h.Input(prompt, "", h.Slot("", model.FieldCard), func(text string) tea.Cmd {
		cards, _ := cardState(h)
		if !model.CanAddCard(len(cards)) {
			h.Status(fmt.Sprintf("%d values is the most: remove one first (esc keeps this text out)", model.CardsMax))
			h.input.KeepOpen()
			return nil
		}
		cmd := h.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: h.env.Ex.ID, Field: model.FieldCard, Text: text, Order: model.NextCardOrder(cards),
		}})
		s.cur.set(h.LastID())
		if !model.CanAddCard(len(cards) + 1) {
			h.Status(fmt.Sprintf("%d values entered: press n to start narrowing", model.CardsMax))
			return cmd
		}
		return tea.Batch(cmd, s.add(h))
	})
}

// seed adds the toolkit's starting values that are not there yet, each
// its own entry.
func (s *cardSortSection) seed(h *Host, cards []model.Entry) tea.Cmd {
	vals := model.SeedCards(cards, h.env.Ex.Cards)
	if len(vals) == 0 {
		h.Status("the starting values are all here already")
		return nil
	}
	order := model.NextCardOrder(cards)
	var cmds []tea.Cmd
	for i, v := range vals {
		cmds = append(cmds, h.Commit(model.Change{Op: model.OpAddEntry, Entry: model.Entry{
			ExerciseID: h.env.Ex.ID, Field: model.FieldCard, Text: v, Order: order + i,
		}}))
	}
	h.Status(seededWords(h.env.Ex, vals) + " added: edit, remove or add your own")
	return tea.Batch(cmds...)
}

// confirm ends the round when exactly its target are kept: the kept cards
// go first and the round is recorded. The selection stays on its card if
// it was kept, else goes to the first card kept.
func (s *cardSortSection) confirm(h *Host, cards, play []model.Entry, cur model.Entry, stage int) tea.Cmd {
	least, most := roundBounds(h.env.Ex)
	kept := model.CardsKept(cards, stage)
	changed, ok := model.ConfirmRound(cards, least, most, stage)
	if !ok {
		h.Status(fmt.Sprintf("keep %s (%d kept now) before confirming", keepWords(least[stage], most[stage]), kept))
		return nil
	}
	if !model.CardKept(cur, stage) {
		for _, e := range play {
			if model.CardKept(e, stage) {
				s.cur.set(e.ID)
				break
			}
		}
	}
	h.Status(fmt.Sprintf("round %d confirmed: %d kept", stage+1, kept))
	var cmd tea.Cmd
	if len(changed) > 0 {
		cmd = h.Commit(model.Change{Op: model.OpPutEntries, Entries: changed})
	}
	return tea.Batch(cmd, setCardStage(h, stage+1))
}

// setCardStage records how many rounds are confirmed (-1: back to entering).
func setCardStage(h *Host, n int) tea.Cmd {
	if n < 0 {
		v, ok := h.data.Value(h.Slot("", model.FieldRound))
		if !ok {
			return nil
		}
		return h.Commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: v.ID}})
	}
	return h.Commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: h.env.Ex.ID, Field: model.FieldRound, Value: strconv.Itoa(n)}})
}

// recover puts a value being typed back in the input.
func (s *cardSortSection) recover(h *Host, slot model.Slot, text string) (tea.Cmd, bool) {
	if slot.Group != "" || slot.Field != model.FieldCard {
		return nil, false
	}
	cmd := s.add(h)
	if h.input.Active() {
		h.input.SetValue(text)
	}
	return cmd, true
}

// view draws what the stage asks for, then the cards in play: numbered
// while entering and when done, marked kept or not in a round.
func (s *cardSortSection) view(h *Host, w, ht int) string {
	s.host = h
	t := h.env.Theme
	cards, stage := cardState(h)
	rounds := h.env.Ex.Rounds
	play := model.CardsInPlay(cards, stage)
	done := model.CardsDone(rounds, stage)
	var head string
	switch {
	case stage < 0:
		head = fmt.Sprintf("Enter your values: %d entered (%d to %d).", len(play), model.CardsMin, model.CardsMax)
		if len(play) == 0 {
			head += " a: add your own · s: start from " + seedWords(h.env.Ex)
		} else if model.CanNarrow(len(play)) {
			head += " n: start narrowing"
		}
	case done:
		head = fmt.Sprintf("Your top %d values, in order. K/J moves a value up or down.", len(play))
	default:
		least, most := h.env.Ex.RoundRange(stage)
		head = fmt.Sprintf("Round %d of %d: keep %s. %d kept. space keeps or lets go; enter confirms.",
			stage+1, len(rounds), keepWords(least, most), model.CardsKept(cards, stage))
	}
	heads := strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render(head), "\n")
	for i, l := range heads {
		heads[i] = t.Accent.Render(strings.TrimRight(l, " "))
	}
	cur := s.cur.at(entryIDs(play))
	var lines []string
	for i, e := range play {
		mark := strconv.Itoa(i+1) + "."
		if stage >= 0 && !done {
			mark = "[      ]"
			if model.CardKept(e, stage) {
				mark = "[✓ keep]"
			}
		}
		lines = append(lines, h.mark(i == cur, e.ID, fmt.Sprintf("%-4s %s%s", mark, model.SanitizeLine(e.Text), extraMark(h.env.Ex, e.Text))))
	}
	if len(lines) == 0 {
		lines = []string{t.Dim.Render("  No values yet.")}
	}
	return strings.Join(heads, "\n") + "\n\n" + strings.Join(common.ListWindow(lines, cur, ht-len(heads)-1), "\n")
}

// cardSortPane is the card sort kind: its values, then the reflections
// (its own lines fields, the prompts and the closing question).
func cardSortPane(ex *model.Exercise) Pane {
	return newTabsPane("Card sort", newCardSortSection(),
		newPlainNotes("Reflections", append(exerciseFields(ex), promptFields(ex)...)))
}

// roundBounds are the fewest and the most cards each round keeps, as the
// deck gives them (an exact count, or a range such as 5 or 6).
func roundBounds(ex *model.Exercise) (least, most []int) {
	for i := range ex.Rounds {
		lo, hi := ex.RoundRange(i)
		least, most = append(least, lo), append(most, hi)
	}
	return least, most
}

// keepWords says how many a round keeps: "exactly 10", "5 or 6", "5 to 7".
func keepWords(least, most int) string {
	switch {
	case least == most:
		return "exactly " + strconv.Itoa(least)
	case most == least+1:
		return fmt.Sprintf("%d or %d", least, most)
	}
	return fmt.Sprintf("%d to %d", least, most)
}

// extraCards counts the deck's starting cards by origin: the toolkit's
// own, and those huddle added.
func extraCards(ex *model.Exercise) (own, extra int) {
	for i := range ex.Cards {
		if ex.IsExtraCard(i) {
			extra++
		} else {
			own++
		}
	}
	return own, extra
}

// seedWords names the starting values honestly: which are the toolkit's,
// which huddle added.
func seedWords(ex *model.Exercise) string {
	own, extra := extraCards(ex)
	if extra == 0 {
		return fmt.Sprintf("the toolkit's %d values", own)
	}
	return fmt.Sprintf("the toolkit's %d values and huddle's %d (marked +)", own, extra)
}

// seededWords says what seeding added, by origin.
func seededWords(ex *model.Exercise, added []string) string {
	own, extra := 0, 0
	for _, v := range added {
		if extraMark(ex, v) != "" {
			extra++
		} else {
			own++
		}
	}
	out := common.Plural(own, "of the toolkit's values", "of the toolkit's values")
	if extra > 0 {
		out += fmt.Sprintf(" and %d added by huddle (marked +", extra)
		if ex.ExtraNote != "" {
			out += ": " + model.SanitizeLine(ex.ExtraNote)
		}
		out += ")"
	}
	return out
}

// extraMark marks a card that huddle added to the toolkit's list.
func extraMark(ex *model.Exercise, text string) string {
	for i, c := range ex.Cards {
		if c == text && ex.IsExtraCard(i) {
			return "  +"
		}
	}
	return ""
}

// Package model holds huddle's domain types and pure logic. It uses the
// standard library only and performs no I/O.
package model

import "time"

// Deck is an ordered set of modules, parsed from Markdown files.
type Deck struct {
	Modules []Module
}

// Module is one Markdown file of the deck: a titled run of slides.
type Module struct {
	ID     string // short id used on the command line: intro, m1, m2, ...
	Title  string
	Short  string // short title for the footer
	Source string // file name the module came from, for error messages
	Slides []Slide
}

// Slide is one screen of a module.
type Slide struct {
	Title    string    // first heading of the slide, or "" if none
	Body     string    // Markdown shown on screen (notes and exercise blocks removed)
	Notes    string    // speaker notes, shown only on the facilitator's notes view
	Exercise *Exercise // the exercise this slide runs, if any
	Line     int       // line of the slide's first line in its file
}

// Exercise kinds, as named in the deck's exercise blocks.
const (
	KindDiscussion = "discussion"
	KindChecklist  = "checklist"
	KindRating     = "rating"
	KindFramework  = "framework"
	KindActionPlan = "actionplan"
	KindAssessment = "assessment"
	KindCaseStudy  = "casestudy"
	KindReflection = "reflection"
	KindAlliesMap  = "alliesmap"
	KindCaseReview = "casereview"
	KindCardSort   = "cardsort"
	KindPoll       = "poll"
)

// Kinds lists every exercise kind in a stable order.
var Kinds = []string{
	KindDiscussion, KindChecklist, KindRating, KindFramework, KindActionPlan,
	KindAssessment, KindCaseStudy, KindReflection, KindAlliesMap,
	KindCaseReview, KindCardSort, KindPoll,
}

// Field types: how one captured field is entered.
const (
	FieldText      = "text"      // one free-text answer
	FieldLines     = "lines"     // several captured lines
	FieldContinuum = "continuum" // attached / aligned / embedded selector
	FieldChoice    = "choice"    // one of Field.Options
)

// Field is one thing an exercise captures: a discussion question, a
// framework box, a reflection prompt, a case review column.
type Field struct {
	Key     string
	Label   string
	Type    string
	Options []string // for FieldChoice
}

// Factor is one row of an assessment: a labelled factor, its scale and
// the level each reference profile has on it.
type Factor struct {
	Key      string
	Label    string
	Scale    []string // e.g. high, medium, low  or  yes, no
	Profiles []string // level per Exercise.Profiles entry, same order
	Guide    []string // what each Scale level looks like, same order as Scale; nil if the deck gives none
}

// Case is one case of a case study or a case review.
type Case struct {
	Key   string
	Title string
	Gist  string // what the case is about in a line or two, to show beside its questions; "" if none
}

// Exercise is a runnable exercise described by a slide's exercise block.
// Which fields matter depends on Kind; the validator checks them.
type Exercise struct {
	ID         string
	Kind       string
	Title      string
	Duration   time.Duration // 0: untimed
	Groups     int           // discussion: groups to start with
	Fields     []Field       // discussion, framework, reflection, casereview columns, extras
	Scale      []string      // checklist, rating: status scale
	Items      []string      // checklist items, rating statements
	Options    []string      // poll options
	Question   string        // poll question, case study vote question
	Prompts    []string      // facilitator's reflection prompts
	Closing    string        // closing question
	Actions    bool          // an action plan follows the exercise
	Seesaw     string        // rating: "positive" if items feed the see-saw's positive side
	Challenges []string      // rating + see-saw: challenges that seed the see-saw
	Profiles   []string      // assessment: reference profiles, e.g. embedded, aligned, attached
	Factors    []Factor      // assessment
	Cases      []Case        // casestudy
	Questions  []string      // casestudy questions asked of every case
	Rows       []string      // alliesmap: contact frequency rows
	Columns    []string      // alliesmap: stance columns
	Cards      []string      // cardsort: starting cards, card: and extra-card: lines in deck order
	CardExtra  []bool        // cardsort: per Cards entry, true if the deck adds it beyond its source; nil if none is added
	CardNote   string        // cardsort: where the card: cards come from, to show with them
	ExtraNote  string        // cardsort: where the extra-card: cards come from, to show with them
	Rounds     []int         // cardsort: per round, the count to narrow to (the fewest to keep)
	RoundsMax  []int         // cardsort: per round, the most cards that may be kept; nil when every round keeps exactly Rounds[i]
	GuideNote  string        // assessment: whose guidance the factors' Guide texts are
	Line       int           // line of the block's opening fence
}

// RoundRange is the fewest and the most cards round i of a card sort may
// keep; they are equal when the round keeps an exact count.
func (ex *Exercise) RoundRange(i int) (lo, hi int) {
	if i < 0 || i >= len(ex.Rounds) {
		return 0, 0
	}
	lo = ex.Rounds[i]
	if i < len(ex.RoundsMax) {
		return lo, ex.RoundsMax[i]
	}
	return lo, lo
}

// IsExtraCard reports whether card i of a card sort was added by the deck
// beyond its source (an extra-card: line), to be labelled with ExtraNote.
func (ex *Exercise) IsExtraCard(i int) bool {
	return i >= 0 && i < len(ex.CardExtra) && ex.CardExtra[i]
}

// SlideRef addresses one slide of a deck.
type SlideRef struct {
	Module int
	Slide  int
}

// Flat lists every slide of the deck in order.
func (d *Deck) Flat() []SlideRef {
	var refs []SlideRef
	for mi, m := range d.Modules {
		for si := range m.Slides {
			refs = append(refs, SlideRef{Module: mi, Slide: si})
		}
	}
	return refs
}

// Slide returns the slide at ref.
func (d *Deck) Slide(ref SlideRef) *Slide {
	return &d.Modules[ref.Module].Slides[ref.Slide]
}

// ModuleByID finds a module by its id, or returns -1.
func (d *Deck) ModuleByID(id string) int {
	for i, m := range d.Modules {
		if m.ID == id {
			return i
		}
	}
	return -1
}

// Exercises lists every exercise of the deck with the slide that runs it.
func (d *Deck) Exercises() map[string]SlideRef {
	out := map[string]SlideRef{}
	for _, ref := range d.Flat() {
		if ex := d.Slide(ref).Exercise; ex != nil {
			out[ex.ID] = ref
		}
	}
	return out
}

package live

import (
	"github.com/carehuddle/huddle/model"
)

// webView is model.ParticipantView as the web page gets it, as JSON: only
// what ViewFor gave this participant, every text cleaned, the room's
// counts only when they may be shown (Shown).
type webView struct {
	Name     string      `json:"name"`
	Closed   bool        `json:"closed"`
	Removed  bool        `json:"removed"`
	Kind     string      `json:"kind"` // lobby, write, poll, dots, rating
	Title    string      `json:"title"`
	Prompt   string      `json:"prompt"`
	Open     bool        `json:"open"`
	Notes    []webNote   `json:"notes"`
	Options  []webChoice `json:"options"` // poll options
	Voted    int         `json:"voted"`   // the option voted for, -1 for none
	Lines    []webLine   `json:"lines"`   // dot vote lines
	Dots     int         `json:"dots"`    // dots each participant has
	DotsLeft int         `json:"dotsLeft"`
	Items    []webItem   `json:"items"` // rating statements
	Scale    []string    `json:"scale"`
	Shown    bool        `json:"shown"` // counts are the room's tallies
	Answered int         `json:"answered"`
	Held     string      `json:"held"` // why the room's results are not shown
	Clock    webClock    `json:"clock"`
}

type webNote struct {
	ID       int    `json:"id"`
	Text     string `json:"text"`
	Shared   bool   `json:"shared"`
	Revealed bool   `json:"revealed"`
}

type webChoice struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

type webLine struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Mine  int    `json:"mine"` // this participant's dots on it
	Count int    `json:"count"`
}

type webItem struct {
	Text   string `json:"text"`
	Rated  int    `json:"rated"`  // the scale column chosen, -1 for none
	Counts []int  `json:"counts"` // the room's count per column, when shown
}

// webClock is the facilitator's timer: the deadline in Unix milliseconds
// (0 for none) or what was left when paused, in milliseconds. The page
// counts down against the server's clock, sent with every view.
type webClock struct {
	Deadline int64 `json:"deadline"`
	Paused   int64 `json:"paused"`
}

// toWebView converts what participant v.Seat may see.
func toWebView(v model.ParticipantView) webView {
	clean := model.SanitizeLine
	a := v.Activity
	w := webView{
		Name: v.Name, Closed: v.Closed, Removed: v.Removed, Kind: a.Kind.String(),
		Title: clean(a.Title), Prompt: clean(a.Prompt), Open: a.Open,
		Notes: []webNote{}, Options: []webChoice{}, Lines: []webLine{}, Items: []webItem{}, Scale: []string{},
		Voted: model.Voted(v.Choices), Dots: a.Dots,
		Shown: v.Tally != nil, Answered: v.Answered, Held: v.TallyHeld,
	}
	if !v.Clock.Deadline.IsZero() {
		w.Clock.Deadline = v.Clock.Deadline.UnixMilli()
	}
	w.Clock.Paused = v.Clock.Paused.Milliseconds()
	if v.Closed || v.Removed {
		w.Kind, w.Title, w.Prompt, w.Open = model.RoomLobby.String(), "", "", false
		return w
	}
	for _, n := range v.Notes {
		w.Notes = append(w.Notes, webNote{ID: n.ID, Text: clean(n.Text), Shared: n.Shared, Revealed: n.Revealed})
	}
	for i, o := range a.Options {
		w.Options = append(w.Options, webChoice{Text: clean(o), Count: v.Tally[model.OptionField(i)]})
	}
	for _, l := range a.Lines {
		c := model.DotChoice(l.ID)
		w.Lines = append(w.Lines, webLine{ID: l.ID, Text: clean(l.Text), Mine: v.Choices[c], Count: v.Tally[c]})
	}
	w.DotsLeft = max(a.Dots-model.DotsUsed(v.Choices), 0)
	for _, s := range a.Scale {
		w.Scale = append(w.Scale, clean(s))
	}
	for i, it := range a.Items {
		item := webItem{Text: clean(it), Rated: model.Rated(v.Choices, i), Counts: []int{}}
		if v.Tally != nil {
			for c := range a.Scale {
				item.Counts = append(item.Counts, v.Tally[model.RatingChoice(i, c)])
			}
		}
		w.Items = append(w.Items, item)
	}
	return w
}

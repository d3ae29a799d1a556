package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// dField is one field on a discussion tab.
type dField struct {
	key, label, typ string
	options         []string
}

// dRow is one row of a tab: a field's heading (entry "") or a line.
type dRow struct {
	field int
	entry string
}

// inputPurpose says what the open input is for.
type inputPurpose int

const (
	purposeAdd inputPurpose = iota
	purposeEdit
	purposeSetText
	purposeRename
)

// Discussion runs the discussion kind (SPEC section 6): named groups, each
// answering the exercise's fields (a continuum selector, free text, lines
// of feedback), and a whole-team tab for the facilitator's prompts and the
// closing question. Lines can be tagged positive or challenge, weighted,
// edited, moved to another group and deleted; every change is saved at
// once. s shows the summary: every group placed on the continuum.
type Discussion struct {
	env     RunnerEnv
	keys    DiscussionKeys
	help    help.Model
	data    model.SessionData
	groups  []model.Group
	tab     int // index into groups; len(groups) is the whole-team tab
	row     int
	input   CaptureInput
	purpose inputPurpose
	target  string                // entry being edited, or field key being added to
	confirm string                // entry id awaiting delete confirmation
	moving  string                // entry id awaiting a group number
	follow  bool                  // move the cursor to the next line this runner adds
	chosen  map[model.Slot]string // choices made whose saves are on their way
	merging string                // line marked to merge into another
	voting  bool                  // the dot vote is open
	voter   int                   // index of the group voting
	voteRow int
	save    saveState
	status  string
	summary bool
	seesaw  bool
	full    bool // full help
	width   int
	height  int
	scroll  int
}

// NewDiscussion builds the runner of a discussion exercise.
func NewDiscussion(env RunnerEnv) *Discussion {
	d := &Discussion{env: env, keys: DefaultDiscussionKeys(), help: help.New(), chosen: map[model.Slot]string{}}
	d.help.Styles.ShortKey = env.Theme.FooterKey
	d.help.Styles.ShortDesc = env.Theme.Footer
	d.help.Styles.FullKey = env.Theme.Accent
	d.input = NewCaptureInput(env.Theme, env.Live)
	d.refresh()
	return d
}

// Exercise is the exercise being run.
func (d *Discussion) Exercise() *model.Exercise { return d.env.Ex }

// Typing reports whether keys go to the input.
func (d *Discussion) Typing() bool {
	return d.input.Active() || d.confirm != "" || d.moving != "" || d.voting
}

// Init implements tea.Model: a recovered draft is put back in its place.
func (d *Discussion) Init() tea.Cmd {
	dr := d.env.Draft
	if dr == nil {
		return nil
	}
	group, field, ok := d.parseDraftKey(dr.Key)
	if !ok {
		return nil
	}
	for i, g := range d.groups {
		if g.Key == group {
			d.tab = i
		}
	}
	if group == "" {
		d.tab = len(d.groups)
	}
	fields := d.fields()
	for i, f := range fields {
		if f.key == field {
			d.row = d.headingRow(i)
		}
	}
	d.status = "recovered typing put back: enter saves it, esc drops it"
	d.purpose, d.target = purposeAdd, field
	return d.input.Open("recovered typing", dr.Text, dr.Key)
}

// draftKey is where typing for a field of the current tab is kept.
func (d *Discussion) draftKey(field string) string {
	if d.env.Live == nil {
		return ""
	}
	return d.env.Live.DraftKey(d.env.Ex.ID, d.groupKey(), field)
}

// parseDraftKey takes the group and field back out of a draft key.
func (d *Discussion) parseDraftKey(k string) (group, field string, ok bool) {
	prefix := d.env.Live.DraftKey(d.env.Ex.ID)
	if len(k) <= len(prefix) || k[:len(prefix)] != prefix {
		return "", "", false
	}
	rest := k[len(prefix):]
	var parts []string
	start := 0
	for i := 0; i < len(rest); i++ {
		if rest[i] == '/' {
			parts = append(parts, rest[start:i])
			start = i + 1
		}
	}
	if len(parts) != 2 {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// refresh reads the session's state again.
func (d *Discussion) refresh() {
	if d.env.Live != nil {
		d.data = d.env.Live.Data()
	}
	d.groups = d.data.Groups(d.env.Ex.ID, max(d.env.Ex.Groups, 1))
	d.tab = min(d.tab, len(d.groups))
	d.row = min(d.row, max(len(d.rows())-1, 0))
}

// groupKey is the current tab's group key ("" on the whole-team tab).
func (d *Discussion) groupKey() string {
	if d.tab < len(d.groups) {
		return d.groups[d.tab].Key
	}
	return ""
}

// fields are the current tab's fields: the exercise's on a group's tab,
// the prompts and the closing question on the whole-team tab.
func (d *Discussion) fields() []dField {
	ex := d.env.Ex
	if d.tab < len(d.groups) {
		out := make([]dField, len(ex.Fields))
		for i, f := range ex.Fields {
			out[i] = dField{key: f.Key, label: f.Label, typ: f.Type, options: f.Options}
		}
		return out
	}
	var out []dField
	for i, p := range ex.Prompts {
		out = append(out, dField{key: model.PromptField(i), label: "Prompt: " + p, typ: model.FieldLines})
	}
	if ex.Closing != "" {
		out = append(out, dField{key: model.FieldClosing, label: "Closing: " + ex.Closing, typ: model.FieldLines})
	}
	return out
}

// rows lists the current tab's rows: each field's heading, then its lines.
func (d *Discussion) rows() []dRow {
	var out []dRow
	for i, f := range d.fields() {
		out = append(out, dRow{field: i})
		if f.typ == model.FieldLines {
			for _, e := range d.data.In(d.slot(f.key)) {
				out = append(out, dRow{field: i, entry: e.ID})
			}
		}
	}
	return out
}

func (d *Discussion) headingRow(field int) int {
	for i, r := range d.rows() {
		if r.field == field && r.entry == "" {
			return i
		}
	}
	return 0
}

func (d *Discussion) slot(field string) model.Slot {
	return model.Slot{Exercise: d.env.Ex.ID, Group: d.groupKey(), Field: field}
}

// current is the row under the cursor, its field and its entry if any.
func (d *Discussion) current() (dRow, dField, model.Entry, bool) {
	rows, fields := d.rows(), d.fields()
	if len(rows) == 0 {
		return dRow{}, dField{}, model.Entry{}, false
	}
	r := rows[min(d.row, len(rows)-1)]
	e, ok := d.data.Entry(r.entry)
	return r, fields[r.field], e, ok && r.entry != ""
}

// commit saves a change and notes it in the header.
func (d *Discussion) commit(c model.Change) tea.Cmd {
	if d.env.Live == nil {
		d.status = "not saved: no session is open"
		return nil
	}
	d.save.note()
	return d.env.Live.Commit(c)
}

// Update implements tea.Model.
func (d *Discussion) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		d.width, d.height = msg.Width, msg.Height
		d.help.Width = msg.Width
		d.input.SetWidth(msg.Width)
		return d, nil
	case SavedMsg:
		d.save.done(msg)
		if msg.Change.Op == model.OpSetEntry && d.chosen[model.SlotOf(msg.Change.Entry)] == msg.Change.Entry.Value {
			delete(d.chosen, model.SlotOf(msg.Change.Entry))
		}
		if msg.Err != nil && msg.Change.Op == model.OpAddEntry && !d.input.Active() {
			// Not saved: put the text back so that nothing typed is lost.
			d.purpose, d.target = purposeAdd, msg.Change.Entry.Field
			d.status = "not saved; the line is back in the input: enter tries again"
			return d, d.input.Open("try again", msg.Change.Entry.Text, d.draftKey(msg.Change.Entry.Field))
		}
		d.refresh()
		if msg.Err == nil && msg.Change.Op == model.OpAddEntry && d.follow {
			d.follow = false
			for i, r := range d.rows() {
				if r.entry == msg.Change.Entry.ID {
					d.row = i
				}
			}
		}
		return d, nil
	case ChangedMsg:
		d.refresh()
		return d, nil
	case statusMsg:
		d.status = msg.text
		return d, nil
	case tea.KeyMsg:
		return d, d.key(msg)
	}
	if d.input.Active() {
		_, cmd := d.input.Update(msg)
		return d, cmd
	}
	return d, nil
}

func (d *Discussion) key(msg tea.KeyMsg) tea.Cmd {
	if d.input.Active() {
		return d.inputKey(msg)
	}
	if d.confirm != "" {
		id := d.confirm
		d.confirm = ""
		if msg.String() == "y" {
			d.status = "line deleted"
			return d.commit(model.Change{Op: model.OpDeleteEntry, Entry: model.Entry{ID: id}})
		}
		d.status = "kept"
		return nil
	}
	if d.moving != "" {
		return d.moveTo(msg.String())
	}
	if d.voting {
		return d.voteKey(msg)
	}
	if d.merging != "" {
		switch msg.String() {
		case "enter":
			return d.mergeInto()
		case "esc":
			d.merging, d.status = "", "not merged"
			return nil
		}
	}
	d.status = ""
	k := d.keys
	switch {
	case key.Matches(msg, k.Back):
		if d.summary || d.full {
			d.summary, d.full = false, false
			return nil
		}
		return closeRunner
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		d.full = !d.full
	case key.Matches(msg, k.Summary):
		d.summary = !d.summary
	case key.Matches(msg, k.NextGroup):
		d.tab = (d.tab + 1) % (len(d.groups) + 1)
		d.row = 0
	case key.Matches(msg, k.PrevGroup):
		d.tab = (d.tab + len(d.groups)) % (len(d.groups) + 1)
		d.row = 0
	case key.Matches(msg, k.Down):
		d.row = min(d.row+1, max(len(d.rows())-1, 0))
	case key.Matches(msg, k.Up):
		d.row = max(d.row-1, 0)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		return d.choose(key.Matches(msg, k.Right))
	case key.Matches(msg, k.Add):
		return d.add()
	case key.Matches(msg, k.Edit):
		return d.edit()
	case key.Matches(msg, k.Delete):
		if _, _, e, ok := d.current(); ok {
			d.confirm = e.ID
			d.status = "delete this line? y: delete · any other key: keep"
		}
	case key.Matches(msg, k.Positive):
		return d.tag(model.TagPositive)
	case key.Matches(msg, k.Challenge):
		return d.tag(model.TagChallenge)
	case key.Matches(msg, k.Weight):
		return d.weigh(msg.String())
	case key.Matches(msg, k.Move):
		if _, _, e, ok := d.current(); ok && d.tab < len(d.groups) {
			d.moving = e.ID
			d.status = "move this line to group number… (1-" + strconv.Itoa(len(d.groups)) + ", esc cancels)"
		}
	case key.Matches(msg, k.Merge):
		if _, _, e, ok := d.current(); ok {
			d.merging = e.ID
			d.status = "merge: move to the similar line it belongs with and press enter (esc cancels)"
		}
	case key.Matches(msg, k.Vote):
		if len(d.groups) > 0 {
			d.voting, d.voteRow = true, 0
		}
	case key.Matches(msg, k.NewGroup):
		n := len(d.groups) + 1
		d.tab = len(d.groups)
		return d.commit(model.Change{Op: model.OpSetEntry, Entry: model.Entry{ExerciseID: d.env.Ex.ID, Group: model.GroupKey(n), Field: model.FieldGroupName, Text: "Group " + strconv.Itoa(n)}})
	case key.Matches(msg, k.Rename):
		if d.tab < len(d.groups) {
			d.purpose = purposeRename
			return d.input.Open("name of "+d.groups[d.tab].Name, d.groups[d.tab].Name, "")
		}
	case key.Matches(msg, k.Seesaw):
		d.seesaw = !d.seesaw
	case key.Matches(msg, k.FullSeesaw):
		return func() tea.Msg { return openSeesawMsg{} }
	case key.Matches(msg, k.Parking):
		return func() tea.Msg { return openParkingMsg{} }
	}
	return nil
}

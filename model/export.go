package model

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Exports of one session:
//
//   - JSON is the whole session as data: the session, every entry (merged
//     ones too) and every action, exactly as stored, with a schema
//     version. Text is not sanitised: JSON escapes control characters
//     itself, and ParseExportJSON gives back what the store held. A
//     program that shows text from it must sanitise it.
//   - Markdown is Minutes: readable, every piece of text sanitised and
//     escaped.
//   - CSV has one row per captured entry and one per action, every cell
//     sanitised and made inert for spreadsheets (CSVCell).
//
// Exporting never changes the session.

// ExportSchemaVersion is the version of the JSON export's layout.
const ExportSchemaVersion = 1

// Export formats, as named on the command line.
const (
	FormatMarkdown = "md"
	FormatCSV      = "csv"
	FormatJSON     = "json"
)

// ExportFormats lists the formats Export knows.
var ExportFormats = []string{FormatMarkdown, FormatCSV, FormatJSON}

// Export renders a session in one of ExportFormats.
func Export(format string, d SessionData, exercises map[string]*Exercise) ([]byte, error) {
	switch format {
	case FormatMarkdown:
		return []byte(Minutes(d, exercises)), nil
	case FormatCSV:
		return ExportCSV(d, exercises), nil
	case FormatJSON:
		return ExportJSON(d)
	}
	return nil, fmt.Errorf("huddle: unknown export format %q (want md, csv or json)", format)
}

// exportDoc is the layout of the JSON export.
type exportDoc struct {
	SchemaVersion int      `json:"schema_version"`
	Session       Session  `json:"session"`
	Entries       []Entry  `json:"entries"`
	Actions       []Action `json:"actions"`
}

// ExportJSON renders the whole session as indented JSON with its schema
// version.
func ExportJSON(d SessionData) ([]byte, error) {
	doc := exportDoc{SchemaVersion: ExportSchemaVersion, Session: d.Session, Entries: d.Entries, Actions: d.Actions}
	if doc.Entries == nil {
		doc.Entries = []Entry{}
	}
	if doc.Actions == nil {
		doc.Actions = []Action{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ParseExportJSON reads a JSON export back. It refuses a file without a
// schema version, or with one newer than this huddle understands. Empty
// lists come back as nil.
func ParseExportJSON(data []byte) (SessionData, error) {
	var head struct {
		SchemaVersion *int `json:"schema_version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return SessionData{}, fmt.Errorf("huddle: not a huddle JSON export: %w", err)
	}
	switch {
	case head.SchemaVersion == nil:
		return SessionData{}, errors.New("huddle: not a huddle JSON export: it has no schema_version")
	case *head.SchemaVersion > ExportSchemaVersion:
		return SessionData{}, fmt.Errorf("huddle: the export was written by a newer huddle (schema_version %d; this huddle reads up to %d)",
			*head.SchemaVersion, ExportSchemaVersion)
	case *head.SchemaVersion < 1:
		return SessionData{}, fmt.Errorf("huddle: the export has an invalid schema_version %d", *head.SchemaVersion)
	}
	var doc exportDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return SessionData{}, fmt.Errorf("huddle: the JSON export is not readable: %w", err)
	}
	if doc.Session.ID == "" {
		return SessionData{}, errors.New("huddle: the JSON export has no session id")
	}
	d := SessionData{Session: doc.Session, Entries: doc.Entries, Actions: doc.Actions}
	if len(d.Entries) == 0 {
		d.Entries = nil
	}
	if len(d.Actions) == 0 {
		d.Actions = nil
	}
	return d, nil
}

// CSVHeader is the header row of the CSV export. Entry rows leave the
// action columns empty and action rows the entry columns.
var CSVHeader = []string{
	"Kind", "Session ID", "Session", "Team", "Facilitator", "Date", "Exercise ID", "Exercise", "Group", "Field",
	"Text", "Value", "Tag", "Weight", "Votes", "Merged into", "Created",
	"Owner", "Due", "Review", "Status",
}

// CSV row kinds, in the Kind column.
const (
	CSVKindEntry  = "entry"
	CSVKindAction = "action"
)

// csvTimeLayout is how the CSV shows times: unambiguous, and read as a
// date by spreadsheet programs in the UK.
const (
	csvTimeLayout = "2006-01-02 15:04"
	csvDateLayout = "2006-01-02"
)

// ExportCSV renders one row per captured entry (merged ones too, with the
// entry they were merged into), then one row per action: UTF-8 with a
// byte order mark and CRLF line ends, so that spreadsheet programs read
// it as UTF-8. Every cell is sanitised and made inert (CSVCell).
func ExportCSV(d SessionData, exercises map[string]*Exercise) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	s := d.Session
	date := ""
	if !s.Started.IsZero() {
		date = s.Started.Format(csvDateLayout)
	}
	row := func(cells ...string) {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = CSVCell(c)
		}
		w.Write(out) // a bytes.Buffer does not fail
	}
	row(CSVHeader...)
	for _, e := range d.Entries {
		ex := exerciseOrStub(exercises, e.ExerciseID)
		row(CSVKindEntry, s.ID, s.Title, s.TeamName, s.Facilitator, date, e.ExerciseID, ExerciseTitle(ex, e.ExerciseID),
			GroupLabel(ex, &d, e.Group), FieldLabel(ex, e.Field), e.Text, e.Value, e.Tag,
			intCell(e.Weight), intCell(e.Count()), e.MergedInto, timeCell(e.Created, csvTimeLayout),
			"", "", "", "")
	}
	for _, a := range d.Actions {
		ex := exerciseOrStub(exercises, a.ExerciseID)
		row(CSVKindAction, s.ID, s.Title, s.TeamName, s.Facilitator, date, a.ExerciseID, ExerciseTitle(ex, a.ExerciseID),
			"", "", a.Text, "", "", "", "", "", "",
			a.Owner, timeCell(a.Due, csvDateLayout), timeCell(a.Review, csvDateLayout), a.Status)
	}
	w.Flush()
	return buf.Bytes()
}

// ExerciseTitle is an exercise's title for the CSV and spreadsheets, or "" when the deck
// does not know it (or it has no id, as for an action of no exercise).
func ExerciseTitle(ex *Exercise, id string) string {
	if id == "" || ex.Title == id {
		switch id {
		case ExerciseParking:
			return "Parking lot"
		case ExerciseSeesaw:
			return "See-saw"
		}
		return ""
	}
	return ex.Title
}

func intCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func timeCell(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(layout)
}

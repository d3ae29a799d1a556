package model

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Tricky texts: delimiters, quotes, newlines, non-ASCII, a formula, an
// escape sequence, Markdown structure.
var trickyTexts = []string{
	`Shared visits, with "district nurses", weekly`,
	"Line one\nLine two\r\nLine three",
	"Café with Zoë — naïve façade, 日本語",
	"=HYPERLINK(\"http://evil.example\",\"click\")",
	"+44 not a formula?",
	"@SUM(A1:A9)",
	"-1 is a number",
	"\x1b]0;pwned\x07title and \x1b[31mred\x1b[0m",
	"# Not a heading",
	"---",
	"| a | b |",
	"[link](http://x) and *stars* and `code` and <b>html</b> &#27;",
}

func exportFixture() (SessionData, map[string]*Exercise) {
	t0 := time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)
	d := SessionData{Session: Session{
		ID: "20250304-093000-0001", Kind: SessionWorkshop, TeamID: "team-1", TeamName: "North, \"East\" Team",
		Facilitator: "Zoë", Title: "Module 1 with the team", Started: t0, Ended: t0.Add(2 * time.Hour),
		Modules: []string{"intro", "m1"}, Exercises: []string{"M1-E3", "GONE-1"},
	}}
	add := func(e Entry) {
		e.SessionID = d.Session.ID
		e.ID = NewID(t0.Add(time.Duration(len(d.Entries))*time.Minute), uint64(len(d.Entries)+1))
		e.Created = t0.Add(time.Duration(len(d.Entries)) * time.Minute)
		d.Entries = append(d.Entries, e)
	}
	add(Entry{ExerciseID: "M1-E3", Group: "g1", Field: FieldGroupName, Text: "The # tigers"})
	for i, txt := range trickyTexts {
		e := Entry{ExerciseID: "M1-E3", Group: GroupKey(i%2 + 1), Field: "benefits", Text: txt}
		if i%3 == 0 {
			e.Tag, e.Weight = TagPositive, 2
		}
		if i%4 == 1 {
			e.Tag, e.Weight = TagChallenge, 3
		}
		if i == 2 {
			e.Votes = 3
		}
		add(e)
	}
	add(Entry{ExerciseID: "M1-E3", Group: "g1", Field: "position", Value: "embedded"})
	add(Entry{ExerciseID: "M1-E3", Field: FieldClosing, Text: "More time in supervision"})
	add(Entry{ExerciseID: "M1-E3", Field: PromptField(0), Text: "We share a lot"})
	add(Entry{ExerciseID: "M1-E3", Group: "g2", Field: "benefits", Text: "merged away", MergedInto: d.Entries[2].ID})
	add(Entry{ExerciseID: "GONE-1", Field: "old", Text: "from a deck that changed"})
	add(Entry{ExerciseID: ExerciseParking, Field: FieldNote, Text: "Ask about the budget, please"})
	add(Entry{ExerciseID: ExerciseSeesaw, Field: FieldNote, Text: "Too many meetings", Tag: TagChallenge, Weight: 1})
	d.Actions = []Action{
		{ID: "a1", SessionID: d.Session.ID, ExerciseID: "M1-E3", Text: "=cmd|' /C calc'!A0", Owner: "Team manager",
			Due: t0.AddDate(0, 1, 0), Status: ActionOpen},
		{ID: "a2", SessionID: d.Session.ID, ExerciseID: "M1-E3", Text: "Invite the SCW to the MDT, weekly", Owner: "Zoë",
			Review: t0.AddDate(0, 2, 0), Status: ActionDone},
	}
	exercises := map[string]*Exercise{"M1-E3": {
		ID: "M1-E3", Kind: "testkind-none", Title: "A journey towards integration", Groups: 2,
		Fields: []Field{{Key: "position", Label: "Where on the continuum?", Type: FieldContinuum},
			{Key: "benefits", Label: "Benefits", Type: FieldLines}},
		Prompts: []string{"What do you share?"}, Closing: "What support do you need from the manager?",
	}}
	return d, exercises
}

func TestExportJSONRoundTrip(t *testing.T) {
	d, _ := exportFixture()
	before := d.Clone()
	data, err := ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d, before) {
		t.Fatal("ExportJSON changed its input")
	}
	if !bytes.Contains(data, []byte("\n  \"schema_version\": 1,")) {
		t.Errorf("export lacks an indented schema_version:\n%.200s", data)
	}
	got, err := ParseExportJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, d)
	}
	// The JSON holds the text as stored: data, not display.
	if got.Entries[8].Text != trickyTexts[7] {
		t.Errorf("escape sequence text = %q, want it as stored", got.Entries[8].Text)
	}
}

func TestExportJSONEmpty(t *testing.T) {
	d := SessionData{Session: Session{ID: "s1", Kind: SessionReflection, Title: "alone"}}
	data, err := ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"entries": []`)) || !bytes.Contains(data, []byte(`"actions": []`)) {
		t.Errorf("empty lists should be written as []:\n%s", data)
	}
	got, err := ParseExportJSON(data)
	if err != nil || !reflect.DeepEqual(got, d) {
		t.Errorf("round trip: %+v, %v", got, err)
	}
}

func TestParseExportJSONRejects(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"newer", `{"schema_version": 2, "session": {"id": "x"}}`, "newer huddle"},
		{"missing version", `{"session": {"id": "x"}}`, "no schema_version"},
		{"zero version", `{"schema_version": 0, "session": {"id": "x"}}`, "invalid schema_version"},
		{"not json", `hello`, "not a huddle JSON export"},
		{"no session", `{"schema_version": 1}`, "no session id"},
	}
	for _, tt := range tests {
		_, err := ParseExportJSON([]byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

func readExportCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		t.Fatalf("CSV does not start with a byte order mark: %q", data[:min(len(data), 10)])
	}
	if !bytes.Contains(body, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\r")) {
		t.Errorf("CSV line ends are not CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestExportCSV(t *testing.T) {
	d, exercises := exportFixture()
	before := d.Clone()
	rows := readExportCSV(t, ExportCSV(d, exercises))
	if !reflect.DeepEqual(d, before) {
		t.Fatal("ExportCSV changed its input")
	}
	if !reflect.DeepEqual(rows[0], CSVHeader) {
		t.Fatalf("header %q", rows[0])
	}
	col := map[string]int{}
	for i, h := range CSVHeader {
		col[h] = i
	}
	if len(rows) != 1+len(d.Entries)+len(d.Actions) {
		t.Fatalf("%d rows, want %d", len(rows), 1+len(d.Entries)+len(d.Actions))
	}
	for i, e := range d.Entries {
		r := rows[1+i]
		if r[col["Kind"]] != CSVKindEntry || r[col["Session ID"]] != d.Session.ID || r[col["Team"]] != `North, "East" Team` {
			t.Errorf("row %d: %q", i+1, r)
		}
		if want := CSVCell(e.Text); r[col["Text"]] != want {
			t.Errorf("row %d text %q, want %q", i+1, r[col["Text"]], want)
		}
		if r[col["Facilitator"]] != "Zoë" {
			t.Errorf("row %d facilitator %q", i+1, r[col["Facilitator"]])
		}
		if r[col["Date"]] != "2025-03-04" {
			t.Errorf("row %d date %q", i+1, r[col["Date"]])
		}
	}
	// Specific cells.
	text := func(i int) string { return rows[1+i][col["Text"]] }
	if text(1) != trickyTexts[0] || text(2) != "Line one\nLine two\nLine three" || text(3) != trickyTexts[2] {
		t.Errorf("texts with commas, quotes, newlines, non-ASCII: %q %q %q", text(1), text(2), text(3))
	}
	if text(4) != "'"+trickyTexts[3] || text(5) != "'"+trickyTexts[4] || text(6) != "'"+trickyTexts[5] || text(7) != "'"+trickyTexts[6] {
		t.Errorf("formulas are not inert: %q %q %q %q", text(4), text(5), text(6), text(7))
	}
	if strings.ContainsRune(text(8), 0x1b) || text(8) != "title and red" {
		t.Errorf("escape sequence not neutralised: %q", text(8))
	}
	r1 := rows[2]
	if r1[col["Group"]] != "The # tigers" || r1[col["Field"]] != "Benefits" || r1[col["Exercise"]] != "A journey towards integration" {
		t.Errorf("labels: %q", r1)
	}
	if r1[col["Tag"]] != TagPositive || r1[col["Weight"]] != "2" {
		t.Errorf("tag and weight: %q", r1)
	}
	if got := rows[4][col["Votes"]]; got != "3" {
		t.Errorf("votes %q", got)
	}
	act := rows[1+len(d.Entries)]
	if act[col["Kind"]] != CSVKindAction || act[col["Text"]] != "'=cmd|' /C calc'!A0" || act[col["Owner"]] != "Team manager" ||
		act[col["Due"]] != "2025-04-04" || act[col["Status"]] != ActionOpen {
		t.Errorf("action row %q", act)
	}
	// No cell anywhere may start a formula.
	for i, r := range rows {
		for j, c := range r {
			if c := strings.TrimLeft(c, " \n"); c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("row %d col %s starts a formula: %q", i, CSVHeader[j], c)
			}
		}
	}
}

func TestExportFormats(t *testing.T) {
	d, exercises := exportFixture()
	for _, f := range ExportFormats {
		data, err := Export(f, d, exercises)
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %d bytes, %v", f, len(data), err)
		}
	}
	if data, _ := Export(FormatJSON, d, exercises); !json.Valid(data) {
		t.Errorf("json export is not valid JSON")
	}
	if _, err := Export("xls", d, exercises); err == nil {
		t.Error("unknown format accepted")
	}
}

package report

import (
	"bytes"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/carehuddle/huddle/model"
)

// Spreadsheets: one sheet of entries and one of actions, the header row
// bold and frozen, every cell typed. Text is written as a text cell, never
// as a formula: no string a participant typed ("=SUM(1,2)", "+44 …") can
// become one, so nothing needs the CSV's protective quote mark. Dates are
// real dates in the ISO form, numbers numbers.

// Sheet names.
const (
	SheetEntries = "Entries"
	SheetActions = "Actions"
)

// EntriesHeader and ActionsHeader are the header rows of the sheets.
var (
	EntriesHeader = []string{"Session ID", "Session", "Team", "Facilitator", "Date", "Exercise ID", "Exercise", "Group", "Field",
		"Text", "Value", "Tag", "Weight", "Votes", "Merged into", "Created"}
	ActionsHeader = []string{"Team", "Session ID", "Session", "Session date", "Exercise ID", "Action", "Owner", "Due", "Review", "Status", "Overdue"}
)

// Cell number formats.
const (
	dateFormat     = "yyyy-mm-dd"
	dateTimeFormat = "yyyy-mm-dd hh:mm"
)

// cell is one typed value of a row: a string, an int (0 is an empty cell)
// or a date (the zero time is an empty cell).
type cell struct {
	kind int // cellText, cellInt, cellDate, cellDateTime
	s    string
	n    int
	t    time.Time
}

const (
	cellText = iota
	cellInt
	cellDate
	cellDateTime
)

func text(s string) cell        { return cell{kind: cellText, s: model.Sanitize(s)} }
func number(n int) cell         { return cell{kind: cellInt, n: n} }
func date(t time.Time) cell     { return cell{kind: cellDate, t: t} }
func dateTime(t time.Time) cell { return cell{kind: cellDateTime, t: t} }
func wallClock(t time.Time) time.Time {
	// Spreadsheets have no time zones: the time as it was on the clock.
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
}

// book builds a workbook sheet by sheet.
type book struct {
	f      *excelize.File
	styles map[int]int
	err    error
}

func newBook() *book {
	b := &book{f: excelize.NewFile(), styles: map[int]int{}}
	for kind, format := range map[int]string{cellDate: dateFormat, cellDateTime: dateTimeFormat} {
		fmtText := format
		id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &fmtText, Alignment: &excelize.Alignment{Vertical: "top"}})
		b.keep(err)
		b.styles[kind] = id
	}
	id, err := b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	b.keep(err)
	b.styles[cellText] = id
	id, err = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6E6E6"}},
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	b.keep(err)
	b.styles[-1] = id
	return b
}

func (b *book) keep(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// sheet writes one sheet: a frozen, bold header row, then the rows.
// widths are the columns' widths in characters.
func (b *book) sheet(name string, header []string, widths []float64, rows [][]cell) {
	f := b.f
	if f.SheetCount == 1 && f.GetSheetName(0) == "Sheet1" {
		b.keep(f.SetSheetName("Sheet1", name))
	} else {
		_, err := f.NewSheet(name)
		b.keep(err)
	}
	for i, h := range header {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		b.keep(f.SetCellStr(name, ref, h))
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	b.keep(f.SetCellStyle(name, "A1", last, b.styles[-1]))
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.keep(f.SetColWidth(name, col, col, w))
	}
	b.keep(f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}))
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
			switch v.kind {
			case cellText:
				if v.s == "" {
					continue
				}
				b.keep(f.SetCellStr(name, ref, v.s))
			case cellInt:
				if v.n == 0 {
					continue
				}
				b.keep(f.SetCellInt(name, ref, int64(v.n)))
			case cellDate, cellDateTime:
				if v.t.IsZero() {
					continue
				}
				b.keep(f.SetCellValue(name, ref, wallClock(v.t)))
			}
			b.keep(f.SetCellStyle(name, ref, ref, b.styles[v.kind]))
		}
	}
	if len(rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(header), len(rows)+1)
		b.keep(f.AutoFilter(name, "A1:"+end, nil))
	}
}

func (b *book) bytes() ([]byte, error) {
	defer b.f.Close()
	if b.err != nil {
		return nil, b.err
	}
	b.f.SetActiveSheet(0)
	var buf bytes.Buffer
	if _, err := b.f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// actionRows are the rows of the actions sheet.
func actionRows(items []model.ActionItem, today time.Time) [][]cell {
	rows := make([][]cell, len(items))
	for i, it := range items {
		overdue := ""
		if model.ActionOverdue(it.Action, today) {
			overdue = "yes"
		}
		rows[i] = []cell{text(it.TeamName), text(it.SessionID), text(it.SessionTitle), date(it.SessionStarted), text(it.ExerciseID),
			text(it.Text), text(it.Owner), date(it.Due), date(it.Review), text(model.NormalStatus(it.Status)), text(overdue)}
	}
	return rows
}

var (
	entriesWidths = []float64{22, 30, 22, 20, 11, 10, 30, 16, 18, 60, 14, 10, 8, 7, 22, 16}
	actionsWidths = []float64{22, 22, 30, 12, 10, 60, 20, 11, 11, 9, 9}
)

// SessionXLSX renders one session as a workbook: its entries (merged ones
// too, with the entry they were merged into) and its actions.
func SessionXLSX(d model.SessionData, exercises map[string]*model.Exercise, today time.Time) ([]byte, error) {
	s := d.Session
	rows := make([][]cell, 0, len(d.Entries))
	for _, e := range d.Entries {
		ex := exercises[e.ExerciseID]
		if ex == nil {
			ex = &model.Exercise{ID: e.ExerciseID, Title: e.ExerciseID}
		}
		rows = append(rows, []cell{text(s.ID), text(s.Title), text(s.TeamName), text(s.Facilitator), date(s.Started),
			text(e.ExerciseID), text(model.ExerciseTitle(ex, e.ExerciseID)), text(model.GroupLabel(ex, &d, e.Group)),
			text(model.FieldLabel(ex, e.Field)), text(e.Text), text(e.Value), text(e.Tag), number(e.Weight), number(e.Votes),
			text(e.MergedInto), dateTime(e.Created)})
	}
	items := make([]model.ActionItem, len(d.Actions))
	for i, a := range d.Actions {
		items[i] = model.ActionItem{Action: a, SessionTitle: s.Title, SessionStarted: s.Started, TeamName: s.TeamName}
	}
	b := newBook()
	b.sheet(SheetEntries, EntriesHeader, entriesWidths, rows)
	b.sheet(SheetActions, ActionsHeader, actionsWidths, actionRows(items, today))
	return b.bytes()
}

// ActionsXLSX renders a list of actions as a workbook of one sheet.
func ActionsXLSX(items []model.ActionItem, today time.Time) ([]byte, error) {
	b := newBook()
	b.sheet(SheetActions, ActionsHeader, actionsWidths, actionRows(items, today))
	return b.bytes()
}

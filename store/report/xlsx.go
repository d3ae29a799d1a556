package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/carehuddle/huddle/model"
)

// Spreadsheets: one sheet of entries and one of actions, the header row
// bold and frozen, every cell typed. Text is written as a text cell, never
// as a formula: no string a participant typed ("=SUM(1,2)", "+44 …") can
// become one, so nothing needs the CSV's protective quote mark. Dates are
// real dates in the ISO form, numbers numbers.
//
// The workbook is written here, as the few parts of Office Open XML it
// needs (SpreadsheetML, ECMA-376): a spreadsheet library would be linked
// into every run of huddle, and its start-up cost paid by every slide
// show, for a file a few commands write.

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

// Cell styles (cellXfs in styles.xml, by index).
const (
	styleDefault  = 0
	styleText     = 1 // top-aligned, wrapped
	styleDate     = 2 // yyyy-mm-dd
	styleDateTime = 3 // yyyy-mm-dd hh:mm
	styleHeader   = 4 // bold, grey fill, a rule under it
	styleNumber   = 5 // top-aligned
)

// serial is a date as a spreadsheet's day number (days since 1899-12-30,
// the fraction the time of day).
func serial(t time.Time) string {
	t = wallClock(t)
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	d := t.Sub(base)
	days := float64(d) / float64(24*time.Hour)
	return strconv.FormatFloat(days, 'f', -1, 64)
}

// colName is a column's letters: 1 → A, 27 → AA.
func colName(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// sheetXML writes one sheet: a frozen, bold header row, then the rows.
// widths are the columns' widths in characters.
func sheetXML(header []string, widths []float64, rows [][]cell) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`)
	b.WriteString(`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	b.WriteString(`<cols>`)
	for i, w := range widths {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%g" customWidth="1"/>`, i+1, i+1, w)
	}
	b.WriteString(`</cols><sheetData>`)
	inline := func(ref, s string, style int) {
		space := ""
		if strings.TrimSpace(s) != s {
			space = ` xml:space="preserve"`
		}
		fmt.Fprintf(&b, `<c r="%s" s="%d" t="inlineStr"><is><t%s>%s</t></is></c>`, ref, style, space, esc(s))
	}
	b.WriteString(`<row r="1">`)
	for i, h := range header {
		inline(colName(i+1)+"1", h, styleHeader)
	}
	b.WriteString(`</row>`)
	for r, row := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, r+2)
		for c, v := range row {
			ref := colName(c+1) + strconv.Itoa(r+2)
			switch v.kind {
			case cellText:
				if v.s != "" {
					inline(ref, v.s, styleText)
				}
			case cellInt:
				if v.n != 0 {
					fmt.Fprintf(&b, `<c r="%s" s="%d"><v>%d</v></c>`, ref, styleNumber, v.n)
				}
			case cellDate, cellDateTime:
				if !v.t.IsZero() {
					style := styleDate
					if v.kind == cellDateTime {
						style = styleDateTime
					}
					fmt.Fprintf(&b, `<c r="%s" s="%d"><v>%s</v></c>`, ref, style, serial(v.t))
				}
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	if len(rows) > 0 {
		fmt.Fprintf(&b, `<autoFilter ref="A1:%s%d"/>`, colName(len(header)), len(rows)+1)
	}
	b.WriteString(`</worksheet>`)
	return b.Bytes()
}

const stylesXML = xml.Header + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFE6E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left/><right/><top/><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="6">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// workbook writes the parts of a workbook of named sheets.
func workbook(names []string, sheets [][]byte) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, body string) error {
		w, err := z.Create(name)
		if err == nil {
			_, err = w.Write([]byte(body))
		}
		return err
	}
	var types, rels, list strings.Builder
	for i, n := range names {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, esc(n), i+1, i+1)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			types.String() + `</Types>`},
		{"_rels/.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xml.Header + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + list.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			rels.String() + fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, len(names)+1) +
			`</Relationships>`},
		{"xl/styles.xml", stylesXML},
	}
	for _, p := range parts {
		if err := put(p.name, p.body); err != nil {
			return nil, err
		}
	}
	for i, s := range sheets {
		if err := put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), string(s)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
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
			text(model.FieldLabel(ex, e.Field)), text(e.Text), text(e.Value), text(e.Tag), number(e.Weight), number(e.Count()),
			text(e.MergedInto), dateTime(e.Created)})
	}
	items := make([]model.ActionItem, len(d.Actions))
	for i, a := range d.Actions {
		items[i] = model.ActionItem{Action: a, SessionTitle: s.Title, SessionStarted: s.Started, TeamName: s.TeamName}
	}
	return workbook([]string{SheetEntries, SheetActions}, [][]byte{
		sheetXML(EntriesHeader, entriesWidths, rows),
		sheetXML(ActionsHeader, actionsWidths, actionRows(items, today)),
	})
}

// ActionsXLSX renders a list of actions as a workbook of one sheet.
func ActionsXLSX(items []model.ActionItem, today time.Time) ([]byte, error) {
	return workbook([]string{SheetActions}, [][]byte{sheetXML(ActionsHeader, actionsWidths, actionRows(items, today))})
}

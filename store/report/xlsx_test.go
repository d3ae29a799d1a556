package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store/report"
)

// wantEntryRow is how a sheet shows an entry: every text sanitised and
// as typed, dates in ISO form, numbers plain, empty cells empty.
func wantEntryRow(d model.SessionData, e model.Entry, exercises map[string]*model.Exercise) []string {
	s := d.Session
	ex := exercises[e.ExerciseID]
	if ex == nil {
		ex = &model.Exercise{ID: e.ExerciseID, Title: e.ExerciseID}
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	return []string{s.ID, s.Title, s.TeamName, model.Sanitize(s.Facilitator), s.Started.Format("2006-01-02"), e.ExerciseID,
		model.ExerciseTitle(ex, e.ExerciseID), model.GroupLabel(ex, &d, e.Group), model.FieldLabel(ex, e.Field),
		model.Sanitize(e.Text), e.Value, e.Tag, num(e.Weight), num(e.Votes), e.MergedInto, e.Created.Format("2006-01-02 15:04")}
}

func wantActionRow(d model.SessionData, a model.Action, today time.Time) []string {
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	overdue := ""
	if model.ActionOverdue(a, today) {
		overdue = "yes"
	}
	return []string{d.Session.TeamName, d.Session.ID, d.Session.Title, date(d.Session.Started), a.ExerciseID, model.Sanitize(a.Text),
		model.Sanitize(a.Owner), date(a.Due), date(a.Review), model.NormalStatus(a.Status), overdue}
}

// trimRow drops trailing empty cells, as spreadsheet readers do.
func trimRow(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}

func wantSheets(t *testing.T, f *reportFixture, id string) (model.SessionData, map[string][][]string) {
	d := f.data(t, id)
	entries := [][]string{report.EntriesHeader}
	for _, e := range d.Entries {
		entries = append(entries, trimRow(wantEntryRow(d, e, f.exercises)))
	}
	actions := [][]string{report.ActionsHeader}
	for _, a := range d.Actions {
		actions = append(actions, trimRow(wantActionRow(d, a, reportToday)))
	}
	return d, map[string][][]string{report.SheetEntries: entries, report.SheetActions: actions}
}

func TestSessionXLSXReadsBackTyped(t *testing.T) {
	f := newReportFixture(t)
	for _, id := range f.sessions {
		d, want := wantSheets(t, f, id)
		data, err := report.SessionXLSX(d, f.exercises, reportToday)
		if err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if got := x.GetSheetList(); !reflect.DeepEqual(got, []string{report.SheetEntries, report.SheetActions}) {
			t.Errorf("sheets %q", got)
		}
		for sheet, rows := range want {
			got, err := x.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(rows) {
				t.Fatalf("%s: %d rows, want %d", sheet, len(got), len(rows))
			}
			for i := range rows {
				if !reflect.DeepEqual(trimRow(got[i]), rows[i]) {
					t.Errorf("%s row %d:\n got %q\nwant %q", sheet, i+1, got[i], rows[i])
				}
			}
			panes, err := x.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("%s: the header row is not frozen: %+v %v", sheet, panes, err)
			}
			// No cell is a formula, and dates and numbers are typed.
			for r := 2; r <= len(rows); r++ {
				for c := 1; c <= len(rows[0]); c++ {
					ref, _ := excelize.CoordinatesToCellName(c, r)
					if fm, _ := x.GetCellFormula(sheet, ref); fm != "" {
						t.Errorf("%s %s holds a formula %q", sheet, ref, fm)
					}
					typ, _ := x.GetCellType(sheet, ref)
					v, _ := x.GetCellValue(sheet, ref)
					head := rows[0][c-1]
					isDate := head == "Date" || head == "Created" || head == "Session date" || head == "Due" || head == "Review"
					switch {
					case v == "":
					case isDate || head == "Weight" || head == "Votes":
						if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
							t.Errorf("%s %s (%s) is not a number or date: %v", sheet, ref, head, typ)
						}
						if raw, _ := x.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true}); isDate && strings.Contains(raw, "-") {
							t.Errorf("%s %s (%s) is text %q, not a date", sheet, ref, head, raw)
						}
					default:
						if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
							t.Errorf("%s %s (%s) is not text: %v", sheet, ref, head, typ)
						}
					}
				}
			}
		}
		x.Close()
	}
}

// TestSessionXLSXInLibreOffice converts the workbook to CSV with
// LibreOffice, sheet by sheet, and compares every cell.
func TestSessionXLSXInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
	}
	f := newReportFixture(t)
	d, want := wantSheets(t, f, f.sessions[1])
	data, err := report.SessionXLSX(d, f.exercises, reportToday)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "session.xlsx")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// The filter's options: comma, double quote, UTF-8 (76), line 1, no
	// column formats, default language, quote all text, -, cells as shown,
	// no formulas, keep spaces, and -1: every sheet to its own file,
	// session-SheetName.csv.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,true,false,false,-1`, "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for sheet, rows := range want {
		path := filepath.Join(dir, "session-"+sheet+".csv")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
		r.FieldsPerRecord = -1
		got, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(rows) {
			t.Fatalf("%s: %d rows, want %d", sheet, len(got), len(rows))
		}
		for i := range rows {
			if !reflect.DeepEqual(trimRow(got[i]), rows[i]) {
				t.Errorf("%s row %d through LibreOffice:\n got %q\nwant %q", sheet, i+1, got[i], rows[i])
			}
		}
	}
}

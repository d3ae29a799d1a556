package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// withReportNow fixes "today" for the report and actions commands.
func withReportNow(t *testing.T, now time.Time) {
	old := reportNow
	reportNow = func() time.Time { return now }
	t.Cleanup(func() { reportNow = old })
}

func TestCLIExportHTMLAndXLSX(t *testing.T) {
	db, sessions := cliSeed(t)
	dir := t.TempDir()
	code, out, errOut := cliRun(t, "export", sessions[0].ID, "--db", db, "--format", "html")
	if code != 0 || errOut != "" {
		t.Fatalf("html: exit %d, stderr %q", code, errOut)
	}
	if _, err := html.Parse(strings.NewReader(out)); err != nil || !strings.Contains(out, "Invite the SCW") ||
		!strings.Contains(out, "=HYPERLINK(&#34;x&#34;)") && !strings.Contains(out, "=HYPERLINK(&quot;x&quot;)") {
		t.Errorf("html export: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "s.xlsx")
	if code, _, errOut := cliRun(t, "export", sessions[0].ID, "--db", db, "--format", "xlsx", "-o", file); code != 0 {
		t.Fatalf("xlsx: exit %d, %s", code, errOut)
	}
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("Entries", "J3"); v != `=HYPERLINK("x")` {
		t.Errorf("J3 %q", v)
	}
	if f, _ := x.GetCellFormula("Entries", "J3"); f != "" {
		t.Errorf("J3 became a formula %q", f)
	}
	if code, _, errOut := cliRun(t, "export", sessions[0].ID, "--db", db, "--format", "pdf"); code != 2 || !strings.Contains(errOut, "xlsx") {
		t.Errorf("unknown format: exit %d, %q", code, errOut)
	}
}

func TestCLIReportAndActions(t *testing.T) {
	db, _ := cliSeed(t)
	withReportNow(t, time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC))
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.ListSessions()
	long := "Ring the duty team about read access to the shared care record so that the social care worker sees the discharge plans before the Thursday meeting"
	if _, err := s.PutAction(model.Action{SessionID: list[0].ID, Text: long, Owner: "Team manager",
		Due: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, out, errOut := cliRun(t, "report", "--team", "north café team", "--db", db, "--format", "md")
	if code != 0 || !strings.Contains(out, "# Team journey: North Café Team") || !strings.Contains(out, "| OVERDUE | "+long) {
		t.Errorf("report md: exit %d %q\n%s", code, errOut, out)
	}
	code, out, _ = cliRun(t, "report", "--team", "North Café Team", "--db", db, "--from", "2025-03-05", "--to", "2025-03-05")
	if code != 0 || !strings.Contains(out, "<svg") || strings.Contains(out, "Module 1, &#34;North&#34;") || !strings.Contains(out, "Module 2 with Zoë") {
		t.Errorf("report html for 5 March: exit %d\n%s", code, out)
	}
	if code, _, errOut := cliRun(t, "report", "--team", "Nobody", "--db", db); code != 1 || !strings.Contains(errOut, "no team") {
		t.Errorf("unknown team: exit %d %q", code, errOut)
	}
	if code, _, _ := cliRun(t, "report", "--db", db); code != 2 {
		t.Errorf("no team: exit %d", code)
	}
	if code, _, errOut := cliRun(t, "report", "--team", "North Café Team", "--from", "5 March", "--db", db); code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Errorf("bad date: exit %d %q", code, errOut)
	}

	// Text: the overdue action first, whole, every line within 80 columns.
	code, out, _ = cliRun(t, "actions", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "OVERDUE  Ring the duty team") {
		t.Fatalf("actions: exit %d\n%s", code, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
	if !strings.Contains(fold(out), long) || strings.Count(out, "Invite the SCW") != 2 {
		t.Errorf("actions text:\n%s", out)
	}
	code, out, _ = cliRun(t, "actions", "--overdue", "--format", "json", "--db", db)
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); code != 0 || err != nil || len(items) != 1 || items[0]["overdue"] != true {
		t.Errorf("overdue json: exit %d %v %s", code, err, out)
	}
	code, out, _ = cliRun(t, "actions", "--open", "--format", "csv", "--team", "North Café Team", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "\ufeffTeam,") || strings.Count(out, "\r\n") != 4 {
		t.Errorf("open csv: exit %d\n%q", code, out)
	}
	file := filepath.Join(t.TempDir(), "a.xlsx")
	if code, _, errOut := cliRun(t, "actions", "--format", "xlsx", "-o", file, "--db", db); code != 0 {
		t.Fatalf("xlsx: %d %s", code, errOut)
	}
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Actions")
	if len(rows) != 4 || rows[1][5] != long || rows[1][10] != "yes" {
		t.Errorf("actions sheet %q", rows)
	}
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestCLIImport(t *testing.T) {
	db, sessions := cliSeed(t)
	dir := t.TempDir()
	exported := filepath.Join(dir, "s.json")
	if code, _, errOut := cliRun(t, "export", sessions[1].ID, "--db", db, "--format", "json", "-o", exported); code != 0 {
		t.Fatal(errOut)
	}
	fresh := filepath.Join(dir, "fresh.db")
	code, out, errOut := cliRun(t, "import", exported, "--db", fresh)
	if code != 0 || !strings.Contains(out, "imported") {
		t.Fatalf("import: exit %d %q %q", code, out, errOut)
	}
	again := filepath.Join(dir, "again.json")
	if code, _, errOut := cliRun(t, "export", sessions[1].ID, "--db", fresh, "--format", "json", "-o", again); code != 0 {
		t.Fatal(errOut)
	}
	a, _ := os.ReadFile(exported)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Errorf("the export of the import differs:\n%s\n%s", a, b)
	}
	if code, out, _ := cliRun(t, "import", exported, "--db", fresh); code != 0 || !strings.Contains(out, "here already") {
		t.Errorf("second import: exit %d %q", code, out)
	}

	// The privacy guard: an NHS number refuses the import unless --force-ok.
	d, err := model.ParseExportJSON(a)
	if err != nil {
		t.Fatal(err)
	}
	d.Session.ID = "20250306-093000-0009"
	for i := range d.Entries {
		d.Entries[i].SessionID = d.Session.ID
	}
	for i := range d.Actions {
		d.Actions[i].SessionID = d.Session.ID
	}
	d.Entries[0].Text = "Mr X, NHS number 943 476 5919"
	data, _ := model.ExportJSON(d)
	guarded := filepath.Join(dir, "guarded.json")
	os.WriteFile(guarded, data, 0o600)
	code, _, errOut = cliRun(t, "import", guarded, "--db", fresh)
	if code != 1 || !strings.Contains(errOut, "NHS number") || !strings.Contains(errOut, "nothing imported") || strings.Contains(errOut, "943") {
		t.Errorf("guarded import: exit %d %q", code, errOut)
	}
	if code, out, _ := cliRun(t, "sessions", "--db", fresh); code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("the refused import wrote a session:\n%s", out)
	}
	if code, out, _ := cliRun(t, "import", guarded, "--db", fresh, "--force-ok"); code != 0 || !strings.Contains(out, "privacy guard") {
		t.Errorf("--force-ok: exit %d %q", code, out)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"schema_version":1,"session":{"id":"x","kind":"party"}}`), 0o600)
	if code, _, errOut := cliRun(t, "import", bad, "--db", fresh); code != 1 || !strings.Contains(errOut, "not a valid huddle session") {
		t.Errorf("invalid: exit %d %q", code, errOut)
	}
}

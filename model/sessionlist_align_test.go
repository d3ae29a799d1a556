package model

import (
	"bytes"
	"strings"
	"testing"
	"text/tabwriter"
	"unicode/utf8"
)

// tabwriterColumns is what text/tabwriter makes of the same cells, as the
// table was written before.
func tabwriterColumns(cells []string, cols int) string {
	var buf bytes.Buffer
	w := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for i := 0; i < len(cells); i += cols {
		w.Write([]byte(strings.Join(cells[i:i+cols], "\t") + "\n"))
	}
	w.Flush()
	return buf.String()
}

func TestAlignColumnsAsTabwriter(t *testing.T) {
	for _, c := range []struct {
		cols  int
		cells []string
	}{
		{1, []string{"ID", "a", "bcd"}},
		{3, []string{"DATE", "KIND", "ID", "2026-11-28 10:00", "workshop", "x1", "2026-11-29 10:00", "-", "y"}},
		{2, []string{"Zoë", "é", "日本語テキスト", "x", "-", "ünïcödé…"}},
		{4, []string{"", "", "", "", "a", "", "b", ""}},
	} {
		if got, want := alignColumns(c.cells, c.cols), tabwriterColumns(c.cells, c.cols); got != want {
			t.Errorf("%q in %d columns:\n%q\nwant (tabwriter)\n%q", c.cells, c.cols, got, want)
		}
	}
}

func FuzzAlignColumnsAsTabwriter(f *testing.F) {
	f.Add("DATE|KIND|ID|2026|workshop|x1", 3)
	f.Add("Zoë|日本語|a|", 2)
	f.Fuzz(func(t *testing.T, joined string, cols int) {
		if cols < 1 || cols > 8 || !utf8.ValidString(joined) || strings.ContainsAny(joined, "\t\n\r\f\v\x00") {
			return // cells are sanitised lines of text (tabwriter reads these as separators)
		}
		cells := strings.Split(joined, "|")
		for len(cells)%cols != 0 {
			cells = append(cells, "")
		}
		if got, want := alignColumns(cells, cols), tabwriterColumns(cells, cols); got != want {
			t.Fatalf("%q in %d columns:\n%q\nwant (tabwriter)\n%q", cells, cols, got, want)
		}
	})
}

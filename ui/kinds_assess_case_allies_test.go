package ui

import (
	"testing"
)

// TestKindGoldensHost renders the assessment, the case study and the
// allies map at 80x24 after a little capture (each save returned): the
// capture view, a second view of the kind, and the summary.
func TestKindGoldensHost(t *testing.T) {
	cases := []struct {
		id            string
		keys          []string
		text          string // typed after keys, then enter (if not "")
		want          string
		second        []string // keys to the second view
		secondWant    string
		summaryScroll int
	}{
		{id: "I-A", keys: []string{"1", "down", "2", "down", "3"}, want: "3 of 10 answered",
			second: []string{"up", "up", "1", "down", "3", "down", "0", "tab"}, secondWant: "a TIE between"},
		{id: "M2-E2", keys: []string{"enter"}, text: "Quick joint visit", want: "• Quick joint visit",
			second: []string{"tab", "tab", "1", "T", "h", "e", " ", "S", "C", "W", "enter", "2", "N", "o", "enter"}, secondWant: "[Case B] No"},
		{id: "M3-E2", keys: []string{"enter"}, text: "District nurse", want: "(1) District nurse",
			second: []string{"down", "right", "right", "a", "W", "a", "r", "d", " ", "m", "g", "r", "enter", "m", "left", "enter"}, secondWant: "Contact weekly, neutral: 1"},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			d, app := sessionApp(t, 80, 24)
			kaOpen(t, d, app, c.id)
			kaKeys(d, c.keys...)
			if c.text != "" {
				typeText(d, c.text)
				kaKeys(d, "enter")
			}
			t.Run("capture", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, c.want) })
			kaKeys(d, c.second...)
			t.Run("second", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, c.secondWant) })
			kaKeys(d, "S")
			t.Run("summary", func(t *testing.T) { kaRunnerGolden(t, app, 80, 24, "Summary") })
		})
	}
}

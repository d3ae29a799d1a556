package runner

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
)

// TestQuickDotsLandOnOneLine: two dots given before either save returns
// both count, on the line selected, though the list re-sorts after the
// first.
func TestQuickDotsLandOnOneLine(t *testing.T) {
	c := conformCases()[0] // the discussion
	d, h, l := conformRunner(t, c, nil)
	sendKeys(d, "down")
	for _, text := range []string{"Weekly MDT meetings", "Joint visits"} {
		sendKeys(d, "enter")
		typeText(d, text)
		sendKeys(d, "enter")
	}
	sendKeys(d, "V", "down") // "Joint visits", the second line
	var cmds []tea.Cmd
	for range 2 {
		_, cmd := h.Update(keyMsg(" "))
		cmds = append(cmds, cmd)
	}
	if n := h.data.DotsUsed("M1-E3", "g1"); n != 2 {
		t.Errorf("the view shows %d dots used before the saves return, want 2", n)
	}
	for _, cmd := range cmds {
		d.Run(cmd)
	}
	data := l.Data()
	for _, e := range data.In(model.Slot{Exercise: "M1-E3", Group: "g1", Field: "benefits"}) {
		want := map[string]int{"Weekly MDT meetings": 0, "Joint visits": 2}[e.Text]
		if e.Votes != want {
			t.Errorf("%q has %d dots, want %d", e.Text, e.Votes, want)
		}
	}
	if n := data.DotsUsed("M1-E3", "g1"); n != 2 {
		t.Errorf("%d dots saved, want 2", n)
	}
}

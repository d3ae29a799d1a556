package runner

import (
	"strings"
	"testing"
)

// TestFullDiskLosesNothing: with every save failing as on a full disk, a
// burst of three lines and an edit all stay on screen, the header says how
// many are waiting, and when space returns every one is saved, in order,
// and the header says saved.
func TestFullDiskLosesNothing(t *testing.T) {
	c := conformCases()[0] // the discussion
	d, h, l := conformRunner(t, c, nil)
	sendKeys(d, "down")
	typeLine := func(s string) {
		sendKeys(d, "enter")
		typeText(d, s)
		sendKeys(d, "enter")
	}
	typeLine("Edited later")
	full := true
	l.SetFault(func() error {
		if full {
			return errDiskFull
		}
		return nil
	})
	for _, s := range []string{"First of three", "Second of three", "Third of three"} {
		typeLine(s)
	}
	// Edit the saved line while the disk is full.
	sendKeys(d, "up", "up", "up", "e", "end")
	typeText(d, " and kept")
	sendKeys(d, "enter")
	v := plain(d.M.View())
	for _, want := range []string{"NOT SAVED: 4 changes waiting — no space left on device",
		"⚠ First of three (not saved)", "⚠ Second of three (not saved)", "⚠ Third of three (not saved)",
		"⚠ Edited later and kept (not saved)"} {
		if !strings.Contains(v, want) {
			t.Errorf("screen lacks %q:\n%s", want, v)
		}
	}
	// Space returns; the retry (every few seconds, or ctrl+r) saves all.
	full = false
	d.Send(retryMsg{gen: h.retryOn})
	data := l.Data()
	got := c.texts(&data)
	if strings.Join(got, "|") != "Edited later and kept|First of three|Second of three|Third of three" {
		t.Fatalf("saved %q", got)
	}
	if v := plain(d.M.View()); strings.Contains(v, "NOT SAVED") || strings.Contains(v, "⚠") || !strings.Contains(v, "saved ✓") {
		t.Fatalf("after the retry:\n%s", v)
	}
}

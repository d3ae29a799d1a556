package ui

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/carehuddle/huddle/model"
)

// savedAt is the time in a runner's header, which changes run to run.
var savedAt = regexp.MustCompile(`saved ✓ \d\d:\d\d:\d\d`)

// stillSaving is a runner's header while its saves are on their way.
var stillSaving = regexp.MustCompile(`(?m)( *)saving…$`)

// settled writes a header that says "saving…" as it will say once the
// saves return: a change is shown at once, so the view races its saves;
// the saves themselves are asserted by each kind's runner test.
func settled(out string) string {
	out = savedAt.ReplaceAllString(out, "saved ✓ HH:MM:SS")
	return stillSaving.ReplaceAllStringFunc(out, func(m string) string {
		pad := ansi.StringWidth(m) - ansi.StringWidth("saved ✓ HH:MM:SS")
		if pad < 1 {
			return m
		}
		return strings.Repeat(" ", pad) + "saved ✓ HH:MM:SS"
	})
}

// runes splits typed text into one key per rune.
func runes(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// runnerHeading is the start of an exercise runner's header: its id and
// the start of its title (the slide's exercise card says "Exercise ID ·
// kind", so the id and " · " alone would be seen before the runner opens).
func runnerHeading(ref model.SlideRef, deck *model.Deck) string {
	ex := deck.Modules[ref.Module].Slides[ref.Slide].Exercise
	title := []rune(model.SanitizeLine(ex.Title))
	return ex.ID + " · " + string(title[:min(len(title), 12)])
}

// waitSession waits until the app's session is open: it starts in the
// background, and an exercise opened before it is refused. P opens the
// parking lot only once there is a session; esc closes it again, and the
// presenter is back when back is drawn.
func waitSession(t *testing.T, tm *teatest.TestModel, back string) {
	t.Helper()
	var b bytes.Buffer
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		tm.Send(keyMsg("P"))
		for wait := time.Now().Add(100 * time.Millisecond); time.Now().Before(wait); time.Sleep(5 * time.Millisecond) {
			if _, err := io.ReadAll(io.TeeReader(tm.Output(), &b)); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(plain(b.String()), "Parking lot") && !strings.Contains(plain(b.String()), "parking lot needs a session") {
				tm.Send(keyMsg("esc"))
				waitDrawn(t, tm, back)
				return
			}
			if strings.Contains(plain(b.String()), "parking lot needs a session") {
				b.Reset()
				break
			}
		}
	}
	t.Fatal("the session did not open")
}

// TestKindGoldens renders the capture view and the summary view of each
// exercise kind still on the old engine at 80x24, after a little capture
// (the kinds on the runner host: TestKindGoldensHost).
func TestKindGoldens(t *testing.T) {
	deck := builtinDeck(t)
	cases := []struct {
		id      string
		capture []step
	}{
		{"M3-E4", []step{{append(append([]string{"n"}, runes("Case A")...), "enter"), "1 of 1 filled"}, {[]string{"right", " "}, "yes 1"}}},
		{"M3-E5", []step{{[]string{"s"}, "18 entered"}}},
	}
	for _, c := range cases {
		for _, view := range []string{"capture", "summary"} {
			t.Run(c.id+"/"+view, func(t *testing.T) {
				ref := deck.Exercises()[c.id]
				goTo := append([]string{":"}, runes(fmt.Sprintf("%s %d", deck.Modules[ref.Module].ID, ref.Slide+1))...)
				steps := []step{{append(goTo, "enter"), fmt.Sprintf("· %d/%d", ref.Slide+1, len(deck.Modules[ref.Module].Slides))}, {[]string{"enter"}, runnerHeading(ref, deck)}}
				steps = append(steps, c.capture...)
				if view == "summary" {
					steps = append(steps, step{[]string{"S"}, "S or esc: back"})
				}
				app := testApp(deck, Config{Start: ScreenPresent, Module: ref.Module, ModuleID: deck.Modules[ref.Module].ID,
					Team: "North", Kind: model.SessionWorkshop, Store: testStore(t)})
				tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))
				first := fmt.Sprintf("· 1/%d", len(deck.Modules[ref.Module].Slides))
				waitDrawn(t, tm, first)
				waitSession(t, tm, first)
				out := runSteps(t, tm, "", steps...)
				golden.RequireEqual(t, []byte(settled(out)))
			})
		}
	}
}

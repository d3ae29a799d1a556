package ui

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestReviewGoldens are the review screens at fixed sizes on the fixed
// fixture: the sessions list, a session's minutes and the team view.
func TestReviewGoldens(t *testing.T) {
	cases := []struct {
		name  string
		steps []reviewStep
	}{
		// The entry counts arrive after the list: wait for one.
		{"list", []reviewStep{{nil, `Module 1: the journey\s+17`}}},
		{"search", []reviewStep{{nil, `journey\s+17`}, {[]string{"/", "w", "a", "i", "t", "enter"}, `2 matches`}}},
		{"minutes", []reviewStep{{nil, `journey\s+17`}, {[]string{"enter"}, `Facilitator: Sam`}}},
		{"team", []reviewStep{{nil, `journey\s+17`}, {[]string{"t"}, `value\s+1\.0\s+1\.3`}}},
		{"actions", []reviewStep{{nil, `journey\s+17`}, {[]string{"t"}, `value\s+1\.0`}, {[]string{"tab"}, `OVERDUE`}}},
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					f := newReviewFixture(t)
					view := runReviewToView(t, reviewApp(t, f, ScreenReview), w, h, c.steps)
					golden.RequireEqual(t, []byte(view))
				})
			}
		})
	}
}

// reviewStep is keys to send, then a pattern the output must show.
type reviewStep struct {
	keys []string
	want string
}

// runReviewToView runs app in teatest at w×h through steps, quits and
// returns the final view.
func runReviewToView(t *testing.T, app *App, w, h int, steps []reviewStep) string {
	t.Helper()
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(w, h))
	for _, s := range steps {
		for _, k := range s.keys {
			tm.Send(keyMsg(k))
		}
		re := regexp.MustCompile(s.want)
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return re.MatchString(plain(string(b)))
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

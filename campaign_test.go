package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/toolkit"
	"github.com/carehuddle/huddle/ui"
	"github.com/carehuddle/huddle/ui/common"
)

// The damage campaign flips random bytes of a generated database, one flip
// per copy, and runs every command and the screens on it. Short in CI;
// longer with -campaign.flips=N (or HUDDLE_CAMPAIGN_FLIPS), another seed
// with -campaign.seed=S (or HUDDLE_CAMPAIGN_SEED).
var (
	campaignFlips = flag.Int("campaign.flips", 0, "byte flips in the damage campaign (0: the short CI run)")
	campaignSeed  = flag.Uint64("campaign.seed", 0, "seed of the damage campaign (0: the fixed default)")
)

// campaignSettings reads the campaign's size and seed.
func campaignSettings() (flips int, seed uint64) {
	flips, seed = *campaignFlips, *campaignSeed
	if n, err := strconv.Atoi(os.Getenv("HUDDLE_CAMPAIGN_FLIPS")); err == nil && flips == 0 {
		flips = n
	}
	if n, err := strconv.ParseUint(os.Getenv("HUDDLE_CAMPAIGN_SEED"), 10, 64); err == nil && seed == 0 {
		seed = n
	}
	if flips <= 0 {
		flips = 24
		if testing.Short() {
			flips = 8
		}
	}
	if seed == 0 {
		seed = 20251128
	}
	return flips, seed
}

// campaignDB generates a database of many sessions, several teams,
// entries, actions and a draft, with some entries deleted.
func campaignDB(t *testing.T, path string, rng *rand.Rand) {
	t.Helper()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base := time.Date(2025, 1, 6, 9, 30, 0, 0, time.UTC)
	for i := 0; i < 56; i++ {
		sess, err := s.CreateSession(model.Session{Kind: model.SessionWorkshop, Title: fmt.Sprintf("Session %d", i),
			TeamName: fmt.Sprintf("Team %d", i%5), Facilitator: "Sam", Started: base.Add(time.Duration(i) * 72 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		es := make([]model.Entry, 10+rng.IntN(40))
		for j := range es {
			es[j] = model.Entry{SessionID: sess.ID, ExerciseID: "M1-E3", Field: "benefits",
				Text: fmt.Sprintf("line %d of session %d %s", j, i, strings.Repeat("and more ", rng.IntN(12)))}
		}
		saved, err := s.PutEntries(es)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutAction(model.Action{SessionID: sess.ID, ExerciseID: "M1-E3", Text: "Follow up " + sess.Title}); err != nil {
			t.Fatal(err)
		}
		if i%7 == 0 {
			if err := s.DeleteEntry(sess.ID, saved[len(saved)/2].ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.SaveDraft("campaign/draft", "typed, not entered"); err != nil {
		t.Fatal(err)
	}
}

// readAll is everything the commands can read from the file, or the
// first error met.
func readAll(path string) (string, error) {
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer s.Close()
	list, err := s.ListSessions()
	if err != nil {
		return "", err
	}
	counts, err := s.EntryCounts()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, sess := range list {
		data, _, err := s.ExportSession(sess.ID, model.FormatJSON, nil)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s %d\n%s\n", sess.ID, counts[sess.ID], data)
	}
	fmt.Fprintf(&b, "%d sessions\n", len(list))
	return b.String(), nil
}

// screenDamage opens the file as the screens do and returns the banner
// the app shows ("" for none), or refused when the file cannot be opened
// for the screens at all (the message goes to stderr instead).
func screenDamage(t *testing.T, path string, deck *model.Deck) (banner string, refused error) {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return "", err
	}
	defer st.Close()
	app := ui.NewApp(ui.Config{Deck: deck, Theme: common.NewTheme(common.ThemeDark), Start: ui.ScreenHome, Store: st})
	var m tea.Model = app
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	// Run the start-up commands; feed back what they say within a bound
	// (tickers that never answer are left behind).
	pending := []tea.Cmd{app.Init()}
	for round := 0; round < 4 && len(pending) > 0; round++ {
		var next []tea.Cmd
		for _, msg := range runCmds(pending, 3*time.Second) {
			var cmd tea.Cmd
			m, cmd = m.Update(msg)
			next = append(next, cmd)
		}
		pending = next
	}
	if app.Damage() != "" && !strings.Contains(m.View(), "DAMAGED, READ-ONLY") {
		t.Errorf("banner %q set but not on screen", app.Damage())
	}
	return app.Damage(), nil
}

// runCmds runs commands (batches unfolded) concurrently and returns the
// messages that arrive within d.
func runCmds(cmds []tea.Cmd, d time.Duration) []tea.Msg {
	out := make(chan tea.Msg, 64)
	n := 0
	var start func(c tea.Cmd)
	start = func(c tea.Cmd) {
		if c == nil {
			return
		}
		n++
		go func() { out <- c() }()
	}
	for _, c := range cmds {
		start(c)
	}
	var msgs []tea.Msg
	deadline := time.After(d)
	for n > 0 {
		select {
		case msg := <-out:
			n--
			if batch, ok := msg.(tea.BatchMsg); ok {
				for _, c := range batch {
					start(c)
				}
				continue
			}
			if msg != nil {
				msgs = append(msgs, msg)
			}
		case <-deadline:
			return msgs
		}
	}
	return msgs
}

// TestDamageCampaign: for every flip, either everything reads back
// identical and every command succeeds, or every command reports damage
// and exits non-zero, the screens open read-only with a banner (or refuse
// the file with a message), the file's bytes are unchanged and no backup
// is written.
func TestDamageCampaign(t *testing.T) {
	flips, seed := campaignSettings()
	rng := rand.New(rand.NewPCG(seed, 11))
	dir := t.TempDir()
	template := filepath.Join(dir, "template.db")
	campaignDB(t, template, rng)
	want, err := readAll(template)
	if err != nil {
		t.Fatal(err)
	}
	clean, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	deck, err := toolkit.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[string]int{}
	for i := 0; i < flips; i++ {
		// Most flips land anywhere; some aim at what holds the tree
		// together: page headers (element and overflow counts) and the
		// meta pages.
		off := rng.IntN(len(clean))
		switch rng.IntN(6) {
		case 0, 1:
			off = rng.IntN(len(clean)/4096)*4096 + 8 + rng.IntN(8)
		case 2:
			off = rng.IntN(2)*4096 + rng.IntN(80)
		}
		data := bytes.Clone(clean)
		data[off] ^= byte(1 + rng.IntN(255))
		path := filepath.Join(t.TempDir(), "huddle.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("flip %d at byte %d (page %d, offset %d)", i, off, off/4096, off%4096)
		got, readErr := readAll(path)
		identical := readErr == nil && got == want

		codes := map[string]int{}
		for _, args := range [][]string{{"sessions"}, {"sessions", "--json"}, {"export", "latest"}, {"doctor"}} {
			codes[strings.Join(args, " ")] = run(append(args, "--db", path), io.Discard, io.Discard)
		}
		damaged := codes["doctor"] != 0
		banner, refused := screenDamage(t, path, deck)
		after, _ := os.ReadFile(path)
		backups, _ := filepath.Glob(path + ".backup-*")

		switch {
		case !damaged && !identical:
			t.Errorf("%s: doctor passed a file that reads back differently (read error %v)", what, readErr)
		case !damaged:
			for cmd, code := range codes {
				if code != 0 {
					t.Errorf("%s: whole file, but %q exited %d", what, cmd, code)
				}
			}
			if banner != "" || refused != nil {
				t.Errorf("%s: whole file, but the screens say %q / %v", what, banner, refused)
			}
			outcomes["harmless: everything reads back identical"]++
		default:
			for cmd, code := range codes {
				if code == 0 {
					t.Errorf("%s: damaged, but %q exited 0", what, cmd)
				}
			}
			if banner == "" && (refused == nil || !errors.Is(refused, store.ErrDamaged)) {
				t.Errorf("%s: damaged, but the screens opened with no banner (%v)", what, refused)
			}
			if !bytes.Equal(after, data) {
				t.Errorf("%s: the damaged file was changed", what)
			}
			if len(backups) > 0 {
				t.Errorf("%s: a damaged file was backed up: %v", what, backups)
			}
			kind := "damaged, data intact: reported, read-only"
			if !identical {
				kind = "damaged, reads back differently or not at all: reported, read-only"
			}
			if refused != nil {
				kind += " (screens refused at open)"
			}
			outcomes[kind]++
		}
	}
	keys := make([]string, 0, len(outcomes))
	for k := range outcomes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "damage campaign: %d flips, seed %d, file %d bytes\n", flips, seed, len(clean))
	for _, k := range keys {
		fmt.Fprintf(&b, "  %4d  %s\n", outcomes[k], k)
	}
	t.Log(b.String())
}

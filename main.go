// Command huddle is a full-screen terminal workshop facilitator for health
// and social care teams embedding the social care role in integrated teams.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/toolkit"
	"github.com/carehuddle/huddle/ui"
	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/memory"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// exitUsage is the exit code for a command line that could not be understood.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// globals are the flags every subcommand takes.
type globals struct {
	db    string
	deck  string
	theme string
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.db, "db", os.Getenv("HUDDLE_DB"), "database file (default: HUDDLE_DB, else the user data directory)")
	fs.StringVar(&g.deck, "deck", "", "use the deck in this directory instead of the built-in one")
	fs.StringVar(&g.theme, "theme", "auto", "colour theme: auto, dark, light or projector")
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == store.StructureCheckArg {
		store.RunStructureCheckChild() // huddle doctor's child process; never returns
	}
	cmd, args := splitCommand(args)
	switch cmd {
	case "", "home":
		return cmdHome(args, stdout, stderr)
	case "present":
		return cmdPresent(args, stdout, stderr)
	case "deck":
		return cmdDeck(args, stdout, stderr)
	case "version":
		return cmdVersion(args, stdout, stderr)
	case "sessions":
		return cmdSessions(args, stdout, stderr)
	case "export":
		return cmdExport(args, stdout, stderr)
	case "doctor":
		return cmdDoctor(args, stdout, stderr)
	case "report":
		return cmdReport(args, stdout, stderr)
	case "actions":
		return cmdActions(args, stdout, stderr)
	case "import":
		return cmdImport(args, stdout, stderr)
	case "reflect":
		return cmdScreen("reflect", "huddle reflect", ui.Config{Start: ui.ScreenPresent, Kind: model.SessionReflection, ModuleID: "m3"}, args, stderr)
	case "review":
		return cmdScreen("review", "huddle review", ui.Config{Start: ui.ScreenReview}, args, stderr)
	case "help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "huddle: unknown command %q\n\n", cmd)
	usage(stderr)
	return exitUsage
}

// valueFlags are the flags that take a value as the next argument, so
// that "--deck DIR deck check" finds "deck" as the command, not "DIR".
var valueFlags = map[string]bool{"db": true, "deck": true, "theme": true, "team": true, "facilitator": true, "format": true, "o": true, "from": true, "to": true}

// splitCommand finds the command among the arguments, wherever global
// flags put it, and returns it with the other arguments in order.
func splitCommand(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest := append(append([]string{}, args[:i]...), args[i+1:]...)
			return a, rest
		}
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && valueFlags[name] {
			i++ // skip the flag's value
		}
	}
	return "", args
}

func usage(w io.Writer) {
	fmt.Fprint(w, `huddle: a terminal workshop facilitator for integrated health and social care teams

Usage:
  huddle                      home screen: present a workshop, reflect alone, review sessions
  huddle present [MODULE]     start a workshop session at a module (intro, m1, m2, m3, final, principles, briefing, background)
        --team NAME --facilitator NAME
        --live [--live-listen HOST:PORT] [--live-max N]
                              open the live room: the room joins over SSH (L in a
                              workshop opens it too); --live-web also a page for phones
                              [--live-web-port N] [--tls-cert FILE --tls-key FILE]
  huddle reflect              solo reflection on Module 3: card sort, allies map, case review, plan
                              (an unfinished reflection is taken up where it stopped)
  huddle review               browse past sessions, a team's journey, actions and exports
  huddle sessions [--json] [--damaged-ok]
                              list sessions, newest first, as a table or JSON
  huddle export SESSION|latest [--format md|html|csv|xlsx|json] [-o FILE] [--force]
                              export a session: minutes (md, the default, or html to print),
                              CSV, a spreadsheet (xlsx) or JSON, to standard output or to
                              FILE (0600; --force replaces a file); --damaged-ok: on a
                              damaged database, what can still be read
  huddle report --team NAME [--from DATE] [--to DATE] [--format html|md] [-o FILE]
                              a team's journey to print: charts, sessions, actions
  huddle actions [--team NAME] [--open|--overdue] [--format text|csv|json|xlsx] [-o FILE]
                              actions across sessions, overdue first
  huddle import FILE.json [--force-ok]
                              add a session exported (JSON) by another huddle
  huddle deck check [DIR]     validate a deck directory (default: the built-in deck)
  huddle doctor               check the database's pages, records and backups; reports, never repairs
  huddle version              print the version

Global flags (before or after the command's arguments):
  --db PATH      database file (also HUDDLE_DB)
  --deck DIR     use a custom deck directory
  --theme NAME   auto, dark, light or projector
  NO_COLOR=1     turns colour off

Run "huddle COMMAND --help" for a command's own flags.
`)
}

// parse parses flags that may stand before or after positional arguments.
// It returns the positionals, or an error already reported to stderr.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// exitFor maps a parse error to an exit code: --help is not a failure.
func exitFor(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

func newFlags(name, synopsis string, g *globals) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	g.register(fs)
	return fs
}

// loadDeck returns the built-in deck, or the one in dir when given.
func loadDeck(dir string) (*model.Deck, error) {
	if dir == "" {
		return toolkit.Builtin()
	}
	return toolkit.LoadDir(dir)
}

func cmdVersion(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("version", "huddle version", &g)
	if _, err := parse(fs, args, stderr); err != nil {
		return exitFor(err)
	}
	fmt.Fprintf(stdout, "huddle %s\n", version)
	return exitOK
}

func cmdDeck(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("deck", "huddle deck check [DIR]", &g)
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return exitFor(err)
	}
	if len(pos) == 0 || pos[0] != "check" || len(pos) > 2 {
		fs.Usage()
		return exitUsage
	}
	dir := g.deck
	if len(pos) == 2 {
		dir = pos[1]
	}
	deck, err := loadDeck(dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	name := dir
	if name == "" {
		name = "built-in deck"
	}
	fmt.Fprintf(stdout, "%s: ok, %d modules, %d slides, %d exercises\n", model.SanitizeLine(name), len(deck.Modules), len(deck.Flat()), len(deck.Exercises()))
	return exitOK
}

// cmdScreen runs a full-screen command that takes only the global flags.
func cmdScreen(name, synopsis string, cfg ui.Config, args []string, stderr io.Writer) int {
	var g globals
	fs := newFlags(name, synopsis, &g)
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return exitFor(err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "huddle %s: takes no arguments (got %q)\n", name, pos[0])
		return exitUsage
	}
	return runUI(g, cfg, stderr)
}

func openStore(g globals, readOnly bool) (*store.Store, string, error) {
	path := g.db
	if path == "" {
		def, err := store.DefaultPath()
		if err != nil {
			return nil, "", fmt.Errorf("huddle: no place for the database: %v (give one with --db PATH)", err)
		}
		path = def
	}
	s, err := store.Open(path, store.Options{ReadOnly: readOnly, Timeout: time.Second, Upgrading: func(from, to int) {
		fmt.Fprintf(os.Stderr, "huddle: upgrading the database's format (%d to %d), once: it is checked and copied first; a large file takes a minute or two…\n", from, to)
	}})
	return s, path, err
}

// storeError is the message for an error of the store. The damaged and
// newer-schema errors already name the file and say what to do.
func storeError(err error) string {
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return "huddle: " + model.SanitizeLine(locked.Path) + " is open in another huddle; close it and try again"
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "huddle") {
		return "huddle: " + model.SanitizeLine(msg)
	}
	return model.SanitizeLine(err.Error()) // a file name given with --db may hold anything
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("export", "huddle export SESSION|latest [--format md|html|csv|xlsx|json] [-o FILE] [--force]", &g)
	format := fs.String("format", model.FormatMarkdown, "md (minutes), html (minutes to print), csv, xlsx or json")
	out := fs.String("o", "", "write to FILE instead of standard output (- is standard output)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	damagedOK := fs.Bool("damaged-ok", false, damagedOKUsage)
	pos, err := parse(fs, args, stderr)
	switch {
	case err != nil:
		return exitFor(err)
	case len(pos) != 1:
		fs.Usage()
		return exitUsage
	case !slices.Contains(store.ExportFormats, *format):
		fmt.Fprintf(stderr, "huddle export: unknown format %q (want md, html, csv, xlsx or json)\n", *format)
		return exitUsage
	}
	deck, err := loadDeck(g.deck)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	s, dbPath, err := openStore(g, true)
	if err == nil {
		defer s.Close()
		err = checkExportTarget(*out, dbPath)
	}
	if err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	if !checkWhole(s, "export", *damagedOK, stderr) {
		return exitError
	}
	data, sess, err := s.ExportSession(pos[0], *format, model.DeckExercises(deck))
	if errors.Is(err, store.ErrRecordDamaged) && *damagedOK && data != nil {
		fmt.Fprintln(stderr, storeError(err)+" (--damaged-ok: the export leaves it out and is incomplete)")
		err = nil
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(stderr, "huddle export: no session %q (huddle sessions lists them)\n", model.SanitizeLine(pos[0]))
		return exitError
	case err != nil:
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	case *out == "" || *out == "-":
		stdout.Write(data)
		return exitOK
	}
	if err := store.WriteExportFile(*out, data, *force); err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	fmt.Fprintf(stdout, "exported %q to %s\n", model.SanitizeLine(sess.Title), model.SanitizeLine(*out))
	return exitOK
}

func cmdDoctor(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("doctor", "huddle doctor [--db PATH]", &g)
	if pos, err := parse(fs, args, stderr); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintln(stderr, "huddle doctor: takes no arguments")
		}
		return exitFor(err)
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "huddle doctor: cannot find huddle's own program for the structure check: %v\n", err)
		return exitError
	}
	report, ok, err := store.Doctor(g.db, exe, doctorTimeout)
	if err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	fmt.Fprint(stdout, report)
	if !ok {
		return exitError
	}
	return exitOK
}

func cmdHome(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("huddle", "huddle [--db PATH] [--deck DIR] [--theme NAME]", &g)
	fs.Usage = func() { usage(fs.Output()) }
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return exitFor(err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "huddle: unknown command %q\n", pos[0])
		return exitUsage
	}
	lf := liveFlags{max: defaultLiveMax}
	return runUI(g, ui.Config{Start: ui.ScreenHome, Room: lf.roomConfig(g)}, stderr)
}

func cmdPresent(args []string, stdout, stderr io.Writer) int {
	var g globals
	var team, facilitator string
	var lf liveFlags
	var wf liveWebFlags
	fs := newFlags("present", "huddle present [MODULE] [--team NAME] [--facilitator NAME] [--live] [--live-listen HOST:PORT] [--live-max N] [--live-web] [--live-web-port N] [--tls-cert FILE --tls-key FILE]", &g)
	fs.StringVar(&team, "team", "", "the team taking part")
	fs.StringVar(&facilitator, "facilitator", "", "who is facilitating")
	lf.register(fs)
	wf.register(fs)
	pos, err := parse(fs, args, stderr)
	if err != nil {
		return exitFor(err)
	}
	if err := lf.check(); err != nil {
		fmt.Fprintln(stderr, "huddle present: "+err.Error())
		return exitUsage
	}
	if err := wf.check(lf.listen); err != nil {
		fmt.Fprintln(stderr, "huddle present: "+err.Error())
		return exitUsage
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, "huddle present: give at most one module")
		return exitUsage
	}
	if !checkNames("present", stderr, &team, &facilitator) {
		return exitUsage
	}
	cfg := ui.Config{Start: ui.ScreenPresent, Team: team, Facilitator: facilitator, Room: lf.roomConfig(g)}
	cfg.Room.Web = wf.config(cfg.Room.Listen)
	if cfg.Room.Web.Host == "" {
		cfg.Room.Web.Host = cfg.Room.Host // every interface: the link names this machine's address
	}
	if len(pos) == 1 {
		cfg.ModuleID = pos[0]
	}
	return runUI(g, cfg, stderr)
}

// runUI loads the deck, settles the theme without querying the terminal,
// and runs the full-screen program.
func runUI(g globals, cfg ui.Config, stderr io.Writer) int {
	defer memory.Stop() // the collector's target while rendering: see ui/memory
	if !validTheme(g.theme) {
		fmt.Fprintf(stderr, "huddle: unknown theme %q (want %s)\n", g.theme, strings.Join(common.ThemeNames, ", "))
		return exitUsage
	}
	deck, err := loadDeck(g.deck)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	cfg.Deck = deck
	if cfg.ModuleID != "" {
		if cfg.Module = deck.ModuleByID(cfg.ModuleID); cfg.Module < 0 {
			fmt.Fprintf(stderr, "huddle present: no module %q (the deck has %s)\n", cfg.ModuleID, moduleIDs(deck))
			return exitUsage
		}
	}
	name, dark := common.ResolveTheme(g.theme, os.Getenv)
	// Settled here, before the program runs, so that nothing asks the
	// terminal for its background colour (a terminal that never answers
	// would stall start-up).
	lipgloss.SetHasDarkBackground(dark)
	cfg.Profile = lipgloss.ColorProfile()
	cfg.Theme = common.NewTheme(name)
	// The database opens before the screen takes over, so that a second
	// huddle on the same file, a damaged file or one from a newer huddle
	// gets a plain message on stderr within a second, not a hang.
	st, _, err := openStore(g, false)
	if err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	defer st.Close()
	cfg.Store = st
	cfg.Bell = os.Stdout
	app := ui.NewApp(cfg)
	_, err = runScreen(app)
	app.CloseRoom() // participants see "room closed"; nothing of the room stays
	// A line entered just before quitting may still be queued: its save
	// command need not have run before the program stopped.
	if l := app.Live(); l != nil {
		l.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "huddle: %v\n", err)
		return exitError
	}
	return exitOK
}

func validTheme(name string) bool {
	for _, t := range common.ThemeNames {
		if t == name {
			return true
		}
	}
	return false
}

func moduleIDs(deck *model.Deck) string {
	ids := make([]string, len(deck.Modules))
	for i, m := range deck.Modules {
		ids[i] = m.ID
	}
	return strings.Join(ids, ", ")
}

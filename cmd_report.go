package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/store/report"
)

// reportNow is the clock of the report and actions commands ("today" for
// overdue); tests set it.
var reportNow = time.Now

// writeOutput writes a command's output to standard output, or to out
// (0600, replaced only with force) and says so.
func writeOutput(stdout, stderr io.Writer, out string, data []byte, force bool, what string) int {
	if out == "" || out == "-" {
		stdout.Write(data)
		return exitOK
	}
	if err := store.WriteExportFile(out, data, force); err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	fmt.Fprintf(stdout, "wrote %s to %s\n", what, out)
	return exitOK
}

// parseDay reads a --from or --to date, YYYY-MM-DD, as midnight local time.
func parseDay(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(model.ActionDateLayout, strings.TrimSpace(s), time.Local)
	if err != nil {
		return time.Time{}, fmt.Errorf("--%s: give a date as YYYY-MM-DD (got %q)", name, model.SanitizeLine(s))
	}
	return t, nil
}

// openTeam opens the store read-only and finds a team by name.
func openTeam(g globals, name, cmd string, stderr io.Writer) (*store.Store, model.Team, int) {
	s, _, err := openStore(g, true)
	if err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return nil, model.Team{}, exitError
	}
	team, err := s.FindTeam(name)
	if err != nil {
		s.Close()
		if errors.Is(err, store.ErrNotFound) {
			fmt.Fprintf(stderr, "huddle %s: no team %q (huddle sessions lists the teams of past sessions)\n", cmd, model.SanitizeLine(name))
		} else {
			fmt.Fprintln(stderr, storeError(err))
		}
		return nil, model.Team{}, exitError
	}
	return s, team, exitOK
}

func cmdReport(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("report", "huddle report --team NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format html|md] [-o FILE] [--force]", &g)
	team := fs.String("team", "", "the team (required)")
	fromS := fs.String("from", "", "only sessions started on or after this date")
	toS := fs.String("to", "", "only sessions started on or before this date")
	format := fs.String("format", store.FormatHTML, "html (a printable page) or md")
	out := fs.String("o", "", "write to FILE instead of standard output (- is standard output)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	pos, err := parse(fs, args, stderr)
	switch {
	case err != nil:
		return exitFor(err)
	case len(pos) != 0 || strings.TrimSpace(*team) == "":
		fs.Usage()
		return exitUsage
	case *format != store.FormatHTML && *format != model.FormatMarkdown:
		fmt.Fprintf(stderr, "huddle report: unknown format %q (want html or md)\n", *format)
		return exitUsage
	}
	from, err := parseDay("from", *fromS)
	if err == nil {
		var to time.Time
		if to, err = parseDay("to", *toS); err == nil && !to.IsZero() {
			to = to.AddDate(0, 0, 1) // to the end of that day
		}
		if err == nil {
			return teamReport(g, *team, from, to, *format, *out, *force, stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, "huddle report: "+err.Error())
	return exitUsage
}

func teamReport(g globals, name string, from, to time.Time, format, out string, force bool, stdout, stderr io.Writer) int {
	deck, err := loadDeck(g.deck)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	s, team, code := openTeam(g, name, "report", stderr)
	if code != exitOK {
		return code
	}
	defer s.Close()
	rep, err := s.TeamReport(team.ID, from, to, model.DeckExercises(deck), reportNow())
	if err != nil {
		if !errors.Is(err, store.ErrRecordDamaged) {
			fmt.Fprintln(stderr, storeError(err))
			return exitError
		}
		// Damaged records are left out, and said so; the rest is reported.
		fmt.Fprintln(stderr, storeError(err))
	}
	var data []byte
	if format == store.FormatHTML {
		data = report.TeamHTML(rep)
	} else {
		data = []byte(model.TeamReportMarkdown(rep))
	}
	code = writeOutput(stdout, stderr, out, data, force, fmt.Sprintf("the journey of %q", model.SanitizeLine(team.Name)))
	if err != nil && code == exitOK {
		return exitError
	}
	return code
}

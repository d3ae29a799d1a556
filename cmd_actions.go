package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/store/report"
)

// actionsWidth is the width the text list of actions wraps at.
const actionsWidth = 80

func cmdActions(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("actions", "huddle actions [--team NAME] [--open|--overdue] [--format text|csv|json|xlsx] [-o FILE] [--force]", &g)
	team := fs.String("team", "", "only the actions of this team's workshops")
	open := fs.Bool("open", false, "only open actions")
	overdue := fs.Bool("overdue", false, "only overdue actions (open, due before today)")
	format := fs.String("format", "text", "text, csv, json or xlsx")
	out := fs.String("o", "", "write to FILE instead of standard output (- is standard output)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	pos, err := parse(fs, args, stderr)
	switch {
	case err != nil:
		return exitFor(err)
	case len(pos) != 0:
		fs.Usage()
		return exitUsage
	}
	switch *format {
	case "text", model.FormatCSV, model.FormatJSON, store.FormatXLSX:
	default:
		fmt.Fprintf(stderr, "huddle actions: unknown format %q (want text, csv, json or xlsx)\n", *format)
		return exitUsage
	}
	var s *store.Store
	teamID := ""
	if *team != "" {
		var code int
		var t model.Team
		if s, t, code = openTeam(g, *team, "actions", stderr); code != exitOK {
			return code
		}
		teamID = t.ID
	} else if s, _, err = openStore(g, true); err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	defer s.Close()
	today := reportNow()
	items, damaged := s.ActionItems(teamID)
	if damaged != nil {
		// Damaged records are left out and said so; the rest is listed.
		fmt.Fprintln(stderr, storeError(damaged))
		if !errors.Is(damaged, store.ErrRecordDamaged) {
			return exitError
		}
	}
	items = filterActions(items, model.ActionFilter{Open: *open, Overdue: *overdue}, today)
	var data []byte
	switch *format {
	case "text":
		data = []byte(report.ActionsText(items, today, actionsWidth))
	case model.FormatCSV:
		data = model.ActionsCSV(items, today)
	case model.FormatJSON:
		data = model.ActionsJSON(items, today)
	case store.FormatXLSX:
		if data, err = report.ActionsXLSX(items, today); err != nil {
			fmt.Fprintln(stderr, "huddle actions: "+err.Error())
			return exitError
		}
	}
	code := writeOutput(stdout, stderr, *out, data, *force, fmt.Sprintf("%d actions", len(items)))
	if damaged != nil && code == exitOK {
		return exitError
	}
	return code
}

// filterActions keeps the actions f lets through, ordered for reading.
func filterActions(items []model.ActionItem, f model.ActionFilter, today time.Time) []model.ActionItem {
	kept := items[:0]
	for _, it := range items {
		if f.Keep(it.Action, today) {
			kept = append(kept, it)
		}
	}
	model.SortActionItems(kept, today)
	return kept
}

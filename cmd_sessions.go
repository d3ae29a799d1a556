package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// sessionsPage is how many sessions `huddle sessions` reads, and writes,
// at a time: the whole list is never held at once.
var sessionsPage = 1000

// sessionsGCPercent is the garbage collector's target while the list is
// written (Go's default is 100). Each page is garbage once written, and
// the live heap stays a page or two: collecting when the heap has tripled
// rather than doubled takes about a tenth off the time of a 50,000-session
// list, for some 8 MB more at its peak (about 62 MB in all).
const sessionsGCPercent = 200

func cmdSessions(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("sessions", "huddle sessions [--json]", &g)
	asJSON := fs.Bool("json", false, "print a JSON array instead of a table")
	damagedOK := fs.Bool("damaged-ok", false, damagedOKUsage)
	if pos, err := parse(fs, args, stderr); err != nil || len(pos) > 0 {
		if err == nil {
			fmt.Fprintln(stderr, "huddle sessions: takes no arguments")
		}
		return exitFor(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(sessionsGCPercent))
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	w := &sessionsWriter{w: out, json: *asJSON}
	s, _, err := openStore(g, true)
	switch {
	case errors.Is(err, os.ErrNotExist): // no database yet: no sessions
		w.finish()
		return exitOK
	case err != nil:
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	defer s.Close()
	if !checkWhole(s, "sessions", *damagedOK, stderr) {
		return exitError
	}
	// One page is read while the one before is written. A page comes from
	// the store's list rows: each session with its entry count, read
	// without the session records (store.ListRows).
	type page struct {
		sessions []model.Session
		counts   map[string]int
	}
	pages := make(chan page, 1)
	var readErr error
	go func() {
		defer close(pages)
		for after := ""; ; {
			rows, next, err := s.ListRows(store.SearchFilter{}, after, sessionsPage)
			readErr = errors.Join(readErr, err)
			p := page{make([]model.Session, len(rows)), make(map[string]int, len(rows))}
			for i, r := range rows {
				p.sessions[i] = r.Session
				p.counts[r.Session.ID] = r.Entries
			}
			pages <- p
			if next == "" || (err != nil && !errors.Is(err, store.ErrRecordDamaged)) {
				return
			}
			after = next
		}
	}()
	for p := range pages {
		w.page(p.sessions, p.counts)
	}
	w.finish()
	if readErr != nil { // damaged records are left out, and said so
		fmt.Fprintln(stderr, storeError(readErr))
		if !*damagedOK {
			return exitError
		}
	}
	return exitOK
}

// sessionsWriter writes the list page by page, in the same form as
// model.SessionsTable and model.SessionsJSON give for the whole list: the
// table is aligned within each page of sessionsPage rows.
type sessionsWriter struct {
	w     io.Writer
	json  bool
	items int // written so far
}

func (sw *sessionsWriter) page(page []model.Session, counts map[string]int) {
	if len(page) == 0 {
		return
	}
	if !sw.json {
		table := model.SessionsTable(page, counts)
		if sw.items > 0 {
			_, table, _ = strings.Cut(table, "\n") // the heading once only
		}
		io.WriteString(sw.w, table)
		sw.items += len(page)
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	for _, s := range page {
		if sw.items == 0 {
			io.WriteString(sw.w, "[\n  ")
		} else {
			io.WriteString(sw.w, ",\n  ")
		}
		buf.Reset()
		enc.Encode(model.SessionListItem{Session: s, EntryCount: counts[s.ID]}) // plain data: cannot fail
		sw.w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		sw.items++
	}
}

func (sw *sessionsWriter) finish() {
	switch {
	case sw.json && sw.items == 0:
		io.WriteString(sw.w, "[]\n")
	case sw.json:
		io.WriteString(sw.w, "\n]\n")
	case sw.items == 0:
		io.WriteString(sw.w, model.SessionsTable(nil, nil))
	}
}

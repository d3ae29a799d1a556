package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// Doctor runs the checks of `huddle doctor` on the database at path and
// never changes the file:
//
//  1. Check, in this process: the page walk, every record's checksum and
//     decoding, the indexes (bounded by construction: see verify.go);
//  2. if the pages are sound, bbolt's own page check in a child process of
//     exe, bounded by timeout and memory and dying with this process
//     (StructureCheckInChild);
//  3. every daily backup, checked like the database, naming the newest
//     one that passed.
//
// report is a readable account; ok is true only when nothing was found
// wrong. err is non-nil when the database could not be checked at all:
// there is no file, it is a folder, another huddle holds it, or a newer
// huddle wrote it. A damaged file is a finding (ok false), not an error.
func Doctor(path, exe string, timeout time.Duration) (report string, ok bool, err error) {
	if path == "" {
		if path, err = DefaultPath(); err != nil {
			return "", false, err
		}
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	r, err := Check(path)
	switch {
	case errors.Is(err, ErrLocked), errors.Is(err, ErrNewerSchema):
		return "", false, err
	case err != nil && !errors.Is(err, ErrDamaged):
		return "", false, fmt.Errorf("huddle: cannot check %s: %w", path, err)
	}
	var b strings.Builder
	b.WriteString("Pages and records (read by huddle itself)\n")
	b.WriteString(r.String())
	if r.Size == 0 {
		fmt.Fprintf(&b, "damaged: %v\n", err)
	}
	ok = err == nil

	b.WriteString("\nStructure (bbolt's page check, in a bounded child process)\n")
	switch {
	case r.BrokenPages > 0 || r.Stopped != "" || r.Size == 0:
		b.WriteString("not run: the pages are damaged (above)\n")
	default:
		sound, out, serr := StructureCheckInChild(exe, path, timeout)
		switch {
		case serr != nil:
			fmt.Fprintf(&b, "the structure check could not be run: %v\n", serr)
		case sound:
			b.WriteString("every page is sound " + lastLine(out) + "\n")
		default:
			b.WriteString(out + "\n")
		}
		ok = ok && sound && serr == nil
	}

	b.WriteString("\nBackups (beside the database)\n")
	writeBackups(&b, path)

	if ok {
		b.WriteString("\nhuddle doctor: no problems found\n")
	} else {
		b.WriteString("\nhuddle doctor: damaged. Nothing was changed or repaired, and huddle will not write " +
			"into this file. Restore the newest good backup (listed above; see the README, \"Restoring a backup\"), " +
			"or keep the file for inspection.\n")
	}
	return b.String(), ok, nil
}

// writeBackups lists the daily backups of the database at path, each
// checked, and names the newest good one.
func writeBackups(b *strings.Builder, path string) {
	list, newest, err := CheckBackups(path)
	if err != nil {
		fmt.Fprintf(b, "cannot list them: %v\n", err)
		return
	}
	if len(list) == 0 {
		b.WriteString("none yet (huddle makes one a day, of a file that passed its check)\n")
		return
	}
	for _, bk := range list {
		state := "good"
		if bk.Err != nil {
			state = "DAMAGED: " + damageReason(bk.Err)
		}
		fmt.Fprintf(b, "  %s  %d bytes  %s\n", filepath.Base(bk.Path), bk.Size, state)
	}
	if newest < 0 {
		b.WriteString("no backup passed the check\n")
		return
	}
	fmt.Fprintf(b, "newest good backup: %s\n", list[newest].Path)
}

// damageReason is the reason of a *DamagedError, or the error's text.
func damageReason(err error) string {
	var d *DamagedError
	if errors.As(err, &d) {
		return d.Reason
	}
	return err.Error()
}

// lastLine is the last line of s.
func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

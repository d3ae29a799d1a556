package store

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Doctor runs the checks of `huddle doctor` on the database at path: the
// record check (Check) in this process, then the structural check in a
// child process of exe (StructureCheckInChild), waiting at most timeout
// for it. It never changes the file. report is a readable account of both;
// ok is true only when both found nothing wrong. err is non-nil when the
// database could not be checked at all: there is no file, another huddle
// holds it, or a newer huddle wrote it. A damaged file is a finding (ok
// false, the report says why), not an error.
func Doctor(path, exe string, timeout time.Duration) (report string, ok bool, err error) {
	if path == "" {
		if path, err = DefaultPath(); err != nil {
			return "", false, err
		}
	}
	r, err := Check(path)
	switch {
	case errors.Is(err, ErrLocked), errors.Is(err, ErrNewerSchema):
		return "", false, err
	case err != nil && !errors.Is(err, ErrDamaged):
		return "", false, fmt.Errorf("huddle: cannot check %s: %w", path, err)
	}
	var b strings.Builder
	b.WriteString("Records\n")
	if err != nil {
		// Damaged: Check could not walk the file.
		fmt.Fprintf(&b, "database: %s\n%v\n", r.Path, err)
	} else {
		b.WriteString(r.String())
	}
	ok = err == nil && r.OK()

	b.WriteString("\nStructure (bbolt's page check, in a child process)\n")
	sound, out, serr := StructureCheckInChild(exe, r.Path, timeout)
	switch {
	case serr != nil:
		fmt.Fprintf(&b, "the structure check could not be completed: %v\n", serr)
	case sound:
		b.WriteString("every page is sound\n")
	default:
		b.WriteString(out + "\n")
	}
	ok = ok && sound && serr == nil

	if ok {
		b.WriteString("\nhuddle doctor: no problems found\n")
	} else {
		b.WriteString("\nhuddle doctor: problems found. Nothing was changed or repaired; " +
			"restore a backup (listed above) or keep the file for inspection.\n")
	}
	return b.String(), ok, nil
}

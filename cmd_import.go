package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// maxImportSize caps the export file read: a session's JSON is far
// smaller; a bigger file is not one.
const maxImportSize = 256 << 20

// cmdImport adds a session exported as JSON by another huddle. The privacy
// guard runs over all its text first: if it finds what looks like a
// service user's identifier (NHS number, postcode, full date, phone
// number, e-mail address), it says where, and imports nothing unless
// --force-ok is given, so that identifiers are not copied from one
// machine to another unseen.
func cmdImport(args []string, stdout, stderr io.Writer) int {
	var g globals
	fs := newFlags("import", "huddle import FILE.json [--force-ok]", &g)
	forceOK := fs.Bool("force-ok", false, "import even when the privacy guard finds likely identifiers")
	pos, err := parse(fs, args, stderr)
	switch {
	case err != nil:
		return exitFor(err)
	case len(pos) != 1:
		fs.Usage()
		return exitUsage
	}
	data, err := readImportFile(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "huddle import: %v\n", err)
		return exitError
	}
	d, err := model.ParseExportJSON(data)
	if err == nil {
		err = store.CheckImport(d)
	}
	if err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	findings := store.ScanImport(d)
	for _, f := range findings {
		fmt.Fprintf(stderr, "privacy guard: %s: looks like a %s\n", model.SanitizeLine(f.Where), f.Kind)
	}
	if len(findings) > 0 && !*forceOK {
		fmt.Fprintf(stderr, "huddle import: nothing imported: the privacy guard found %d likely identifiers of a person.\n"+
			"Remove them in the huddle that exported the session and export it again, or import as it is with --force-ok.\n", len(findings))
		return exitError
	}
	s, _, err := openStore(g, false)
	if err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	defer s.Close()
	res, err := s.ImportSession(d)
	if err != nil {
		fmt.Fprintln(stderr, storeError(err))
		return exitError
	}
	title := model.SanitizeLine(res.Session.Title)
	if res.Exists {
		fmt.Fprintf(stdout, "session %q (%s) is here already: nothing changed\n", title, model.SanitizeLine(res.Session.ID))
		return exitOK
	}
	fmt.Fprintf(stdout, "imported %q (%s): %d entries, %d actions\n", title, model.SanitizeLine(res.Session.ID), res.Entries, res.Actions)
	if len(findings) > 0 {
		fmt.Fprintf(stdout, "imported with %d privacy guard findings (--force-ok)\n", len(findings))
	}
	return exitOK
}

func readImportFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImportSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxImportSize {
		return nil, errors.New(path + " is too big to be a huddle export")
	}
	return data, nil
}

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store/report"
)

// Export formats beyond the model's: a printable page and a spreadsheet.
const (
	FormatHTML = "html"
	FormatXLSX = "xlsx"
)

// ExportFormats lists every format ExportSession knows.
var ExportFormats = append(slices.Clone(model.ExportFormats), FormatHTML, FormatXLSX)

// FormatSession renders a session's data in one of ExportFormats; today
// says which actions are overdue in a spreadsheet.
func FormatSession(format string, d model.SessionData, exercises map[string]*model.Exercise, today time.Time) ([]byte, error) {
	switch format {
	case FormatHTML:
		return report.MinutesHTML(d, exercises), nil
	case FormatXLSX:
		return report.SessionXLSX(d, exercises, today)
	}
	return model.Export(format, d, exercises)
}

// ErrExists: WriteExportFile would overwrite a file and was not told to.
var ErrExists = errors.New("huddle: the file exists already")

// WriteExportFile writes an export to path, readable by its owner only
// (0600, whatever the umask): into a temporary file in the same folder,
// synced, then moved into place, so that a reader never sees half a file.
// An existing file is replaced only if overwrite is set; otherwise the
// error matches ErrExists and the file is left alone.
func WriteExportFile(path string, data []byte, overwrite bool) (err error) {
	dir := filepath.Dir(path)
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%w: %s (use --force to replace it)", ErrExists, path)
		}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return err
	}
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if overwrite {
		return os.Rename(tmp.Name(), path)
	}
	// A hard link fails if path exists, so a file that appeared since the
	// check above is not replaced either.
	if err = os.Link(tmp.Name(), path); err == nil {
		os.Remove(tmp.Name())
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%w: %s (use --force to replace it)", ErrExists, path)
	}
	// No hard links here (some file systems): move it into place.
	return os.Rename(tmp.Name(), path)
}

// LatestRef is the session reference that ExportSession reads as the most
// recently started session.
const LatestRef = "latest"

// ExportSession reads the session ref (an id, or LatestRef) with all it
// captured and renders it in format (ExportFormats). exercises maps
// exercise ids to the deck's exercises. A missing session gives
// ErrNotFound. When a record of the session's entries or actions is
// damaged, the error matches ErrRecordDamaged and data holds what could be
// read: a caller must not present it as complete (huddle export gives it
// only when asked with --damaged-ok), so that an export is never silently
// incomplete.
func (s *Store) ExportSession(ref, format string, exercises map[string]*model.Exercise) ([]byte, model.Session, error) {
	if !slices.Contains(ExportFormats, format) {
		return nil, model.Session{}, fmt.Errorf("huddle: unknown export format %q (want md, html, csv, xlsx or json)", format)
	}
	id := ref
	if ref == LatestRef {
		latest, err := s.LatestSession()
		if err != nil {
			return nil, model.Session{}, err
		}
		id = latest.ID
	}
	d, err := s.SessionData(id)
	if err != nil && (d.Session.ID == "" || !errors.Is(err, ErrRecordDamaged)) {
		return nil, d.Session, err
	}
	data, xerr := FormatSession(format, d, exercises, s.now())
	if xerr != nil {
		return nil, d.Session, xerr
	}
	return data, d.Session, err
}

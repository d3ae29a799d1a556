package store

import (
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// Importing a session exported as JSON by another huddle (a meeting-room
// PC, a colleague's laptop): the export is checked whole before anything
// is written, then the session, its entries and its actions are written
// in one transaction with their ids, times and statuses as they were, so
// that exporting it here gives the same JSON back. A session whose id is
// here already is left alone: importing the same file twice changes
// nothing, and nothing here is ever overwritten.

// ErrImportInvalid: the export does not hold a session this huddle could
// have written.
var ErrImportInvalid = errors.New("huddle: the export is not a valid huddle session")

// ImportFinding is a likely identifier of a person found in an export:
// where it is (plain words, e.g. `entry 20250304-101500-0004 text`) and
// its kind. The identifier itself is not repeated.
type ImportFinding struct {
	Where string
	Kind  string
}

// ImportResult says what ImportSession did.
type ImportResult struct {
	Session model.Session // as saved (its team may be this database's)
	Exists  bool          // the session was here already: nothing was written
	Entries int
	Actions int
}

// CheckImport checks an export's session before it is imported: known
// kinds, tags and statuses, valid ids, every entry and action belonging to
// the session, no id twice. The error matches ErrImportInvalid.
func CheckImport(d model.SessionData) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrImportInvalid}, args...)...)
	}
	s := d.Session
	if err := checkID("session", s.ID); err != nil {
		return bad("%v", err)
	}
	if !model.ValidSessionKind(s.Kind) {
		return bad("unknown session kind %q", model.SanitizeLine(s.Kind))
	}
	if s.Started.IsZero() {
		return bad("the session has no start time")
	}
	if s.TeamID != "" {
		if err := checkID("team", s.TeamID); err != nil {
			return bad("%v", err)
		}
	}
	seen := map[string]bool{}
	for _, e := range d.Entries {
		switch {
		case e.SessionID != s.ID:
			return bad("entry %q belongs to another session", model.SanitizeLine(e.ID))
		case !model.ValidTag(e.Tag):
			return bad("entry %q has an unknown tag %q", model.SanitizeLine(e.ID), model.SanitizeLine(e.Tag))
		case seen["e"+e.ID]:
			return bad("entry %q is there twice", model.SanitizeLine(e.ID))
		}
		if _, err := entryKey(e.SessionID, e.ID); err != nil {
			return bad("%v", err)
		}
		seen["e"+e.ID] = true
	}
	for _, a := range d.Actions {
		switch {
		case a.SessionID != s.ID:
			return bad("action %q belongs to another session", model.SanitizeLine(a.ID))
		case !model.ValidActionStatus(a.Status):
			return bad("action %q has an unknown status %q", model.SanitizeLine(a.ID), model.SanitizeLine(a.Status))
		case seen["a"+a.ID]:
			return bad("action %q is there twice", model.SanitizeLine(a.ID))
		}
		if err := checkID("action", a.ID); err != nil {
			return bad("%v", err)
		}
		seen["a"+a.ID] = true
	}
	return nil
}

// ScanImport runs the privacy guard (model.ScanIdentifiers) over every
// piece of text of an export: the session's title, team and facilitator,
// each entry's text and value, each action's text and owner.
func ScanImport(d model.SessionData) []ImportFinding {
	var out []ImportFinding
	scan := func(where, text string) {
		for _, f := range model.ScanIdentifiers(text) {
			out = append(out, ImportFinding{Where: where, Kind: f.Kind})
		}
	}
	s := d.Session
	scan("session title", s.Title)
	scan("team name", s.TeamName)
	scan("facilitator", s.Facilitator)
	for _, e := range d.Entries {
		scan("entry "+e.ID+" text", e.Text)
		scan("entry "+e.ID+" value", e.Value)
	}
	for _, a := range d.Actions {
		scan("action "+a.ID+" text", a.Text)
		scan("action "+a.ID+" owner", a.Owner)
	}
	return out
}

// ImportSession adds an exported session to the store (see CheckImport),
// in one synced transaction. If a session with its id is here already
// nothing is written and the result says Exists. The session keeps its
// team id when this database has no team of that id or has it under the
// same name; otherwise it joins the team of the same name here, or a new
// one. Its actions follow the session's team.
func (s *Store) ImportSession(d model.SessionData) (ImportResult, error) {
	res := ImportResult{Session: d.Session}
	if err := CheckImport(d); err != nil {
		return res, err
	}
	err := s.update(func(tx *bolt.Tx) error {
		sessions, err := s.bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		sess := d.Session
		if sessions.Get([]byte(sess.ID)) != nil {
			res.Exists = true
			return nil
		}
		bs, err := s.buckets(tx, bucketEntries, bucketActions)
		if err != nil {
			return err
		}
		entries, actions := bs[0], bs[1]
		// Records of this id with no session (left by damage) are not
		// overwritten either.
		if k, _ := entries.Cursor().Seek(prefixKey(sess.ID)); k != nil && strings.HasPrefix(string(k), string(prefixKey(sess.ID))) {
			return fmt.Errorf("huddle: this database holds entries of session %q without the session; run huddle doctor", sess.ID)
		}
		if sess.TeamID, err = s.importTeam(tx, sess.TeamID, sess.TeamName); err != nil {
			return err
		}
		if sess, err = s.putSession(tx, sessions, sess, nil); err != nil {
			return err
		}
		entries.FillPercent = entriesFillPercent
		for _, e := range d.Entries {
			key, err := entryKey(e.SessionID, e.ID)
			if err != nil {
				return err
			}
			if err := putRecord(entries, key, e); err != nil {
				return err
			}
		}
		for _, a := range d.Actions {
			if a.TeamID == d.Session.TeamID {
				a.TeamID = sess.TeamID
			}
			if err := putRecord(actions, actionKey(a.SessionID, a.ID), a); err != nil {
				return err
			}
		}
		if err := s.indexSession(tx, sess, false); err != nil {
			return err
		}
		res.Session, res.Entries, res.Actions = sess, len(d.Entries), len(d.Actions)
		return nil
	})
	return res, err
}

// importTeam is the team id an imported session takes here: its own when
// free or naming the same team, else the team of that name (found or
// made). A session without a team name keeps no team.
func (s *Store) importTeam(tx *bolt.Tx, id, name string) (string, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil
	}
	teams, err := s.bucket(tx, bucketTeams)
	if err != nil {
		return "", err
	}
	if id != "" {
		var t model.Team
		found, err := getRecord(teams, bucketTeams, []byte(id), &t)
		switch {
		case found && err == nil && strings.EqualFold(strings.TrimSpace(t.Name), strings.TrimSpace(name)):
			return id, nil
		case !found:
			// Free here: keep the id unless a team of that name exists.
			var byName *model.Team
			decodeAll(teams, nil, func(k, v []byte) error {
				var x model.Team
				if decodeRecord(bucketTeams, k, v, &x) == nil && byName == nil &&
					strings.EqualFold(strings.TrimSpace(x.Name), strings.TrimSpace(name)) {
					byName = &x
				}
				return nil
			})
			if byName != nil {
				return byName.ID, nil
			}
			return id, putRecord(teams, []byte(id), model.Team{ID: id, Name: strings.TrimSpace(name)})
		}
	}
	t, err := s.ensureTeam(tx, name)
	return t.ID, err
}

package store

import (
	"bytes"
	"encoding/json"
	"time"
	"unicode/utf8"

	"github.com/carehuddle/huddle/model"
)

// Lists decode every session they show, and encoding/json spends most of
// a long list's time on them. A session record is JSON that the store
// wrote itself with encoding/json: an object of known keys holding
// strings, times and arrays of strings. decodeSession reads that form
// directly and hands anything else (an unknown key, a number, a string
// with an escape, bytes that are not UTF-8) to encoding/json, so it gives
// exactly what json.Unmarshal gives (a fuzz test compares the two).

// decodeSession unmarshals a session record's data into sess.
func decodeSession(data []byte, sess *model.Session) error {
	var fast model.Session
	if decodeSessionFast(data, &fast) {
		*sess = fast
		return nil
	}
	return json.Unmarshal(data, sess)
}

// decodeSessionFast decodes the plain form; ok is false if data is not in it.
func decodeSessionFast(data []byte, s *model.Session) (ok bool) {
	p := jsonScan{b: data}
	if !p.byte('{') {
		return false
	}
	if p.peek('}') {
		return p.byte('}') && p.end()
	}
	for {
		key, ok := p.plainString()
		if !ok || !p.byte(':') {
			return false
		}
		switch string(key) {
		case "id":
			ok = p.stringInto(&s.ID)
		case "kind":
			ok = p.stringInto(&s.Kind)
		case "team_id":
			ok = p.stringInto(&s.TeamID)
		case "team_name":
			ok = p.stringInto(&s.TeamName)
		case "facilitator":
			ok = p.stringInto(&s.Facilitator)
		case "title":
			ok = p.stringInto(&s.Title)
		case "position":
			ok = p.stringInto(&s.Position)
		case "started":
			ok = p.timeInto(&s.Started)
		case "ended":
			ok = p.timeInto(&s.Ended)
		case "modules":
			ok = p.stringsInto(&s.Modules)
		case "exercises":
			ok = p.stringsInto(&s.Exercises)
		default:
			return false
		}
		if !ok {
			return false
		}
		if p.byte('}') {
			return p.end()
		}
		if !p.byte(',') {
			return false
		}
	}
}

// jsonScan reads the compact JSON encoding/json writes (no spaces).
type jsonScan struct {
	b []byte
	i int
}

func (p *jsonScan) peek(c byte) bool { return p.i < len(p.b) && p.b[p.i] == c }

func (p *jsonScan) byte(c byte) bool {
	if p.peek(c) {
		p.i++
		return true
	}
	return false
}

func (p *jsonScan) end() bool { return p.i == len(p.b) }

// plainString reads a string with no escape and only valid UTF-8, and
// returns its bytes (which alias the data).
func (p *jsonScan) plainString() ([]byte, bool) {
	if !p.byte('"') {
		return nil, false
	}
	rest := p.b[p.i:]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return nil, false
	}
	s := rest[:j]
	for _, c := range s {
		if c == '\\' || c < 0x20 {
			return nil, false
		}
	}
	if !utf8.Valid(s) {
		return nil, false
	}
	p.i += j + 1
	return s, true
}

// stringInto reads a plain string, or null (which leaves dst as it is,
// as encoding/json does).
func (p *jsonScan) stringInto(dst *string) bool {
	if p.null() {
		return true
	}
	s, ok := p.plainString()
	if ok {
		*dst = string(s)
	}
	return ok
}

// timeInto reads a time as time.Time's UnmarshalJSON does.
func (p *jsonScan) timeInto(dst *time.Time) bool {
	if p.null() {
		return true
	}
	start := p.i
	if _, ok := p.plainString(); !ok {
		return false
	}
	return dst.UnmarshalJSON(p.b[start:p.i]) == nil
}

// stringsInto reads an array of plain strings, or null.
func (p *jsonScan) stringsInto(dst *[]string) bool {
	if p.null() {
		*dst = nil
		return true
	}
	if !p.byte('[') {
		return false
	}
	out := []string{}
	if p.byte(']') {
		*dst = out
		return true
	}
	for {
		s, ok := p.plainString()
		if !ok {
			return false
		}
		out = append(out, string(s))
		if p.byte(']') {
			*dst = out
			return true
		}
		if !p.byte(',') {
			return false
		}
	}
}

// null reads the literal null.
func (p *jsonScan) null() bool {
	if bytes.HasPrefix(p.b[p.i:], []byte("null")) {
		p.i += 4
		return true
	}
	return false
}

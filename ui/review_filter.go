package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store"
)

// The sessions list's filters: the date range, and how the filters and
// the count are described.

// dateLayout is how dates are typed and shown in the filters.
const dateLayout = "2006-01-02"

// datesText is the date range as the dates input reads it.
func (l *reviewList) datesText() string {
	if l.from.IsZero() && l.to.IsZero() {
		return ""
	}
	s := ""
	if !l.from.IsZero() {
		s = l.from.Format(dateLayout)
	}
	s += ".."
	if !l.to.IsZero() {
		s += l.to.AddDate(0, 0, -1).Format(dateLayout)
	}
	return s
}

// parseDateRange reads "FROM..TO" (either side may be empty) or a single
// day. to is the day after TO, so that TO's sessions are included.
func parseDateRange(s string) (from, to time.Time, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		b = a
	}
	day := func(v string) (time.Time, error) {
		v = strings.TrimSpace(v)
		if v == "" {
			return time.Time{}, nil
		}
		t, err := time.ParseInLocation(dateLayout, v, time.Local)
		if err != nil {
			return t, fmt.Errorf("%q is not a date: type it as YYYY-MM-DD, e.g. 2025-03-31", v)
		}
		return t, nil
	}
	if from, err = day(a); err != nil {
		return
	}
	if to, err = day(b); err != nil {
		return
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return time.Time{}, time.Time{}, errors.New("the first date must not be after the last")
	}
	return
}

// kindLabel names a kind filter.
func kindLabel(kind string) string {
	switch kind {
	case model.SessionWorkshop:
		return "workshops"
	case model.SessionReflection:
		return "solo reflections"
	}
	return "all"
}

// filterLine describes the filters in force.
func (l *reviewList) filterLine() string {
	team := "all teams"
	if l.teamIdx >= 0 && l.teamIdx < len(l.teams) {
		team = model.SanitizeLine(l.teams[l.teamIdx].Name)
	}
	dates := "any"
	if d := l.datesText(); d != "" {
		dates = d
	}
	return "Team: " + team + " · Kind: " + kindLabel(l.kind) + " · Dates: " + dates
}

// countLine says how many rows are shown.
func (l *reviewList) countLine() string {
	switch {
	case l.query != "" && l.search:
		return "searching for “" + model.SanitizeLine(l.query) + "”…"
	case l.query != "":
		s := strconv.Itoa(len(l.hits)) + " matches for “" + model.SanitizeLine(l.query) + "” (esc: back to the sessions)"
		if len(l.hits) == store.DefaultSearchLimit {
			s += " · the first " + strconv.Itoa(store.DefaultSearchLimit) + ": narrow the filters"
		}
		return s
	case !l.loaded:
		return "reading the sessions…"
	}
	s := strconv.Itoa(len(l.sessions)) + " sessions, newest first"
	if len(l.sessions) == 1 {
		s = "1 session"
	}
	if l.next != "" {
		s = "the newest " + strconv.Itoa(len(l.sessions)) + " sessions · older ones are read as you scroll"
	}
	if l.kind == model.SessionWorkshop {
		s += " · solo reflections are private: k shows them"
	}
	return s
}

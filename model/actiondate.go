package model

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// ActionDateLayout is how an action's due or review date is typed and
// shown for editing.
const ActionDateLayout = "2006-01-02"

// ErrActionDate says how a due or review date may be typed.
var ErrActionDate = errors.New(`type a date as YYYY-MM-DD, or a time from today such as "3d", "2w" or "1m"; empty for none`)

// ParseActionDate reads a due or review date as the facilitator types it:
// a calendar date "2025-06-30", or a time from today: "3d" (days), "2w"
// (weeks), "1m" (calendar months), "today". Empty text is no date (the
// zero time). The result is midnight of that day in today's location.
func ParseActionDate(s string, today time.Time) (time.Time, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return time.Time{}, nil
	}
	y, m, d := today.Date()
	base := time.Date(y, m, d, 0, 0, 0, 0, today.Location())
	if s == "today" {
		return base, nil
	}
	if t, err := time.ParseInLocation(ActionDateLayout, s, today.Location()); err == nil {
		return t, nil
	}
	unit := s[len(s)-1]
	num := strings.TrimSpace(strings.TrimPrefix(s[:len(s)-1], "+"))
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > 999 {
		return time.Time{}, ErrActionDate
	}
	switch unit {
	case 'd':
		return base.AddDate(0, 0, n), nil
	case 'w':
		return base.AddDate(0, 0, 7*n), nil
	case 'm':
		return base.AddDate(0, n, 0), nil
	}
	return time.Time{}, ErrActionDate
}

// FormatActionDate shows a date for editing ("" for none).
func FormatActionDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(ActionDateLayout)
}

// NextActionStatus cycles open → done → dropped → open.
func NextActionStatus(status string) string {
	switch status {
	case ActionDone:
		return ActionDropped
	case ActionDropped:
		return ActionOpen
	}
	return ActionDone
}

// DescribeActionDate is a date as a runner shows it: "30 Jun 2025", or
// "—" for none.
func DescribeActionDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format(DateLayout)
}

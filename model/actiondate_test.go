package model

import (
	"testing"
	"time"
)

func TestParseActionDate(t *testing.T) {
	today := time.Date(2025, 1, 31, 15, 4, 5, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := map[string]time.Time{
		"":           {},
		"  ":         {},
		"2025-06-30": day(2025, 6, 30),
		"today":      day(2025, 1, 31),
		"0d":         day(2025, 1, 31),
		"3d":         day(2025, 2, 3),
		"+3d":        day(2025, 2, 3),
		"2w":         day(2025, 2, 14),
		"2W":         day(2025, 2, 14),
		"1m":         day(2025, 3, 3), // 31 Feb normalises, as AddDate does
		"12m":        day(2026, 1, 31),
	}
	for in, want := range tests {
		got, err := ParseActionDate(in, today)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseActionDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"next week", "2x", "d", "-3d", "2025-13-01", "31/01/2025", "99999d", "w2"} {
		if _, err := ParseActionDate(bad, today); err == nil {
			t.Errorf("ParseActionDate(%q) should fail", bad)
		}
	}
}

func TestActionDateHelpers(t *testing.T) {
	if FormatActionDate(time.Time{}) != "" || DescribeActionDate(time.Time{}) != "—" {
		t.Error("zero date")
	}
	d := time.Date(2025, 6, 3, 0, 0, 0, 0, time.UTC)
	if FormatActionDate(d) != "2025-06-03" || DescribeActionDate(d) != "3 Jun 2025" {
		t.Errorf("%q %q", FormatActionDate(d), DescribeActionDate(d))
	}
	for from, to := range map[string]string{"": ActionDone, ActionOpen: ActionDone, ActionDone: ActionDropped, ActionDropped: ActionOpen} {
		if got := NextActionStatus(from); got != to {
			t.Errorf("NextActionStatus(%q) = %q", from, got)
		}
	}
}

package store

import (
	"context"
	"testing"

	"github.com/carehuddle/huddle/model"
)

func TestRetentionMonthsRemembered(t *testing.T) {
	s, path := openTemp(t)
	if got, err := s.RetentionMonths(); err != nil || got != model.DefaultRetentionMonths {
		t.Fatalf("a new file: %d months (%v), want the default %d", got, err, model.DefaultRetentionMonths)
	}
	for _, bad := range []int{0, -3, model.MaxRetentionMonths + 1} {
		if err := s.SetRetentionMonths(bad); err == nil {
			t.Errorf("SetRetentionMonths(%d) was accepted", bad)
		}
	}
	if err := s.SetRetentionMonths(30); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.RetentionMonths(); err != nil || got != 30 {
		t.Fatalf("after reopening: %d months (%v), want 30", got, err)
	}
	// The whole-file check takes the new record as it takes the schema's.
	if r, err := s.Verify(context.Background()); err != nil || len(r.Problems) > 0 || len(r.Damaged) > 0 {
		t.Fatalf("check after the period was saved: %v %v %v", err, r.Problems, r.Damaged)
	}
}

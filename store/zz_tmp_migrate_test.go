package store

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestTmpMigrate(t *testing.T) {
	path := os.Getenv("HUDDLE_TMP_MIGRATE")
	if path == "" {
		t.Skip()
	}
	start := time.Now()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("open+migrate %s", time.Since(start))
	r, err := s.Verify(context.Background())
	t.Logf("verify %s %v %v", time.Since(start), err, r.Indexed)
	s.Close()
}

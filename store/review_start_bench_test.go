package store

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/carehuddle/huddle/model"
)

// BenchmarkReviewStartAfterCleanClose: the start that follows a session
// that saved something and closed cleanly, on a copy of the generated
// store: Open for writing, then the review's first page of 200 sessions,
// which waits for the check of the whole file if one runs. checks/op is
// how many starts ran that check instead of trusting the note.
func BenchmarkReviewStartAfterCleanClose(b *testing.B) {
	src, ids := reviewBench(b)
	path := filepath.Join(b.TempDir(), "start.db")
	if err := copyFileTo(src.Path(), path); err != nil {
		b.Fatal(err)
	}
	time.Sleep(settleTime + 100*time.Millisecond) // the copy settles: the day's first check is remembered
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Verify(context.Background()); err != nil {
		b.Fatal(err)
	}
	s.Close()
	durs := make([]time.Duration, 0, b.N)
	checks := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(path, Options{})
		if err == nil {
			_, err = s.PutEntry(model.Entry{SessionID: ids[i%len(ids)], ExerciseID: "M1-E3", Text: "saved before a clean close"})
		}
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		b.StartTimer()
		t0 := time.Now()
		s, err = Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		page, _, err := s.SessionsPage(SearchFilter{}, "", 200)
		if err != nil || len(page) != 200 {
			b.Fatalf("%d sessions, %v", len(page), err)
		}
		durs = append(durs, time.Since(t0))
		b.StopTimer()
		if r, err := s.Verify(context.Background()); err != nil {
			b.Fatal(err)
		} else if !r.Remembered {
			checks++
		}
		s.Close()
		b.StartTimer()
	}
	b.StopTimer()
	reportPercentiles(b, durs)
	b.ReportMetric(float64(checks)/float64(b.N), "checks/op")
}

func copyFileTo(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

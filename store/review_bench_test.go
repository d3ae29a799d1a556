package store

import (
	"testing"

	"github.com/carehuddle/huddle/model"
)

// Review budgets in the README's Performance section, with 5,000 sessions and 500,000
// entries (gen_test.go): list under 150 ms, open a session under 50 ms,
// search under 300 ms, export of one session under 100 ms. Run with
//
//	go test ./store -run '^$' -bench Review -benchtime 20x
//
// and at 50,000 sessions and 5,000,000 entries, where search must stay
// under 100 ms and the first page of the list under 50 ms, with
//
//	HUDDLE_BENCH_SESSIONS=50000 go test ./store -run '^$' -bench Review -benchtime 20x -timeout 60m
//
// The first run builds the data (cached in os.TempDir() afterwards: about
// 15 s for 5,000 sessions, 2 to 7 minutes and 2.5 GB for 50,000).

func reviewBench(b *testing.B) (*Store, []string) {
	b.Helper()
	if testing.Short() {
		b.Skip("needs the generated 500,000-entry store")
	}
	s, ids, err := reviewStore()
	if err != nil {
		b.Fatal(err)
	}
	if len(ids) != genSessions {
		b.Fatalf("the generated store has %d sessions, want %d", len(ids), genSessions)
	}
	return s, ids
}

// BenchmarkReviewListSessions lists all 5,000 sessions, newest first.
func BenchmarkReviewListSessions(b *testing.B) {
	s, _ := reviewBench(b)
	b.Run("all", func(b *testing.B) {
		timed(b, func(int) {
			list, err := s.ListSessions()
			if err != nil || len(list) != genSessions {
				b.Fatalf("%d sessions, %v", len(list), err)
			}
		})
	})
	b.Run("filtered-unlimited", func(b *testing.B) {
		timed(b, func(int) {
			list, err := s.ListSessionsFiltered(SearchFilter{Limit: -1})
			if err != nil || len(list) != genSessions {
				b.Fatalf("%d sessions, %v", len(list), err)
			}
		})
	})
	b.Run("with-entry-counts", func(b *testing.B) {
		timed(b, func(int) {
			list, err := s.ListSessions()
			if err != nil || len(list) != genSessions {
				b.Fatalf("%d sessions, %v", len(list), err)
			}
			counts, err := s.EntryCounts()
			if err != nil || len(counts) != genSessions {
				b.Fatalf("%d counts, %v", len(counts), err)
			}
		})
	})
}

// BenchmarkReviewOpenSession reads one session (about 100 entries) with
// its entries and actions.
func BenchmarkReviewOpenSession(b *testing.B) {
	s, ids := reviewBench(b)
	timed(b, func(i int) {
		id := ids[(i*7919)%len(ids)]
		if _, err := s.GetSession(id); err != nil {
			b.Fatal(err)
		}
		entries, err := s.Entries(id)
		if err != nil || len(entries) < 50 {
			b.Fatalf("%d entries, %v", len(entries), err)
		}
		if _, err := s.Actions(id); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkReviewSearch searches all 500,000 entries.
func BenchmarkReviewSearch(b *testing.B) {
	s, _ := reviewBench(b)
	teams, err := s.Teams()
	if err != nil || len(teams) == 0 {
		b.Fatal(teams, err)
	}
	scale := genSessions / 5000
	for _, bc := range []struct {
		name, query string
		limit       int
		min, max    int
		oneTeam     bool
	}{
		{"rare-word", genRareWord, -1, 200 * scale, 600 * scale, false}, // in a few hundred entries per 5,000 sessions
		{"rare-word-upper", "TeleCare", -1, 200 * scale, 600 * scale, false},
		{"rare-word-review", genRareWord, 0, min(200*scale, DefaultSearchLimit), DefaultSearchLimit, false}, // the review's cap
		{"no-match", "zyzzyva", -1, 0, 0, false},
		{"non-ascii", "Zoë", 0, DefaultSearchLimit, DefaultSearchLimit, false},
		{"common-word-limited", genCommonWord, 0, DefaultSearchLimit, DefaultSearchLimit, false},
		{"rare-word-one-team", genRareWord, -1, 1, 60 * scale, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			timed(b, func(int) {
				f := SearchFilter{Limit: bc.limit}
				if bc.oneTeam {
					f.TeamID = teams[0].ID
				}
				hits, err := s.Search(bc.query, f)
				if err != nil || len(hits) < bc.min || len(hits) > bc.max {
					b.Fatalf("%d hits, %v", len(hits), err)
				}
				n = len(hits)
			})
			b.ReportMetric(float64(n), "hits")
		})
	}
}

// BenchmarkReviewExport reads one session and exports it.
func BenchmarkReviewExport(b *testing.B) {
	s, ids := reviewBench(b)
	for _, format := range model.ExportFormats {
		b.Run(format, func(b *testing.B) {
			timed(b, func(i int) {
				d, err := s.SessionData(ids[(i*7919)%len(ids)])
				if err != nil {
					b.Fatal(err)
				}
				out, err := model.Export(format, d, genExercises)
				if err != nil || len(out) < 1000 {
					b.Fatalf("%d bytes, %v", len(out), err)
				}
			})
		})
	}
}

// BenchmarkReviewSessionsPages reads the whole list a page at a time from
// the list rows, with each session's entry count, as `huddle sessions`
// does; and the first page alone with its counts, as the review's list
// does.
func BenchmarkReviewSessionsPages(b *testing.B) {
	s, _ := reviewBench(b)
	b.Run("all-in-pages-of-1000", func(b *testing.B) {
		timed(b, func(int) {
			n := 0
			for after := ""; ; {
				page, next, err := s.ListRows(SearchFilter{}, after, 1000)
				if err != nil {
					b.Fatal(err)
				}
				n += len(page)
				if next == "" {
					break
				}
				after = next
			}
			if n != genSessions {
				b.Fatalf("%d sessions", n)
			}
		})
	})
	b.Run("first-page-of-200", func(b *testing.B) {
		timed(b, func(int) {
			page, _, err := s.ListRows(SearchFilter{Kind: model.SessionWorkshop}, "", 200)
			if err != nil || len(page) != 200 {
				b.Fatalf("%d sessions, %v", len(page), err)
			}
		})
	})
}

package model

import (
	"strings"
	"testing"
)

// BenchmarkScanIdentifiers scans a typical captured line and a 2,000
// character paste: the guard runs on every save and on drafts.
func BenchmarkScanIdentifiers(b *testing.B) {
	line := "Mrs Jones said the social care worker at 14 Elm Road helped with her 07700 900123 referral"
	long := strings.Repeat("The team met 3 times in October and we talked about the huddle. ", 32)[:MaxFieldRunes]
	for _, c := range []struct{ name, text string }{{"line", line}, {"paste-2000", long}} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				ScanIdentifiersAt(c.text, guardToday)
			}
		})
	}
}

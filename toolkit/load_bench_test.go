package toolkit

import "testing"

// BenchmarkBuiltin is the deck's share of start-up: parse and validate
// every module of the built-in deck.
func BenchmarkBuiltin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}

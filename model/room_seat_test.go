package model

import (
	"bytes"
	"crypto/rand"
	"testing"
)

func TestPseudonymsNeverRepeat(t *testing.T) {
	var p Pseudonyms
	seen := map[int]bool{}
	for range 500 {
		n, err := p.Next(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		if n < 1 || seen[n] {
			t.Fatalf("number %d: below 1 or given twice", n)
		}
		seen[n] = true
	}
	if p.Given() != 500 {
		t.Fatalf("Given = %d", p.Given())
	}
	if PseudonymName(7) != "Participant 7" {
		t.Fatal(PseudonymName(7))
	}
}

func TestPseudonymsFromFixedBytes(t *testing.T) {
	var p Pseudonyms
	// 6 % 99 = 6, so the first is 7; the same draw again is used, so the
	// next draw (10 % 99 = 10) gives 11.
	rnd := bytes.NewReader([]byte{0, 0, 0, 6, 0, 0, 0, 6, 0, 0, 0, 10})
	a, _ := p.Next(rnd)
	b, _ := p.Next(rnd)
	if a != 7 || b != 11 {
		t.Fatalf("got %d, %d; want 7, 11", a, b)
	}
	if _, err := p.Next(rnd); err == nil {
		t.Fatal("no error when the random bytes run out")
	}
}

func TestRandIntnRejectsBias(t *testing.T) {
	// 0xffffffff is above the last multiple of 99 below 2^32: drawn again.
	rnd := bytes.NewReader([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 5})
	if n, err := randIntn(rnd, 99); err != nil || n != 5 {
		t.Fatalf("randIntn = %d, %v; want 5", n, err)
	}
}

func TestShuffle(t *testing.T) {
	xs := []int{0, 1, 2, 3, 4, 5, 6, 7}
	if err := Shuffle(rand.Reader, len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] }); err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, x := range xs {
		seen[x] = true
	}
	if len(seen) != 8 {
		t.Fatalf("shuffle lost items: %v", xs)
	}
	// With all-zero bytes every swap takes j = 0: a fixed, known order.
	ys := []int{0, 1, 2, 3}
	zero := bytes.NewReader(make([]byte, 64))
	_ = Shuffle(zero, len(ys), func(i, j int) { ys[i], ys[j] = ys[j], ys[i] })
	if ys[0] != 1 || ys[1] != 2 || ys[2] != 3 || ys[3] != 0 {
		t.Fatalf("zero shuffle = %v, want [1 2 3 0]", ys)
	}
}

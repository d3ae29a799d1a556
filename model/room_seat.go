package model

import (
	"encoding/binary"
	"io"
	"strconv"
)

// Pseudonyms hands out the numbers participants are known by ("Participant
// 7"): drawn at random for each connection, never the same twice while the
// room is open, so a number tells nothing about who joined when.
type Pseudonyms struct {
	used map[int]bool
}

// Next draws an unused number from rnd. Numbers come from 1 to 99 while
// the room is small, and from a range four times the count given out once
// it grows, so a draw rarely needs a second try.
func (p *Pseudonyms) Next(rnd io.Reader) (int, error) {
	if p.used == nil {
		p.used = map[int]bool{}
	}
	for {
		n, err := randIntn(rnd, max(99, 4*len(p.used)))
		if err != nil {
			return 0, err
		}
		if n++; !p.used[n] {
			p.used[n] = true
			return n, nil
		}
	}
}

// Given is how many numbers have been handed out.
func (p *Pseudonyms) Given() int { return len(p.used) }

// PseudonymName is the name a participant is shown as.
func PseudonymName(n int) string { return "Participant " + strconv.Itoa(n) }

// randIntn is a uniform number in [0, n) read from rnd, without modulo
// bias (draws above the last whole multiple of n are drawn again).
func randIntn(rnd io.Reader, n int) (int, error) {
	limit := uint32((1<<32)/uint64(n)) * uint32(n) // a multiple of n; 0 means 2^32
	var b [4]byte
	for {
		if _, err := io.ReadFull(rnd, b[:]); err != nil {
			return 0, ErrShortRandom
		}
		v := binary.BigEndian.Uint32(b[:])
		if limit == 0 || v < limit {
			return int(v % uint32(n)), nil
		}
	}
}

// Shuffle puts n items in random order (Fisher–Yates), drawing from rnd:
// revealed notes go to the wall in an order that does not follow who
// wrote them or when.
func Shuffle(rnd io.Reader, n int, swap func(i, j int)) error {
	for i := n - 1; i > 0; i-- {
		j, err := randIntn(rnd, i+1)
		if err != nil {
			return err
		}
		swap(i, j)
	}
	return nil
}

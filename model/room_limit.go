package model

import "time"

// AttemptLimits bound how many wrong join codes are tried. A source (one
// network address) may get the code wrong SourceFree times; after that it
// must wait SourceWait after each further failure. Every wrong code counts
// against the room's current code too: after CodeMax failures, whatever
// their source, the code must be replaced, so that guessing spread over
// many sources cannot go on against one code.
type AttemptLimits struct {
	SourceFree int           // failures a source may make before it must wait
	SourceWait time.Duration // the wait after each failure beyond SourceFree
	CodeMax    int           // failures on one code before it rotates
	Forget     time.Duration // a source is forgotten this long after its last failure
	MaxSources int           // sources remembered at once; beyond, new ones share one budget
}

// DefaultAttemptLimits are the limits of a live room: 5 free tries per
// source, then one try a minute; the code rotates after 30 wrong codes.
// 40 bits at 30 guesses a code leave a guesser about one chance in 36
// billion per code.
var DefaultAttemptLimits = AttemptLimits{
	SourceFree: 5, SourceWait: time.Minute, CodeMax: 30,
	Forget: 15 * time.Minute, MaxSources: 4096,
}

// Limiter counts failed join attempts; the time is always passed in. It
// is not safe for concurrent use: the room calls it under its own lock.
type Limiter struct {
	lim       AttemptLimits
	sources   map[string]*attempts
	codeFails int
}

type attempts struct {
	fails int
	last  time.Time
}

// overflowSource is the shared budget of new sources once MaxSources are
// remembered.
const overflowSource = "\x00overflow"

// NewLimiter starts a limiter with no failures counted.
func NewLimiter(lim AttemptLimits) *Limiter {
	return &Limiter{lim: lim, sources: map[string]*attempts{}}
}

// Wait is how long source must wait before its code is even checked; 0
// when it may try now.
func (l *Limiter) Wait(source string, now time.Time) time.Duration {
	a := l.find(source, now)
	if a == nil || a.fails < l.lim.SourceFree {
		return 0
	}
	return max(a.last.Add(l.lim.SourceWait).Sub(now), 0)
}

// Fail counts a wrong code from source and reports whether the code must
// now be replaced (the limiter then counts afresh for the new code).
func (l *Limiter) Fail(source string, now time.Time) (rotate bool) {
	a := l.find(source, now)
	if a == nil {
		l.prune(now)
		if len(l.sources) >= l.lim.MaxSources {
			source = overflowSource
		}
		if a = l.sources[source]; a == nil {
			a = &attempts{}
			l.sources[source] = a
		}
	}
	a.fails++
	a.last = now
	l.codeFails++
	if l.codeFails >= l.lim.CodeMax {
		l.codeFails = 0
		return true
	}
	return false
}

// Succeed forgets a source's failures once it got the code right.
func (l *Limiter) Succeed(source string) { delete(l.sources, source) }

// CodeFails is the count of wrong codes against the current code.
func (l *Limiter) CodeFails() int { return l.codeFails }

// Rotated starts counting afresh for a new code (rotated by hand).
func (l *Limiter) Rotated() { l.codeFails = 0 }

// find is the source's record, or the shared one when the source is not
// remembered and the table is full; nil when there is none. A record
// older than Forget is dropped.
func (l *Limiter) find(source string, now time.Time) *attempts {
	a := l.sources[source]
	if a == nil && len(l.sources) >= l.lim.MaxSources {
		a = l.sources[overflowSource]
		source = overflowSource
	}
	if a != nil && now.Sub(a.last) >= l.lim.Forget {
		delete(l.sources, source)
		return nil
	}
	return a
}

// prune drops every record older than Forget.
func (l *Limiter) prune(now time.Time) {
	for s, a := range l.sources {
		if now.Sub(a.last) >= l.lim.Forget {
			delete(l.sources, s)
		}
	}
}

package model

import (
	"fmt"
	"strings"
)

// Continuum is a position on the toolkit's continuum of integration of the
// social care role, from attached through aligned to embedded. Positions
// are ordered: a larger value is more integrated. The zero value means no
// position has been chosen yet.
type Continuum int

// Continuum positions.
const (
	ContinuumUnset Continuum = iota
	Attached
	Aligned
	Embedded
)

// Continuums lists the positions in order, least integrated first, as the
// three-position selector shows them.
var Continuums = []Continuum{Attached, Aligned, Embedded}

var continuumNames = [...]string{"", "attached", "aligned", "embedded"}

// Valid reports whether c is one of the three positions.
func (c Continuum) Valid() bool { return c >= Attached && c <= Embedded }

// String is the position's name in lower case ("attached"), "" when unset.
func (c Continuum) String() string {
	if c >= ContinuumUnset && c <= Embedded {
		return continuumNames[c]
	}
	return fmt.Sprintf("Continuum(%d)", int(c))
}

// Title is the position's name for headings ("Attached"), "" when unset.
func (c Continuum) Title() string {
	s := c.String()
	if !c.Valid() {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ParseContinuum reads a position's name, ignoring case and surrounding
// space. An empty string gives ContinuumUnset without an error.
func ParseContinuum(s string) (Continuum, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, name := range continuumNames {
		if t == name {
			return Continuum(i), nil
		}
	}
	return ContinuumUnset, fmt.Errorf("unknown continuum position %q: want attached, aligned or embedded", s)
}

// MarshalText writes the position's name, so JSON and exports hold
// "aligned" rather than a number.
func (c Continuum) MarshalText() ([]byte, error) {
	if c != ContinuumUnset && !c.Valid() {
		return nil, fmt.Errorf("invalid continuum position %d", int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText reads a position's name, as ParseContinuum.
func (c *Continuum) UnmarshalText(b []byte) error {
	v, err := ParseContinuum(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

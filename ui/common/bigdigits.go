package common

import "strings"

// bigGlyphs draws the characters of a clock (and of a join code) five rows high, in full
// blocks, so that the time reads from the back of a room without colour.
var bigGlyphs = map[rune][5]string{
	'0': {"█████", "█   █", "█   █", "█   █", "█████"},
	'1': {"  ██ ", " ███ ", "  ██ ", "  ██ ", " ████"},
	'2': {"█████", "    █", "█████", "█    ", "█████"},
	'3': {"█████", "    █", " ████", "    █", "█████"},
	'4': {"█   █", "█   █", "█████", "    █", "    █"},
	'5': {"█████", "█    ", "█████", "    █", "█████"},
	'6': {"█████", "█    ", "█████", "█   █", "█████"},
	'7': {"█████", "    █", "   █ ", "  █  ", "  █  "},
	'8': {"█████", "█   █", "█████", "█   █", "█████"},
	'9': {"█████", "█   █", "█████", "    █", "█████"},
	':': {"   ", " █ ", "   ", " █ ", "   "},
	'-': {"     ", "     ", " ███ ", "     ", "     "},
	// The letters of a join code (Crockford's base32: no I, L, O or U).
	'A': {" ███ ", "█   █", "█████", "█   █", "█   █"},
	'B': {"████ ", "█   █", "████ ", "█   █", "████ "},
	'C': {" ████", "█    ", "█    ", "█    ", " ████"},
	'D': {"████ ", "█   █", "█   █", "█   █", "████ "},
	'E': {"█████", "█    ", "████ ", "█    ", "█████"},
	'F': {"█████", "█    ", "████ ", "█    ", "█    "},
	'G': {" ████", "█    ", "█  ██", "█   █", " ████"},
	'H': {"█   █", "█   █", "█████", "█   █", "█   █"},
	'J': {"  ███", "    █", "    █", "█   █", " ███ "},
	'K': {"█   █", "█  █ ", "███  ", "█  █ ", "█   █"},
	'M': {"█   █", "██ ██", "█ █ █", "█   █", "█   █"},
	'N': {"█   █", "██  █", "█ █ █", "█  ██", "█   █"},
	'P': {"████ ", "█   █", "████ ", "█    ", "█    "},
	'Q': {" ███ ", "█   █", "█   █", "█  █ ", " ██ █"},
	'R': {"████ ", "█   █", "████ ", "█  █ ", "█   █"},
	'S': {" ████", "█    ", " ███ ", "    █", "████ "},
	'T': {"█████", "  █  ", "  █  ", "  █  ", "  █  "},
	'V': {"█   █", "█   █", "█   █", " █ █ ", "  █  "},
	'W': {"█   █", "█   █", "█ █ █", "██ ██", "█   █"},
	'X': {"█   █", " █ █ ", "  █  ", " █ █ ", "█   █"},
	'Y': {"█   █", " █ █ ", "  █  ", "  █  ", "  █  "},
	'Z': {"█████", "   █ ", "  █  ", " █   ", "█████"},
}

// BigDigitsHeight is the number of rows BigText draws.
const BigDigitsHeight = 5

// BigText draws s (digits, colons, and a join code's letters and dash) in big glyphs, one space apart.
// Characters without a glyph are left out.
func BigText(s string) string {
	var rows [BigDigitsHeight]strings.Builder
	first := true
	for _, r := range s {
		g, ok := bigGlyphs[r]
		if !ok {
			continue
		}
		for i := range rows {
			if !first {
				rows[i].WriteByte(' ')
			}
			rows[i].WriteString(g[i])
		}
		first = false
	}
	out := make([]string, BigDigitsHeight)
	for i := range rows {
		out[i] = rows[i].String()
	}
	return strings.Join(out, "\n")
}

// BigTextScaled is BigText with every cell drawn sx columns wide and sy
// rows high, so that a clock grows with the window.
func BigTextScaled(s string, sx, sy int) string {
	sx, sy = max(sx, 1), max(sy, 1)
	var out []string
	for _, row := range strings.Split(BigText(s), "\n") {
		var b strings.Builder
		for _, r := range row {
			b.WriteString(strings.Repeat(string(r), sx))
		}
		for range sy {
			out = append(out, b.String())
		}
	}
	return strings.Join(out, "\n")
}

// BigScale is the largest scale at which text of width tw and height th
// cells fits in w×h (at least 1).
func BigScale(tw, th, w, h int) (sx, sy int) {
	if tw <= 0 || th <= 0 {
		return 1, 1
	}
	sy = max(min(h/th, w/(2*tw)), 1) // cells twice as wide as high look square
	sx = max(min(w/tw, 2*sy), 1)
	return sx, sy
}

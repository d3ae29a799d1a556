package live

import (
	"fmt"
	"strings"
	"testing"

	"rsc.io/qr"
)

// TestQRText: the drawing holds exactly the code's modules, black on
// white with fixed colours, inside a quiet zone of four modules, two rows
// a line.
func TestQRText(t *testing.T) {
	url := "HTTP://10.20.1.15:8080/J/K7QXM3PA"
	got, err := QRText(url)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := qr.Encode(url, qr.M)
	n := c.Size + 2*qrQuiet
	lines := strings.Split(got, "\n")
	if len(lines) != (n+1)/2 {
		t.Fatalf("%d lines for %d modules", len(lines), n)
	}
	// Read the modules back from the colours of each half block.
	for y, line := range lines {
		if !strings.HasSuffix(line, "\x1b[0m") {
			t.Fatalf("line %d does not reset its colours", y)
		}
		cells := strings.Split(strings.TrimSuffix(line, "\x1b[0m"), "▀")
		cells = cells[:len(cells)-1]
		if len(cells) != n {
			t.Fatalf("line %d: %d cells, want %d", y, len(cells), n)
		}
		for x, cell := range cells {
			var fg, bg int
			if _, err := fmtSscanf(cell, &fg, &bg); err != nil {
				t.Fatalf("cell %d,%d %q: %v", x, y, cell, err)
			}
			for half, colour := range []int{fg, bg} {
				my := 2*y + half - qrQuiet
				mx := x - qrQuiet
				dark := mx >= 0 && my >= 0 && mx < c.Size && my < c.Size && c.Black(mx, my)
				want := qrLight
				if dark {
					want = qrDark
				}
				if colour != want {
					t.Fatalf("module %d,%d: colour %d, want %d", mx, my, colour, want)
				}
			}
		}
	}
}

// TestQRUpperCaseIsSmaller: the upper-case join link makes a smaller code
// than the same link in lower case (alphanumeric mode), small enough for
// a panel.
func TestQRUpperCaseIsSmaller(t *testing.T) {
	up, _ := qr.Encode("HTTP://10.20.1.15:8080/J/K7QXM3PA", qr.M)
	low, _ := qr.Encode("http://10.20.1.15:8080/j/k7qxm3pa", qr.M)
	if up.Size >= low.Size {
		t.Fatalf("upper case %d modules, lower case %d", up.Size, low.Size)
	}
	if up.Size > 25 {
		t.Fatalf("the join code takes %d modules (version 2 is 25)", up.Size)
	}
}

// fmtSscanf reads one half block's colours.
func fmtSscanf(cell string, fg, bg *int) (int, error) {
	return fmt.Sscanf(cell, "\x1b[38;5;%d;48;5;%dm", fg, bg)
}

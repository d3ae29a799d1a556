package live

import (
	"strconv"
	"strings"

	"rsc.io/qr"
)

// QR code in the terminal. Phones' cameras read a code drawn with fixed
// colours, never the terminal's own (a theme's "white" may be grey, its
// background may be light or dark): dark modules are drawn black (colour
// 16 of the 256-colour table) and light ones white (231), in half blocks,
// two modules a character, inside a quiet zone of qrQuiet light modules.

// qrQuiet is the light margin around the code, in modules (the QR
// standard asks for four).
const qrQuiet = 4

const (
	qrLight = 231 // #ffffff in the 256-colour table
	qrDark  = 16  // #000000
)

// QRText draws text as a QR code in half-block characters: each line of
// the result is two rows of modules (the upper half block's foreground is
// the upper module, its background the lower), every line ending with the
// colours reset. Upper-case text of the QR alphanumeric set (a join URL
// from JoinURL) gives a smaller code.
func QRText(text string) (string, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", err
	}
	n := c.Size + 2*qrQuiet
	dark := func(x, y int) bool {
		x, y = x-qrQuiet, y-qrQuiet
		return x >= 0 && y >= 0 && x < c.Size && y < c.Size && c.Black(x, y)
	}
	colour := func(d bool) string {
		if d {
			return strconv.Itoa(qrDark)
		}
		return strconv.Itoa(qrLight)
	}
	var b strings.Builder
	for y := 0; y < n; y += 2 {
		for x := 0; x < n; x++ {
			top, bottom := dark(x, y), dark(x, y+1) // the row under the last is quiet zone
			b.WriteString("\x1b[38;5;" + colour(top) + ";48;5;" + colour(bottom) + "m▀")
		}
		b.WriteString("\x1b[0m\n")
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

package live

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestQRTextScans: the QR code as the terminal would show it (each half
// block's two colours, as the 256-colour table defines them) decodes back
// to the join link with a real reader (zbarimg, installed by .ci/run).
func TestQRTextScans(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg is not installed (.ci/run installs zbar-tools)")
	}
	for _, url := range []string{
		"HTTP://10.20.1.15:8080/J/K7QXM3PA",
		"HTTPS://ROOM.EXAMPLE.NHS.UK:8443/J/0123ABCD",
	} {
		drawn, err := QRText(url)
		if err != nil {
			t.Fatal(err)
		}
		img := qrImage(t, drawn, 8)
		path := filepath.Join(t.TempDir(), "qr.png")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		f.Close()
		out, err := exec.Command(zbar, "--raw", "-q", path).Output()
		if err != nil {
			t.Fatalf("zbarimg could not read the code for %s: %v", url, err)
		}
		if got := strings.TrimSpace(string(out)); got != url {
			t.Fatalf("read %q, drew %q", got, url)
		}
	}
}

// qrImage paints the half blocks as a terminal would: each character two
// pixels tall (its foreground over its background), scale pixels a module.
func qrImage(t *testing.T, drawn string, scale int) image.Image {
	t.Helper()
	lines := strings.Split(drawn, "\n")
	cells := func(line string) []string {
		c := strings.Split(strings.TrimSuffix(line, "\x1b[0m"), "▀")
		return c[:len(c)-1]
	}
	w, h := len(cells(lines[0])), 2*len(lines)
	img := image.NewGray(image.Rect(0, 0, w*scale, h*scale))
	paint := func(x, y, c int) {
		v := color.Gray{Y: 255}
		if c == qrDark {
			v = color.Gray{Y: 0}
		}
		for dy := range scale {
			for dx := range scale {
				img.SetGray(x*scale+dx, y*scale+dy, v)
			}
		}
	}
	for y, line := range lines {
		for x, cell := range cells(line) {
			var fg, bg int
			if _, err := fmt.Sscanf(cell, "\x1b[38;5;%d;48;5;%dm", &fg, &bg); err != nil {
				t.Fatalf("cell %q: %v", cell, err)
			}
			paint(x, 2*y, fg)
			paint(x, 2*y+1, bg)
		}
	}
	return img
}

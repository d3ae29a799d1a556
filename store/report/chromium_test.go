package report_test

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/carehuddle/huddle/store/report"
)

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// mediaBox finds a PDF page's size in points.
var mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`)

// A4 at 96 dots per inch, the size of the first page's picture.
const a4W, a4H = 794, 1123

// runChromium runs headless Chromium on a page with its own fresh profile
// and no network of its own making, adding args.
func runChromium(t *testing.T, page string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, chromiumPath, append(append(base, args...), "file://"+page)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, out)
	}
}

// TestReportsPrintWithChromium prints the minutes and the team report to
// PDF and takes a picture of the first page, as a browser's "print to
// PDF" would. Set HUDDLE_REPORT_KEEP to a folder to keep the files.
func TestReportsPrintWithChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skip("chromium is not installed (.ci/run installs it)")
	}
	f := newReportFixture(t)
	rep, err := f.st.TeamReport(f.teamID, timeZero, timeZero, f.exercises, reportToday)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if keep := os.Getenv("HUDDLE_REPORT_KEEP"); keep != "" {
		dir = keep
	}
	pages := map[string][]byte{
		"team":    report.TeamHTML(rep),
		"minutes": report.MinutesHTML(f.data(t, f.sessions[1]), f.exercises),
	}
	for name, data := range pages {
		t.Run(name, func(t *testing.T) {
			page := filepath.Join(dir, name+".html")
			if err := os.WriteFile(page, data, 0o600); err != nil {
				t.Fatal(err)
			}
			pdf, shot := filepath.Join(dir, name+".pdf"), filepath.Join(dir, name+".png")
			runChromium(t, page, "--print-to-pdf="+pdf, "--no-pdf-header-footer")
			runChromium(t, page, "--screenshot="+shot, "--window-size=794,1123", "--force-device-scale-factor=1")
			b, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("/Type /Page")) && !bytes.Contains(b, []byte("/Type/Page")) {
				t.Fatalf("%s is not a PDF with pages (%d bytes)", pdf, len(b))
			}
			// Every page A4: 595×842 points.
			boxes := mediaBox.FindAllSubmatch(b, -1)
			if len(boxes) == 0 {
				t.Errorf("%s has no page sizes", pdf)
			}
			for _, m := range boxes {
				w, _ := strconv.ParseFloat(string(m[1]), 64)
				h, _ := strconv.ParseFloat(string(m[2]), 64)
				if math.Abs(w-595) > 2 || math.Abs(h-842) > 2 {
					t.Errorf("%s has a page of %.0f×%.0f points, not A4", pdf, w, h)
				}
			}
			pf, err := os.Open(shot)
			if err != nil {
				t.Fatal(err)
			}
			defer pf.Close()
			img, err := png.Decode(pf)
			if err != nil {
				t.Fatal(err)
			}
			if sz := img.Bounds().Size(); sz.X != a4W || sz.Y != a4H {
				t.Errorf("picture %v, want %d×%d", sz, a4W, a4H)
			}
			// Ink on the page: some dark pixels, but mostly white paper.
			dark, total := 0, 0
			for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 2 {
				for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 2 {
					r, g, b, _ := img.At(x, y).RGBA()
					if (r+g+b)/3 < 0x4000 {
						dark++
					}
					total++
				}
			}
			if dark < total/200 || dark > total/3 {
				t.Errorf("first page has %d dark of %d pixels: blank or not printed in black on white", dark, total)
			}
		})
	}
}

package report

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/carehuddle/huddle/model"
)

// Charts of a team's journey as inline SVG: black on white, shapes and
// numbers rather than colours, so that they print and photocopy. Each
// has a table of the same numbers beside it in the report.

// The charts' frame, in SVG user units (they scale to the page width).
const (
	chartW      = 680
	chartLeft   = 96
	chartRight  = 14
	chartTop    = 18
	chartBottom = 34
	maxLabels   = 8  // date labels under the axis, at most
	maxNumbered = 24 // sessions up to which each point carries its number
)

// frame is one chart being drawn: n sessions across, a plot of height h.
type frame struct {
	b    strings.Builder
	n, h int
}

func newFrame(n, h int, label string) *frame {
	f := &frame{n: n, h: h}
	total := chartTop + h + chartBottom
	fmt.Fprintf(&f.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		chartW, total, chartW, total, html.EscapeString(label))
	f.b.WriteString(`<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="1.4"/></pattern></defs>`)
	fmt.Fprintf(&f.b, `<rect x="0" y="0" width="%d" height="%d" fill="#fff"/>`, chartW, total)
	return f
}

func (f *frame) plotW() float64 { return float64(chartW - chartLeft - chartRight) }

// x is the centre of session i's column.
func (f *frame) x(i int) float64 { return chartLeft + (float64(i)+0.5)*f.plotW()/float64(f.n) }

// col is the width of one session's column.
func (f *frame) col() float64 { return f.plotW() / float64(f.n) }

func (f *frame) text(x, y float64, anchor, size, s string) {
	fmt.Fprintf(&f.b, `<text x="%.1f" y="%.1f" text-anchor="%s" font-size="%s" fill="#000">%s</text>`, x, y, anchor, size, html.EscapeString(s))
}

func (f *frame) hline(y float64, dash bool) {
	d := ""
	if dash {
		d = ` stroke-dasharray="3 3"`
	}
	fmt.Fprintf(&f.b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#000" stroke-width="0.6"%s/>`, chartLeft, y, chartW-chartRight, y, d)
}

// dates labels the sessions under the plot: every one when few, else
// evenly spaced ones, the last always.
func (f *frame) dates(points []model.JourneyPoint) {
	step := (f.n + maxLabels - 1) / maxLabels
	y := float64(chartTop+f.h) + 16
	for i, p := range points {
		if i%step != 0 && i != f.n-1 {
			continue
		}
		if i != f.n-1 && f.n-1-i < step && i != 0 {
			continue // too close to the last label
		}
		x, anchor := f.x(i), "middle"
		if i == f.n-1 && f.n > 1 && x+30 > chartW {
			// The last label ends at the plot's edge rather than past it.
			x, anchor = float64(chartW-2), "end"
		}
		f.text(x, y, anchor, "10", p.Session.Started.Format("2 Jan 06"))
	}
	fmt.Fprintf(&f.b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#000" stroke-width="1"/>`, chartLeft, chartTop+f.h, chartW-chartRight, chartTop+f.h)
}

func (f *frame) done() string {
	f.b.WriteString("</svg>")
	return f.b.String()
}

// levelY is the height of a level (1 to 3) in a plot of height h.
func levelY(h int, v float64) float64 {
	return float64(chartTop) + float64(h)*(3-v)/2*0.84 + float64(h)*0.08
}

// levelFrame draws the three levels with their numbers and names.
func levelFrame(points []model.JourneyPoint, label string) *frame {
	const h = 150
	f := newFrame(len(points), h, label)
	for _, c := range model.Continuums {
		y := levelY(h, float64(c))
		f.hline(y, true)
		f.text(chartLeft-8, y+4, "end", "11", strconv.Itoa(int(c))+" "+c.Title())
	}
	f.dates(points)
	return f
}

// continuumSVG charts the mean continuum placement per session as a line
// with round markers; sessions without a placement break the line.
func continuumSVG(points []model.JourneyPoint) string {
	f := levelFrame(points, "Continuum: mean placement per session, 1 attached to 3 embedded")
	var path []string
	flush := func() {
		if len(path) > 1 {
			fmt.Fprintf(&f.b, `<polyline points="%s" fill="none" stroke="#000" stroke-width="1.6"/>`, strings.Join(path, " "))
		}
		path = path[:0]
	}
	r := min(4, max(f.col()/3, 1.2))
	for i, p := range points {
		m, ok := p.MeanPosition()
		if !ok {
			flush()
			continue
		}
		x, y := f.x(i), levelY(f.h, m)
		path = append(path, fmt.Sprintf("%.1f,%.1f", x, y))
		fmt.Fprintf(&f.b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#000"/>`, x, y, r)
		if f.n <= maxNumbered {
			f.text(x, y-7, "middle", "10", strconv.FormatFloat(m, 'f', 1, 64))
		}
	}
	flush()
	return f.done()
}

// profileSVG marks the nearest integration profile per session with a
// square, joined by a dashed line.
func profileSVG(points []model.JourneyPoint) string {
	f := levelFrame(points, "Integration profile: nearest profile per session")
	var path []string
	var marks strings.Builder // drawn over the line
	s := min(8, max(f.col()/2, 2))
	for i, p := range points {
		if !p.Level.Valid() {
			continue
		}
		x, y := f.x(i), levelY(f.h, float64(p.Level))
		path = append(path, fmt.Sprintf("%.1f,%.1f", x, y))
		fmt.Fprintf(&marks, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#fff" stroke="#000" stroke-width="1.5"/>`, x-s/2, y-s/2, s, s)
	}
	if len(path) > 1 {
		fmt.Fprintf(&f.b, `<polyline points="%s" fill="none" stroke="#000" stroke-width="1" stroke-dasharray="4 3"/>`, strings.Join(path, " "))
	}
	f.b.WriteString(marks.String())
	return f.done()
}

// seesawSVG draws per session a solid bar for the positives' weight and a
// hatched, outlined one for the challenges', each with its number when
// the sessions are few enough to read them.
func seesawSVG(points []model.JourneyPoint) string {
	const h = 150
	f := newFrame(len(points), h, "See-saw: weight of positives and challenges per session")
	most := 1
	for _, p := range points {
		most = max(most, p.Pos, p.Chal)
	}
	base := float64(chartTop + h)
	scale := float64(h-16) / float64(most)
	f.hline(base-float64(most)*scale, true)
	f.text(chartLeft-8, base-float64(most)*scale+4, "end", "11", strconv.Itoa(most))
	f.text(chartLeft-8, base+4, "end", "11", "0")
	// The legend, in the top left corner of the plot.
	fmt.Fprintf(&f.b, `<rect x="%d" y="4" width="10" height="10" fill="#000"/>`, chartLeft+4)
	f.text(chartLeft+18, 13, "start", "10", "positives")
	fmt.Fprintf(&f.b, `<rect x="%d" y="4" width="10" height="10" fill="url(#hatch)" stroke="#000"/>`, chartLeft+84)
	f.text(chartLeft+98, 13, "start", "10", "challenges")
	bw := min(f.col()*0.38, 22)
	for i, p := range points {
		if !p.Seesaw {
			continue
		}
		x := f.x(i)
		for _, bar := range []struct {
			v    int
			x    float64
			fill string
		}{{p.Pos, x - bw, `fill="#000"`}, {p.Chal, x, `fill="url(#hatch)" stroke="#000" stroke-width="0.8"`}} {
			hgt := float64(bar.v) * scale
			fmt.Fprintf(&f.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" %s/>`, bar.x, base-hgt, bw, hgt, bar.fill)
			if f.n <= maxNumbered {
				f.text(bar.x+bw/2, base-hgt-3, "middle", "9", strconv.Itoa(bar.v))
			}
		}
	}
	f.dates(points)
	return f.done()
}

// Package report renders what a team lead prints or hands round: a
// session's minutes and a team's journey as one self-contained HTML file
// (inline CSS and SVG, no script, nothing fetched from elsewhere, print
// styles for A4 that read in black and white), and sessions and actions
// as spreadsheets. It does no I/O: every function returns bytes.
//
// Captured text reaches the HTML only through the Markdown that package
// model writes, where it is sanitised and escaped, and through SVG labels
// escaped here; goldmark is used without its unsafe option, so no raw
// HTML passes through.
package report

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/carehuddle/huddle/model"
)

// md converts Markdown to HTML: CommonMark with tables and strikethrough,
// raw HTML omitted.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// markdownHTML renders Markdown written by package model.
func markdownHTML(src string) string {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		// Converting into a bytes.Buffer does not fail; keep the text
		// readable if it ever did.
		return "<pre>" + html.EscapeString(src) + "</pre>"
	}
	return buf.String()
}

// style is the report's whole look: plain black on white, serif-free,
// tables ruled, sized for A4 when printed. Nothing depends on colour.
const style = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt;
  line-height: 1.4; color: #000; background: #fff; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 .4em; padding-bottom: .2em; border-bottom: 2px solid #000; }
h2 { font-size: 13pt; margin: 1.3em 0 .4em; padding-bottom: .1em; border-bottom: 1px solid #000;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 1em 0 .3em; break-after: avoid; page-break-after: avoid; }
p, ul, ol { margin: .3em 0 .6em; }
li { margin: .1em 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 9.5pt; }
thead { display: table-header-group; }
th, td { border: 1px solid #000; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #e6e6e6; font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure { margin: .4em 0 .6em; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9pt; margin-top: .2em; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; }
footer { margin-top: 2em; font-size: 8.5pt; border-top: 1px solid #000; padding-top: .3em; }
@media print {
  body { max-width: none; padding: 0; }
  h2 { break-before: auto; }
}
`

// document wraps a body in a whole HTML page titled title (plain text).
func document(title, body string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + html.EscapeString(title) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n")
	b.WriteString(body)
	b.WriteString("<footer>Made with huddle. Captured text is shown as typed; check it before you share this document.</footer>\n")
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

// MinutesHTML renders a session's minutes (model.Minutes) as a
// printable page.
func MinutesHTML(d model.SessionData, exercises map[string]*model.Exercise) []byte {
	title := model.SanitizeLine(d.Session.Title)
	if strings.TrimSpace(title) == "" {
		title = "Session " + model.SanitizeLine(d.Session.ID)
	}
	return document(title, markdownHTML(model.Minutes(d, exercises)))
}

// TeamHTML renders a team's journey as a printable page: the opening
// list, the three charts at a glance (continuum, see-saw, profile), then
// each section's table of the same numbers, then the actions.
func TeamHTML(r model.TeamReport) []byte {
	var b strings.Builder
	b.WriteString(markdownHTML("# " + r.ReportTitle() + "\n\n" + r.Meta()))
	if len(r.Points) > 0 {
		b.WriteString("<section id=\"charts\">\n")
		b.WriteString(markdownHTML("## The journey at a glance\n"))
		b.WriteString(figure(continuumSVG(r.Points), "Continuum: the mean placement of each session, 1 attached, 2 aligned, 3 embedded."))
		b.WriteString(figure(seesawSVG(r.Points), "See-saw: the weight of the positives (solid) and of the challenges (outlined, hatched) in each session."))
		b.WriteString(figure(profileSVG(r.Points), "Integration profile: the nearest profile of the assessment in each session; sessions without one are left blank."))
		b.WriteString("</section>\n")
	}
	for _, s := range r.Sections() {
		b.WriteString("<section id=\"" + s.ID + "\">\n")
		b.WriteString(markdownHTML("## " + s.Title + "\n"))
		b.WriteString(markdownHTML(s.Markdown))
		b.WriteString("</section>\n")
	}
	return document("Team journey: "+model.SanitizeLine(r.TeamName), b.String())
}

func figure(svg, caption string) string {
	return "<figure>" + svg + "<figcaption>" + html.EscapeString(caption) + "</figcaption></figure>\n"
}

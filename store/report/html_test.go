package report_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/carehuddle/huddle/model"
	"github.com/carehuddle/huddle/store/report"
)

// parsedPage is an HTML page parsed strictly enough to trust: its text
// with white space folded, the elements it holds, and what is wrong with
// it for a self-contained, script-free document.
type parsedPage struct {
	text     string
	elements map[string]int
	problems []string
}

func parsePage(t *testing.T, page []byte) parsedPage {
	t.Helper()
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) {
		t.Error("the page does not start with <!DOCTYPE html>")
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	p := parsedPage{elements: map[string]int{}}
	var text strings.Builder
	var walk func(n *html.Node, inStyle bool)
	walk = func(n *html.Node, inStyle bool) {
		switch n.Type {
		case html.ElementNode:
			p.elements[n.Data]++
			switch n.Data {
			case "script", "iframe", "object", "embed", "img", "link", "base", "form", "input", "a", "foreignObject", "use", "image":
				p.problems = append(p.problems, "element <"+n.Data+">")
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") || k == "src" || k == "href" || k == "xlink:href" || k == "srcset" || k == "action" {
					p.problems = append(p.problems, "attribute "+a.Key+"="+a.Val+" on <"+n.Data+">")
				}
				if strings.Contains(strings.ToLower(a.Val), "url(") && !strings.HasPrefix(a.Val, "url(#") {
					p.problems = append(p.problems, "outside url in "+a.Key+" on <"+n.Data+">")
				}
			}
			inStyle = n.Data == "style"
			if inStyle && n.FirstChild != nil && (strings.Contains(n.FirstChild.Data, "url(") || strings.Contains(n.FirstChild.Data, "@import")) {
				p.problems = append(p.problems, "the style sheet fetches something")
			}
		case html.CommentNode:
			p.problems = append(p.problems, "comment "+n.Data) // goldmark's "raw HTML omitted" would show here
		case html.TextNode:
			if !inStyle {
				text.WriteString(n.Data + " ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inStyle)
		}
	}
	walk(doc, false)
	p.text = fold(text.String())
	return p
}

// fold joins runs of white space into one space.
func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// shown is how a captured text should read in the page: sanitised, its
// lines joined.
func shown(s string) string { return fold(model.Sanitize(s)) }

func TestMinutesHTMLHoldsEveryEntryAndAction(t *testing.T) {
	f := newReportFixture(t)
	for _, id := range f.sessions {
		d := f.data(t, id)
		page := parsePage(t, report.MinutesHTML(d, f.exercises))
		if len(page.problems) > 0 {
			t.Errorf("%s: the page is not self-contained and inert: %q", id, page.problems)
		}
		if page.elements["style"] != 1 || page.elements["h1"] != 1 || page.elements["table"] == 0 {
			t.Errorf("%s: elements %v", id, page.elements)
		}
		if !strings.Contains(page.text, shown(d.Session.Title)) {
			t.Errorf("%s: title missing", id)
		}
		n := 0
		for _, e := range d.Entries {
			if e.Text == "" || !e.Live() {
				continue
			}
			n++
			if !strings.Contains(page.text, shown(e.Text)) {
				t.Errorf("%s: entry %q is not in the page", id, e.Text)
			}
		}
		for _, a := range d.Actions {
			for _, s := range []string{a.Text, a.Owner} {
				if !strings.Contains(page.text, shown(s)) {
					t.Errorf("%s: action text or owner %q is not in the page", id, s)
				}
			}
		}
		if n == 0 || len(d.Actions) == 0 {
			t.Fatalf("%s: the fixture should have entries and actions", id)
		}
	}
}

func TestTeamHTMLHoldsEverySessionChartAndAction(t *testing.T) {
	f := newReportFixture(t)
	rep, err := f.st.TeamReport(f.teamID, timeZero, timeZero, f.exercises, reportToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Points) != 2 {
		t.Fatalf("North has two workshops (its reflection is private): %d", len(rep.Points))
	}
	page := parsePage(t, report.TeamHTML(rep))
	if len(page.problems) > 0 {
		t.Errorf("the page is not self-contained and inert: %q", page.problems)
	}
	if page.elements["svg"] != 3 || page.elements["section"] != 6 || page.elements["figcaption"] != 3 {
		t.Errorf("want three charts, then five sections: %v", page.elements)
	}
	for _, p := range rep.Points {
		if !strings.Contains(page.text, shown(p.Session.Title)) {
			t.Errorf("session %q missing", p.Session.Title)
		}
	}
	for _, want := range []string{"Team journey: North Locality", "3 Embedded", "1 Attached", "tilt", "1.3", "2.3", "OVERDUE"} {
		if !strings.Contains(page.text, want) {
			t.Errorf("%q missing from the team page", want)
		}
	}
	if len(rep.Actions) != 4 {
		t.Fatalf("North's workshops agreed 4 actions: %d", len(rep.Actions))
	}
	for _, a := range rep.Actions {
		if !strings.Contains(page.text, shown(a.Text)) {
			t.Errorf("action %q missing", a.Text)
		}
	}
	if strings.Contains(page.text, "private") || strings.Contains(page.text, "South") {
		t.Error("the team report shows a private reflection or another team's action")
	}
	// Overdue first: the action due 1 Feb 2025 is overdue on 20 March.
	if !model.ActionOverdue(rep.Actions[0].Action, reportToday) || rep.Actions[0].Text != hostile[6] {
		t.Errorf("the overdue action should come first: %+v", rep.Actions[0])
	}
	if i, j := strings.Index(page.text, "OVERDUE"), strings.Index(page.text, "dropped"); i < 0 || j < i {
		t.Error("the overdue action should be listed before the dropped one")
	}
}

func TestTeamReportMarkdownEscapesCapturedText(t *testing.T) {
	f := newReportFixture(t)
	rep, err := f.st.TeamReport(f.teamID, timeZero, timeZero, f.exercises, reportToday)
	if err != nil {
		t.Fatal(err)
	}
	md := model.TeamReportMarkdown(rep)
	for _, bad := range []string{"<script>", "\n=SUM", "[a link](", "| not |"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown holds %q unescaped", bad)
		}
	}
	// The period narrows the report: from 1 March only the second workshop.
	from := reportToday.AddDate(0, 0, -19)
	rep2, err := f.st.TeamReport(f.teamID, from, timeZero, f.exercises, reportToday)
	if err != nil || len(rep2.Points) != 1 || rep2.Points[0].Session.ID != f.sessions[1] {
		t.Fatalf("from %v: %d sessions, %v", from, len(rep2.Points), err)
	}
}

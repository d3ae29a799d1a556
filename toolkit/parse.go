package toolkit

import (
	"strings"

	"github.com/carehuddle/huddle/model"
)

// Fence info strings with a meaning of their own inside a slide.
const (
	fenceExercise = "exercise"
	fenceNotes    = "notes"
)

// ParseModule reads one module file. name is used in error messages.
// It never panics: every problem is reported as a LineError. All text of
// the module is sanitised (model.Sanitize).
func ParseModule(name string, data []byte) (model.Module, Errors) {
	return parseModule(name, data, true)
}

// parseModule is ParseModule; sanitise false is only for the built-in
// deck, which is stored as sanitised text (TestBuiltinIsSanitised) and
// need not pay for it again on every start.
func parseModule(name string, data []byte, sanitise bool) (model.Module, Errors) {
	c := &errs{file: name}
	// A deck may come from anywhere (--deck DIR): escape sequences and
	// control characters are neutralised once, here, so that no title,
	// body, note or exercise text can reach the terminal raw.
	text := string(data)
	if sanitise {
		text = model.Sanitize(text)
	}
	lines := strings.Split(text, "\n")
	mod := model.Module{Source: name}

	start := parseHeader(c, lines, &mod)
	if start < 0 {
		return mod, c.list
	}

	// Split into slides on "---" lines outside fenced code.
	var fence string
	fenceLine := 0
	slideStart := start
	for i := start; i <= len(lines); i++ {
		if i < len(lines) {
			line := lines[i]
			if f := fenceMarker(line); f != "" {
				if fence == "" {
					fence, fenceLine = f, i+1
				} else if isClosing(line, fence) {
					fence = ""
				}
				continue
			}
			if fence != "" || strings.TrimRight(line, " \t") != "---" {
				continue
			}
		} else if fence != "" {
			c.add(fenceLine, "code block opened here with %s is never closed", fence)
		}
		if i == len(lines) && blank(lines[slideStart:i]) && len(mod.Slides) > 0 {
			break // a --- after the last slide closes it; it does not open an empty one
		}
		if s, ok := parseSlide(c, lines[slideStart:i], slideStart+1); ok {
			mod.Slides = append(mod.Slides, s)
		}
		slideStart = i + 1
	}
	if len(mod.Slides) == 0 {
		c.add(0, "module %q has no slides", mod.ID)
	}
	return mod, c.list
}

// parseHeader reads the module's front matter: a "---" line, key: value
// lines (id, title, short), and a closing "---". It returns the index of
// the first line after the header, or -1 if there is none.
func parseHeader(c *errs, lines []string, mod *model.Module) int {
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first >= len(lines) || strings.TrimSpace(lines[first]) != "---" {
		c.add(min(first+1, len(lines)), "a module file starts with a header: a line ---, then id: and title:, then ---")
		return -1
	}
	for i := first + 1; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "---" {
			if mod.ID == "" {
				c.add(first+1, "module header has no id:")
			}
			if mod.Title == "" {
				c.add(first+1, "module header has no title:")
			}
			if mod.Short == "" {
				mod.Short = mod.Title
			}
			return i + 1
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch {
		case !ok:
			c.add(i+1, "header line must be key: value")
		case key == "id":
			if !validID(val) {
				c.add(i+1, "module id %q must be letters, digits and hyphens", val)
			}
			mod.ID = val
		case key == "title":
			mod.Title = val
		case key == "short":
			mod.Short = val
		default:
			c.add(i+1, "unknown header key %q (want id, title, short)", key)
		}
	}
	c.add(first+1, "module header is never closed with ---")
	return -1
}

// parseSlide turns a slide's lines into a Slide, pulling out its notes and
// exercise blocks. firstLine is the 1-based line number of lines[0].
func parseSlide(c *errs, lines []string, firstLine int) (model.Slide, bool) {
	s := model.Slide{Line: firstLine}
	var body, notes []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		marker := fenceMarker(line)
		info := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "`~"))
		if marker == "" {
			body = append(body, line)
			continue
		}
		end := closingFence(lines, i+1, marker)
		if info != fenceExercise && info != fenceNotes {
			// An ordinary code block is kept whole, even if it shows a
			// notes or exercise block as an example.
			if end < 0 {
				end = len(lines) - 1
			}
			body = append(body, lines[i:end+1]...)
			i = end
			continue
		}
		if end < 0 {
			c.add(firstLine+i, "%s block is never closed", info)
			return s, false
		}
		inner := lines[i+1 : end]
		switch info {
		case fenceNotes:
			notes = append(notes, inner...)
		case fenceExercise:
			if s.Exercise != nil {
				c.add(firstLine+i, "a slide holds at most one exercise block")
			} else {
				s.Exercise = parseExercise(c, inner, firstLine+i)
			}
		}
		i = end
	}
	s.Body = joinSoftBreaks(strings.TrimSpace(strings.Join(body, "\n")))
	s.Notes = strings.TrimSpace(strings.Join(notes, "\n"))
	if s.Body == "" && s.Exercise == nil {
		if s.Notes != "" {
			c.add(firstLine, "slide has speaker notes but nothing to show")
		} else {
			c.add(firstLine, "empty slide (two --- lines with nothing between them)")
		}
		return s, false
	}
	s.Title = slideTitle(s.Body)
	if s.Title == "" && s.Exercise != nil {
		s.Title = s.Exercise.Title
	}
	return s, true
}

// fenceMarker returns the run of backticks or tildes that opens a fenced
// code block on this line, or "".
func fenceMarker(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 {
		return ""
	}
	ch := t[0]
	if ch != '`' && ch != '~' {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == ch {
		n++
	}
	if n < 3 {
		return ""
	}
	return t[:n]
}

// closingFence finds the line that closes a fence opened with marker.
func closingFence(lines []string, from int, marker string) int {
	for j := from; j < len(lines); j++ {
		if isClosing(lines[j], marker) {
			return j
		}
	}
	return -1
}

// isClosing reports whether line closes a fence opened with marker: the
// same character, at least as many, and nothing else.
func isClosing(line, marker string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, marker) && strings.Trim(t, marker[:1]) == ""
}

// slideTitle is the text of the first ATX heading of a slide body.
func slideTitle(body string) string {
	var fence string
	for _, line := range strings.Split(body, "\n") {
		if f := fenceMarker(line); f != "" {
			if fence == "" {
				fence = f
			} else if isClosing(line, fence) {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		if title, ok := atxHeading(line); ok {
			return title
		}
	}
	return ""
}

// atxHeading returns the text of a "# Title" line: one to six #, then a
// space or the end of the line ("#tag" is not a heading).
func atxHeading(line string) (string, bool) {
	t := strings.TrimSpace(line)
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return "", false
	}
	return strings.TrimSpace(strings.TrimRight(t[n:], "#")), true
}

// blank reports whether every line is empty or white space.
func blank(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

func validID(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Package common is what every screen of huddle shares: the theme, the
// rule that a key message of several runes is text and never a binding
// (Matches, KeyName), the one-line text field, layout helpers (fitting,
// clipping and windowing rows, the help box, the "make the window larger"
// screen), big digits, the Markdown renderer, the status message and the
// clocks that tests replace (Tick, StampClock). It imports nothing of ui.
package common

import (
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/ui/termbg"
)

// Theme names accepted by --theme.
const (
	ThemeAuto      = "auto"
	ThemeDark      = "dark"
	ThemeLight     = "light"
	ThemeProjector = "projector"
)

// ThemeNames lists the accepted --theme values.
var ThemeNames = []string{ThemeAuto, ThemeDark, ThemeLight, ThemeProjector}

// ResolveTheme turns --theme into a concrete theme and whether the
// background is dark. "auto" never queries the terminal (a terminal that
// does not answer would stall start-up): it reads COLORFGBG when the
// terminal sets it, and otherwise assumes a dark background.
//
// The projector theme follows the background too: bright text on a dark
// one, dark text on a light one, and, when the background is not known,
// the terminal's own text colour with accents that read on either (a
// meeting room's terminal or projector is often light). "auto" with an
// unknown background is drawn the same way, never pale grey on white.
func ResolveTheme(name string, getenv func(string) string) (string, bool) {
	known, dark := termbg.Known(getenv), termbg.Dark(getenv)
	switch name {
	case ThemeDark:
		return name, true
	case ThemeLight:
		return name, false
	case ThemeProjector:
		switch {
		case !known:
			return themeProjectorAny, true
		case !dark:
			return themeProjectorLight, false
		}
		return name, true
	}
	switch {
	case !known:
		return themeAny, true
	case !dark:
		return ThemeLight, false
	}
	return ThemeDark, true
}

// Concrete themes that --theme does not name: chosen by ResolveTheme for
// the background.
const (
	themeAny            = "any"             // background unknown: the terminal's own text colour
	themeProjectorLight = "projector-light" // projector on a light background
	themeProjectorAny   = "projector-any"   // projector, background unknown
)

// Theme holds every style huddle draws with.
type Theme struct {
	Name    string
	Dark    bool
	Glamour ansi.StyleConfig

	Footer     lipgloss.Style // the status line under a slide
	FooterKey  lipgloss.Style // emphasised parts of the status line
	Dim        lipgloss.Style // secondary text
	Accent     lipgloss.Style // headings of screens, selected items
	Warning    lipgloss.Style
	Danger     lipgloss.Style
	Box        lipgloss.Style // bordered panels and overlays
	NotesBox   lipgloss.Style // the speaker notes panel
	Notice     lipgloss.Style // the privacy notice
	Greyed     lipgloss.Style // entries whose feature is not there yet
	Selected   lipgloss.Style // the chosen entry of a menu
	Title      lipgloss.Style // a screen's big title, with a blank line under it
	Heading    lipgloss.Style // a title on one line (runner headers, panels)
	Input      lipgloss.Style // prompt of the goto and search inputs
	ProgressOn string         // progress bar colours
	ProgressOf string
}

// palette is the handful of colours a theme is built from.
type palette struct {
	fg, dim, accent, accentBg, warn, danger, border, progressOff string
}

var palettes = map[string]palette{
	ThemeDark:      {fg: "252", dim: "245", accent: "39", accentBg: "63", warn: "214", danger: "203", border: "63", progressOff: "238"},
	ThemeLight:     {fg: "235", dim: "240", accent: "25", accentBg: "25", warn: "130", danger: "160", border: "25", progressOff: "252"},
	ThemeProjector: {fg: "231", dim: "250", accent: "226", accentBg: "21", warn: "214", danger: "196", border: "231", progressOff: "240"},
	// Dark text on a light screen; heavy and dark enough to project.
	themeProjectorLight: {fg: "16", dim: "236", accent: "18", accentBg: "153", warn: "94", danger: "124", border: "16", progressOff: "250"},
	// No text colour of its own (fg ""): the terminal's, which reads on its
	// background whatever it is; accents of middle brightness.
	themeAny:          {fg: "", dim: "244", accent: "33", accentBg: "33", warn: "166", danger: "160", border: "33", progressOff: "246"},
	themeProjectorAny: {fg: "", dim: "243", accent: "27", accentBg: "27", warn: "166", danger: "160", border: "27", progressOff: "246"},
}

// NewTheme builds the named theme (dark, light or projector).
func NewTheme(name string) Theme {
	p, ok := palettes[name]
	if !ok {
		name, p = ThemeDark, palettes[ThemeDark]
	}
	t := Theme{Name: name, Dark: name != ThemeLight && name != themeProjectorLight}
	projector := name == ThemeProjector || name == themeProjectorLight || name == themeProjectorAny
	if projector {
		t.Name = ThemeProjector // laid out as the projector theme
	}
	c := func(s string) lipgloss.TerminalColor {
		if s == "" {
			return lipgloss.NoColor{} // the terminal's own
		}
		return lipgloss.Color(s)
	}
	t.Footer = lipgloss.NewStyle().Foreground(c(p.dim))
	t.FooterKey = lipgloss.NewStyle().Foreground(c(p.fg)).Bold(true)
	t.Dim = lipgloss.NewStyle().Foreground(c(p.dim))
	t.Accent = lipgloss.NewStyle().Foreground(c(p.accent)).Bold(true)
	t.Warning = lipgloss.NewStyle().Foreground(c(p.warn)).Bold(true)
	t.Danger = lipgloss.NewStyle().Foreground(c(p.danger)).Bold(true)
	t.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(c(p.border)).Padding(0, 1)
	t.NotesBox = lipgloss.NewStyle().Border(lipgloss.NormalBorder(), true, false, false, false).BorderForeground(c(p.border)).Foreground(c(p.fg))
	t.Notice = lipgloss.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(c(p.warn)).Padding(0, 1)
	t.Greyed = lipgloss.NewStyle().Foreground(c(p.dim)).Faint(true)
	t.Selected = lipgloss.NewStyle().Foreground(c(p.accent)).Bold(true)
	t.Title = lipgloss.NewStyle().Foreground(c(p.accent)).Bold(true).MarginBottom(1)
	t.Heading = lipgloss.NewStyle().Foreground(c(p.accent)).Bold(true)
	t.Input = lipgloss.NewStyle().Foreground(c(p.accent)).Bold(true)
	t.ProgressOn, t.ProgressOf = p.accent, p.progressOff
	if projector {
		t.Box = t.Box.Border(lipgloss.ThickBorder())
		t.Footer = t.Footer.Bold(true)
	}
	t.Glamour = glamourStyle(name, p)
	return t
}

// glamourStyle copies a stock glamour style and gives it new values. The
// stock configs' pointer fields point at shared package variables, so every
// change assigns a fresh pointer instead of writing through the old one.
func glamourStyle(name string, p palette) ansi.StyleConfig {
	cfg := styles.DarkStyleConfig
	if name == ThemeLight || name == themeProjectorLight {
		cfg = styles.LightStyleConfig
	}
	str := func(s string) *string {
		if s == "" {
			return nil // the terminal's own colour
		}
		return &s
	}
	yes := func() *bool { b := true; return &b }
	margin := func(u uint) *uint { return &u }

	cfg.Document.Color = str(p.fg)
	cfg.Document.BlockPrefix = ""
	cfg.Heading.Color = str(p.accent)
	cfg.Heading.Bold = yes()
	// Headings are marked by shape as well as colour, so that nothing
	// depends on colour alone (NO_COLOR, monochrome projectors).
	cfg.H1 = ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{
		Prefix: "█ ", Color: str(p.accent), Bold: yes(), BlockSuffix: "\n",
	}}
	cfg.H2 = ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Prefix: "▌ ", Color: str(p.accent), Bold: yes()}}
	cfg.H3 = ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Prefix: "▸ ", Bold: yes()}}
	cfg.Strong = ansi.StylePrimitive{Bold: yes(), Color: str(p.fg)}
	if name == themeAny || name == themeProjectorAny {
		// No colour of glamour's own for text, code or tables: the
		// terminal's, readable on its background.
		cfg.Text.Color, cfg.Paragraph.Color, cfg.Item.Color = nil, nil, nil
		cfg.Code.BackgroundColor, cfg.CodeBlock.Chroma = nil, nil
	}
	if name == ThemeProjector || name == themeProjectorLight || name == themeProjectorAny {
		cfg.Document.Margin = margin(4)
		cfg.H1.Upper = yes()
		cfg.H1.Prefix = "██ "
		cfg.H2.Prefix = "▌▌ "
		cfg.Paragraph.Color = str(p.fg)
		cfg.Item.Color = str(p.fg)
		cfg.Code.Color = str(p.warn)
	}
	return cfg
}

package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/carehuddle/huddle/model"
)

// resolveSlideSpec turns what was typed at "go to" into a flat slide
// index: "12" (the 12th slide of the deck), "m2" (module m2's first
// slide) or "m2 5" (module m2's fifth slide).
func resolveSlideSpec(spec string, deck *model.Deck, first []int, total int) (int, error) {
	fields := strings.Fields(spec)
	if len(fields) == 0 {
		return 0, fmt.Errorf("type a slide number or a module id")
	}
	if n, err := strconv.Atoi(fields[0]); err == nil && len(fields) == 1 {
		if n < 1 || n > total {
			return 0, fmt.Errorf("there is no slide %d: the deck has %d", n, total)
		}
		return n - 1, nil
	}
	mi := deck.ModuleByID(strings.ToLower(fields[0]))
	if mi < 0 {
		return 0, fmt.Errorf("no module %q (the ids are in the module menu, m)", fields[0])
	}
	if len(fields) == 1 {
		return first[mi], nil
	}
	n, err := strconv.Atoi(fields[1])
	slides := len(deck.Modules[mi].Slides)
	if err != nil || n < 1 || n > slides || len(fields) > 2 {
		return 0, fmt.Errorf("module %s has slides 1 to %d", deck.Modules[mi].ID, slides)
	}
	return first[mi] + n - 1, nil
}

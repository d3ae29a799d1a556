package toolkit

import (
	"embed"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/carehuddle/huddle/model"
)

//go:embed deck/*.md
var builtin embed.FS

// Builtin parses the deck that ships inside the binary. Its files are
// sanitised text already (TestBuiltinIsSanitised checks it), so they are
// not sanitised again on the way to the first slide.
func Builtin() (*model.Deck, error) {
	sub, err := fs.Sub(builtin, "deck")
	if err != nil {
		return nil, err
	}
	return loadFS(sub, "deck", false)
}

// LoadDir parses a deck directory on disk: every .md file in it, in file
// name order.
func LoadDir(dir string) (*model.Deck, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fileError("deck directory: %w", err)
	}
	if !info.IsDir() {
		return nil, fileError("deck: %s is not a directory", dir)
	}
	return LoadFS(os.DirFS(dir), dir)
}

// LoadFS parses every .md file at the root of fsys. label prefixes file
// names in error messages. The error, if any, is an Errors listing every
// problem with its file and line.
func LoadFS(fsys fs.FS, label string) (*model.Deck, error) {
	return loadFS(fsys, label, true)
}

func loadFS(fsys fs.FS, label string, sanitise bool) (*model.Deck, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fileError("deck: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".md") && !strings.EqualFold(e.Name(), "README.md") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, Errors{{File: label, Msg: "no .md module files in the deck directory"}}
	}
	deck := &model.Deck{}
	var all Errors
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fileError("deck: %w", err)
		}
		mod, es := parseModule(path.Join(label, name), data, sanitise)
		all = append(all, es...)
		if len(es) == 0 {
			deck.Modules = append(deck.Modules, mod)
		}
	}
	all = append(all, ValidateDeck(deck)...)
	if len(all) > 0 {
		return nil, all
	}
	return deck, nil
}

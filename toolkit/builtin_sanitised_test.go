package toolkit

import (
	"io/fs"
	"reflect"
	"testing"

	"github.com/carehuddle/huddle/model"
)

// TestBuiltinIsSanitised: every file of the built-in deck is text that
// model.Sanitize leaves as it is (no tab, CR, control character or escape
// sequence), which is why Builtin does not sanitise it at each start. A
// file edited with, say, a tab fails here: replace it with spaces.
func TestBuiltinIsSanitised(t *testing.T) {
	sub, err := fs.Sub(builtin, "deck")
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(sub, "*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no deck files: %v", err)
	}
	for _, name := range files {
		data, err := fs.ReadFile(sub, name)
		if err != nil {
			t.Fatal(err)
		}
		if got := model.Sanitize(string(data)); got != string(data) {
			for i := 0; i < len(got) && i < len(data); i++ {
				if got[i] != data[i] {
					t.Errorf("%s: not sanitised text at byte %d (%q)", name, i, data[i:min(i+20, len(data))])
					break
				}
			}
		}
	}
}

// TestBuiltinSameAsSanitised: the built-in deck parsed without sanitising
// is the deck parsed as any other directory is.
func TestBuiltinSameAsSanitised(t *testing.T) {
	fast, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := fs.Sub(builtin, "deck")
	full, err := LoadFS(sub, "deck")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast, full) {
		t.Error("the built-in deck parses differently without sanitising")
	}
}

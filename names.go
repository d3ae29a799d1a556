package main

import (
	"fmt"
	"io"

	"github.com/carehuddle/huddle/model"
)

// checkNames cleans the names given with --team and --facilitator like any
// other text (escape sequences and control characters removed, see
// model.CleanName) and runs the privacy guard on them: a name holding a
// likely identifier of a person (an NHS number, a postcode, a name with a
// title...) is refused with a message on stderr, and the command exits
// with the usage status, 2, since the argument is what must change. A
// facilitator is a member of staff, whose name is expected (see
// model.ScanName).
func checkNames(cmd string, stderr io.Writer, team, facilitator *string) bool {
	for _, n := range []struct {
		flag  string
		value *string
	}{{"team", team}, {"facilitator", facilitator}} {
		*n.value = model.CleanName(*n.value)
		if fs := model.ScanName(*n.value, n.flag == "facilitator"); len(fs) > 0 {
			fmt.Fprintf(stderr, "huddle %s: the --%s name may identify a service user: %s. "+
				"Give a name without it (names are stored, shown and exported like any other text).\n",
				cmd, n.flag, model.DescribeFindings(fs))
			return false
		}
	}
	return true
}

package model

import (
	"strconv"
	"strings"
)

// PollVotes reads the votes per option of a poll, in the option order,
// and their total.
func PollVotes(ex *Exercise, d *SessionData) (votes []int, total int) {
	votes = make([]int, len(ex.Options))
	for i := range ex.Options {
		if e, ok := d.Value(Slot{Exercise: ex.ID, Field: OptionField(i)}); ok && e.Count() > 0 {
			votes[i] = e.Count()
			total += e.Count()
		}
	}
	return votes, total
}

// Shares are each count's share of the total in whole per cent, rounded
// so that they add up to exactly 100 (largest remainder first; ties to
// the earlier option). All zero counts give all zero shares.
func Shares(counts []int) []int {
	total := 0
	for _, c := range counts {
		total += c
	}
	out := make([]int, len(counts))
	if total == 0 {
		return out
	}
	left := 100
	rem := make([]int, len(counts))
	for i, c := range counts {
		out[i] = c * 100 / total
		rem[i] = c * 100 % total
		left -= out[i]
	}
	for ; left > 0; left-- {
		best := -1
		for i := range rem {
			if rem[i] > 0 && (best < 0 || rem[i] > rem[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out[best]++
		rem[best] = 0
	}
	return out
}

// PollSummary renders a poll: the question, a table of votes per option
// with their share and a bar of text, the total, then the answers to the
// prompts and closing question.
func PollSummary(ex *Exercise, d *SessionData) string {
	votes, total := PollVotes(ex, d)
	table := ""
	if total > 0 {
		var rows [][]string
		top := 0
		for _, v := range votes {
			top = max(top, v)
		}
		shares := Shares(votes)
		for i, o := range ex.Options {
			share := shares[i]
			bar := strings.Repeat("█", (votes[i]*20+top-1)/top)
			rows = append(rows, []string{o, strconv.Itoa(votes[i]), strconv.Itoa(share) + "%", bar})
		}
		table = MarkdownTable([]string{"Option", "Votes", "Share", ""}, rows) + "\n**Total:** " + plural(total, "vote", "votes")
		room := 0
		for i := range ex.Options {
			if e, ok := d.Value(Slot{Exercise: ex.ID, Field: OptionField(i)}); ok {
				room += e.RoomVotes
			}
		}
		if room > 0 {
			table += " (" + strconv.Itoa(room) + " from the room)"
		}
		if ex.Question != "" {
			table = "**" + MarkdownInline(ex.Question) + "**\n\n" + table
		}
	}
	return joinSections(table,
		restSummary(ex, d, func(e Entry) bool { return strings.HasPrefix(e.Field, "option/") }),
		actionsSection(ex, d))
}

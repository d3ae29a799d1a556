package model

// The retention period: sessions started longer ago than it are listed
// in the review for deletion, after the user confirms.
const (
	DefaultRetentionMonths = 12
	MaxRetentionMonths     = 120
)

// ValidRetentionMonths reports whether n months is a retention period
// the review offers (1 to MaxRetentionMonths).
func ValidRetentionMonths(n int) bool { return n >= 1 && n <= MaxRetentionMonths }

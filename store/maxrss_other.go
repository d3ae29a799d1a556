//go:build unix && !darwin

package store

// maxrssUnit: getrusage reports kilobytes on Linux and the BSDs.
const maxrssUnit = 1024

package store

// maxrssUnit: getrusage reports bytes on macOS.
const maxrssUnit = 1

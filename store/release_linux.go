//go:build linux

package store

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// releaseMapped hands back the pages of the file that reads have mapped
// into the process. bbolt reads through a shared, read-only mapping of
// the file, and every page a read touches (with its neighbours, which the
// kernel maps around each fault) stays counted in the process's resident
// memory until the file is closed: on a large database a list or a search
// would grow the process towards the file's size. MADV_DONTNEED drops the
// mapping's page table entries only; the data stays in the system's cache
// and a later read maps it again. It runs inside a read transaction, so
// that bbolt cannot move the mapping meanwhile.
//
// Mapping pages again costs a fault each, so they are handed back only once
// the process holds more than releaseAbove of them: a small database, or a
// second search of the same sessions, keeps its pages.
func (s *Store) releaseMapped() {
	if !mappedTooMuch() {
		return
	}
	s.view(func(tx *bolt.Tx) error {
		dropMapped(tx)
		return nil
	})
}

// releaseMappedIn is releaseMapped inside a read transaction of a long
// read (a search across many sessions), which calls it as it goes.
func releaseMappedIn(tx *bolt.Tx) {
	if mappedTooMuch() {
		dropMapped(tx)
	}
}

// dropMapped drops the page table entries of tx's mapping of the file.
func dropMapped(tx *bolt.Tx) {
	info := tx.DB().Info()
	if info == nil || info.Data == 0 || tx.Size() <= 0 {
		return
	}
	// The mapping is not memory the Go runtime manages, so its address
	// may be held as a number and turned back into a pointer.
	base := *(*unsafe.Pointer)(unsafe.Pointer(&info.Data))
	data := unsafe.Slice((*byte)(base), tx.Size())
	syscall.Madvise(data, syscall.MADV_DONTNEED) // advice only: an error leaves the pages mapped
}

// releaseAbove is how much of files the process may hold mapped (the
// database's pages, and huddle's own program text) before reads hand the
// database's pages back.
const releaseAbove = 40 << 20

// mappedTooMuch reports whether the process holds more than releaseAbove
// of files in memory (the "shared" figure of /proc/self/statm).
func mappedTooMuch() bool {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return false
	}
	fields := strings.Fields(string(data))
	if len(fields) < 3 {
		return false
	}
	pages, err := strconv.ParseInt(fields[2], 10, 64)
	return err == nil && pages*int64(os.Getpagesize()) > releaseAbove
}

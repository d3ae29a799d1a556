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
// the process holds more than releaseAbove: a small database, or a second
// search of the same sessions, keeps its pages.
func (s *Store) releaseMapped() {
	if resident() < releaseAbove {
		return
	}
	s.view(func(tx *bolt.Tx) error {
		info := tx.DB().Info()
		if info == nil || info.Data == 0 || tx.Size() <= 0 {
			return nil
		}
		// The mapping is not memory the Go runtime manages, so its address
		// may be held as a number and turned back into a pointer.
		base := *(*unsafe.Pointer)(unsafe.Pointer(&info.Data))
		data := unsafe.Slice((*byte)(base), tx.Size())
		syscall.Madvise(data, syscall.MADV_DONTNEED) // advice only: an error leaves the pages mapped
		return nil
	})
}

// releaseAbove is the resident memory past which reads hand their mapped
// pages back.
const releaseAbove = 64 << 20

// resident is the process's resident memory in bytes (0 if unknown).
func resident() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

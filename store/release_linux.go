//go:build linux

package store

import (
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
func (s *Store) releaseMapped() {
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

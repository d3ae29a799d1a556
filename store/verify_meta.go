package store

import (
	"fmt"
	"hash/fnv"
	"io"
)

// boltMeta is a decoded meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64 // pages in use: ids below this one
	txid     uint64
}

// readMeta decodes and checks the meta page in buf (a page's first bytes).
func readMeta(buf []byte, id uint64) (boltMeta, error) {
	if len(buf) < pageHeaderSize+64 {
		return boltMeta{}, fmt.Errorf("meta page %d is cut short", id)
	}
	m := buf[pageHeaderSize:]
	switch {
	case native.Uint16(buf[8:]) != metaPageFlag:
		return boltMeta{}, fmt.Errorf("page %d is not a meta page", id)
	case native.Uint64(buf) != id:
		return boltMeta{}, fmt.Errorf("meta page %d calls itself page %d", id, native.Uint64(buf))
	case native.Uint16(buf[10:]) != 0 || native.Uint32(buf[12:]) != 0:
		return boltMeta{}, fmt.Errorf("meta page %d has a damaged header", id)
	case native.Uint32(m[0:]) != boltMagic:
		return boltMeta{}, fmt.Errorf("meta page %d has no bbolt marker", id)
	case native.Uint32(m[4:]) != boltVersion:
		return boltMeta{}, fmt.Errorf("meta page %d is of bbolt format %d", id, native.Uint32(m[4:]))
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != native.Uint64(m[56:]) {
		return boltMeta{}, fmt.Errorf("meta page %d fails its checksum", id)
	}
	meta := boltMeta{pageSize: native.Uint32(m[8:]), root: native.Uint64(m[16:]),
		freelist: native.Uint64(m[32:]), hwm: native.Uint64(m[40:]), txid: native.Uint64(m[48:])}
	if meta.pageSize < 512 || meta.pageSize > 1<<20 || meta.pageSize&(meta.pageSize-1) != 0 {
		return boltMeta{}, fmt.Errorf("meta page %d gives a page size of %d", id, meta.pageSize)
	}
	return meta, nil
}

// readMetas reads both meta pages, which must both be sound, and returns
// the one bbolt uses (the later transaction).
func readMetas(r io.ReaderAt, size int64) (boltMeta, error) {
	buf := make([]byte, pageHeaderSize+64)
	if _, err := r.ReadAt(buf, 0); err != nil {
		return boltMeta{}, fmt.Errorf("meta page 0 cannot be read: %v", err)
	}
	m0, err := readMeta(buf, 0)
	if err != nil {
		return boltMeta{}, err
	}
	if _, err := r.ReadAt(buf, int64(m0.pageSize)); err != nil {
		return boltMeta{}, fmt.Errorf("meta page 1 cannot be read: %v", err)
	}
	m1, err := readMeta(buf, 1)
	switch {
	case err != nil:
		return boltMeta{}, err
	case m1.pageSize != m0.pageSize:
		return boltMeta{}, fmt.Errorf("the meta pages disagree on the page size")
	}
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	switch {
	case m.hwm < 2 || m.hwm > uint64(size)/uint64(m.pageSize):
		return m, fmt.Errorf("the meta page counts %d pages but the file holds %d: it was cut short",
			m.hwm, uint64(size)/uint64(m.pageSize))
	case m.root < 2 || m.root >= m.hwm:
		return m, fmt.Errorf("the meta page's root page %d is outside the file", m.root)
	case m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.hwm):
		return m, fmt.Errorf("the meta page's free list page %d is outside the file", m.freelist)
	}
	return m, nil
}

package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
)

// The page walk reads a bbolt file's pages itself, never through bbolt, so
// that a damaged page cannot make it crash, loop or allocate without bound:
// every field is checked against the file before it is used, each page is
// read at most once, and the work and memory grow with the file's size and
// nothing else. It knows bbolt's file format (version 2), in the byte order
// of the machine, as bbolt writes it:
//
//	page header (16 bytes): id u64, flags u16, count u16, overflow u32
//	meta (after the header): magic u32, version u32, page size u32, flags u32,
//	  root bucket (root u64, sequence u64), freelist u64, high-water mark u64,
//	  txid u64, checksum u64 (FNV-64a of the fields before it)
//	branch element (16 bytes): pos u32, key size u32, child page u64
//	leaf element (16 bytes): flags u32, pos u32, key size u32, value size u32
//	bucket value: root page u64, sequence u64, then, if root is 0, the
//	  bucket's one leaf page inline
//
// bbolt writes a page's keys and values one after the other straight after
// its element headers, and the rest of the page is zeros; the walk insists
// on exactly that layout, so a changed element count, position or size is
// seen even when what it leaves still looks like a page.

const (
	pageHeaderSize  = 16
	pageElemSize    = 16
	bucketHeaderLen = 16
	branchPageFlag  = 0x01
	leafPageFlag    = 0x02
	metaPageFlag    = 0x04
	freelistFlag    = 0x10
	bucketLeafFlag  = 0x01
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	noFreelist      = ^uint64(0)
	maxTreeDepth    = 64
)

// Page states during the walk.
const (
	pageUnseen = iota
	pageMeta
	pageFree
	pageUsed
)

var native = binary.NativeEndian

// pageWalk is one walk of a file's pages.
type pageWalk struct {
	r       io.ReaderAt
	meta    boltMeta
	state   []uint8 // per page id below meta.hwm
	problem func(format string, args ...any)
	// leaf receives every key and value that is not a bucket, with the
	// path of buckets it is in; the slices are valid during the call only.
	leaf func(path [][]byte, k, v []byte)
	// bucket receives every bucket, with its path, before its contents.
	bucket func(path [][]byte)
	// cyclic is set when a page leads back to one above it: bbolt would
	// loop for ever on such a file.
	cyclic bool
	// only, when set, limits the walk to the root and this top-level
	// bucket.
	only []byte
	// broken counts the pages that were out of place.
	broken int
	bufs   [][]byte     // read buffers, one per depth
	elems  [][]pageElem // element lists, one per depth
}

// walkPages walks the whole file from the meta page m and reports what is
// out of place through problem.
func (w *pageWalk) walkPages() {
	w.state = make([]uint8, w.meta.hwm)
	w.state[0], w.state[1] = pageMeta, pageMeta
	if w.meta.freelist != noFreelist {
		w.readFreelist(w.meta.freelist)
	}
	w.walkTree(w.meta.root, nil, nil, nil, 0, nil)
	lost := 0
	first := uint64(0)
	for id := uint64(2); id < w.meta.hwm; id++ {
		if w.state[id] == pageUnseen && w.meta.freelist != noFreelist {
			if lost == 0 {
				first = id
			}
			lost++
		}
	}
	if lost > 0 {
		w.broken += lost
		w.problem("%d pages (the first is page %d) are neither in use nor free: data that the tree no longer reaches", lost, first)
	}
}

// readPage reads page id with its overflow pages, checking that it lies
// in the file and has not been read before. It returns nil if it cannot.
func (w *pageWalk) readPage(id uint64, kind string, depth int) []byte {
	ps := uint64(w.meta.pageSize)
	if id < 2 || id >= w.meta.hwm {
		w.broken++
		w.problem("a %s page id %d is outside the file's %d pages", kind, id, w.meta.hwm)
		return nil
	}
	buf := w.buffer(depth, ps)
	if n, err := w.r.ReadAt(buf, int64(id*ps)); n < pageHeaderSize {
		w.broken++
		w.problem("page %d cannot be read: %v", id, err)
		return nil
	}
	overflow := uint64(native.Uint32(buf[12:]))
	if native.Uint64(buf) != id {
		w.broken++
		w.problem("page %d calls itself page %d", id, native.Uint64(buf))
		return nil
	}
	if id+overflow >= w.meta.hwm {
		w.broken++
		w.problem("page %d says it runs on for %d pages, past the end of the file", id, overflow)
		return nil
	}
	for p := id; p <= id+overflow; p++ {
		if s := w.state[p]; s != pageUnseen {
			w.broken++
			what := map[uint8]string{pageMeta: "a meta page", pageFree: "listed as free", pageUsed: "already in use"}[s]
			w.problem("%s page %d overlaps page %d, which is %s", kind, id, p, what)
			return nil
		}
	}
	if overflow > 0 {
		buf = w.buffer(depth, (overflow+1)*ps)
		if _, err := w.r.ReadAt(buf, int64(id*ps)); err != nil {
			w.broken++
			w.problem("page %d cannot be read: %v", id, err)
			return nil
		}
	}
	for p := id; p <= id+overflow; p++ {
		w.state[p] = pageUsed
	}
	return buf
}

// pageElem is one element of a page being checked.
type pageElem struct {
	key, val []byte
	flags    uint32
	child    uint64
}

// elements returns a slice of n elements for a depth, reused.
func (w *pageWalk) elements(depth, n int) []pageElem {
	for len(w.elems) <= depth {
		w.elems = append(w.elems, nil)
	}
	if cap(w.elems[depth]) < n {
		w.elems[depth] = make([]pageElem, n)
	}
	return w.elems[depth][:n]
}

// buffer returns the read buffer of a tree depth, n bytes long: a page's
// keys bound the pages below it, so each depth keeps its own.
func (w *pageWalk) buffer(depth int, n uint64) []byte {
	for len(w.bufs) <= depth {
		w.bufs = append(w.bufs, nil)
	}
	if uint64(cap(w.bufs[depth])) < n {
		w.bufs[depth] = make([]byte, n)
	}
	return w.bufs[depth][:n]
}

// readFreelist marks the pages the free list names.
func (w *pageWalk) readFreelist(id uint64) {
	buf := w.readPage(id, "free list", 0)
	defer func() { w.bufs = nil }()
	if buf == nil {
		return
	}
	if native.Uint16(buf[8:]) != freelistFlag {
		w.broken++
		w.problem("page %d should be the free list but is not", id)
		return
	}
	count, at := uint64(native.Uint16(buf[10:])), uint64(pageHeaderSize)
	if count == 0xFFFF {
		count, at = native.Uint64(buf[pageHeaderSize:]), at+8
	}
	if count > (uint64(len(buf))-at)/8 {
		w.broken++
		w.problem("the free list (page %d) counts %d pages, more than it can hold", id, count)
		return
	}
	prev := uint64(1)
	for i := uint64(0); i < count; i++ {
		p := native.Uint64(buf[at+8*i:])
		if p <= prev || p >= w.meta.hwm || w.state[p] != pageUnseen {
			w.broken++
			w.problem("the free list (page %d) names page %d out of order or out of place", id, p)
			return
		}
		w.state[p] = pageFree
		prev = p
	}
}

// walkTree checks the tree under page id, whose keys must lie in [lo, hi)
// (nil: unbounded), inside the bucket at path. above holds the pages above
// it, to tell a cycle.
func (w *pageWalk) walkTree(id uint64, path [][]byte, lo, hi []byte, depth int, above []uint64) {
	for _, a := range above {
		if a == id {
			w.cyclic = true
			w.broken++
			w.problem("page %d leads back to itself", id)
			return
		}
	}
	if depth > maxTreeDepth {
		w.broken++
		w.problem("the tree below page %d is deeper than %d pages", id, maxTreeDepth)
		return
	}
	buf := w.readPage(id, "tree", depth+1)
	if buf == nil {
		return
	}
	w.walkNode(id, buf, false, path, lo, hi, depth, append(above, id))
}

// walkNode checks one branch or leaf page held in buf (a page of the file,
// or a bucket's inline page when inline is set) and what it leads to.
func (w *pageWalk) walkNode(id uint64, buf []byte, inline bool, path [][]byte, lo, hi []byte, depth int, above []uint64) {
	flags, count := native.Uint16(buf[8:]), int(native.Uint16(buf[10:]))
	fail := func(format string, args ...any) {
		where := fmt.Sprintf("page %d", id)
		if inline {
			where = fmt.Sprintf("the inline page of bucket %s", formatPath(path))
		}
		w.broken++
		w.problem(where+": "+format, args...)
	}
	isLeaf := flags == leafPageFlag
	switch {
	case flags != leafPageFlag && flags != branchPageFlag:
		fail("not a tree page (flags %#x)", flags)
		return
	case !isLeaf && (inline || count == 0):
		fail("a branch page with %d elements", count)
		return
	case pageHeaderSize+count*pageElemSize > len(buf):
		fail("%d elements do not fit in it", count)
		return
	}
	end := pageHeaderSize + count*pageElemSize
	elems := w.elements(depth+1, count)
	var prev []byte
	for i := range elems {
		e := buf[pageHeaderSize+i*pageElemSize:]
		at := pageHeaderSize + i*pageElemSize
		var pos, ksize, vsize int
		if isLeaf {
			elems[i].flags = native.Uint32(e)
			pos, ksize, vsize = int(native.Uint32(e[4:])), int(native.Uint32(e[8:])), int(native.Uint32(e[12:]))
		} else {
			pos, ksize = int(native.Uint32(e)), int(native.Uint32(e[4:]))
			elems[i].child = native.Uint64(e[8:])
		}
		switch {
		case at+pos != end:
			fail("element %d starts at byte %d, not straight after the one before (%d)", i, at+pos, end)
			return
		case ksize == 0 || ksize > len(buf)-end || vsize > len(buf)-end-ksize:
			fail("element %d (key %d bytes, value %d bytes) does not fit in the page", i, ksize, vsize)
			return
		}
		key := buf[end : end+ksize]
		elems[i].key, elems[i].val = key, buf[end+ksize:end+ksize+vsize]
		end += ksize + vsize
		switch {
		case prev != nil && bytes.Compare(prev, key) >= 0:
			fail("keys out of order at element %d", i)
			return
		case lo != nil && bytes.Compare(key, lo) < 0, hi != nil && bytes.Compare(key, hi) >= 0:
			fail("key %d lies outside the range its parent gives it", i)
			return
		}
		prev = key
	}
	if inline && end != len(buf) {
		fail("its elements end at byte %d of %d", end, len(buf))
		return
	}
	if !inline && !allZero(buf[end:]) {
		fail("bytes after its last element are not empty: elements were lost")
		return
	}
	if !isLeaf {
		for i, e := range elems {
			next := hi
			if i+1 < len(elems) {
				next = elems[i+1].key
			}
			w.walkTree(e.child, path, e.key, next, depth+1, above)
		}
		return
	}
	for _, e := range elems {
		switch {
		case e.flags == bucketLeafFlag:
			w.walkBucket(id, path, e.key, e.val, depth, above)
		case e.flags != 0:
			fail("element %s has unknown flags %#x", formatKey(e.key), e.flags)
		case len(path) == 0:
			fail("the root holds a value %s, not a bucket", formatKey(e.key))
		default:
			w.leaf(path, e.key, e.val)
		}
	}
}

// walkBucket checks the bucket named key whose header and inline page are
// in val.
func (w *pageWalk) walkBucket(id uint64, path [][]byte, key, val []byte, depth int, above []uint64) {
	if w.only != nil && (len(path) > 0 || !bytes.Equal(key, w.only)) {
		return
	}
	sub := append(append([][]byte(nil), path...), key)
	if len(val) < bucketHeaderLen {
		w.broken++
		w.problem("page %d: bucket %s has a header of %d bytes", id, formatPath(sub), len(val))
		return
	}
	if w.bucket != nil {
		w.bucket(sub)
	}
	root := native.Uint64(val)
	if root != 0 {
		w.walkTree(root, sub, nil, nil, depth+1, above)
		return
	}
	page := val[bucketHeaderLen:]
	if len(page) < pageHeaderSize || native.Uint64(page) != 0 || native.Uint32(page[12:]) != 0 {
		w.broken++
		w.problem("page %d: bucket %s has a damaged inline page", id, formatPath(sub))
		return
	}
	w.walkNode(0, page, true, sub, nil, nil, depth+1, above)
}

// formatPath renders a bucket path for messages.
func formatPath(path [][]byte) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = formatKey(p)
	}
	return strings.Join(parts, "/")
}

// allZero reports whether b holds only zero bytes.
func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// A full check of a large file reads every byte of it: seconds for a
// council's ten years of sessions. So when a check passes, what the file
// was is written beside it (DB.checked): its identity (device and inode),
// size, modification and change times, and bbolt's transaction id. The
// next open trusts that check, instead of running it again, only if the
// file is still exactly that: nothing has written it since (a write by
// any program changes the change time, which no program can set back),
// and bbolt's meta pages still name the same transaction. Anything else,
// an unreadable note included, means a full check as before. A note is
// written only after a check that passed, or at a clean Close by a store
// that followed every change of the file since one (closenote.go), and
// removed after a check that failed, so a damaged file is never trusted.
//
// What the note cannot see is damage with no write: a disk that decays
// under an unchanged file. Every record is checksummed on every read, so
// such damage in a record is still reported; `huddle doctor` always
// checks the whole file.

// A file's times come from a clock that moves in steps of a few
// milliseconds, so a write just after another might leave them as they
// were. A check is therefore remembered only of a file that nobody had
// written for settleTime when the check began.
var settleTime = 2 * time.Second

// settled reports whether the file of stamp st had not changed for
// settleTime at the time began.
func settled(st fileStamp, began time.Time) bool {
	return began.Sub(time.Unix(0, st.Ctime)) >= settleTime
}

// checkedTail is appended to the database's name for the note.
const checkedTail = ".checked"

// fileStamp is what a file was when its check passed.
type fileStamp struct {
	Dev   uint64 `json:"dev"`
	Ino   uint64 `json:"ino"`
	Size  int64  `json:"size"`
	Mtime int64  `json:"mtime"`
	Ctime int64  `json:"ctime"`
	Txid  uint64 `json:"txid"`
}

// stampOf reads the stamp of the file at path; ok is false where the
// platform cannot say what a trustworthy stamp needs.
func stampOf(path string) (st fileStamp, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return st, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return st, false
	}
	st.Size, st.Mtime = info.Size(), info.ModTime().UnixNano()
	if st.Dev, st.Ino, st.Ctime, ok = fileIdentity(info); !ok {
		return st, false
	}
	meta, err := readMetas(f, info.Size())
	if err != nil {
		return st, false
	}
	st.Txid = meta.txid
	return st, true
}

// rememberCheck writes the note for a file whose check just passed.
func rememberCheck(path string, st fileStamp) {
	note := path + checkedTail
	data, err := json.Marshal(st)
	if err != nil {
		return
	}
	tmp := note + ".tmp"
	if os.WriteFile(tmp, sealRecord([]byte(filepath.Base(path)), data), 0o600) != nil || os.Rename(tmp, note) != nil {
		os.Remove(tmp) // a note not written costs a check next time, nothing more
	}
}

// forgetCheck removes the note (after a check that failed).
func forgetCheck(path string) { os.Remove(path + checkedTail) }

// rememberedStamp reports whether a check of the file at path passed and
// nothing has changed the file since, with the file's stamp.
func rememberedStamp(path string) (fileStamp, bool) {
	raw, err := os.ReadFile(path + checkedTail)
	if err != nil || len(raw) > 4096 {
		return fileStamp{}, false
	}
	data, reason := openRecord([]byte(filepath.Base(path)), raw)
	if reason != "" {
		return fileStamp{}, false
	}
	var was fileStamp
	if json.Unmarshal(data, &was) != nil {
		return fileStamp{}, false
	}
	now, ok := stampOf(path)
	return now, ok && now == was
}

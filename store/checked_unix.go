//go:build linux || darwin

package store

import (
	"os"
	"syscall"
)

// fileIdentity is the device, inode and change time of a file.
func fileIdentity(info os.FileInfo) (dev, ino uint64, ctime int64, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0, false
	}
	return uint64(st.Dev), uint64(st.Ino), statCtime(st), true
}

package store

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// What a daily backup is for: a recent, whole copy to go back to when the
// database is lost or damaged. A database that has not changed since its
// newest backup is already copied, so that day's copy is skipped: the
// newest backup still holds everything, and older ones are kept longer
// (the rotation keeps the last KeepBackups days that have a backup). The
// note DB.backed-up says what the database was (identity, size, times,
// bbolt's transaction id) when the newest backup was copied, and what that
// backup file was once written and checked. The copy is skipped only when
// both are still exactly so.

// backedUpTail is appended to the database's name for the note.
const backedUpTail = ".backed-up"

// backupRecord is the note's content.
type backupRecord struct {
	Database fileStamp `json:"database"`
	Backup   string    `json:"backup"` // the backup's file name, beside the database
	Copy     fileStamp `json:"copy"`
}

// rememberBackup notes that the backup name was copied from the database
// at path while it was as before.
func rememberBackup(path string, before fileStamp, name string) {
	after, ok := stampOf(path)
	copyStamp, copyOK := stampOf(name)
	if !ok || !copyOK || after != before {
		forgetBackup(path)
		return
	}
	data, err := json.Marshal(backupRecord{Database: before, Backup: filepath.Base(name), Copy: copyStamp})
	if err != nil {
		return
	}
	note := path + backedUpTail
	tmp := note + ".tmp"
	if os.WriteFile(tmp, sealRecord([]byte(filepath.Base(path)), data), 0o600) != nil || os.Rename(tmp, note) != nil {
		os.Remove(tmp) // without the note the next day copies again, nothing more
	}
}

// forgetBackup removes the note.
func forgetBackup(path string) { os.Remove(path + backedUpTail) }

// backupCurrent reports whether the newest daily backup holds the
// database exactly as it is now.
func backupCurrent(path string) bool {
	raw, err := os.ReadFile(path + backedUpTail)
	if err != nil || len(raw) > 4096 {
		return false
	}
	data, reason := openRecord([]byte(filepath.Base(path)), raw)
	if reason != "" {
		return false
	}
	var rec backupRecord
	if json.Unmarshal(data, &rec) != nil || filepath.Base(rec.Backup) != rec.Backup {
		return false
	}
	list, err := dailyBackups(path)
	if err != nil || len(list) == 0 || filepath.Base(list[len(list)-1]) != rec.Backup {
		return false // the noted backup is not the newest one (or is gone)
	}
	db, dbOK := stampOf(path)
	copyStamp, copyOK := stampOf(list[len(list)-1])
	return dbOK && copyOK && db == rec.Database && copyStamp == rec.Copy
}

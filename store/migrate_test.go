package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

// withMigrations replaces the migrations for one test.
func withMigrations(t *testing.T, ms []migration) {
	saved := migrations
	migrations = ms
	t.Cleanup(func() { migrations = saved })
}

// schemaOf reads the schema version of a closed file.
func schemaOf(t *testing.T, path string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v := -1
	db.View(func(tx *bolt.Tx) error {
		v, err = readSchema(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// downgradeToV1 turns a closed file of schema 2 into the file schema 1
// would have held: the same records, without the search index and the
// entry counts.
func downgradeToV1(t *testing.T, path string) {
	t.Helper()
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		for _, name := range countedBuckets {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return putSchema(tx, 1)
	})
}

// migrationBackups lists the backups taken before migrations.
func migrationBackups(t *testing.T, path string) []string {
	t.Helper()
	list, err := filepath.Glob(path + migrateInfix + "*")
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestNewFileIsCurrentSchemaWithoutBackup(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	if v := schemaOf(t, path); v != SchemaVersion {
		t.Fatalf("new file has schema %d, want %d", v, SchemaVersion)
	}
	if list := migrationBackups(t, path); len(list) != 0 {
		t.Fatalf("a new file got migration backups %v", list)
	}
}

// TestMigrationBacksUpFirst: a fake migration from schema 1 to 2 finds the
// backup already written, holding the schema-1 data.
func TestMigrationBacksUpFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sess := mustSession(t, s, model.Session{Title: "before the upgrade"})
	s.Close()
	downgradeToV1(t, path)

	var backupsSeen []string
	withMigrations(t, []migration{{step: migrateV0toV1}, {step: func(tx *bolt.Tx) error {
		backupsSeen = migrationBackups(t, path)
		_, err := tx.CreateBucket([]byte("added_in_v2"))
		return err
	}}})
	var told [][2]int
	s, err = Open(path, Options{Upgrading: func(from, to int) { told = append(told, [2]int{from, to}) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(told) != 1 || told[0] != [2]int{1, 2} {
		t.Errorf("the upgrade was announced %v, want once, from 1 to 2", told)
	}
	if got, err := s.GetSession(sess.ID); err != nil || got.Title != "before the upgrade" {
		t.Fatalf("after migration: %+v, %v", got, err)
	}
	s.Close()
	if len(backupsSeen) != 1 {
		t.Fatalf("the migration saw backups %v, want one taken before it", backupsSeen)
	}
	if v := schemaOf(t, backupsSeen[0]); v != 1 {
		t.Errorf("the backup has schema %d, want 1", v)
	}
	if v := schemaOf(t, path); v != 2 {
		t.Errorf("the migrated file has schema %d, want 2", v)
	}
	s, err = Open(path, Options{Upgrading: func(int, int) { t.Error("an upgraded file was upgraded again") }})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(backupsSeen[0], 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got model.Session
	err = db.View(func(tx *bolt.Tx) error {
		_, err := getRecord(tx.Bucket([]byte(bucketSessions)), bucketSessions, []byte(sess.ID), &got)
		return err
	})
	if err != nil || got.Title != "before the upgrade" {
		t.Fatalf("the backup holds %+v, %v", got, err)
	}
	if info, _ := os.Stat(backupsSeen[0]); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %o, want 0600", info.Mode().Perm())
	}
}

// TestFailedMigrationLeavesTheOldVersion: the failing step is rolled back,
// the file stays at schema 1, and the error names the backup.
func TestFailedMigrationLeavesTheOldVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huddle.db")
	writeSampleStore(t, path, 2)
	downgradeToV1(t, path)
	withMigrations(t, []migration{{step: migrateV0toV1}, {step: func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucket([]byte("half_done")); err != nil {
			return err
		}
		return errors.New("step failed")
	}}})
	s, err := Open(path, Options{})
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded although the migration failed")
	}
	backups := migrationBackups(t, path)
	if len(backups) != 1 || !strings.Contains(err.Error(), backups[0]) || !strings.Contains(err.Error(), "step failed") {
		t.Fatalf("error %q, backups %v", err, backups)
	}
	if v := schemaOf(t, path); v != 1 {
		t.Errorf("schema %d after a failed migration, want 1", v)
	}
}

func TestBackupIfDueOncePerDayKeepsSeven(t *testing.T) {
	s, path := openTemp(t)
	mustSession(t, s, model.Session{Title: "backed up"})
	day := time.Date(2025, 1, 1, 12, 0, 0, 0, time.Local)
	first, err := s.BackupIfDue(day)
	if err != nil || first != path+".backup-20250101" {
		t.Fatalf("first backup %q, %v", first, err)
	}
	if again, err := s.BackupIfDue(day.Add(3 * time.Hour)); err != nil || again != "" {
		t.Fatalf("second backup the same day: %q, %v", again, err)
	}
	for i := 1; i < 10; i++ {
		// A change each day, or there would be nothing new to copy.
		mustSession(t, s, model.Session{Title: fmt.Sprintf("day %d", i)})
		if _, err := s.BackupIfDue(day.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != KeepBackups || list[0] != path+".backup-20250104" || list[6] != path+".backup-20250110" {
		t.Fatalf("backups kept: %v", list)
	}
	b, err := Open(list[6], Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got, _ := b.ListSessions(); len(got) != 10 || got[9].Title != "backed up" {
		t.Fatalf("backup holds %+v", got)
	}
}

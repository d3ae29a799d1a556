package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/carehuddle/huddle/model"
)

func TestDeleteSessionRemovesEverythingAndLogsTitleOnly(t *testing.T) {
	s, path := openTemp(t)
	const secret = "SECRET-CONTENT-OF-THE-DELETED-SESSION"
	gone := mustSession(t, s, model.Session{Title: "Module 2 with North", TeamName: "North", Facilitator: "Sam"})
	kept := mustSession(t, s, model.Session{Title: "Module 3 with North", TeamName: "North"})
	for _, sess := range []model.Session{gone, kept} {
		text := "kept line"
		if sess.ID == gone.ID {
			text = secret
		}
		for i := 0; i < 5; i++ {
			mustEntry(t, s, model.Entry{SessionID: sess.ID, ExerciseID: "M2-E1", Text: text})
		}
		if _, err := s.PutAction(model.Action{SessionID: sess.ID, Text: text}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDraft(model.DraftKey(sess.ID, "M2-E1", "Group 1"), text); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveTimer(model.DraftKey(sess.ID, "timer"), []byte(`"`+text+`"`)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteSession(gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}

	if _, err := s.GetSession(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetSession after delete: %v", err)
	}
	if list, _ := s.Entries(gone.ID); len(list) != 0 {
		t.Errorf("entries left: %d", len(list))
	}
	if list, _ := s.Actions(gone.ID); len(list) != 0 {
		t.Errorf("actions left: %d", len(list))
	}
	if list, _ := s.Drafts(model.DraftKey(gone.ID)); len(list) != 0 {
		t.Errorf("drafts left: %d", len(list))
	}
	if _, ok, _ := s.LoadTimer(model.DraftKey(gone.ID, "timer")); ok {
		t.Error("timer left")
	}
	if list, _ := s.ListSessions(); len(list) != 1 || list[0].ID != kept.ID {
		t.Errorf("ListSessions after delete: %v", sessionIDs(list))
	}
	if list, _ := s.TeamSessions(kept.TeamID); len(list) != 1 || list[0].ID != kept.ID {
		t.Errorf("TeamSessions after delete: %v", sessionIDs(list))
	}
	if list, _ := s.OpenActions(kept.TeamID); len(list) != 1 || list[0].SessionID != kept.ID {
		t.Errorf("OpenActions after delete: %+v", list)
	}
	if list, _ := s.Entries(kept.ID); len(list) != 5 {
		t.Errorf("the other session has %d entries, want 5", len(list))
	}

	log, err := s.Deletions()
	if err != nil || len(log) != 1 || log[0].SessionTitle != gone.Title || log[0].When.IsZero() {
		t.Fatalf("Deletions = %+v, %v", log, err)
	}
	// No live key or value anywhere holds the deleted content, and the log
	// record holds exactly a date and a title.
	err = s.view(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if bytes.Contains(k, []byte(secret)) || bytes.Contains(v, []byte(secret)) ||
					bytes.Contains(k, []byte(gone.ID)) || bytes.Contains(v, []byte(gone.ID)) {
					t.Errorf("bucket %s still holds %s: %s", name, formatKey(k), v)
				}
				if string(name) == bucketDeletions {
					data, _ := openRecord(k, v)
					var fields map[string]json.RawMessage
					json.Unmarshal(data, &fields)
					if len(fields) != 2 || fields["when"] == nil || fields["session_title"] == nil {
						t.Errorf("deletion record %s holds more than date and title", data)
					}
				}
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if report, err := Check(path); err != nil || !report.OK() {
		t.Fatalf("Check after delete: %v\n%s", err, report)
	}
}

func TestDeleteSessionWithDamagedRecord(t *testing.T) {
	s, _ := openTemp(t)
	sess := mustSession(t, s, model.Session{Title: "to be damaged", TeamName: "North", Started: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	mustEntry(t, s, model.Entry{SessionID: sess.ID, Text: "x"})
	// Damage the session record in place (as a flipped byte would).
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketSessions))
		v := append([]byte(nil), b.Get([]byte(sess.ID))...)
		v[len(v)-5] ^= 1
		return b.Put([]byte(sess.ID), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetSession(sess.ID); !errors.Is(err, ErrRecordDamaged) {
		t.Fatalf("GetSession: %v, want ErrRecordDamaged", err)
	}
	if list, err := s.ListSessions(); len(list) != 0 || !errors.Is(err, ErrRecordDamaged) {
		t.Fatalf("ListSessions: %v, %v; want nothing shown and ErrRecordDamaged", list, err)
	}
	if err := s.DeleteSession(sess.ID); err != nil {
		t.Fatal(err)
	}
	if list, err := s.ListSessions(); len(list) != 0 || err != nil {
		t.Fatalf("ListSessions after delete: %v, %v", list, err)
	}
	log, _ := s.Deletions()
	if len(log) != 1 || log[0].SessionTitle != "(damaged record)" {
		t.Fatalf("Deletions = %+v", log)
	}
	err = s.view(func(tx *bolt.Tx) error {
		for _, name := range indexBuckets {
			if k, _ := tx.Bucket([]byte(name)).Cursor().First(); k != nil {
				t.Errorf("index %s still has %s", name, formatKey(k))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapped: elsewhere the mapped pages are left to the system.
func (s *Store) releaseMapped() {}

// releaseMappedIn: elsewhere the mapped pages are left to the system.
func releaseMappedIn(*bolt.Tx) {}

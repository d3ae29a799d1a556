package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"

	"github.com/carehuddle/huddle/model"
)

// Every value the store writes is one record: JSON of the form
//
//	{"v":1,"crc":3735928559,"data":{...the model value...}}
//
// v is the record format version and crc is the CRC-32C (Castagnoli) of the
// record's key, the version byte and the data bytes exactly as stored. A
// record whose checksum does not match, or that does not parse, is damaged
// and is reported, never returned. The checksum covers the key so that a
// record that ends up under another key is caught too.
//
// The envelope is parsed by hand (the store writes it, byte for byte) so
// that reading does not scan the data twice.

// recordVersion is the version of the record envelope the store writes.
const recordVersion = 1

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// versionBytes holds every byte value, so that a record's version byte is
// checksummed without an allocation.
var versionBytes = func() (b [256]byte) {
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

const (
	recordPrefixV   = `{"v":`
	recordPrefixCRC = `,"crc":`
	recordPrefixDat = `,"data":`
)

// recordCRC is the checksum of one record.
func recordCRC(key []byte, version uint64, data []byte) uint32 {
	crc := crc32.Update(0, castagnoli, key)
	crc = crc32.Update(crc, castagnoli, versionBytes[byte(version):byte(version)+1])
	return crc32.Update(crc, castagnoli, data)
}

// encodeRecord marshals v and wraps it in a checksummed envelope for key.
func encodeRecord(key []byte, v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return sealRecord(key, data), nil
}

// sealRecord wraps JSON data in a checksummed envelope for key.
func sealRecord(key, data []byte) []byte {
	crc := recordCRC(key, recordVersion, data)
	buf := make([]byte, 0, len(data)+48)
	buf = append(buf, recordPrefixV...)
	buf = strconv.AppendUint(buf, recordVersion, 10)
	buf = append(buf, recordPrefixCRC...)
	buf = strconv.AppendUint(buf, uint64(crc), 10)
	buf = append(buf, recordPrefixDat...)
	buf = append(buf, data...)
	return append(buf, '}')
}

// openRecord verifies a record and returns its data bytes, which alias val
// (valid only inside the transaction). reason says what is wrong, if it is.
func openRecord(key, val []byte) (data []byte, reason string) {
	rest, ok := bytes.CutPrefix(val, []byte(recordPrefixV))
	if !ok {
		return nil, "not a record"
	}
	version, rest, ok := cutNumber(rest)
	if !ok || version != recordVersion {
		return nil, "unknown record version"
	}
	if rest, ok = bytes.CutPrefix(rest, []byte(recordPrefixCRC)); !ok {
		return nil, "no checksum"
	}
	crc, rest, ok := cutNumber(rest)
	if !ok || crc > 0xffffffff {
		return nil, "unreadable checksum"
	}
	if rest, ok = bytes.CutPrefix(rest, []byte(recordPrefixDat)); !ok || len(rest) < 1 || rest[len(rest)-1] != '}' {
		return nil, "malformed record"
	}
	data = rest[:len(rest)-1]
	if recordCRC(key, version, data) != uint32(crc) {
		return nil, "checksum mismatch"
	}
	return data, ""
}

// cutNumber reads a decimal number at the start of b.
func cutNumber(b []byte) (n uint64, rest []byte, ok bool) {
	i := 0
	for i < len(b) && i < 20 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, b, false
	}
	n, err := strconv.ParseUint(string(b[:i]), 10, 64)
	if err != nil {
		return 0, b, false
	}
	return n, b[i:], true
}

// decodeRecord verifies the record at key of bucket and unmarshals its
// data into v. A damaged record gives a *RecordDamagedError.
func decodeRecord(bucket string, key, val []byte, v any) error {
	data, reason := openRecord(key, val)
	if reason != "" {
		return &RecordDamagedError{Bucket: bucket, Key: formatKey(key), Reason: reason}
	}
	var err error
	if sess, ok := v.(*model.Session); ok {
		err = decodeSession(data, sess) // lists decode many: see sessiondecode.go
	} else {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		return &RecordDamagedError{Bucket: bucket, Key: formatKey(key), Reason: "undecodable: " + err.Error()}
	}
	return nil
}

// formatKey renders a key for messages: printable keys as they are; keys
// of the form "id\x00binary" as id/hex; anything else as hex.
func formatKey(key []byte) string {
	printable := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 || c > 0x7e {
				return false
			}
		}
		return true
	}
	if printable(key) {
		return strconv.Quote(string(key))
	}
	if i := bytes.IndexByte(key, 0); i > 0 && printable(key[:i]) {
		if rest := key[i+1:]; printable(rest) {
			return fmt.Sprintf("%q/%q", key[:i], rest)
		}
		return fmt.Sprintf("%q/%x", key[:i], key[i+1:])
	}
	return fmt.Sprintf("%x", key)
}

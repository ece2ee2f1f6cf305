package evaluation

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
)

// AuditKeyFile is the key file created in the data folder on first start
// when EVAL_AUDIT_KEY is not set.
const AuditKeyFile = "audit.key"

// MinAuditKeyBytes is the shortest audit key accepted: 256 bits, the size of
// HMAC-SHA256's output.
const MinAuditKeyBytes = 32

// AuditKey is the secret that MACs the audit chain. It is never stored in the
// database: whoever can write the database but does not hold the key cannot
// forge an event, the chain's head or a checkpoint.
type AuditKey struct {
	secret []byte
	id     string
}

// NewAuditKey wraps a secret of at least MinAuditKeyBytes bytes.
func NewAuditKey(secret []byte) (*AuditKey, error) {
	if len(secret) < MinAuditKeyBytes {
		return nil, fmt.Errorf("audit key: %d bytes, want at least %d", len(secret), MinAuditKeyBytes)
	}
	k := &AuditKey{secret: append([]byte(nil), secret...)}
	k.id = hex.EncodeToString(k.mac("evald-audit-key-id")[:8])
	return k, nil
}

// ParseAuditKey reads a key written as hex (64 hex digits or more) or as
// base64 (standard or URL alphabet, padded or not) of at least 32 bytes.
// Hex is tried first, so a string of hex digits always means hex.
func ParseAuditKey(s string) (*AuditKey, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil {
		return NewAuditKey(b)
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return NewAuditKey(b)
		}
	}
	return nil, errors.New("audit key: neither hex nor base64")
}

// LoadAuditKeyFile reads the key file in dataDir, creating it with a new
// random key (mode 0600) when there is none; created says it was created.
// Two processes starting at once on one folder end up with the same key.
func LoadAuditKeyFile(dataDir string) (key *AuditKey, created bool, err error) {
	path := filepath.Join(dataDir, AuditKeyFile)
	if k, err := ReadAuditKeyFile(dataDir); !errors.Is(err, os.ErrNotExist) {
		return k, false, err
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, false, err
	}
	secret := make([]byte, MinAuditKeyBytes)
	if _, err := rand.Read(secret); err != nil {
		return nil, false, err
	}
	// Write a temporary file (CreateTemp makes it 0600) and link it into
	// place: the link fails when another process got there first, and
	// nobody reads a half-written key.
	tmp, err := os.CreateTemp(dataDir, AuditKeyFile+".*")
	if err != nil {
		return nil, false, err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(hex.EncodeToString(secret) + "\n")
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, false, err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, os.ErrExist) {
		return LoadAuditKeyFile(dataDir)
	} else if err != nil {
		return nil, false, err
	}
	k, err := NewAuditKey(secret)
	return k, true, err
}

// ReadAuditKeyFile reads the key file in dataDir; a missing file is an
// error wrapping os.ErrNotExist.
func ReadAuditKeyFile(dataDir string) (*AuditKey, error) {
	path := filepath.Join(dataDir, AuditKeyFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := ParseAuditKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// ID is a short fingerprint of the key (16 hex digits), recorded with the
// chain so that a wrong key is named as such; it reveals nothing of the key.
func (k *AuditKey) ID() string { return k.id }

// mac is HMAC-SHA256 under the key of length-prefixed parts, the first of
// which says what is MACed, so that no MAC of one kind passes for another.
func (k *AuditKey) mac(parts ...string) []byte {
	h := hmac.New(sha256.New, k.secret)
	writeParts(h, parts...)
	return h.Sum(nil)
}

// macHex is mac in hex.
func (k *AuditKey) macHex(parts ...string) string { return hex.EncodeToString(k.mac(parts...)) }

// sameMAC compares two MACs in constant time.
func sameMAC(got, want string) bool { return hmac.Equal([]byte(got), []byte(want)) }

// writeParts length-prefixes each part, so that no two lists of parts
// produce the same input.
func writeParts(h hash.Hash, parts ...string) {
	for _, part := range parts {
		fmt.Fprintf(h, "%d:%s;", len(part), part)
	}
}

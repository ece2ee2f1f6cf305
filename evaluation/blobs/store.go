package blobs

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"time"
)

// Store keeps blobs by key, the SHA-256 hex of their content. Every replica
// of evald shares one Store (DESIGN.md "Several servers"): a folder
// (LocalBlobs), the application's database (DBBlobs) or an S3-compatible
// bucket (S3Blobs), chosen by EVAL_BLOB_URL (see Open).
//
// Writes are idempotent: putting a key that is already stored does nothing,
// since the same key means the same content. A reader sees a whole blob or
// none, never part of one.
type Store interface {
	// Put stores what r yields under key, checking on the way that it hashes
	// to key (ErrHashMismatch, and nothing stored, when it does not). It
	// streams: a blob never sits whole in memory.
	Put(ctx context.Context, key string, r io.Reader) error
	// Open returns the blob for reading, or an error wrapping ErrNotFound.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
	// Delete removes the blob; deleting a missing key is not an error.
	// Whether the blob is still referenced is the caller's concern (see
	// evaluation's Store.DeleteUnreferencedBlobs).
	Delete(ctx context.Context, key string) error
	// Walk calls fn with every stored blob, in key order, stopping at the
	// first error fn returns.
	Walk(ctx context.Context, fn func(info Info) error) error
}

// Info describes a stored blob, as Walk lists it.
type Info struct {
	Key  string
	Size int64
	// Modified is when the blob was stored: a file's modification time,
	// blob_objects.created_at, an object's LastModified. Garbage
	// collection keeps blobs younger than its grace period by it.
	Modified time.Time
}

// ErrHashMismatch is returned by Put when the content does not hash to its key.
var ErrHashMismatch = errors.New("evaluation: blob content does not match its SHA-256 key")

// keyLen is the length of a key: the hex of a SHA-256 sum.
const keyLen = sha256.Size * 2

// checkBlobKey refuses any key that is not a lower-case SHA-256 hex, so no
// key can name anything but a blob (no separators, dots or case-folding
// collisions on case-insensitive file systems).
func checkBlobKey(key string) error {
	if len(key) != keyLen {
		return fmt.Errorf("%w: length %d, want %d", ErrInvalidBlobKey, len(key), keyLen)
	}
	for i := 0; i < len(key); i++ {
		if c := key[i]; (c < 'a' || c > 'f') && (c < '0' || c > '9') {
			return fmt.Errorf("%w: byte %d is %q", ErrInvalidBlobKey, i, c)
		}
	}
	return nil
}

// IsKey reports whether s is a valid blob key.
func IsKey(s string) bool { return checkBlobKey(s) == nil }

// Key returns the key of data: its SHA-256 hex.
func Key(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// hashingReader hashes what it reads and stops with the context.
type hashingReader struct {
	ctx context.Context
	r   io.Reader
	h   hash.Hash
	n   int64
}

func newHashingReader(ctx context.Context, r io.Reader) *hashingReader {
	return &hashingReader{ctx: ctx, r: r, h: sha256.New()}
}

func (hr *hashingReader) Read(p []byte) (int, error) {
	if err := hr.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := hr.r.Read(p)
	hr.h.Write(p[:n])
	hr.n += int64(n)
	return n, err
}

// check returns ErrHashMismatch unless what was read hashes to key.
func (hr *hashingReader) check(key string) error {
	if got := hex.EncodeToString(hr.h.Sum(nil)); got != key {
		return fmt.Errorf("%w: %d bytes hash to %s, key is %s", ErrHashMismatch, hr.n, got, key)
	}
	return nil
}

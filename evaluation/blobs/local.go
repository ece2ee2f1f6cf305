// Package blobs keeps files by their SHA-256 (evidence and report ZIPs) in a
// folder, the application's database or an S3-compatible bucket, and judges
// uploaded evidence files by their content.
package blobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotFound is wrapped by the error of Open for a key that holds no blob.
// It is fs.ErrNotExist, so that any store of blobs can report it alike.
var ErrNotFound = fs.ErrNotExist

// ErrInvalidBlobKey is returned for a key that is not a lower-case SHA-256 hex.
var ErrInvalidBlobKey = errors.New("evaluation: invalid blob key")

const (
	blobDir  = 0o750
	blobFile = 0o640
)

// LocalBlobs keeps blobs as files under a folder, sharded by the first two
// characters of the key (dir/ab/abcdef…) so that no folder grows too large.
type LocalBlobs struct {
	dir string
}

// NewLocalBlobs returns blob storage in dir, creating the folder (0750).
func NewLocalBlobs(dir string) (*LocalBlobs, error) {
	if dir == "" {
		return nil, errors.New("evaluation: blobs: empty folder name")
	}
	if err := os.MkdirAll(dir, blobDir); err != nil {
		return nil, fmt.Errorf("evaluation: blobs: %w", err)
	}
	return &LocalBlobs{dir: dir}, nil
}

// path returns the shard folder and the file of a valid key.
func (b *LocalBlobs) path(key string) (shard, file string) {
	shard = filepath.Join(b.dir, key[:2])
	return shard, filepath.Join(shard, key)
}

// Put writes data to a temporary file in the key's shard, checks its hash,
// syncs it and renames it over the key, so a reader or a crash sees either
// the whole blob or none. A key already stored is left alone. Concurrent Puts
// of one key each write their own temporary file and the last rename wins;
// they are all equal.
func (b *LocalBlobs) Put(ctx context.Context, key string, r io.Reader) (err error) {
	if err := checkBlobKey(key); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	shard, file := b.path(key)
	if fi, err := os.Stat(file); err == nil && fi.Mode().IsRegular() {
		return nil
	}
	if err := os.MkdirAll(shard, blobDir); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	// The leading dot keeps temporary names out of the key space.
	tmp, err := os.CreateTemp(shard, "."+key+".tmp-*")
	if err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(blobFile); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	hr := newHashingReader(ctx, r)
	if _, err := io.Copy(tmp, hr); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	if err := hr.check(key); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	// Make the rename itself durable; the blob is already in place, so a
	// failure here is reported but leaves nothing to clean up.
	if err := syncDir(shard); err != nil {
		return fmt.Errorf("evaluation: put blob %s: sync folder: %w", key, err)
	}
	return nil
}

// syncDir flushes a folder's entries to disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// Open returns the blob stored under key; the caller closes it.
func (b *LocalBlobs) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	if err := checkBlobKey(key); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluation: open blob %s: %w", key, err)
	}
	_, file := b.path(key)
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("evaluation: open blob %s: %w", key, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("evaluation: open blob %s: %w", key, err)
	}
	return f, nil
}

// Delete removes the blob stored under key. Shard folders are left in place
// so that a concurrent Put into the same shard never loses its folder.
func (b *LocalBlobs) Delete(ctx context.Context, key string) error {
	if err := checkBlobKey(key); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("evaluation: delete blob %s: %w", key, err)
	}
	_, file := b.path(key)
	if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("evaluation: delete blob %s: %w", key, err)
	}
	return nil
}

// Walk calls fn with every blob in the folder, in key order, dated by the
// file's modification time; temporary files of Puts under way and anything
// else that is not a key are skipped.
func (b *LocalBlobs) Walk(ctx context.Context, fn func(info Info) error) error {
	shards, err := os.ReadDir(b.dir)
	if err != nil {
		return fmt.Errorf("evaluation: walk blobs: %w", err)
	}
	for _, shard := range shards {
		if !shard.IsDir() || len(shard.Name()) != 2 {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(b.dir, shard.Name()))
		if err != nil {
			return fmt.Errorf("evaluation: walk blobs: %w", err)
		}
		for _, e := range entries {
			key := e.Name()
			if !e.Type().IsRegular() || !IsKey(key) || key[:2] != shard.Name() {
				continue
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			fi, err := e.Info()
			if errors.Is(err, fs.ErrNotExist) {
				continue // deleted since the folder was read
			}
			if err != nil {
				return fmt.Errorf("evaluation: walk blobs: %w", err)
			}
			if err := fn(Info{Key: key, Size: fi.Size(), Modified: fi.ModTime()}); err != nil {
				return err
			}
		}
	}
	return nil
}

package blobs

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// blobKey returns the content address the lead uses: the SHA-256 hex.
func blobKey(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// newTestBlobs returns LocalBlobs in a folder that does not exist yet, so
// that NewLocalBlobs has to create it.
func newTestBlobs(t *testing.T) (*LocalBlobs, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "blobs")
	b, err := NewLocalBlobs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return b, dir
}

// readBlob reads a whole blob through Open.
func readBlob(t *testing.T, b *LocalBlobs, key string) []byte {
	t.Helper()
	r, err := b.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// filesUnder lists every regular file below dir, relative to it.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, err := filepath.Rel(dir, path)
			if err != nil {
				return err
			}
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBlobsRoundTrip(t *testing.T) {
	b, dir := newTestBlobs(t)
	ctx := context.Background()
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || fi.Mode().Perm()&0o007 != 0 {
		t.Fatalf("folder %s: %v, %v; want a folder closed to others", dir, fi, err)
	}

	data := []byte("整改方案（2024）的佐证材料")
	key := blobKey(data)
	if err := b.Put(ctx, key, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if got := readBlob(t, b, key); !bytes.Equal(got, data) {
		t.Fatalf("read back %q, want %q", got, data)
	}

	// Sharded by the first two characters, file mode 0640.
	want := filepath.Join(dir, key[:2], key)
	fi, err := os.Stat(want)
	if err != nil {
		t.Fatalf("blob not at %s: %v", want, err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}

	// Seekable, as the handler serves ranges with http.ServeContent.
	r, err := b.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if end, err := r.Seek(0, io.SeekEnd); err != nil || end != int64(len(data)) {
		t.Errorf("seek to end: %d, %v; want %d", end, err, len(data))
	}

	if err := b.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Open(ctx, key); !errors.Is(err, ErrNotFound) {
		t.Errorf("open after delete: %v, want ErrNotFound", err)
	}
}

func TestBlobsEmptyBlob(t *testing.T) {
	b, _ := newTestBlobs(t)
	key := blobKey(nil)
	if err := b.Put(context.Background(), key, bytes.NewReader(nil)); err != nil {
		t.Fatal(err)
	}
	if got := readBlob(t, b, key); len(got) != 0 {
		t.Errorf("empty blob read back as %q", got)
	}
}

func TestBlobsPutIsIdempotent(t *testing.T) {
	b, dir := newTestBlobs(t)
	ctx := context.Background()
	data := []byte("same content twice")
	key := blobKey(data)
	for i := range 3 {
		if err := b.Put(ctx, key, bytes.NewReader(data)); err != nil {
			t.Fatalf("put #%d: %v", i+1, err)
		}
	}
	if got := readBlob(t, b, key); !bytes.Equal(got, data) {
		t.Fatalf("read back %q", got)
	}
	if files := filesUnder(t, dir); len(files) != 1 {
		t.Errorf("files %v, want the one blob", files)
	}
}

func TestBlobsMissing(t *testing.T) {
	b, _ := newTestBlobs(t)
	ctx := context.Background()
	key := blobKey([]byte("never stored"))
	if r, err := b.Open(ctx, key); !errors.Is(err, ErrNotFound) {
		if r != nil {
			r.Close()
		}
		t.Errorf("open missing: %v, want ErrNotFound", err)
	}
	if err := b.Delete(ctx, key); err != nil {
		t.Errorf("delete missing: %v, want nil", err)
	}
}

func TestBlobsRefuseBadKeys(t *testing.T) {
	b, dir := newTestBlobs(t)
	ctx := context.Background()
	// A file beside the store that a bad key might reach.
	outside := filepath.Join(filepath.Dir(dir), "outside0123456789")
	if err := os.WriteFile(outside, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, key string
	}{
		{"empty", ""},
		{"too short", strings.Repeat("a", 63)},
		{"too long", strings.Repeat("a", 65)},
		{"not hex", strings.Repeat("z", 64)},
		{"parent", "../outside0123456789"},
		{"parent in shard", "ab/../../outside0123456789"},
		{"slash", "abcdef0123456789/x"},
		{"backslash", `abcdef0123456789\x`},
		{"absolute", "/etc/passwd0123456789"},
		{"dot", "abcdef0123456789.tmp"},
		{"upper case", "ABCDEF0123456789"},
		{"space", "abcdef 0123456789"},
		{"nul", "abcdef0123456789\x00"},
		{"non-ASCII", "abcdef0123456789é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := b.Put(ctx, tt.key, bytes.NewReader([]byte("x"))); !errors.Is(err, ErrInvalidBlobKey) {
				t.Errorf("Put: %v, want ErrInvalidBlobKey", err)
			}
			if r, err := b.Open(ctx, tt.key); !errors.Is(err, ErrInvalidBlobKey) {
				if r != nil {
					r.Close()
				}
				t.Errorf("Open: %v, want ErrInvalidBlobKey", err)
			}
			if err := b.Delete(ctx, tt.key); !errors.Is(err, ErrInvalidBlobKey) {
				t.Errorf("Delete: %v, want ErrInvalidBlobKey", err)
			}
		})
	}
	if files := filesUnder(t, dir); len(files) != 0 {
		t.Errorf("bad keys stored files %v", files)
	}
	if _, err := os.Stat(outside); err != nil {
		t.Errorf("file outside the store: %v", err)
	}

	// A key is a SHA-256 hex: a plain key of other content is refused too.
	if err := b.Put(ctx, strings.Repeat("0", 64), bytes.NewReader([]byte("x"))); !errors.Is(err, ErrHashMismatch) {
		t.Errorf("put of other content: %v, want ErrHashMismatch", err)
	}
	if files := filesUnder(t, dir); len(files) != 0 {
		t.Errorf("a refused put left files %v", files)
	}
}

func TestBlobsConcurrentPutsOfOneKey(t *testing.T) {
	b, dir := newTestBlobs(t)
	ctx := context.Background()
	data := bytes.Repeat([]byte("佐证材料"), 64<<10) // 768 KiB, so writes overlap
	key := blobKey(data)

	const writers = 8
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Go(func() { errs[i] = b.Put(ctx, key, bytes.NewReader(data)) })
	}
	// Readers racing the writers see the whole blob or none.
	for range writers {
		wg.Go(func() {
			r, err := b.Open(ctx, key)
			if errors.Is(err, ErrNotFound) {
				return
			}
			if err != nil {
				t.Errorf("open during puts: %v", err)
				return
			}
			defer r.Close()
			got, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("read during puts: %d bytes, %v; want the whole blob", len(got), err)
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("put #%d: %v", i, err)
		}
	}
	if got := readBlob(t, b, key); !bytes.Equal(got, data) {
		t.Fatalf("final blob has %d bytes, want %d", len(got), len(data))
	}
	want := []string{filepath.Join(key[:2], key)}
	if files := filesUnder(t, dir); len(files) != 1 || files[0] != want[0] {
		t.Errorf("files %v, want only %v (no temporary files left)", files, want)
	}
}

func TestBlobsCancelledPutStoresNothing(t *testing.T) {
	b, dir := newTestBlobs(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := []byte("cancelled")
	key := blobKey(data)
	if err := b.Put(ctx, key, bytes.NewReader(data)); !errors.Is(err, context.Canceled) {
		t.Errorf("put: %v, want context.Canceled", err)
	}
	if files := filesUnder(t, dir); len(files) != 0 {
		t.Errorf("files %v after a cancelled put", files)
	}
}

func TestBlobsFailedRenameLeavesNoTemporaryFile(t *testing.T) {
	b, dir := newTestBlobs(t)
	data := []byte("blocked")
	key := blobKey(data)
	// A folder where the blob should go makes the final rename fail, after
	// the temporary file was written; this works even when running as root.
	if err := os.MkdirAll(filepath.Join(dir, key[:2], key), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := b.Put(context.Background(), key, bytes.NewReader(data)); err == nil {
		t.Fatal("put over a folder succeeded")
	}
	if files := filesUnder(t, dir); len(files) != 0 {
		t.Errorf("files %v after a failed put", files)
	}
}

func TestNewLocalBlobsRefusesAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := NewLocalBlobs(file); err == nil {
		t.Error("NewLocalBlobs on a regular file succeeded")
	}
	if _, err := NewLocalBlobs(""); err == nil {
		t.Error("NewLocalBlobs(\"\") succeeded")
	}
}

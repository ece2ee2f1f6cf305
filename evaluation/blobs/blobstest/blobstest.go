// Package blobstest checks that a blob store keeps the contract of
// blobs.Store, the same for every kind (folder, database, S3).
package blobstest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/evald/evald/evaluation/blobs"
)

// Run runs the contract's tests on stores made by open, each test on a new,
// empty store. chunk is the store's unit of writing (its chunk or part size,
// or 0), so that sizes around it are tried.
func Run(t *testing.T, chunk int, open func(t *testing.T) blobs.Store) {
	t.Run("RoundTrip", func(t *testing.T) { roundTrip(t, open(t), chunk) })
	t.Run("Seek", func(t *testing.T) { seek(t, open(t), chunk) })
	t.Run("IdempotentPut", func(t *testing.T) { idempotentPut(t, open(t)) })
	t.Run("HashMismatch", func(t *testing.T) { hashMismatch(t, open(t)) })
	t.Run("Missing", func(t *testing.T) { missing(t, open(t)) })
	t.Run("BadKeys", func(t *testing.T) { badKeys(t, open(t)) })
	t.Run("Delete", func(t *testing.T) { deleteBlob(t, open(t)) })
	t.Run("ConcurrentPuts", func(t *testing.T) { concurrentPuts(t, open(t), chunk) })
	t.Run("CancelledPut", func(t *testing.T) { cancelledPut(t, open(t)) })
	t.Run("Walk", func(t *testing.T) { walk(t, open(t)) })
	t.Run("Modified", func(t *testing.T) { modified(t, open(t)) })
}

// content returns n bytes that differ from one chunk to the next.
func content(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7+i/251) ^ seed
	}
	return b
}

// Put stores data under its key, failing the test on error.
func Put(t *testing.T, s blobs.Store, data []byte) string {
	t.Helper()
	key := blobs.Key(data)
	if err := s.Put(context.Background(), key, bytes.NewReader(data)); err != nil {
		t.Fatalf("put %d bytes: %v", len(data), err)
	}
	return key
}

// Read reads the whole blob of key.
func Read(t *testing.T, s blobs.Store, key string) []byte {
	t.Helper()
	r, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("read %s: %v", key, err)
	}
	return data
}

// Keys lists the store through Walk, failing the test on error.
func Keys(t *testing.T, s blobs.Store) map[string]int64 {
	t.Helper()
	got := map[string]int64{}
	last := ""
	err := s.Walk(context.Background(), func(info blobs.Info) error {
		if info.Key <= last {
			return fmt.Errorf("walk: %s after %s, want key order", info.Key, last)
		}
		got[info.Key], last = info.Size, info.Key
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sizes(chunk int) []int {
	out := []int{0, 1, 1000, 64 << 10}
	if chunk > 0 {
		out = append(out, chunk-1, chunk, chunk+1, 2*chunk+chunk/2)
	}
	return out
}

func roundTrip(t *testing.T, s blobs.Store, chunk int) {
	for i, n := range sizes(chunk) {
		data := content(n, byte(i))
		key := Put(t, s, data)
		if got := Read(t, s, key); !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read back %d bytes, not the same", n, len(got))
		}
	}
}

func seek(t *testing.T, s blobs.Store, chunk int) {
	n := 3*chunk + 17
	if chunk == 0 {
		n = 100 << 10
	}
	data := content(n, 9)
	key := Put(t, s, data)
	r, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if end, err := r.Seek(0, io.SeekEnd); err != nil || end != int64(n) {
		t.Fatalf("seek to end: %d, %v; want %d", end, err, n)
	}
	// Reads from offsets inside chunks, across their borders, and back.
	for _, off := range []int{n - 5, 0, n / 2, max(chunk-3, 0), 1, n / 3} {
		if _, err := r.Seek(int64(off), io.SeekStart); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, min(10, n-off))
		if _, err := io.ReadFull(r, buf); err != nil {
			t.Fatalf("read 10 bytes at %d: %v", off, err)
		}
		if !bytes.Equal(buf, data[off:off+len(buf)]) {
			t.Errorf("bytes at %d differ", off)
		}
	}
	if _, err := r.Seek(int64(n), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if k, err := r.Read(make([]byte, 1)); k != 0 || !errors.Is(err, io.EOF) {
		t.Errorf("read at the end: %d, %v; want io.EOF", k, err)
	}
}

func idempotentPut(t *testing.T, s blobs.Store) {
	data := content(5000, 3)
	key := Put(t, s, data)
	Put(t, s, data)
	// A second Put does not even need to read: the key says the content.
	if err := s.Put(context.Background(), key, strings.NewReader("")); err != nil {
		t.Errorf("put of a stored key: %v", err)
	}
	if got := Read(t, s, key); !bytes.Equal(got, data) {
		t.Error("content changed by a second put")
	}
	if keys := Keys(t, s); len(keys) != 1 || keys[key] != int64(len(data)) {
		t.Errorf("walk: %v, want one blob of %d bytes", keys, len(data))
	}
}

func hashMismatch(t *testing.T, s blobs.Store) {
	key := blobs.Key([]byte("what the key says"))
	err := s.Put(context.Background(), key, strings.NewReader("something else"))
	if !errors.Is(err, blobs.ErrHashMismatch) {
		t.Fatalf("put under a wrong key: %v, want ErrHashMismatch", err)
	}
	if r, err := s.Open(context.Background(), key); !errors.Is(err, blobs.ErrNotFound) {
		if r != nil {
			r.Close()
		}
		t.Errorf("open after a refused put: %v, want ErrNotFound", err)
	}
	if keys := Keys(t, s); len(keys) != 0 {
		t.Errorf("walk after a refused put: %v", keys)
	}
}

func missing(t *testing.T, s blobs.Store) {
	key := blobs.Key([]byte("never stored"))
	if r, err := s.Open(context.Background(), key); !errors.Is(err, blobs.ErrNotFound) {
		if r != nil {
			r.Close()
		}
		t.Errorf("open missing: %v, want ErrNotFound", err)
	}
	if err := s.Delete(context.Background(), key); err != nil {
		t.Errorf("delete missing: %v, want nil", err)
	}
}

func badKeys(t *testing.T, s blobs.Store) {
	ctx := context.Background()
	good := blobs.Key([]byte("x"))
	for _, key := range []string{"", "abcdef0123456789", good[:63], good + "0", strings.ToUpper(good),
		"../" + good[3:], good[:62] + "/x", good[:63] + ".", good[:63] + "g", good[:63] + "\x00"} {
		if err := s.Put(ctx, key, strings.NewReader("x")); !errors.Is(err, blobs.ErrInvalidBlobKey) {
			t.Errorf("put %q: %v, want ErrInvalidBlobKey", key, err)
		}
		if r, err := s.Open(ctx, key); !errors.Is(err, blobs.ErrInvalidBlobKey) {
			if r != nil {
				r.Close()
			}
			t.Errorf("open %q: %v, want ErrInvalidBlobKey", key, err)
		}
		if err := s.Delete(ctx, key); !errors.Is(err, blobs.ErrInvalidBlobKey) {
			t.Errorf("delete %q: %v, want ErrInvalidBlobKey", key, err)
		}
	}
}

func deleteBlob(t *testing.T, s blobs.Store) {
	a, b := Put(t, s, content(3000, 1)), Put(t, s, content(3000, 2))
	if err := s.Delete(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Open(context.Background(), a); !errors.Is(err, blobs.ErrNotFound) {
		if r != nil {
			r.Close()
		}
		t.Errorf("open deleted: %v, want ErrNotFound", err)
	}
	if keys := Keys(t, s); len(keys) != 1 || keys[b] == 0 {
		t.Errorf("walk after delete: %v, want only %s", keys, b)
	}
	// A deleted blob can be stored again.
	Put(t, s, content(3000, 1))
	if keys := Keys(t, s); len(keys) != 2 {
		t.Errorf("walk after put again: %v", keys)
	}
}

func concurrentPuts(t *testing.T, s blobs.Store, chunk int) {
	ctx := context.Background()
	data := content(max(3*chunk, 256<<10)+5, 4)
	key := blobs.Key(data)
	const writers = 4
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Go(func() { errs[i] = s.Put(ctx, key, bytes.NewReader(data)) })
	}
	// Readers racing the writers see the whole blob or none.
	for range writers {
		wg.Go(func() {
			r, err := s.Open(ctx, key)
			if errors.Is(err, blobs.ErrNotFound) {
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
	if got := Read(t, s, key); !bytes.Equal(got, data) {
		t.Errorf("final blob has %d bytes, want %d", len(got), len(data))
	}
}

func cancelledPut(t *testing.T, s blobs.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := []byte("cancelled")
	if err := s.Put(ctx, blobs.Key(data), bytes.NewReader(data)); !errors.Is(err, context.Canceled) {
		t.Errorf("put: %v, want context.Canceled", err)
	}
	if keys := Keys(t, s); len(keys) != 0 {
		t.Errorf("walk after a cancelled put: %v", keys)
	}
}

func walk(t *testing.T, s blobs.Store) {
	want := map[string]int64{}
	for i := range 7 {
		data := content(100+i, byte(i))
		want[Put(t, s, data)] = int64(len(data))
	}
	got := Keys(t, s)
	if len(got) != len(want) {
		t.Fatalf("walk: %d blobs, want %d", len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("walk: %s has %d bytes, want %d", k, got[k], n)
		}
	}
	// An error from fn stops the walk and comes back.
	stop := errors.New("stop")
	calls := 0
	err := s.Walk(context.Background(), func(blobs.Info) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("walk with a failing fn: %v after %d calls, want stop after 1", err, calls)
	}
}

// modified: Walk dates each blob by when it was stored, to the second (S3
// and MySQL DATETIME keep no more), so garbage collection can tell a blob
// just put from an old one.
func modified(t *testing.T, s blobs.Store) {
	before := time.Now().Add(-time.Second)
	key := Put(t, s, content(300, 5))
	after := time.Now().Add(time.Second)
	var got []blobs.Info
	if err := s.Walk(context.Background(), func(info blobs.Info) error { got = append(got, info); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Key != key || got[0].Size != 300 {
		t.Fatalf("walk: %+v, want the one blob of 300 bytes", got)
	}
	if m := got[0].Modified; m.Before(before) || m.After(after) {
		t.Errorf("walk dates the blob put between %s and %s at %s", before, after, m)
	}
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/evaltest"
)

// gcStore is a blob store under test and how to make its blobs old.
type gcStore struct {
	url string
	// age dates the blobs of keys two days back.
	age func(t *testing.T, keys ...string)
	// put stores data in the store (its date is now unless age says so).
	put func(t *testing.T, data []byte) string
}

// gcStoreKinds are the kinds of blob store `evald blobs gc` is tried on.
var gcStoreKinds = []string{"file", "db", "s3"}

// newGCStore opens a blob store of the kind for env's database.
func newGCStore(t *testing.T, env *evaltest.Env, kind string) gcStore {
	ctx := context.Background()
	old := time.Now().Add(-48 * time.Hour)
	putter := func(s blobs.Store) func(t *testing.T, data []byte) string {
		return func(t *testing.T, data []byte) string {
			t.Helper()
			key := blobs.Key(data)
			if err := s.Put(ctx, key, bytes.NewReader(data)); err != nil {
				t.Fatal(err)
			}
			return key
		}
	}
	switch kind {
	case "file":
		dir := filepath.Join(env.DataDir, "blobs") // the folder env.Store puts evidence in
		s, err := blobs.NewLocalBlobs(dir)
		if err != nil {
			t.Fatal(err)
		}
		return gcStore{url: "file://" + filepath.ToSlash(dir), put: putter(s), age: func(t *testing.T, keys ...string) {
			for _, k := range keys {
				if err := os.Chtimes(filepath.Join(dir, k[:2], k), old, old); err != nil {
					t.Fatal(err)
				}
			}
		}}
	case "db":
		s, err := blobs.NewDBBlobs(env.DB.Gorm, 0)
		if err != nil {
			t.Fatal(err)
		}
		return gcStore{url: "db:", put: putter(s), age: func(t *testing.T, keys ...string) {
			if err := env.DB.Gorm.Exec("UPDATE blob_objects SET created_at = ? WHERE blob_key IN ?", old.UTC(), keys).Error; err != nil {
				t.Fatal(err)
			}
		}}
	default:
		// The fake's clock dates objects: objects put before age is
		// called are two days old, the ones put after it are new.
		clock := gofakes3.FixedTimeSource(old)
		backend := s3mem.New(s3mem.WithTimeSource(clock))
		if err := backend.CreateBucket("evald"); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(gofakes3.New(backend).Server())
		t.Cleanup(srv.Close)
		// No credentials: the fake takes unsigned requests.
		url := "s3://evald/blobs?endpoint=" + srv.Listener.Addr().String() + "&secure=false"
		s, err := blobs.OpenURL(ctx, url, env.DataDir, nil)
		if err != nil {
			t.Fatal(err)
		}
		aged := false
		return gcStore{url: url, put: putter(s), age: func(t *testing.T, _ ...string) {
			if !aged {
				clock.Advance(time.Since(old))
				aged = true
			}
		}}
	}
}

// `evald blobs gc` on each kind of store: a blob no row refers to (one
// stored directly, one whose attachment a department deleted from its draft)
// is deleted once older than the grace; a referenced blob is kept however
// old; an unreferenced blob younger than the grace is kept until a run with
// a shorter grace; -dry-run deletes nothing but counts the same. Afterwards
// every file the database refers to opens and `evald backup` works.
func TestBlobsGC(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		for i, name := range gcStoreKinds {
			t.Run(name, func(t *testing.T) {
				env := env
				if i > 0 { // a database of its own, so the counts are this store's
					env = evaltest.New(t, env.Dialect)
				}
				w := evaltest.Seed(t, env)
				p := w.PublishRound()
				ctx := context.Background()
				st := newGCStore(t, env, name)
				finance := evaluation.ActorOf(w.DeptFinance)
				attach := func(i int) (*evaluation.AttachmentView, []byte) {
					data := minimalPDF(i)
					a, err := w.Store.AddAttachment(ctx, finance, p.P1Critical.ID, evaluation.BytesUpload(fmt.Sprintf("材料%d.pdf", i), data))
					if err != nil {
						t.Fatal(err)
					}
					st.put(t, data) // into the store under test too (a no-op for the folder)
					return a, data
				}
				kept1, data1 := attach(1)
				kept2, data2 := attach(2)
				dropped, _ := attach(3)
				if err := w.Store.DeleteAttachment(ctx, finance, dropped.ID); err != nil {
					t.Fatal(err)
				}
				orphan := st.put(t, []byte("stored, never referred to: "+name))
				st.age(t, kept1.SHA256, kept2.SHA256, dropped.SHA256, orphan)
				young := st.put(t, []byte("stored just now, its row not committed yet: "+name))
				deletedBytes := int64(len(minimalPDF(3)) + len("stored, never referred to: "+name))

				c := newCLI(t, env)
				c.env["EVAL_BLOB_URL"] = st.url
				want := fmt.Sprintf("delete 2 unreferenced blobs (%d bytes); kept 2 referenced and 1 unreferenced stored within the last 24h0m0s", deletedBytes)
				if out := c.must("blobs", "gc", "-dry-run", "-quiet"); !strings.Contains(out, "dry run: would "+want) {
					t.Errorf("gc -dry-run: %s, want %q", out, want)
				}
				if got := storedKeys(t, c, env); len(got) != 5 {
					t.Errorf("after a dry run the store holds %d blobs, want all 5", len(got))
				}
				code, out, errOut := c.run("blobs", "gc")
				if code != 0 || !strings.Contains(out, "deleted 2 unreferenced blobs") || !strings.Contains(errOut, "清理文件") {
					t.Fatalf("gc: exit %d, %s, %s; want 2 deleted and a progress bar", code, out, errOut)
				}
				got := storedKeys(t, c, env)
				if len(got) != 3 || !got[kept1.SHA256] || !got[kept2.SHA256] || !got[young] {
					t.Errorf("after gc the store holds %v, want the 2 referenced and the young one", got)
				}
				if out := c.must("blobs", "gc", "-quiet"); !strings.Contains(out, "deleted 0 unreferenced blobs (0 bytes); kept 2 referenced and 1 unreferenced") {
					t.Errorf("second gc: %s", out)
				}
				if out := c.must("blobs", "gc", "-grace", "0s", "-quiet"); !strings.Contains(out, "deleted 1 unreferenced blobs") {
					t.Errorf("gc -grace 0s: %s", out)
				}
				if got := storedKeys(t, c, env); len(got) != 2 || got[young] {
					t.Errorf("after gc -grace 0s the store holds %v, want only the 2 referenced", got)
				}

				files, err := blobs.OpenURL(ctx, st.url, env.DataDir, env.DB.Gorm)
				if err != nil {
					t.Fatal(err)
				}
				for key, want := range map[string][]byte{kept1.SHA256: data1, kept2.SHA256: data2} {
					r, err := files.Open(ctx, key)
					if err != nil {
						t.Fatalf("a referenced file after gc: %v", err)
					}
					data, err := io.ReadAll(r)
					r.Close()
					if err != nil || !bytes.Equal(data, want) {
						t.Errorf("referenced file %s after gc: %d bytes, %v", key, len(data), err)
					}
				}
				// The backup finds every file the database refers to.
				archive := filepath.Join(t.TempDir(), "backup.tar.gz")
				if out := c.must("backup", "--out", archive, "--quiet"); !strings.Contains(out, "wrote "+archive) {
					t.Errorf("backup after gc: %s", out)
				}
			})
		}
	})
}

// storedKeys lists the keys of the store c's EVAL_BLOB_URL names.
func storedKeys(t *testing.T, c *cli, env *evaltest.Env) map[string]bool {
	t.Helper()
	ctx := context.Background()
	s, err := blobs.OpenURL(ctx, c.env["EVAL_BLOB_URL"], env.DataDir, env.DB.Gorm)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	if err := s.Walk(ctx, func(info blobs.Info) error { keys[info.Key] = true; return nil }); err != nil {
		t.Fatal(err)
	}
	return keys
}

// `evald blobs gc` refuses a schema behind the code, and bad arguments.
func TestBlobsGCRefusals(t *testing.T) {
	env := evaltest.Open(t, evaluation.SQLite)
	if _, err := evaluation.MigrateTo(context.Background(), env.DB, 1); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t, env)
	if code, _, errOut := c.run("blobs", "gc", "-quiet"); code == 0 || !strings.Contains(errOut, "evald migrate") {
		t.Errorf("gc on a schema behind: exit %d, %s", code, errOut)
	}
	for _, args := range [][]string{{"blobs", "gc", "-grace", "-1h"}, {"blobs", "gc", "extra"}, {"blobs"}, {"blobs", "collect"}} {
		if code, _, errOut := c.run(args...); code != 2 || !strings.Contains(errOut, "evald blobs gc [-grace 24h]") {
			t.Errorf("evald %v: exit %d, %s; want the usage", args, code, errOut)
		}
	}
}

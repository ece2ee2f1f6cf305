package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/evaltest"
)

// minimalPDF is a file the evidence check takes for a PDF; n makes it unique.
func minimalPDF(n int) []byte {
	return fmt.Appendf(nil, "%%PDF-1.4\n%% %d\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n", n)
}

// `evald blobs migrate` copies the evidence of a folder into the database
// and then into another folder; every copy is verified, a second run copies
// nothing, and a store the database's files are missing from is reported.
func TestBlobsMigrate(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		p := w.PublishRound()
		ctx := context.Background()
		finance := evaluation.ActorOf(w.DeptFinance)
		var keys []string
		for i := range 3 {
			a, err := w.Store.AddAttachment(ctx, finance, p.P1Critical.ID, evaluation.BytesUpload(fmt.Sprintf("整改材料%d.pdf", i), minimalPDF(i)))
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, a.SHA256)
		}
		c := newCLI(t, env)
		c.env["EVAL_BLOB_URL"] = "file://" + filepath.ToSlash(filepath.Join(env.DataDir, "blobs"))

		out := c.must("blobs", "migrate", "-to", "db:", "-quiet")
		if !strings.Contains(out, "copied 3 blobs") || !strings.Contains(out, "every one of the 3 blobs the database refers to is in the target") {
			t.Fatalf("migrate to db: %s", out)
		}
		inDB, err := blobs.NewDBBlobs(env.DB.Gorm, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i, key := range keys {
			r, err := inDB.Open(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			r.Close()
			if err != nil || string(got) != string(minimalPDF(i)) {
				t.Errorf("blob %d in the database: %q, %v", i, got, err)
			}
		}
		if out := c.must("blobs", "migrate", "-to", "db:", "-quiet"); !strings.Contains(out, "copied 0 blobs (0 bytes), 3 already there") {
			t.Errorf("second migrate: %s", out)
		}

		// From the database (now the one in use) to a new folder.
		c.env["EVAL_BLOB_URL"] = "db:"
		other := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "copy"))
		if out := c.must("blobs", "migrate", "-to", other, "-quiet"); !strings.Contains(out, "copied 3 blobs") {
			t.Errorf("migrate db: to a folder: %s", out)
		}

		// A file the database refers to but no store holds is reported.
		if err := inDB.Delete(ctx, keys[1]); err != nil {
			t.Fatal(err)
		}
		empty := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "empty"))
		code, _, errOut := c.run("blobs", "migrate", "-to", empty, "-quiet")
		if code == 0 || !strings.Contains(errOut, "1 of the 3 blobs the database refers to are in neither store, e.g. "+keys[1]) {
			t.Errorf("migrate with a file missing: exit %d, %s", code, errOut)
		}

		// Bad URLs are refused with a message that says what is expected.
		for _, bad := range []string{"ftp://x", "file://relative", "s3://?endpoint=x", "db:x"} {
			if code, _, errOut := c.run("blobs", "migrate", "-to", bad, "-quiet"); code == 0 || !strings.Contains(errOut, "EVAL_BLOB_URL") {
				t.Errorf("-to %s: exit %d, %s", bad, code, errOut)
			}
		}
	})
}

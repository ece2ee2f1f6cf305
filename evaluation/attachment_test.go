package evaluation_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// The blob store reports a missing file as fs.ErrNotExist; the store makes it
// an ErrNotFound, which the API answers with 404.
func TestMissingEvidenceFileIsNotFound(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	w := evaltest.Seed(t, env)
	p := w.PublishRound()
	ctx := context.Background()
	finance := evaluation.ActorOf(w.DeptFinance)
	pdf := []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
	a, err := w.Store.AddAttachment(ctx, finance, p.P1Critical.ID, evaluation.BytesUpload("整改方案.pdf", pdf))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(env.DataDir, "blobs", a.SHA256[:2], a.SHA256)); err != nil {
		t.Fatal(err)
	}
	_, _, err = w.Store.OpenAttachment(ctx, finance, a.ID)
	if !errors.Is(err, evaluation.ErrNotFound) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("open a missing file: %v, want ErrNotFound", err)
	}
}

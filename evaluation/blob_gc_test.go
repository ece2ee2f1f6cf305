package evaluation_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/blobs/blobstest"
	"github.com/evald/evald/evaluation/evaltest"
)

// afterWalk is a blob store that runs a hook once its Walk has listed
// everything: a row committed while garbage collection walks.
type afterWalk struct {
	blobs.Store
	hook func()
}

func (a afterWalk) Walk(ctx context.Context, fn func(blobs.Info) error) error {
	if err := a.Store.Walk(ctx, fn); err != nil {
		return err
	}
	a.hook()
	return nil
}

// A row committed after the walk has listed an old, unreferenced blob (here
// an attachment uploaded again with the same content) keeps it: references
// are read after the walk, just before deleting. An old blob nobody takes
// back in the meantime goes.
func TestDeleteUnreferencedBlobsSeesRowsCommittedDuringTheWalk(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		p := w.PublishRound()
		ctx := context.Background()
		dir := filepath.Join(env.DataDir, "blobs")
		files, err := blobs.NewLocalBlobs(dir)
		if err != nil {
			t.Fatal(err)
		}
		pdf := []byte("%PDF-1.4\n% taken back\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
		takenBack := blobstest.Put(t, files, pdf)
		gone := blobstest.Put(t, files, []byte("never referred to"))
		old := env.Clock.Now().Add(-48 * time.Hour) // the store judges ages by its clock
		for _, k := range []string{takenBack, gone} {
			if err := os.Chtimes(filepath.Join(dir, k[:2], k), old, old); err != nil {
				t.Fatal(err)
			}
		}
		hooked := afterWalk{Store: files, hook: func() {
			if _, err := w.Store.AddAttachment(ctx, evaluation.ActorOf(w.DeptFinance), p.P1Critical.ID,
				evaluation.BytesUpload("整改方案.pdf", pdf)); err != nil {
				t.Fatal(err)
			}
		}}
		res, err := env.Store.DeleteUnreferencedBlobs(ctx, hooked, evaluation.BlobGC{Grace: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if res != (evaluation.BlobGCResult{Deleted: 1, DeletedBytes: int64(len("never referred to")), Referenced: 1}) {
			t.Errorf("gc: %+v, want the taken-back blob kept and the other deleted", res)
		}
		if got := blobstest.Read(t, files, takenBack); string(got) != string(pdf) {
			t.Errorf("the blob taken back during the walk: %d bytes", len(got))
		}
		if r, err := files.Open(ctx, gone); !errors.Is(err, blobs.ErrNotFound) {
			if r != nil {
				r.Close()
			}
			t.Errorf("the unreferenced old blob: %v, want deleted", err)
		}
	})
}

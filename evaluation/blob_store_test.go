package evaluation_test

import (
	"testing"

	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/blobs/blobstest"
	"github.com/evald/evald/evaluation/evaltest"
)

// The database's blob store (EVAL_BLOB_URL "db:") keeps the contract of every
// blob store, on SQLite and MySQL, in small chunks so that reads cross them.
func TestDBBlobsKeepTheContract(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		const chunk = 4096
		blobstest.Run(t, chunk, func(t *testing.T) blobs.Store {
			g := env.DB.Gorm
			for _, table := range []string{"blob_chunks", "blob_objects"} {
				if err := g.Exec("DELETE FROM " + table).Error; err != nil {
					t.Fatal(err)
				}
			}
			b, err := blobs.NewDBBlobs(g, chunk)
			if err != nil {
				t.Fatal(err)
			}
			return b
		})
	})
}

package evaluation

import (
	"context"
	"fmt"
	"time"

	"github.com/evald/evald/evaluation/blobs"
)

// DefaultBlobGrace is how long an unreferenced blob is kept by default: far
// longer than any request or report job takes from storing a file to
// committing the row that refers to it.
const DefaultBlobGrace = 24 * time.Hour

// gcBatch is how many blobs DeleteUnreferencedBlobs judges per reference
// query; small, so that little time passes between the query and the
// deletes it allows.
const gcBatch = 100

// BlobGC says how DeleteUnreferencedBlobs runs.
type BlobGC struct {
	// Grace keeps every blob stored less than this long ago, referenced or
	// not: its row may not be committed yet.
	Grace time.Duration
	// DryRun counts what would be deleted and deletes nothing.
	DryRun bool
	// Progress, if set, is told how many of the stored blobs are judged.
	Progress func(done, total int)
}

// BlobGCResult counts what DeleteUnreferencedBlobs did: every stored blob
// is in exactly one of Deleted, Referenced and Young.
type BlobGCResult struct {
	Deleted      int   // unreferenced and older than the grace: deleted (or, in a dry run, would be)
	DeletedBytes int64 // their size
	Referenced   int   // kept: a row refers to them
	Young        int   // kept: unreferenced but stored within the grace
}

// DeleteUnreferencedBlobs deletes from files (the blob store this database
// uses) every blob that no row refers to (ReferencedBlobsSQL) and that was
// stored longer than opts.Grace ago.
//
// Why that is safe beside running servers: a file is Put before the
// transaction that inserts its row commits (an attachment, a report job's
// ZIP). References are read per batch, after the walk and just before the
// batch's deletes, so a row committed by then keeps its blob. A row not yet
// committed then belongs to an upload still under way; a blob deleted was
// stored before now−grace, so such an upload would have taken longer than
// the grace from its Put to its commit, which no request or report job does.
// The one case the grace cannot cover is content addressing: a Put of a key
// already stored writes nothing and leaves the blob's date alone, so an
// upload of the very content of an old unreferenced blob is protected by the
// reference query alone, and loses its file if its row commits between a
// batch's query and that blob's delete (a window of at most gcBatch
// deletes). Reference counting would close it only by writing a counter in
// every upload's and every row delete's transaction (docs/DECISIONS.md).
func (s *Store) DeleteUnreferencedBlobs(ctx context.Context, files blobs.Store, opts BlobGC) (BlobGCResult, error) {
	var res BlobGCResult
	if opts.Grace < 0 {
		return res, fmt.Errorf("delete unreferenced blobs: negative grace %s", opts.Grace)
	}
	cutoff := s.clock.Now().Add(-opts.Grace)
	var all []blobs.Info
	if err := files.Walk(ctx, func(info blobs.Info) error { all = append(all, info); return nil }); err != nil {
		return res, fmt.Errorf("delete unreferenced blobs: %w", err)
	}
	for start := 0; start < len(all); start += gcBatch {
		batch := all[start:min(start+gcBatch, len(all))]
		if err := s.collectBatch(ctx, files, batch, cutoff, opts.DryRun, &res); err != nil {
			return res, err
		}
		if opts.Progress != nil {
			opts.Progress(start+len(batch), len(all))
		}
	}
	return res, nil
}

// collectBatch judges one batch of blobs against the references of this
// moment and deletes the unreferenced ones older than cutoff.
func (s *Store) collectBatch(ctx context.Context, files blobs.Store, batch []blobs.Info, cutoff time.Time, dryRun bool,
	res *BlobGCResult) error {
	keys := make([]string, len(batch))
	for i, b := range batch {
		keys[i] = b.Key
	}
	refs, err := s.referencedAmong(ctx, keys)
	if err != nil {
		return err
	}
	for _, b := range batch {
		switch {
		case refs[b.Key]:
			res.Referenced++
		case !b.Modified.Before(cutoff):
			res.Young++
		default:
			if !dryRun {
				if err := files.Delete(ctx, b.Key); err != nil {
					return fmt.Errorf("delete unreferenced blobs: %w", err)
				}
			}
			res.Deleted++
			res.DeletedBytes += b.Size
		}
	}
	return nil
}

// referencedAmong returns which of keys the database refers to now.
func (s *Store) referencedAmong(ctx context.Context, keys []string) (map[string]bool, error) {
	var found []string
	err := s.db.Gorm.WithContext(ctx).Raw("SELECT sha256 FROM ("+ReferencedBlobsSQL+") refs WHERE sha256 IN ?", keys).
		Scan(&found).Error
	if err != nil {
		return nil, fmt.Errorf("delete unreferenced blobs: references: %w", err)
	}
	refs := make(map[string]bool, len(found))
	for _, k := range found {
		refs[k] = true
	}
	return refs, nil
}

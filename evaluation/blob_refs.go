package evaluation

import (
	"context"
	"fmt"
	"slices"
)

// ReferencedBlobsSQL selects the keys of ReferencedBlobs, unordered; a
// backup runs it in its snapshot.
const ReferencedBlobsSQL = "SELECT DISTINCT sha256 FROM attachments UNION SELECT DISTINCT blob_key FROM report_jobs WHERE blob_key <> ''"

// ReferencedBlobs returns the key of every blob the database refers to, in
// key order: evidence files (attachments of any owner) and the ZIPs of
// finished report jobs. `evald blobs migrate` checks that each is in the
// target store, and a backup takes exactly these.
func (s *Store) ReferencedBlobs(ctx context.Context) ([]string, error) {
	var keys []string
	err := s.read(ctx).Raw(ReferencedBlobsSQL).Scan(&keys).Error
	if err != nil {
		return nil, fmt.Errorf("referenced blobs: %w", err)
	}
	slices.Sort(keys)
	return slices.Compact(keys), nil
}

package blobs

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"

	"gorm.io/gorm"
)

// OpenURL returns the blob store that rawURL (EVAL_BLOB_URL) names:
//
//	""                      the folder "evidence" in dataDir (the default)
//	file:///srv/evald/blobs a folder
//	db:                     the application's database, db (chunked rows)
//	s3://bucket/prefix?endpoint=host:port&region=…&secure=false
//	                        an S3-compatible bucket
//
// db may be nil when rawURL is not "db:".
func OpenURL(ctx context.Context, rawURL, dataDir string, db *gorm.DB) (Store, error) {
	if rawURL == "" {
		return NewLocalBlobs(filepath.Join(dataDir, "evidence"))
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("EVAL_BLOB_URL: %w", err)
	}
	switch u.Scheme {
	case "file":
		if u.Host != "" && u.Host != "localhost" {
			return nil, fmt.Errorf("EVAL_BLOB_URL %q: a file URL names a folder on this machine (file:///path)", rawURL)
		}
		if u.Path == "" || !filepath.IsAbs(u.Path) {
			return nil, fmt.Errorf("EVAL_BLOB_URL %q: want an absolute folder, as file:///srv/evald/blobs", rawURL)
		}
		return NewLocalBlobs(filepath.FromSlash(u.Path))
	case "db":
		if u.Opaque != "" || u.Host != "" || u.Path != "" || u.RawQuery != "" {
			return nil, fmt.Errorf("EVAL_BLOB_URL %q: the database store takes no parameters (db:)", rawURL)
		}
		if db == nil {
			return nil, errors.New("EVAL_BLOB_URL db:: no database")
		}
		return NewDBBlobs(db, 0)
	case "s3":
		cfg, err := parseS3URL(u)
		if err != nil {
			return nil, err
		}
		return NewS3Blobs(ctx, cfg)
	default:
		return nil, fmt.Errorf("EVAL_BLOB_URL %q: unknown kind %q (file:///path, db: or s3://bucket?endpoint=…)", rawURL, u.Scheme)
	}
}

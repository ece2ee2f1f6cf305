package blobs_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/blobs/blobstest"
)

func TestLocalBlobsKeepTheContract(t *testing.T) {
	blobstest.Run(t, 0, func(t *testing.T) blobs.Store {
		b, err := blobs.NewLocalBlobs(filepath.Join(t.TempDir(), "blobs"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	})
}

// fakeS3 starts an in-process S3 server (gofakes3) with one bucket and
// returns its configuration; no S3 server runs on the test machines.
func fakeS3(t *testing.T) blobs.S3Config {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket("evald"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	return blobs.S3Config{Endpoint: srv.Listener.Addr().String(), Bucket: "evald", Prefix: "blobs/",
		Creds: credentials.NewStaticV4("test-access", "test-secret", "")}
}

func TestS3BlobsKeepTheContract(t *testing.T) {
	blobstest.Run(t, 0, func(t *testing.T) blobs.Store {
		b, err := blobs.NewS3Blobs(context.Background(), fakeS3(t))
		if err != nil {
			t.Fatal(err)
		}
		return b
	})
}

func TestNewS3BlobsRefusesAMissingBucket(t *testing.T) {
	cfg := fakeS3(t)
	cfg.Bucket = "nope"
	if _, err := blobs.NewS3Blobs(context.Background(), cfg); err == nil {
		t.Fatal("a missing bucket was accepted")
	}
}

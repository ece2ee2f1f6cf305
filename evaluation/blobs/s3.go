package blobs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// s3PartSize is the part size of uploads whose length is unknown: minio-go
// buffers one part in memory, and would otherwise size parts for 5 TiB.
const s3PartSize = 16 << 20

// S3Blobs keeps blobs as objects of an S3-compatible bucket (MinIO, Ceph, the
// clouds' object stores), through minio-go: EVAL_BLOB_URL
// s3://bucket/prefix?endpoint=host:port&region=…&secure=false. Credentials
// come from the usual environment variables (AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, or MINIO_ROOT_USER and MINIO_ROOT_PASSWORD), or the
// AWS shared credentials file, never from the URL.
type S3Blobs struct {
	client *minio.Client
	bucket string
	prefix string // "" or ending in "/"
}

// S3Config says where an S3Blobs keeps its objects.
type S3Config struct {
	Endpoint string // host[:port]
	Secure   bool   // HTTPS
	Region   string
	Bucket   string
	Prefix   string // a folder in the bucket, optional
	// Creds are the credentials; nil reads them from the environment.
	Creds *credentials.Credentials
	// Transport is the HTTP transport; nil: minio-go's default.
	Transport http.RoundTripper
}

// parseS3URL reads s3://bucket/prefix?endpoint=…&region=…&secure=….
func parseS3URL(u *url.URL) (S3Config, error) {
	q := u.Query()
	cfg := S3Config{Bucket: u.Host, Prefix: strings.Trim(u.Path, "/"), Region: q.Get("region"),
		Endpoint: q.Get("endpoint"), Secure: true}
	if cfg.Bucket == "" {
		return cfg, errors.New("EVAL_BLOB_URL s3://: no bucket (s3://bucket?endpoint=host:port)")
	}
	if cfg.Endpoint == "" {
		cfg.Endpoint = "s3.amazonaws.com"
	}
	// An endpoint given as a URL says whether it is HTTPS.
	if scheme, rest, ok := strings.Cut(cfg.Endpoint, "://"); ok {
		cfg.Endpoint, cfg.Secure = strings.TrimSuffix(rest, "/"), scheme == "https"
	}
	if s := q.Get("secure"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return cfg, fmt.Errorf("EVAL_BLOB_URL s3://: secure=%q: want true or false", s)
		}
		cfg.Secure = b
	}
	for k := range q {
		if k != "endpoint" && k != "region" && k != "secure" {
			return cfg, fmt.Errorf("EVAL_BLOB_URL s3://: unknown parameter %q (endpoint, region, secure)", k)
		}
	}
	return cfg, nil
}

// envCredentials reads S3 credentials the usual ways, in order: the AWS
// variables, MinIO's, the AWS shared credentials file.
func envCredentials() *credentials.Credentials {
	return credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvAWS{}, &credentials.EnvMinio{}, &credentials.FileAWSCredentials{},
	})
}

// NewS3Blobs connects to the bucket and checks that it exists.
func NewS3Blobs(ctx context.Context, cfg S3Config) (*S3Blobs, error) {
	creds := cfg.Creds
	if creds == nil {
		creds = envCredentials()
	}
	client, err := minio.New(cfg.Endpoint, &minio.Options{Creds: creds, Secure: cfg.Secure, Region: cfg.Region,
		Transport: cfg.Transport, BucketLookup: minio.BucketLookupPath})
	if err != nil {
		return nil, fmt.Errorf("evaluation: blobs in s3://%s: %w", cfg.Bucket, err)
	}
	ok, err := client.BucketExists(ctx, cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("evaluation: blobs in s3://%s at %s: %w", cfg.Bucket, cfg.Endpoint, err)
	}
	if !ok {
		return nil, fmt.Errorf("evaluation: blobs in s3://%s at %s: no such bucket (create it first)", cfg.Bucket, cfg.Endpoint)
	}
	prefix := strings.Trim(cfg.Prefix, "/")
	if prefix != "" {
		prefix += "/"
	}
	return &S3Blobs{client: client, bucket: cfg.Bucket, prefix: prefix}, nil
}

func (b *S3Blobs) name(key string) string { return b.prefix + key }

// isNoSuchKey reports whether err says the object does not exist.
func isNoSuchKey(err error) bool {
	code := minio.ToErrorResponse(err).Code
	return code == "NoSuchKey" || code == "NotFound"
}

// exists reports whether key is stored.
func (b *S3Blobs) exists(ctx context.Context, key string) (bool, error) {
	_, err := b.client.StatObject(ctx, b.bucket, b.name(key), minio.StatObjectOptions{})
	switch {
	case err == nil:
		return true, nil
	case isNoSuchKey(err):
		return false, nil
	default:
		return false, err
	}
}

// Put uploads r, streaming (in parts when large), unless the key is stored.
// An object appears in S3 only once its upload completes; one whose content
// does not hash to its key is removed again at once.
func (b *S3Blobs) Put(ctx context.Context, key string, r io.Reader) error {
	if err := checkBlobKey(key); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	if ok, err := b.exists(ctx, key); err != nil || ok {
		return wrapPut(key, err)
	}
	size := int64(-1)
	if s, ok := r.(io.Seeker); ok {
		if cur, err := s.Seek(0, io.SeekCurrent); err == nil {
			if end, err := s.Seek(0, io.SeekEnd); err == nil {
				size = end - cur
			}
			if _, err := s.Seek(cur, io.SeekStart); err != nil {
				return wrapPut(key, err)
			}
		}
	}
	hr := newHashingReader(ctx, r)
	opts := minio.PutObjectOptions{ContentType: "application/octet-stream", PartSize: s3PartSize}
	var body io.Reader = hr
	if size == 0 {
		// An empty body streamed with a chunked signature has no
		// Content-Length, which some S3 servers require: send it plain.
		body, opts.DisableContentSha256 = bytes.NewReader(nil), true
	}
	_, err := b.client.PutObject(ctx, b.bucket, b.name(key), body, size, opts)
	if err != nil {
		return wrapPut(key, err)
	}
	if err := hr.check(key); err != nil {
		_ = b.client.RemoveObject(context.WithoutCancel(ctx), b.bucket, b.name(key), minio.RemoveObjectOptions{})
		return err
	}
	return nil
}

// Open returns the object, read with ranged GETs as the reader seeks.
func (b *S3Blobs) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	if err := checkBlobKey(key); err != nil {
		return nil, err
	}
	obj, err := b.client.GetObject(ctx, b.bucket, b.name(key), minio.GetObjectOptions{})
	if err == nil {
		_, err = obj.Stat() // GetObject is lazy: this makes a missing key show now
	}
	if err != nil {
		if obj != nil {
			_ = obj.Close()
		}
		if isNoSuchKey(err) {
			return nil, fmt.Errorf("evaluation: open blob %s: %w", key, ErrNotFound)
		}
		return nil, fmt.Errorf("evaluation: open blob %s: %w", key, err)
	}
	return obj, nil
}

// Delete removes the object; S3 answers success for a missing key too.
func (b *S3Blobs) Delete(ctx context.Context, key string) error {
	if err := checkBlobKey(key); err != nil {
		return err
	}
	if err := b.client.RemoveObject(ctx, b.bucket, b.name(key), minio.RemoveObjectOptions{}); err != nil && !isNoSuchKey(err) {
		return fmt.Errorf("evaluation: delete blob %s: %w", key, err)
	}
	return nil
}

// Walk lists the objects under the prefix whose names are keys, dated by
// their LastModified; S3 lists in key order.
func (b *S3Blobs) Walk(ctx context.Context, fn func(info Info) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the listing if fn returns early
	for obj := range b.client.ListObjects(ctx, b.bucket, minio.ListObjectsOptions{Prefix: b.prefix, Recursive: true}) {
		if obj.Err != nil {
			return fmt.Errorf("evaluation: walk blobs: %w", obj.Err)
		}
		key := strings.TrimPrefix(obj.Key, b.prefix)
		if !IsKey(key) {
			continue
		}
		if err := fn(Info{Key: key, Size: obj.Size, Modified: obj.LastModified}); err != nil {
			return err
		}
	}
	return ctx.Err()
}

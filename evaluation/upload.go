package evaluation

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/evald/evald/evaluation/blobs"
)

// Upload is an uploaded file: its name as the client sent it and its
// content, readable at any offset. The server keeps an upload in a
// temporary file, so that a 20 MB file never sits whole in memory; tests
// and the demo hold theirs in memory (BytesUpload).
type Upload struct {
	Name    string
	Content io.ReaderAt
	Size    int64
}

// BytesUpload is an Upload of data held in memory.
func BytesUpload(name string, data []byte) Upload {
	return Upload{Name: name, Content: bytes.NewReader(data), Size: int64(len(data))}
}

// reader reads the upload from its start.
func (u Upload) reader() io.Reader { return io.NewSectionReader(u.Content, 0, u.Size) }

// evidenceFile is an upload judged as an evidence file: its type by content
// or the reason it is refused, and its key in the blob store (the SHA-256).
type evidenceFile struct {
	Upload
	contentType, refusal, key string
}

// judgeEvidence checks an upload by the evidence rules (blobs.CheckEvidence)
// and hashes it; only the reading can fail.
func judgeEvidence(up Upload) (evidenceFile, error) {
	e := evidenceFile{Upload: up}
	e.contentType, e.refusal = blobs.CheckEvidenceAt(up.Name, up.Content, up.Size)
	h := sha256.New()
	if _, err := io.Copy(h, up.reader()); err != nil {
		return e, fmt.Errorf("read the upload: %w", err)
	}
	e.key = hex.EncodeToString(h.Sum(nil))
	return e, nil
}

// putEvidence stores an accepted evidence file in the blob store, streaming.
func (s *Store) putEvidence(ctx context.Context, e evidenceFile) error {
	if err := s.blobs.Put(ctx, e.key, e.reader()); err != nil {
		return fmt.Errorf("store evidence: %w", err)
	}
	return nil
}

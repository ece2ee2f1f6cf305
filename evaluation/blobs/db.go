package blobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"
)

// DefaultChunkSize is the size of a blob's rows in the database: 1 MiB keeps
// every statement far below MySQL's max_allowed_packet and TiDB's entry-size
// limit (6 MiB by default), and a Put or a read holds one chunk in memory.
const DefaultChunkSize = 1 << 20

// DBBlobs keeps blobs in the application's own database (EVAL_BLOB_URL
// "db:"), in chunks: no other server is needed, and it works alike on SQLite,
// MySQL/MariaDB and TiDB. The tables are created by evaluation's migration 12:
//
//	blob_objects (blob_key PK, size, chunk_size, created_at) — one row per complete blob
//	blob_chunks  (blob_key, seq, data)                      — its content, in order
//
// A blob's object row is written after all its chunks, so a reader (which
// starts from the object row) sees a whole blob or none; chunks left by a Put
// that died are overwritten by the next Put of the key.
type DBBlobs struct {
	db        *gorm.DB
	chunkSize int
	upsert    string
}

// NewDBBlobs returns blob storage in db's tables, in chunks of chunkSize
// bytes (0: DefaultChunkSize).
func NewDBBlobs(db *gorm.DB, chunkSize int) (*DBBlobs, error) {
	if chunkSize <= 0 {
		chunkSize = DefaultChunkSize
	}
	b := &DBBlobs{db: db, chunkSize: chunkSize}
	switch name := db.Name(); name {
	case "mysql":
		b.upsert = "INSERT INTO blob_chunks (blob_key, seq, data) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE data = VALUES(data)"
	case "sqlite":
		b.upsert = "INSERT INTO blob_chunks (blob_key, seq, data) VALUES (?, ?, ?) ON CONFLICT (blob_key, seq) DO UPDATE SET data = excluded.data"
	default:
		return nil, fmt.Errorf("evaluation: blobs in the database: unsupported database %q", name)
	}
	if !db.Migrator().HasTable("blob_chunks") {
		return nil, errors.New("evaluation: blobs in the database: no table blob_chunks (run `evald migrate`)")
	}
	return b, nil
}

// blobObject is a row of blob_objects.
type blobObject struct {
	BlobKey   string
	Size      int64
	ChunkSize int
}

// object reads the object row of key; ok is false when there is none.
func (b *DBBlobs) object(ctx context.Context, key string) (o blobObject, ok bool, err error) {
	var rows []blobObject
	err = b.db.WithContext(ctx).Raw("SELECT blob_key, size, chunk_size FROM blob_objects WHERE blob_key = ?", key).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return o, false, err
	}
	return rows[0], true, nil
}

// Put writes r's content chunk by chunk, each in a statement of its own (a
// 20 MB file is never one huge transaction, nor whole in memory), then the
// object row that makes it visible, once its hash is checked.
func (b *DBBlobs) Put(ctx context.Context, key string, r io.Reader) error {
	if err := checkBlobKey(key); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("evaluation: put blob %s: %w", key, err)
	}
	if _, ok, err := b.object(ctx, key); err != nil || ok {
		return wrapPut(key, err)
	}
	hr := newHashingReader(ctx, r)
	buf := make([]byte, b.chunkSize)
	seq := 0
	for {
		n, err := io.ReadFull(hr, buf)
		if n > 0 {
			if err := b.db.WithContext(ctx).Exec(b.upsert, key, seq, buf[:n]).Error; err != nil {
				return wrapPut(key, err)
			}
			seq++
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return wrapPut(key, err)
		}
	}
	if err := hr.check(key); err != nil {
		// The chunks are garbage unless another Put completed the key.
		_ = b.db.WithContext(context.WithoutCancel(ctx)).Exec("DELETE FROM blob_chunks WHERE blob_key = ? AND NOT EXISTS "+
			"(SELECT 1 FROM blob_objects WHERE blob_objects.blob_key = blob_chunks.blob_key)", key).Error
		return err
	}
	err := b.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// Rows beyond the end are left by a Put that died with another
		// chunk size; they would never be read, but they take room.
		if err := tx.Exec("DELETE FROM blob_chunks WHERE blob_key = ? AND seq >= ?", key, seq).Error; err != nil {
			return err
		}
		var n int64
		if err := tx.Raw("SELECT COUNT(*) FROM blob_objects WHERE blob_key = ?", key).Scan(&n).Error; err != nil || n > 0 {
			return err
		}
		// The time comes from Go, in UTC: MySQL's CURRENT_TIMESTAMP is in
		// the server's time zone while evald reads DATETIMEs as UTC, which
		// would shift the age garbage collection judges a blob by.
		return tx.Exec("INSERT INTO blob_objects (blob_key, size, chunk_size, created_at) VALUES (?, ?, ?, ?)",
			key, hr.n, b.chunkSize, time.Now().UTC()).Error
	})
	if err != nil {
		// Two Puts of one key may both find no object row and both insert:
		// the loser's insert fails on the primary key, and the blob is stored.
		if _, ok, oerr := b.object(context.WithoutCancel(ctx), key); oerr == nil && ok {
			return nil
		}
		return wrapPut(key, err)
	}
	return nil
}

func wrapPut(key string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("evaluation: put blob %s: %w", key, err)
}

// Open returns a reader that fetches the blob's chunks as they are read.
func (b *DBBlobs) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	if err := checkBlobKey(key); err != nil {
		return nil, err
	}
	o, ok, err := b.object(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("evaluation: open blob %s: %w", key, err)
	}
	if !ok {
		return nil, fmt.Errorf("evaluation: open blob %s: %w", key, ErrNotFound)
	}
	return &dbReader{ctx: ctx, db: b.db, obj: o, seq: -1}, nil
}

// Delete removes the object row and then the chunks, in one transaction.
func (b *DBBlobs) Delete(ctx context.Context, key string) error {
	if err := checkBlobKey(key); err != nil {
		return err
	}
	err := b.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("DELETE FROM blob_objects WHERE blob_key = ?", key).Error; err != nil {
			return err
		}
		return tx.Exec("DELETE FROM blob_chunks WHERE blob_key = ?", key).Error
	})
	if err != nil {
		return fmt.Errorf("evaluation: delete blob %s: %w", key, err)
	}
	return nil
}

// walkPage is how many object rows Walk reads at a time.
const walkPage = 1000

// walkRow is a row of blob_objects as Walk reads it.
type walkRow struct {
	BlobKey   string
	Size      int64
	CreatedAt time.Time
}

// Walk lists the complete blobs in key order, a page at a time, dated by
// blob_objects.created_at.
func (b *DBBlobs) Walk(ctx context.Context, fn func(info Info) error) error {
	after := ""
	for {
		var page []walkRow
		err := b.db.WithContext(ctx).Raw("SELECT blob_key, size, created_at FROM blob_objects WHERE blob_key > ? ORDER BY blob_key LIMIT ?",
			after, walkPage).Scan(&page).Error
		if err != nil {
			return fmt.Errorf("evaluation: walk blobs: %w", err)
		}
		for _, o := range page {
			if err := fn(Info{Key: o.BlobKey, Size: o.Size, Modified: o.CreatedAt}); err != nil {
				return err
			}
		}
		if len(page) < walkPage {
			return nil
		}
		after = page[len(page)-1].BlobKey
	}
}

// dbReader reads a blob chunk by chunk, keeping the current one.
type dbReader struct {
	ctx   context.Context
	db    *gorm.DB
	obj   blobObject
	off   int64
	seq   int // the chunk in buf; -1 for none
	buf   []byte
	close bool
}

func (r *dbReader) Read(p []byte) (int, error) {
	if r.close {
		return 0, errors.New("evaluation: read of a closed blob")
	}
	if r.off >= r.obj.Size {
		return 0, io.EOF
	}
	seq := int(r.off / int64(r.obj.ChunkSize))
	if seq != r.seq {
		var data []byte
		err := r.db.WithContext(r.ctx).Raw("SELECT data FROM blob_chunks WHERE blob_key = ? AND seq = ?", r.obj.BlobKey, seq).Row().Scan(&data)
		if err != nil {
			return 0, fmt.Errorf("evaluation: read blob %s chunk %d: %w", r.obj.BlobKey, seq, err)
		}
		r.buf, r.seq = data, seq
	}
	start := int(r.off - int64(seq)*int64(r.obj.ChunkSize))
	if start >= len(r.buf) {
		return 0, fmt.Errorf("evaluation: read blob %s: chunk %d is short", r.obj.BlobKey, seq)
	}
	n := copy(p, r.buf[start:])
	r.off += int64(n)
	return n, nil
}

func (r *dbReader) Seek(offset int64, whence int) (int64, error) {
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = r.off + offset
	case io.SeekEnd:
		abs = r.obj.Size + offset
	default:
		return 0, errors.New("evaluation: seek blob: bad whence")
	}
	if abs < 0 {
		return 0, errors.New("evaluation: seek blob: negative position")
	}
	r.off = abs
	return abs, nil
}

func (r *dbReader) Close() error {
	r.close, r.buf = true, nil
	return nil
}

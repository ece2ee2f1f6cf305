// Package backup writes a consistent snapshot of evald — every table, every
// blob the database refers to and a manifest of hashes — into one tar.gz,
// and restores such an archive into an empty database and blob store
// (`evald backup`, `evald restore`; README "Backup and restore").
package backup

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
)

// ManifestFile is the archive entry that describes the others; it is written last.
const ManifestFile = "manifest.json"

// Format is the version of the archive's layout.
const Format = 1

// Manifest describes a backup: what it holds and the SHA-256 of each file.
type Manifest struct {
	Format        int                `json:"format"`
	CreatedAt     time.Time          `json:"created_at"`
	Dialect       evaluation.Dialect `json:"dialect"`
	SchemaVersion int                `json:"schema_version"`
	AuditKeyID    string             `json:"audit_key_id"` // the key itself is a secret and stays out
	AuditHead     AuditHead          `json:"audit_head"`
	Tables        []Table            `json:"tables"`
	Blobs         int                `json:"blobs"`
	BlobBytes     int64              `json:"blob_bytes"`
	Files         map[string]string  `json:"files"` // archive path → SHA-256 hex
}

// AuditHead is the audit chain's last event at the snapshot.
type AuditHead struct {
	LastID   int64  `json:"last_id"`
	LastHash string `json:"last_hash"`
}

// Table is one dumped table.
type Table struct {
	Name   string `json:"name"`
	Rows   int64  `json:"rows"`
	SHA256 string `json:"sha256"` // of db/<name>.jsonl
}

// tableFile is the archive path of a table's rows.
func tableFile(name string) string { return "db/" + name + ".jsonl" }

// blobFile is the archive path of a blob.
func blobFile(key string) string { return "blobs/" + key }

// Options are what Backup works with.
type Options struct {
	DB    *evaluation.DB // the live database; it keeps serving while the snapshot is taken
	Blobs blobs.Store    // the configured blob store
	// TempDir takes the SQLite snapshot and each table's rows before they
	// go into the archive (a tar entry needs its size first).
	TempDir string
	// Progress, when set, is told how many of total steps (tables and blobs) are done.
	Progress func(done, total int)
	Now      func() time.Time
}

// Backup writes the archive to out and returns its manifest.
func Backup(ctx context.Context, opts Options, out io.Writer) (*Manifest, error) {
	work, err := os.MkdirTemp(opts.TempDir, "backup-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	snap, done, err := snapshot(ctx, opts.DB, work)
	if err != nil {
		return nil, err
	}
	defer done()
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	m := &Manifest{Format: Format, CreatedAt: now().UTC(), Dialect: opts.DB.Dialect, Files: map[string]string{}}
	if err := describe(ctx, snap, m); err != nil {
		return nil, err
	}
	names, err := tables(ctx, snap, opts.DB.Dialect)
	if err != nil {
		return nil, err
	}
	keys, err := strings1(ctx, snap, evaluation.ReferencedBlobsSQL)
	if err != nil {
		return nil, fmt.Errorf("referenced blobs: %w", err)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	gz := gzip.NewWriter(out)
	tw := tar.NewWriter(gz)
	step, total := 0, len(names)+len(keys)
	progress := func() {
		step++
		if opts.Progress != nil {
			opts.Progress(step, total)
		}
	}
	for _, name := range names {
		t, err := addTable(ctx, tw, snap, opts.DB.Dialect, name, work, m.CreatedAt)
		if err != nil {
			return nil, err
		}
		m.Tables = append(m.Tables, t)
		m.Files[tableFile(name)] = t.SHA256
		progress()
	}
	done() // the snapshot is read: release it before the blobs
	for _, key := range keys {
		if !blobs.IsKey(key) {
			continue // not a stored blob (an attachment row without content)
		}
		size, err := addBlob(ctx, tw, opts.Blobs, key, m.CreatedAt)
		if err != nil {
			return nil, err
		}
		m.Files[blobFile(key)] = key
		m.Blobs++
		m.BlobBytes += size
		progress()
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := writeEntry(tw, ManifestFile, int64(len(data)), m.CreatedAt, bytes.NewReader(data)); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return m, nil
}

// snapshot opens a consistent, read-only view of the database: on SQLite a
// copy made by VACUUM INTO (the live file is never locked for writing), on
// MySQL a REPEATABLE READ, read-only transaction on a connection of its own.
func snapshot(ctx context.Context, db *evaluation.DB, work string) (querier, func(), error) {
	if db.Dialect == evaluation.MySQL {
		// InnoDB fixes a REPEATABLE READ transaction's read view at its
		// first read, and every read of the dump is in this transaction:
		// the effect of START TRANSACTION WITH CONSISTENT SNAPSHOT, through
		// database/sql's options.
		sqlDB, err := db.Gorm.DB()
		if err != nil {
			return nil, nil, err
		}
		tx, err := sqlDB.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
		if err != nil {
			return nil, nil, fmt.Errorf("start the snapshot transaction: %w", err)
		}
		return tx, func() { _ = tx.Rollback() }, nil
	}
	dir := filepath.Join(work, "snapshot")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, nil, err
	}
	if err := db.Gorm.WithContext(ctx).Exec("VACUUM INTO ?", filepath.Join(dir, evaluation.SQLiteFile)).Error; err != nil {
		return nil, nil, fmt.Errorf("snapshot the database (VACUUM INTO): %w", err)
	}
	snap, err := evaluation.OpenDB(evaluation.DBConfig{DataDir: dir})
	if err != nil {
		return nil, nil, err
	}
	sqlDB, err := snap.Gorm.DB()
	if err != nil {
		snap.Close()
		return nil, nil, err
	}
	var once bool
	return sqlDB, func() {
		if !once {
			once = true
			snap.Close()
		}
	}, nil
}

// describe reads the schema version and the audit chain's head and key id.
func describe(ctx context.Context, q querier, m *Manifest) error {
	r := q.(interface {
		QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	})
	if err := r.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&m.SchemaVersion); err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	err := r.QueryRowContext(ctx, "SELECT h.last_id, h.last_hash, COALESCE(s.key_id, '') FROM audit_head h "+
		"LEFT JOIN audit_seal s ON s.id = h.id WHERE h.id = 1").Scan(&m.AuditHead.LastID, &m.AuditHead.LastHash, &m.AuditKeyID)
	if err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	return nil
}

// addTable dumps a table into a file of work, then copies it into the archive.
func addTable(ctx context.Context, tw *tar.Writer, q querier, d evaluation.Dialect, name, work string, at time.Time) (Table, error) {
	f, err := os.CreateTemp(work, "table-")
	if err != nil {
		return Table{}, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	rows, sum, err := dumpTable(ctx, q, d, name, f)
	if err != nil {
		return Table{}, err
	}
	size, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return Table{}, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Table{}, err
	}
	if err := writeEntry(tw, tableFile(name), size, at, f); err != nil {
		return Table{}, err
	}
	return Table{Name: name, Rows: rows, SHA256: sum}, nil
}

// addBlob copies a blob into the archive, checking its hash on the way.
func addBlob(ctx context.Context, tw *tar.Writer, store blobs.Store, key string, at time.Time) (int64, error) {
	r, err := store.Open(ctx, key)
	if errors.Is(err, blobs.ErrNotFound) {
		return 0, fmt.Errorf("数据库引用的文件 %s 不在文件存储(EVAL_BLOB_URL)中: %w", key, err)
	}
	if err != nil {
		return 0, fmt.Errorf("blob %s: %w", key, err)
	}
	defer r.Close()
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return 0, fmt.Errorf("blob %s: %w", key, err)
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("blob %s: %w", key, err)
	}
	h := sha256.New()
	if err := writeEntry(tw, blobFile(key), size, at, io.TeeReader(r, h)); err != nil {
		return 0, fmt.Errorf("blob %s: %w", key, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != key {
		return 0, fmt.Errorf("blob %s in the blob store is damaged: its content hashes to %s", key, got)
	}
	return size, nil
}

// writeEntry adds one file to the archive.
func writeEntry(tw *tar.Writer, name string, size int64, at time.Time, r io.Reader) error {
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: size, ModTime: at, Typeflag: tar.TypeReg}); err != nil {
		return err
	}
	n, err := io.Copy(tw, r)
	if err != nil {
		return fmt.Errorf("archive %s: %w", name, err)
	}
	if n != size {
		return fmt.Errorf("archive %s: %d bytes, expected %d", name, n, size)
	}
	return nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/evald/evald/backup"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
)

// runBackup runs `evald backup --out FILE`: a consistent snapshot of the
// database, every blob it refers to and a manifest, in one tar.gz, taken
// while serve keeps running.
func runBackup(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	out := fs.String("out", "", "the archive to write (tar.gz)")
	quiet := fs.Bool("quiet", false, "no progress bar (for cron)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(stderr, "Usage: evald backup --out FILE [--quiet]")
		return errUsage
	}
	log := cfg.logger(stderr)
	// No audit key: the backup only reads, and the key stays out of it.
	db, err := evaluation.OpenDB(evaluation.DBConfig{DSN: cfg.DSN, DataDir: cfg.DataDir, Logger: log})
	if err != nil {
		return err
	}
	defer db.Close()
	// A schema behind the code is backed up as it is (the moment before
	// `evald migrate` is when a backup matters most); restore upgrades it.
	if v, err := evaluation.SchemaVersion(ctx, db); err != nil {
		return err
	} else if v == 0 {
		return fmt.Errorf("%s has no schema: nothing to back up", cfg.describe())
	}
	files, err := cfg.blobs(ctx, db)
	if err != nil {
		return err
	}
	tmp, err := cfg.tempDir()
	if err != nil {
		return err
	}
	start := time.Now()
	part := *out + ".part"
	f, err := os.Create(part)
	if err != nil {
		return err
	}
	defer os.Remove(part)
	var bar *progressbar.ProgressBar
	m, err := backup.Backup(ctx, backup.Options{DB: db, Blobs: files, TempDir: tmp, Progress: func(done, total int) {
		if *quiet {
			return
		}
		if bar == nil {
			bar = newBar(total, "备份", stderr)
		}
		_ = bar.Set(done)
	}}, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(part, *out); err != nil {
		return err
	}
	info, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes) in %s: schema version %d, %d tables, %d rows, %d blobs (%d bytes), audit head event %d, audit key id %s\n",
		*out, info.Size(), time.Since(start).Round(time.Millisecond), m.SchemaVersion, len(m.Tables), m.Rows(), m.Blobs, m.BlobBytes,
		m.AuditHead.LastID, m.AuditKeyID)
	return nil
}

// runRestore runs `evald restore FILE`: into an empty database and blob
// store, after checking every hash of the archive and the audit key.
func runRestore(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	cfg.readOnly = true // the key must be the backup's: never made up here
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "Usage: evald restore [--quiet] FILE")
		return errUsage
	}
	start := time.Now()
	tmp, err := cfg.tempDir()
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	archive, err := backup.Open(f, tmp)
	f.Close()
	if err != nil {
		return err
	}
	defer archive.Close()
	m := archive.Manifest
	log := cfg.logger(stderr)
	key, err := cfg.auditKey(log, false)
	if err != nil {
		return fmt.Errorf("备份的审计密钥 id 为 %s, 但没有配置审计密钥: 请把原机器的 EVAL_AUDIT_KEY 设为同样的值, "+
			"或把原数据目录中的 %s 复制到 %s (%w)", m.AuditKeyID, evaluation.AuditKeyFile, cfg.DataDir, err)
	}
	if m.AuditKeyID != "" && key.ID() != m.AuditKeyID {
		return fmt.Errorf("配置的审计密钥 id 为 %s, 备份需要 id 为 %s 的密钥: 请把 EVAL_AUDIT_KEY 设为原机器的密钥, "+
			"或把原数据目录中的 %s 复制到 %s", key.ID(), m.AuditKeyID, evaluation.AuditKeyFile, cfg.DataDir)
	}
	db, err := evaluation.OpenDB(evaluation.DBConfig{DSN: cfg.DSN, DataDir: cfg.DataDir, Logger: log, AuditKey: key})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := backup.CheckEmptyDB(ctx, db); err != nil {
		return err
	}
	// A blob store in the database is empty with it, and exists only once the schema does.
	inDB := isDBBlobs(cfg.BlobURL)
	var files blobs.Store
	if !inDB {
		if files, err = cfg.blobs(ctx, db); err != nil {
			return err
		}
		if err := backup.CheckEmptyBlobs(ctx, files); err != nil {
			return err
		}
	}
	n, err := restoreInto(ctx, cfg, archive, db, files, *quiet, stderr)
	if err != nil {
		return fmt.Errorf("%w\n恢复没有完成, 目标已被部分写入: 请清空目标数据库(SQLite: 删除 %s)和文件存储后重试", err, evaluation.SQLiteFile)
	}
	fmt.Fprintf(stdout, "restored %s of %s into %s in %s: schema version %d, %d tables, %d rows, %d blobs (%d bytes); "+
		"audit chain intact: %d events verified\n", fs.Arg(0), m.CreatedAt.Format(time.RFC3339), cfg.describe(),
		time.Since(start).Round(time.Millisecond), m.SchemaVersion, len(m.Tables), m.Rows(), m.Blobs, m.BlobBytes, n)
	if latest := evaluation.LatestSchemaVersion(); m.SchemaVersion < latest {
		fmt.Fprintf(stdout, "the backup's schema is version %d, this evald's is %d: run `evald migrate` next\n", m.SchemaVersion, latest)
	}
	return nil
}

// restoreInto writes the checked archive into the empty target: the schema
// at the backup's version, the rows, the blobs (into files, or, when nil,
// the database's blob store once it exists); then it compares the tables
// with the manifest and verifies the audit chain, returning its length.
func restoreInto(ctx context.Context, cfg *config, archive *backup.Archive, db *evaluation.DB, files blobs.Store,
	quiet bool, stderr io.Writer) (int64, error) {
	m := archive.Manifest
	if err := archive.CreateSchema(ctx, db); err != nil {
		return 0, err
	}
	var bar *progressbar.ProgressBar
	step := func() {
		if !quiet {
			if bar == nil {
				bar = newBar(len(m.Tables)+m.Blobs, "恢复", stderr)
			}
			_ = bar.Add(1)
		}
	}
	if err := archive.LoadTables(ctx, db, func(string) { step() }); err != nil {
		return 0, err
	}
	if files == nil {
		var err error
		if files, err = cfg.blobs(ctx, db); err != nil {
			return 0, err
		}
	}
	if err := archive.PutBlobs(ctx, files, step); err != nil {
		return 0, err
	}
	if m.Dialect == db.Dialect {
		if err := archive.Compare(ctx, db); err != nil {
			return 0, err
		}
	}
	loc, err := cfg.location()
	if err != nil {
		return 0, err
	}
	n, err := evaluation.NewStore(db, evaluation.StoreOptions{Location: loc, Blobs: files}).VerifyAudit(ctx)
	if err != nil {
		return 0, fmt.Errorf("恢复后的审计链校验失败: %w", err)
	}
	return n, nil
}

// isDBBlobs reports whether EVAL_BLOB_URL keeps blobs in the database.
func isDBBlobs(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "db"
}

// tempDir is the data folder's tmp, made if needed.
func (c *config) tempDir() (string, error) {
	tmp := filepath.Join(c.DataDir, "tmp")
	if err := os.MkdirAll(tmp, 0o750); err != nil {
		return "", errors.Join(errors.New("temporary folder"), err)
	}
	return tmp, nil
}

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"

	"github.com/schollz/progressbar/v3"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
)

const blobsUsage = "Usage: evald blobs migrate [-from URL] -to URL [-quiet]\n       evald blobs gc [-grace 24h] [-dry-run] [-quiet]"

// runBlobs runs `evald blobs migrate` or `evald blobs gc`.
func runBlobs(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "migrate":
			return runBlobsMigrate(ctx, args[1:], getenv, stdout, stderr)
		case "gc":
			return runBlobsGC(ctx, args[1:], getenv, stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, blobsUsage)
	return errUsage
}

// runBlobsMigrate runs `evald blobs migrate`: copy every blob of one store
// into another (say from the data folder to "db:" or an S3 bucket, before
// the second replica starts), verifying each copy's hash.
func runBlobsMigrate(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("blobs migrate", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	cfg.readOnly = true
	from := fs.String("from", "", "the store to copy from; empty: EVAL_BLOB_URL (the one in use)")
	to := fs.String("to", "", "the store to copy into: file:///folder, db: or s3://bucket?endpoint=…")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *to == "" {
		fmt.Fprintln(stderr, blobsUsage)
		return errUsage
	}
	if *from == "" {
		*from = cfg.BlobURL
	}
	db, store, err := cfg.openCurrent(ctx, cfg.logger(stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	src, err := blobs.OpenURL(ctx, *from, cfg.DataDir, db.Gorm)
	if err != nil {
		return fmt.Errorf("-from: %w", err)
	}
	dst, err := blobs.OpenURL(ctx, *to, cfg.DataDir, db.Gorm)
	if err != nil {
		return fmt.Errorf("-to: %w", err)
	}
	res, err := migrateBlobs(ctx, src, dst, *quiet, stderr)
	if err != nil {
		return err
	}
	// Every blob the database refers to must now be in the target.
	refs, err := store.ReferencedBlobs(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	if err := dst.Walk(ctx, func(info blobs.Info) error { have[info.Key] = true; return nil }); err != nil {
		return err
	}
	var missing []string
	for _, k := range refs {
		if !have[k] {
			missing = append(missing, k)
		}
	}
	fmt.Fprintf(stdout, "copied %d blobs (%d bytes), %d already there; all %d verified by SHA-256\n",
		res.copied, res.bytes, res.present, res.copied+res.present)
	if len(missing) > 0 {
		return fmt.Errorf("%d of the %d blobs the database refers to are in neither store, e.g. %s", len(missing), len(refs), missing[0])
	}
	fmt.Fprintf(stdout, "every one of the %d blobs the database refers to is in the target; set EVAL_BLOB_URL=%s on every replica\n",
		len(refs), *to)
	return nil
}

// runBlobsGC runs `evald blobs gc`: delete every blob no row refers to
// that was stored longer than the grace ago (evaluation's
// Store.DeleteUnreferencedBlobs), beside running servers.
func runBlobsGC(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("blobs gc", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	cfg.readOnly = true
	grace := fs.Duration("grace", evaluation.DefaultBlobGrace, "keep unreferenced blobs stored less than this long ago (uploads whose row is not committed yet)")
	dryRun := fs.Bool("dry-run", false, "count what would be deleted, delete nothing")
	quiet := fs.Bool("quiet", false, "no progress bar (for cron)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 || *grace < 0 {
		fmt.Fprintln(stderr, blobsUsage)
		return errUsage
	}
	db, store, err := cfg.openCurrent(ctx, cfg.logger(stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	files, err := cfg.blobs(ctx, db)
	if err != nil {
		return err
	}
	var bar *progressbar.ProgressBar
	res, err := store.DeleteUnreferencedBlobs(ctx, files, evaluation.BlobGC{Grace: *grace, DryRun: *dryRun,
		Progress: func(done, total int) {
			if *quiet {
				return
			}
			if bar == nil {
				bar = newBar(total, "清理文件", stderr)
			}
			_ = bar.Set(done)
		}})
	if err != nil {
		return err
	}
	verb := "deleted"
	if *dryRun {
		verb = "dry run: would delete"
	}
	fmt.Fprintf(stdout, "%s %d unreferenced blobs (%d bytes); kept %d referenced and %d unreferenced stored within the last %s\n",
		verb, res.Deleted, res.DeletedBytes, res.Referenced, res.Young, *grace)
	return nil
}

// blobCopy counts what migrateBlobs did.
type blobCopy struct {
	copied, present int
	bytes           int64
}

// migrateBlobs copies every blob of src that dst lacks and checks every blob
// of src in dst by reading it back and hashing it.
func migrateBlobs(ctx context.Context, src, dst blobs.Store, quiet bool, stderr io.Writer) (blobCopy, error) {
	var res blobCopy
	var all []blobs.Info
	if err := src.Walk(ctx, func(info blobs.Info) error { all = append(all, info); return nil }); err != nil {
		return res, err
	}
	there := map[string]int64{}
	if err := dst.Walk(ctx, func(info blobs.Info) error { there[info.Key] = info.Size; return nil }); err != nil {
		return res, err
	}
	var bar *progressbar.ProgressBar
	if !quiet && len(all) > 0 {
		bar = newBar(len(all), "复制文件", stderr)
	}
	for _, b := range all {
		if size, ok := there[b.Key]; ok && size == b.Size {
			res.present++
		} else {
			if err := copyBlob(ctx, src, dst, b.Key); err != nil {
				return res, err
			}
			res.copied++
			res.bytes += b.Size
		}
		if err := verifyBlob(ctx, dst, b.Key, b.Size); err != nil {
			return res, err
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	return res, nil
}

// copyBlob streams one blob from src into dst.
func copyBlob(ctx context.Context, src, dst blobs.Store, key string) error {
	r, err := src.Open(ctx, key)
	if err != nil {
		return err
	}
	defer r.Close()
	return dst.Put(ctx, key, r)
}

// verifyBlob reads a blob back and checks its size and hash.
func verifyBlob(ctx context.Context, s blobs.Store, key string, size int64) error {
	r, err := s.Open(ctx, key)
	if err != nil {
		return fmt.Errorf("verify %s: %w", key, err)
	}
	defer r.Close()
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return fmt.Errorf("verify %s: %w", key, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != key || n != size {
		return fmt.Errorf("verify %s: %w (%d bytes hash to %s)", key, blobs.ErrHashMismatch, n, got)
	}
	return nil
}

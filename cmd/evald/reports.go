package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/evald/evald/evaluation"
)

func runReports(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("reports", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	round := fs.String("round", "latest", "round id, or latest (the latest published round)")
	out := fs.String("out", ".", "folder to write the round's ZIP of reports into")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	log := cfg.logger(stderr)
	db, store, err := cfg.openCurrent(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	roundID, err := pickRound(ctx, store, *round)
	if err != nil {
		return err
	}
	svc, err := cfg.reportService(ctx, store, log)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o750); err != nil {
		return err
	}
	path := filepath.Join(*out, fmt.Sprintf("round-%d-reports.zip", roundID))
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	var bar *progressbar.ProgressBar
	start := time.Now()
	err = svc.WriteRoundZIP(ctx, f, evaluation.System, roundID, func(done, total int) {
		if *quiet {
			return
		}
		if bar == nil {
			bar = newBar(total, "渲染报告", stderr)
		}
		_ = bar.Set(done)
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes) in %s\n", path, info.Size(), time.Since(start).Round(time.Millisecond))
	return nil
}

// pickRound resolves --round: an id, or "latest" for the latest published round.
func pickRound(ctx context.Context, store *evaluation.Store, round string) (int64, error) {
	if round != "latest" {
		id, err := strconv.ParseInt(round, 10, 64)
		if err != nil || id <= 0 {
			return 0, fmt.Errorf("--round: %q is neither a round id nor latest", round)
		}
		return id, nil
	}
	list, err := store.Rounds(ctx, evaluation.System, evaluation.RoundFilter{Status: evaluation.RoundPublished, Page: evaluation.Page{PerPage: 1}})
	if err != nil {
		return 0, err
	}
	if len(list.Items) == 0 {
		return 0, errors.New("no published round: name one with --round ID")
	}
	return list.Items[0].ID, nil
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/evald/evald/evaluation"
)

func runMigrate(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	db, err := cfg.openDB(cfg.logger(stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := evaluation.Migrate(ctx, db)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(stdout, "schema is up to date (version %d, %s)\n", evaluation.LatestSchemaVersion(), cfg.describe())
		return nil
	}
	fmt.Fprintf(stdout, "applied migrations %v; schema now at version %d (%s)\n", applied, evaluation.LatestSchemaVersion(), cfg.describe())
	return nil
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/evald/evald/evaluation"
)

func runAudit(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprintln(stderr, "Usage: evald audit verify")
		return errUsage
	}
	fs := flag.NewFlagSet("audit verify", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	if err := parseFlags(fs, args[1:], stderr); err != nil {
		return err
	}
	db, store, err := cfg.open(nil)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := evaluation.CheckSchema(ctx, db); err != nil {
		return err
	}
	n, err := store.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "audit chain intact: %d events verified\n", n)
	return nil
}

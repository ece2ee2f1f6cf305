package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/evald/evald/evaluation"
)

const auditUsage = "Usage: evald audit verify [-checkpoint FILE] | evald audit checkpoint > FILE"

func runAudit(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "verify" && args[0] != "checkpoint") {
		fmt.Fprintln(stderr, auditUsage)
		return errUsage
	}
	fs := flag.NewFlagSet("audit "+args[0], flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	cfg.readOnly = true // a key made up now could verify nothing
	var checkpointFile *string
	if args[0] == "verify" {
		checkpointFile = fs.String("checkpoint", "", "also check the chain against a checkpoint printed by `evald audit checkpoint`")
	}
	if err := parseFlags(fs, args[1:], stderr); err != nil {
		return err
	}
	db, store, err := cfg.openCurrent(ctx, cfg.logger(stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	if args[0] == "checkpoint" {
		return auditCheckpoint(ctx, store, stdout)
	}
	if *checkpointFile == "" {
		n, err := store.VerifyAudit(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "audit chain intact: %d events verified\n", n)
		return nil
	}
	cp, err := readCheckpoint(*checkpointFile)
	if err != nil {
		return err
	}
	n, err := store.VerifyAuditCheckpoint(ctx, cp)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "audit chain intact: %d events verified; it holds the checkpoint's event %d of %s\n",
		n, cp.LastID, cp.CreatedAt.Format("2006-01-02 15:04:05 MST"))
	return nil
}

// auditCheckpoint prints a signed head of the verified chain as JSON.
func auditCheckpoint(ctx context.Context, store *evaluation.Store, stdout io.Writer) error {
	cp, err := store.AuditCheckpoint(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(cp)
}

// readCheckpoint reads a checkpoint file.
func readCheckpoint(path string) (*evaluation.AuditCheckpoint, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cp evaluation.AuditCheckpoint
	if err := json.Unmarshal(b, &cp); err != nil {
		return nil, fmt.Errorf("checkpoint %s: %w", path, err)
	}
	return &cp, nil
}

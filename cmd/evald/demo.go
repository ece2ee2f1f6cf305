package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/evald/evald/demo"
	"github.com/evald/evald/evaluation"
)

func runDemo(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	scale := fs.Int("scale", 0, "plans in the published round: the real ones first, then synthetic ones (0: the real ones)")
	ifEmpty := fs.Bool("if-empty", false, "do nothing when the database already has users")
	pw := settingOf("EVAL_DEMO_PASSWORD")
	password := fs.String(pw.Flag, pw.value(getenv), pw.flagUsage())
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	loc, err := cfg.location()
	if err != nil {
		return err
	}
	db, err := cfg.openDB(cfg.logger(stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := evaluation.Migrate(ctx, db); err != nil {
		return err
	}
	evidence, err := cfg.blobs(ctx, db)
	if err != nil {
		return err
	}
	opts := demo.Options{Scale: *scale, Password: *password, Location: loc, Blobs: evidence}
	if *scale > 50 {
		opts.Progress = func(done, total int) {
			if done%50 == 0 || done == total {
				fmt.Fprintf(stderr, "\rscoring a published round (of 3): %d/%d plans", done, total)
				if done == total {
					fmt.Fprintln(stderr)
				}
			}
		}
	}
	res, err := demo.Load(ctx, db, opts)
	if errors.Is(err, demo.ErrNotEmpty) && *ifEmpty {
		msg := "The database already has data; demo not loaded."
		if cfg.DSN == "" {
			msg += " Demo logins (if it was the demo): " + filepath.Join(cfg.DataDir, loginsFile)
		}
		fmt.Fprintln(stdout, msg)
		return nil
	}
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Demo data loaded (%s): published round %d, open round %d.\n", cfg.describe(), res.PublishedRoundID, res.OpenRoundID)
	fmt.Fprintf(&b, "Every demo user's password: %s\n\n", res.Password)
	tw := tabwriter.NewWriter(&b, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "username\trole\tname")
	for _, l := range res.Logins {
		if l.Role == evaluation.RoleDepartment && l.Username != "department" {
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.Username, l.Role, l.DisplayName)
	}
	tw.Flush()
	fmt.Fprintln(&b, "(and dept-01 … dept-22: one department user for each other lead department)")
	fmt.Fprint(stdout, b.String())
	if cfg.DSN == "" {
		path := filepath.Join(cfg.DataDir, loginsFile)
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nThese logins are also in %s.\n", path)
	}
	return nil
}

// loginsFile keeps the demo logins in the data folder, for `make run` users.
const loginsFile = "demo-logins.txt"

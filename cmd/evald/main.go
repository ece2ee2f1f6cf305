// Command evald serves the third-party evaluation platform and carries its
// administrative tools: migrate, demo, user add, audit verify and checkpoint, reports, blobs migrate and gc,
// backup and restore.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	_ "time/tzdata" // the binary carries its own time zone data (EVAL_TZ)
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is how configuration reads the environment (os.Getenv, or a map in tests).
type env func(string) string

// command is one subcommand of evald.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error
}

// commands is the table of subcommands.
func commands() map[string]command {
	return map[string]command{
		"serve":   {"serve the web UI and the HTTP API (the default)", runServe},
		"migrate": {"bring the database schema up to date", runMigrate},
		"demo":    {"load the demo data and print its logins", runDemo},
		"user":    {"manage users: user add", runUser},
		"audit":   {"check the audit trail: audit verify [-checkpoint FILE], audit checkpoint", runAudit},
		"blobs":   {"manage stored files: blobs migrate -to URL (copy into another store), blobs gc (delete unreferenced ones)", runBlobs},
		"backup":  {"write a consistent snapshot of the database and its files: backup --out FILE [--quiet]", runBackup},
		"restore": {"restore a backup into an empty database and data folder: restore FILE", runRestore},
		"reports": {"render every report of a round into a ZIP: reports --round ID|latest --out DIR", runReports},
	}
}

// run executes the subcommand named by args and returns the exit code.
func run(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) int {
	if helpRequested(args) {
		usage(stdout)
		return 0
	}
	name := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "evald: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	if err := cmd.run(ctx, args, getenv, stdout, stderr); err != nil {
		if err == errUsage {
			return 2
		}
		fmt.Fprintf(stderr, "evald %s: %v\n", name, err)
		return 1
	}
	return 0
}

// usage prints the subcommands and every setting.
func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: evald <command> [flags]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nSettings come from the environment or, where there is one, the command's flag:")
	printSettings(w)
	fmt.Fprintln(w, "\nRun `evald <command> -h` for a command's flags.")
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/frontend"
)

func runServe(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	auto := settingOf("EVAL_AUTO_MIGRATE")
	migrate := fs.Bool(auto.Flag, getenv(auto.Env) == "1", auto.flagUsage())
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	log := cfg.logger(stderr)
	db, store, err := cfg.open(log)
	if err != nil {
		return err
	}
	defer db.Close()
	version, err := evaluation.SchemaVersion(ctx, db)
	if err != nil {
		return err
	}
	if *migrate || version == 0 {
		// A new, empty database gets its schema on first start; upgrading
		// one that holds data is done on purpose (evald migrate, or -migrate),
		// so that an older binary never meets a surprise and backups come first.
		if applied, err := evaluation.Migrate(ctx, db); err != nil {
			return err
		} else if len(applied) > 0 {
			log.Info("schema migrated", "versions", applied)
		}
	}
	if err := evaluation.CheckSchema(ctx, db); err != nil {
		return err
	}
	if err := store.CheckAuditKey(ctx); err != nil {
		return err
	}
	password, err := store.EnsureFirstAdmin(ctx, cfg.AdminPassword)
	if err != nil {
		return err
	}
	if password != "" && cfg.AdminPassword == "" {
		fmt.Fprintf(stdout, "Created the first administrator.\n  username: %s\n  password: %s\n(This password is shown only once.)\n",
			evaluation.FirstAdmin, password)
	}
	var mailer evaluation.Mailer
	if cfg.SMTPURL != "" {
		if mailer, err = smtpMailer(cfg.SMTPURL); err != nil {
			return fmt.Errorf("EVAL_SMTP_URL: %w", err)
		}
	}
	bgCtx, stopBackground := context.WithCancel(ctx)
	defer stopBackground()
	go runBackground(bgCtx, store, mailer, log)
	svc, err := cfg.reportService(bgCtx, store, log)
	if err != nil {
		return err
	}
	lease, err := cfg.jobLease()
	if err != nil {
		return err
	}
	go svc.RunJobs(bgCtx, min(jobPoll, lease))
	reg := api.NewMetricsRegistry()
	apiCfg := api.Config{Store: store, Logger: log, UI: frontend.Assets(), UIBuilt: frontend.Built(), Reports: svc,
		Registry: reg, MetricsToken: cfg.MetricsToken, TempDir: filepath.Join(cfg.DataDir, "tmp")}
	if err := cfg.surveySettings(&apiCfg); err != nil {
		return err
	}
	e, err := api.New(apiCfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	if cfg.MetricsAddr != "" {
		addr, stopMetrics, err := serveMetrics(cfg.MetricsAddr, reg, log)
		if err != nil {
			ln.Close()
			return err
		}
		defer func() { _ = stopMetrics() }() // on the way out: nothing to do with an error
		fmt.Fprintf(stdout, "evald serves its metrics on http://%s/metrics\n", addr)
	}
	srv := newHTTPServer(e, defaultTimeouts)
	log.Info("evald serving", "addr", "http://"+ln.Addr().String(), "database", cfg.describe(), "ui_built", frontend.Built())
	fmt.Fprintf(stdout, "evald is serving on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	// Report jobs still running stop now and go back to the queue, for
	// another replica or this one once restarted; wait for them to do so.
	stopBackground()
	svc.Wait()
	log.Info("stopped")
	return nil
}

// serverTimeouts bound how long a client may take over a request, so that a
// slow sender cannot hold a connection for ever.
type serverTimeouts struct {
	header, read, write, idle time.Duration
}

// defaultTimeouts leave room for a 20 MB upload on a slow office line
// (read), and for rendering and sending a round's report ZIP (write).
var defaultTimeouts = serverTimeouts{header: 10 * time.Second, read: 5 * time.Minute, write: 15 * time.Minute, idle: 2 * time.Minute}

// newHTTPServer is the HTTP server of evald serve.
func newHTTPServer(h http.Handler, t serverTimeouts) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: t.header, ReadTimeout: t.read, WriteTimeout: t.write, IdleTimeout: t.idle}
}

// Background work of a serving process: deadline reminders, pruning of
// login throttles whose window ended, and the e-mail outbox. All are safe on
// several replicas at once.
const (
	sweepEvery = time.Hour
	// jobPoll is how often a replica looks for report jobs nobody runs
	// (queued, or left by a replica that died once their lease ran out);
	// more often when EVAL_JOB_LEASE is shorter.
	jobPoll     = 5 * time.Second
	outboxEvery = 30 * time.Second
	outboxBatch = 100
)

// runBackground runs the periodic domain tasks until ctx ends.
func runBackground(ctx context.Context, store *evaluation.Store, mailer evaluation.Mailer, log *slog.Logger) {
	sweep := time.NewTicker(sweepEvery)
	defer sweep.Stop()
	outbox := time.NewTicker(outboxEvery)
	defer outbox.Stop()
	doSweep := func() {
		if n, err := store.SweepDeadlines(ctx); err != nil {
			log.Error("deadline reminders", "err", err)
		} else if n > 0 {
			log.Info("deadline reminders", "created", n)
		}
		if _, err := store.PruneLoginThrottles(ctx); err != nil {
			log.Error("prune login throttles", "err", err)
		}
	}
	sendOutbox := func() {
		if mailer == nil {
			return
		}
		if n, err := store.SendPendingEmails(ctx, mailer, outboxBatch); err != nil {
			log.Error("e-mail outbox", "err", err, "sent", n)
		} else if n > 0 {
			log.Info("e-mail outbox", "sent", n)
		}
	}
	// A replica that starts sweeps and sends at once: what piled up while
	// it was down goes out without waiting for the first tick.
	doSweep()
	sendOutbox()
	for {
		select {
		case <-ctx.Done():
			return
		case <-sweep.C:
			doSweep()
		case <-outbox.C:
			sendOutbox()
		}
	}
}

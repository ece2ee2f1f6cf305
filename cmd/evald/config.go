package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/mail"
	"github.com/evald/evald/reports"
)

// errUsage is returned after a flag error has been printed.
var errUsage = errors.New("usage")

// config is every setting of evald (DESIGN.md "Running it"), read once from
// flags and the environment and passed down explicitly.
type config struct {
	Addr          string
	DataDir       string
	DSN           string
	BlobURL       string // EVAL_BLOB_URL: the blob store every replica shares
	JobLease      string // EVAL_JOB_LEASE: a duration
	AdminPassword string
	ReportFont    string
	TZ            string
	LogFormat     string
	LogLevel      string
	SMTPURL       string

	SurveyRate     string // answers a minute per client address on public surveys
	TrustedProxies string // comma-separated IPs or CIDRs of reverse proxies
	PublicURL      string // base of public survey links

	AuditKey string // EVAL_AUDIT_KEY, hex or base64 of at least 32 bytes; environment only

	MetricsToken string // bearer token of /metrics on the main listener; empty: off there
	MetricsAddr  string // a listener of its own for /metrics, without token; empty: none

	readOnly bool // the command only reads: it never creates the audit key file
}

// surveySettings puts the settings of public surveys into the HTTP
// server's configuration.
func (c *config) surveySettings(cfg *api.Config) error {
	rate, err := strconv.Atoi(strings.TrimSpace(c.SurveyRate))
	if err != nil || rate < 1 {
		return fmt.Errorf("EVAL_SURVEY_RATE %q: want a positive whole number of answers a minute", c.SurveyRate)
	}
	cfg.SurveyRate, cfg.PublicURL, cfg.ListenAddr = rate, c.PublicURL, c.Addr
	for _, p := range strings.Split(c.TrustedProxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			cfg.TrustedProxies = append(cfg.TrustedProxies, p)
		}
	}
	return nil
}

// parseFlags parses args, printing errors and usage to stderr.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errUsage
		}
		return errUsage
	}
	return nil
}

// location loads the configured time zone.
func (c *config) location() (*time.Location, error) {
	loc, err := time.LoadLocation(c.TZ)
	if err != nil {
		return nil, fmt.Errorf("EVAL_TZ %q: %w", c.TZ, err)
	}
	return loc, nil
}

// logger builds the structured logger.
func (c *config) logger(w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(c.LogFormat, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// auditKey is EVAL_AUDIT_KEY, or else the key file in the data folder,
// created on first start by a command that writes (create). On MySQL a
// created key file is announced loudly: replicas sharing the database must
// share the key (one with another key is refused by CheckAuditKey, so the
// mistake shows at once).
func (c *config) auditKey(log *slog.Logger, create bool) (*evaluation.AuditKey, error) {
	if c.AuditKey != "" {
		key, err := evaluation.ParseAuditKey(c.AuditKey)
		if err != nil {
			return nil, fmt.Errorf("EVAL_AUDIT_KEY: %w", err)
		}
		return key, nil
	}
	if !create {
		key, err := evaluation.ReadAuditKeyFile(c.DataDir)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no audit key: set EVAL_AUDIT_KEY or put the key file %s in %s", evaluation.AuditKeyFile, c.DataDir)
		}
		return key, err
	}
	key, created, err := evaluation.LoadAuditKeyFile(c.DataDir)
	if err != nil {
		return nil, fmt.Errorf("audit key file: %w", err)
	}
	if created && log != nil {
		path := filepath.Join(c.DataDir, evaluation.AuditKeyFile)
		if c.DSN != "" {
			log.Warn("created a new audit key file for a shared database: every replica and every evald command on this "+
				"database needs this same key; copy the file or set EVAL_AUDIT_KEY to its content, and keep a copy away from the database",
				"path", path, "key_id", key.ID())
		} else {
			log.Info("created the audit key file; keep a copy away from the database", "path", path, "key_id", key.ID())
		}
	}
	return key, nil
}

// openDB opens the configured database with the audit key.
func (c *config) openDB(log *slog.Logger) (*evaluation.DB, error) {
	key, err := c.auditKey(log, !c.readOnly)
	if err != nil {
		return nil, err
	}
	return evaluation.OpenDB(evaluation.DBConfig{DSN: c.DSN, DataDir: c.DataDir, Logger: log, AuditKey: key})
}

// open opens the configured database and a store on it.
func (c *config) open(log *slog.Logger) (*evaluation.DB, *evaluation.Store, error) {
	loc, err := c.location()
	if err != nil {
		return nil, nil, err
	}
	db, err := c.openDB(log)
	if err != nil {
		return nil, nil, err
	}
	files, err := c.blobs(context.Background(), db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, evaluation.NewStore(db, evaluation.StoreOptions{Location: loc, Logger: log, Blobs: files}), nil
}

// openCurrent opens the configured database and a store on it, refusing a
// schema that is behind the code (run `evald migrate` first).
func (c *config) openCurrent(ctx context.Context, log *slog.Logger) (*evaluation.DB, *evaluation.Store, error) {
	db, store, err := c.open(log)
	if err != nil {
		return nil, nil, err
	}
	if err := evaluation.CheckSchema(ctx, db); err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, store, nil
}

// blobs opens the blob store of EVAL_BLOB_URL ("db:" keeps them in db).
func (c *config) blobs(ctx context.Context, db *evaluation.DB) (blobs.Store, error) {
	var g *gorm.DB
	if db != nil {
		g = db.Gorm
	}
	return blobs.OpenURL(ctx, c.BlobURL, c.DataDir, g)
}

// describe says which database the config points at, without secrets.
func (c *config) describe() string {
	if c.DSN == "" {
		return "SQLite in " + c.DataDir
	}
	if at := strings.LastIndex(c.DSN, "@"); at >= 0 {
		return "MySQL " + c.DSN[at+1:]
	}
	return "MySQL"
}

// smtpMailer builds the SMTP mailer of rawURL as the store's Mailer.
func smtpMailer(rawURL string) (evaluation.Mailer, error) {
	m, err := mail.NewSMTPMailer(rawURL)
	if err != nil {
		return nil, err
	}
	return evaluation.MailerFunc(func(ctx context.Context, msg evaluation.Mail) error {
		return m.Send(ctx, mail.Message(msg))
	}), nil
}

// reportService builds the report renderer (parsing the font once) and the
// service that hands reports out; jobs live as long as ctx.
func (c *config) reportService(ctx context.Context, store *evaluation.Store, log *slog.Logger) (*reports.Service, error) {
	renderer, err := reports.NewRenderer(reports.Options{FontPath: c.ReportFont})
	if err != nil {
		return nil, fmt.Errorf("report font: %w", err)
	}
	tmp := filepath.Join(c.DataDir, "tmp")
	if err := os.MkdirAll(tmp, 0o750); err != nil {
		return nil, err
	}
	lease, err := c.jobLease()
	if err != nil {
		return nil, err
	}
	return reports.NewService(store, renderer, store.Blobs(), reports.ServiceOptions{Jobs: ctx, Logger: log, TempDir: tmp,
		JobLease: lease}), nil
}

// jobLease is EVAL_JOB_LEASE: at least a second.
func (c *config) jobLease() (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(c.JobLease))
	if err != nil || d < time.Second {
		return 0, fmt.Errorf("EVAL_JOB_LEASE %q: want a duration of at least 1s, as 1m or 30s", c.JobLease)
	}
	return d, nil
}

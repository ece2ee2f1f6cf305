package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/evald/evald/api"
)

// setting is one setting of evald: the environment variable it is read
// from, the flag that overrides it, its default and what it is for. The
// flags, `evald help` and the test that README.md lists every setting all
// come from the one table, settings().
type setting struct {
	Env     string
	Flag    string // empty: environment only (a secret, which ps would show as a flag)
	Default string // empty: empty
	Usage   string
	Command string // the one command that reads it; empty: every command (config)

	field func(*config) *string // where config keeps it; nil for a command's own setting
}

// settings is every setting of evald, in the order help prints them.
func settings() []setting {
	return []setting{
		{Env: "EVAL_ADDR", Flag: "addr", Default: api.DefaultAddr, Usage: "listen address",
			field: func(c *config) *string { return &c.Addr }},
		{Env: "EVAL_DATA_DIR", Flag: "data-dir", Default: "./data", Usage: "data folder: SQLite file, stored files",
			field: func(c *config) *string { return &c.DataDir }},
		{Env: "EVAL_DB_DSN", Flag: "db-dsn", Usage: "MySQL/MariaDB/TiDB DSN; empty means embedded SQLite",
			field: func(c *config) *string { return &c.DSN }},
		{Env: "EVAL_BLOB_URL", Flag: "blob-url",
			Usage: "where evidence files and report ZIPs are kept, shared by every replica: file:///folder, db: (the database) or s3://bucket?endpoint=host:port&region=…; empty: the folder evidence in the data folder",
			field: func(c *config) *string { return &c.BlobURL }},
		{Env: "EVAL_JOB_LEASE", Flag: "job-lease", Default: "1m",
			Usage: "how long a replica holds a report job without renewing it; another replica takes over a dead one's job after this",
			field: func(c *config) *string { return &c.JobLease }},
		{Env: "EVAL_ADMIN_PASSWORD", Usage: "first admin's password on an empty database; empty: random, printed once",
			field: func(c *config) *string { return &c.AdminPassword }},
		{Env: "EVAL_REPORT_FONT", Flag: "report-font", Usage: "TrueType font for reports; empty means the built-in one",
			field: func(c *config) *string { return &c.ReportFont }},
		{Env: "EVAL_TZ", Flag: "tz", Default: "Asia/Shanghai", Usage: "the city's time zone for calendar days",
			field: func(c *config) *string { return &c.TZ }},
		{Env: "EVAL_LOG_FORMAT", Flag: "log-format", Default: "text", Usage: "log format: text or json",
			field: func(c *config) *string { return &c.LogFormat }},
		{Env: "EVAL_LOG_LEVEL", Flag: "log-level", Default: "info", Usage: "log level: debug, info, warn, error",
			field: func(c *config) *string { return &c.LogLevel }},
		{Env: "EVAL_SMTP_URL", Flag: "smtp-url",
			Usage: "SMTP server for e-mail copies of notifications, smtp://user:pass@host:port?from=addr; empty: no e-mail",
			field: func(c *config) *string { return &c.SMTPURL }},
		{Env: "EVAL_SURVEY_RATE", Flag: "survey-rate", Default: strconv.Itoa(api.DefaultSurveyRate),
			Usage: "answers a minute one client address may submit to a public survey",
			field: func(c *config) *string { return &c.SurveyRate }},
		{Env: "EVAL_TRUSTED_PROXIES", Flag: "trusted-proxies",
			Usage: "comma-separated IPs or CIDR ranges of reverse proxies whose X-Forwarded-For names the client; empty: none",
			field: func(c *config) *string { return &c.TrustedProxies }},
		{Env: "EVAL_PUBLIC_URL", Flag: "public-url",
			Usage: "base of public survey links and QR codes, e.g. https://pg.example.gov.cn; empty: http:// and the listen address",
			field: func(c *config) *string { return &c.PublicURL }},
		{Env: "EVAL_AUDIT_KEY", Usage: "key of the audit chain's MACs, hex or base64 of at least 32 bytes; empty: the key file in the data folder",
			field: func(c *config) *string { return &c.AuditKey }},
		{Env: "EVAL_METRICS_TOKEN", Usage: "bearer token of /metrics on the main listener; empty: /metrics answers 404 there",
			field: func(c *config) *string { return &c.MetricsToken }},
		{Env: "EVAL_METRICS_ADDR", Flag: "metrics-addr",
			Usage: "a listener of its own serving /metrics without token, e.g. 127.0.0.1:9090; empty: none",
			field: func(c *config) *string { return &c.MetricsAddr }},
		{Env: "EVAL_AUTO_MIGRATE", Flag: "migrate", Command: "serve", Usage: "migrate the schema before serving (the variable: 1)"},
		{Env: "EVAL_DEMO_PASSWORD", Flag: "password", Command: "demo", Usage: "password of every demo user; empty: random"},
		{Env: "EVAL_USER_PASSWORD", Flag: "password", Command: "user add", Usage: "the new user's password; empty: random and printed"},
	}
}

// settingOf is the setting read from the environment variable env.
func settingOf(env string) setting {
	for _, s := range settings() {
		if s.Env == env {
			return s
		}
	}
	panic("evald: no setting " + env) // a typo in the code, caught by every test of the command
}

// flagUsage is the setting's line in its command's flag list.
func (s setting) flagUsage() string { return s.Usage + " (" + s.Env + ")" }

// value is the setting from the environment, or its default.
func (s setting) value(getenv env) string {
	if v := getenv(s.Env); v != "" {
		return v
	}
	return s.Default
}

// bindConfig registers the shared settings on a flag set, with defaults from
// the environment; secrets are read from the environment only.
func bindConfig(fs *flag.FlagSet, getenv env) *config {
	c := &config{}
	for _, s := range settings() {
		switch {
		case s.field == nil:
		case s.Flag == "":
			*s.field(c) = s.value(getenv)
		default:
			fs.StringVar(s.field(c), s.Flag, s.value(getenv), s.flagUsage())
		}
	}
	return c
}

// printSettings writes the table of settings for `evald help`.
func printSettings(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range settings() {
		flagName := "(environment only)"
		if s.Flag != "" {
			flagName = "-" + s.Flag
		}
		if s.Command != "" {
			flagName = s.Command + " " + flagName
		}
		usage := s.Usage
		if s.Default != "" {
			usage += fmt.Sprintf(" (default %s)", s.Default)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", s.Env, flagName, usage)
	}
	tw.Flush()
}

// helpRequested reports whether args ask for help rather than a command.
func helpRequested(args []string) bool {
	return len(args) > 0 && (args[0] == "help" || strings.TrimLeft(args[0], "-") == "help" || args[0] == "-h")
}

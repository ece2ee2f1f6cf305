package evaluation

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	mysqldriver "github.com/go-sql-driver/mysql"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database family in use.
type Dialect string

// Supported dialects.
const (
	SQLite Dialect = "sqlite"
	MySQL  Dialect = "mysql" // MySQL 8, MariaDB and TiDB
)

// DBConfig says which database to open: MySQL/MariaDB when DSN is set, else
// the embedded SQLite file evald.db under DataDir.
type DBConfig struct {
	DSN     string
	DataDir string
	Clock   Clock
	Logger  *slog.Logger
	// AuditKey MACs the audit chain; a database opened without one can be
	// read but not written (and not migrated to schema 6).
	AuditKey *AuditKey
}

// DB is an open database with its dialect.
type DB struct {
	Gorm    *gorm.DB
	Dialect Dialect

	auditKey *AuditKey
}

// SQLiteFile is the name of the embedded database file under the data folder.
const SQLiteFile = "evald.db"

// OpenDB opens the configured database with the per-driver options evald
// relies on: for SQLite WAL, foreign keys, a busy timeout and a single
// connection (one writer); for MySQL UTC times, utf8mb4 and a connection
// lifetime. GORM's error translation is on, so duplicates surface as
// gorm.ErrDuplicatedKey and broken references as gorm.ErrForeignKeyViolated.
func OpenDB(cfg DBConfig) (*DB, error) {
	clock := cfg.Clock
	if clock == nil {
		clock = SystemClock{}
	}
	gcfg := &gorm.Config{
		TranslateError: true,
		NowFunc:        func() time.Time { return clock.Now().UTC().Truncate(time.Microsecond) },
		Logger:         newGormLogger(cfg.Logger),
	}
	open := func() (*DB, error) { return openMySQL(cfg.DSN, gcfg) }
	if cfg.DSN == "" {
		open = func() (*DB, error) { return openSQLite(cfg.DataDir, gcfg) }
	}
	db, err := open()
	if err != nil {
		return nil, err
	}
	db.auditKey = cfg.AuditKey
	return db, nil
}

func openSQLite(dataDir string, gcfg *gorm.Config) (*DB, error) {
	if dataDir == "" {
		dataDir = "data"
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	path := filepath.Join(dataDir, SQLiteFile)
	// A URI filename: %, ? and # in the folder's name are escaped, or SQLite
	// would read them as an escape, the query or the fragment and open another file.
	uriPath := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(filepath.ToSlash(path))
	dsn := "file:" + uriPath + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
		"&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	g, err := gorm.Open(sqlite.Open(dsn), gcfg)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	// One connection: SQLite allows one writer, and a single connection
	// makes transactions queue in Go instead of failing with SQLITE_BUSY.
	sqlDB.SetMaxOpenConns(1)
	return &DB{Gorm: g, Dialect: SQLite}, nil
}

func openMySQL(dsn string, gcfg *gorm.Config) (*DB, error) {
	mc, err := mysqldriver.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("open mysql: bad EVAL_DB_DSN: %w", err)
	}
	mc.ParseTime = true
	mc.Loc = time.UTC
	if mc.Params == nil {
		mc.Params = map[string]string{}
	}
	mc.Params["charset"] = "utf8mb4"
	mc.Collation = "utf8mb4_unicode_ci"
	mc.MultiStatements = false
	g, err := gorm.Open(mysql.New(mysql.Config{DSNConfig: mc}), gcfg)
	if err != nil {
		return nil, fmt.Errorf("open mysql: %w", err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("open mysql: %w", err)
	}
	sqlDB.SetConnMaxLifetime(3 * time.Minute)
	sqlDB.SetMaxOpenConns(32)
	sqlDB.SetMaxIdleConns(8)
	return &DB{Gorm: g, Dialect: MySQL}, nil
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Close closes the connection pool.
func (db *DB) Close() error {
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// gormLogger sends slow queries and unexpected errors to slog; expected
// outcomes such as record-not-found stay quiet.
type gormLogger struct{ log *slog.Logger }

func newGormLogger(l *slog.Logger) logger.Interface {
	if l == nil {
		return logger.Discard
	}
	return gormLogger{log: l}
}

func (g gormLogger) LogMode(logger.LogLevel) logger.Interface { return g }
func (g gormLogger) Info(ctx context.Context, msg string, args ...any) {
	g.log.InfoContext(ctx, fmt.Sprintf(msg, args...))
}
func (g gormLogger) Warn(ctx context.Context, msg string, args ...any) {
	g.log.WarnContext(ctx, fmt.Sprintf(msg, args...))
}
func (g gormLogger) Error(ctx context.Context, msg string, args ...any) {
	g.log.ErrorContext(ctx, fmt.Sprintf(msg, args...))
}
func (g gormLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	elapsed := time.Since(begin)
	switch {
	case err != nil && !errors.Is(err, gorm.ErrRecordNotFound) && !errors.Is(err, gorm.ErrDuplicatedKey) &&
		!errors.Is(err, gorm.ErrForeignKeyViolated) && !errors.Is(err, context.Canceled):
		sql, rows := fc()
		g.log.DebugContext(ctx, "query failed", "err", err, "sql", sql, "rows", rows, "elapsed", elapsed)
	case elapsed > 500*time.Millisecond:
		sql, rows := fc()
		g.log.WarnContext(ctx, "slow query", "sql", sql, "rows", rows, "elapsed", elapsed)
	}
}

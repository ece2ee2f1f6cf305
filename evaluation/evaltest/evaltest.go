// Package evaltest gives tests a migrated database of their own from the
// production constructor — SQLite always, and MariaDB/MySQL too when
// EVAL_TEST_MYSQL_DSN is set; a copy of a template migrated once per test
// binary (Main), or a fresh one (Fresh) — a fixed clock, and fixture builders.
package evaltest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	mysqldriver "github.com/go-sql-driver/mysql"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
)

// Strict reports whether a missing outside tool must fail the run
// (EVAL_TEST_STRICT=1, set by CI) instead of skipping.
func Strict() bool { return os.Getenv("EVAL_TEST_STRICT") == "1" }

// SkipOrFail skips the test with a reason, or fails it in strict mode.
func SkipOrFail(t testing.TB, reason string) {
	t.Helper()
	if Strict() {
		t.Fatalf("EVAL_TEST_STRICT=1 but %s", reason)
	}
	t.Skip(reason)
}

// Clock is a settable clock for tests, safe for concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock standing at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Shanghai is the city's time zone in tests.
var Shanghai = evaluation.DefaultLocation()

// Epoch is where test clocks start: 2026-03-02 10:00 in Shanghai.
func Epoch() time.Time { return time.Date(2026, 3, 2, 10, 0, 0, 0, Shanghai) }

// Env is one test database with a store on it.
type Env struct {
	DB      *evaluation.DB
	Store   *evaluation.Store
	Clock   *Clock
	Dialect evaluation.Dialect
	DataDir string
	DSN     string // the MySQL DSN of the test database; empty for SQLite
}

// Dialects runs fn as a subtest on SQLite, and on MySQL/MariaDB when
// EVAL_TEST_MYSQL_DSN is set (in strict mode it must be). Each subtest has
// a database of its own, so the test and both subtests run in parallel
// with the package's other parallel tests (go test -parallel, default
// GOMAXPROCS): fn must not touch shared state, and the test must not use
// t.Setenv.
func Dialects(t *testing.T, fn func(t *testing.T, env *Env)) {
	t.Helper()
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		fn(t, New(t, evaluation.SQLite))
	})
	t.Run("mysql", func(t *testing.T) {
		t.Parallel()
		if os.Getenv("EVAL_TEST_MYSQL_DSN") == "" {
			SkipOrFail(t, "EVAL_TEST_MYSQL_DSN is not set: MySQL/MariaDB tests not run")
		}
		fn(t, New(t, evaluation.MySQL))
	})
}

// DialectOf returns the dialect of a subtest started by Dialects.
func DialectOf(t *testing.T) evaluation.Dialect {
	name := t.Name()
	if strings.HasSuffix(name, "/mysql") || strings.Contains(name, "/mysql/") {
		return evaluation.MySQL
	}
	return evaluation.SQLite
}

// New opens a migrated database of the dialect with a fixed clock. Under
// Main it is a copy of the package's template, migrated once (see Main);
// otherwise, and for tests of the migrations themselves, see Fresh.
func New(t testing.TB, dialect evaluation.Dialect) *Env {
	t.Helper()
	tpl := sqliteTemplate
	if dialect == evaluation.MySQL {
		if os.Getenv("EVAL_TEST_MYSQL_DSN") == "" {
			SkipOrFail(t, "EVAL_TEST_MYSQL_DSN is not set")
		}
		tpl = mysqlTemplate
	}
	if tpl.get(t) == nil {
		return Fresh(t, dialect)
	}
	dir := t.TempDir()
	if err := tpl.copyInto(dir); err != nil {
		t.Fatalf("copy the template %s database: %v", dialect, err)
	}
	dsn := ""
	if dialect == evaluation.MySQL {
		p, err := tpl.acquire()
		if err != nil {
			t.Fatalf("copy the template %s database: %v", dialect, err)
		}
		// Registered before open's, so it runs after the test's connections are closed.
		t.Cleanup(func() {
			if err := tpl.release(p); err != nil {
				t.Errorf("reset the test database %s: %v", p.name, err)
			}
		})
		dsn = p.dsn
	}
	return open(t, dialect, dir, dsn)
}

// Fresh opens a fresh database of the dialect and migrates it: for the tests
// of the migrations, which must not start from a copy.
func Fresh(t testing.TB, dialect evaluation.Dialect) *Env {
	t.Helper()
	env := Open(t, dialect)
	if _, err := evaluation.Migrate(context.Background(), env.DB); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return env
}

// Open opens a fresh, empty (unmigrated) database of the dialect.
func Open(t testing.TB, dialect evaluation.Dialect) *Env {
	t.Helper()
	dsn := ""
	if dialect == evaluation.MySQL {
		dsn = freshMySQLDatabase(t)
	}
	return open(t, dialect, t.TempDir(), dsn)
}

// open opens the database in the data folder dir (SQLite) or at dsn (MySQL)
// with the key file in dir, created when there is none.
func open(t testing.TB, dialect evaluation.Dialect, dir, dsn string) *Env {
	t.Helper()
	clock := NewClock(Epoch())
	cfg := evaluation.DBConfig{DataDir: dir, DSN: dsn, Clock: clock}
	// The key file in the data folder, where evald's subcommands find it too.
	key, _, err := evaluation.LoadAuditKeyFile(cfg.DataDir)
	if err != nil {
		t.Fatalf("audit key: %v", err)
	}
	cfg.AuditKey = key
	db, err := evaluation.OpenDB(cfg)
	if err != nil {
		t.Fatalf("open %s: %v", dialect, err)
	}
	t.Cleanup(func() { db.Close() })
	files, err := blobs.NewLocalBlobs(filepath.Join(cfg.DataDir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	store := evaluation.NewStore(db, evaluation.StoreOptions{Clock: clock, Location: Shanghai, BcryptCost: bcrypt.MinCost, Blobs: files})
	return &Env{DB: db, Store: store, Clock: clock, Dialect: dialect, DataDir: cfg.DataDir, DSN: cfg.DSN}
}

// freshMySQLDatabase creates a database of its own for one test on the
// server of EVAL_TEST_MYSQL_DSN, dropped when the test ends, and returns its DSN.
func freshMySQLDatabase(t testing.TB) string {
	t.Helper()
	base := os.Getenv("EVAL_TEST_MYSQL_DSN")
	if base == "" {
		SkipOrFail(t, "EVAL_TEST_MYSQL_DSN is not set")
	}
	mc, err := mysqldriver.ParseDSN(base)
	if err != nil {
		t.Fatalf("EVAL_TEST_MYSQL_DSN: %v", err)
	}
	name := "evt_" + randomHex(6)
	admin, err := gorm.Open(mysql.New(mysql.Config{DSNConfig: mc}), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("connect to MySQL test server: %v", err)
	}
	if err := admin.Exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").Error; err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name)
		if sqlDB, err := admin.DB(); err == nil {
			sqlDB.Close()
		}
	})
	mc.DBName = name
	return mc.FormatDSN()
}

// randomHex returns n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux
	}
	return hex.EncodeToString(b)
}

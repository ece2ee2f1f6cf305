package evaltest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	mysqldriver "github.com/go-sql-driver/mysql"

	"github.com/evald/evald/evaluation"
)

// Main runs a package's tests with template databases: New then copies a
// database migrated once per test binary and dialect instead of migrating
// one per test, and Main removes the templates (and MySQL's pool) when the
// tests end. A package that uses New has
//
//	func TestMain(m *testing.M) { os.Exit(evaltest.Main(m)) }
//
// Without it New migrates a fresh database per test, as Fresh does.
func Main(m *testing.M) int {
	running.Store(true)
	defer func() {
		for _, tpl := range []*templateDB{sqliteTemplate, mysqlTemplate} {
			tpl.remove()
		}
	}()
	return m.Run()
}

// running says that Main runs the tests, so templates are removed at the end.
var running atomic.Bool

var sqliteTemplate, mysqlTemplate = &templateDB{dialect: evaluation.SQLite}, &templateDB{dialect: evaluation.MySQL}

// templateDB is a migrated database that tests get copies of: on SQLite a
// file copied byte for byte into each test's data folder, on MySQL a
// database whose tables and rows are copied into pooled databases that are
// emptied and refilled from it when a test ends. Every copy carries the
// template's audit key file, the key its audit chain is sealed with.
type templateDB struct {
	dialect evaluation.Dialect
	once    sync.Once
	err     error
	dir     string // holds the key file, and evald.db on SQLite

	// MySQL
	base    *mysqldriver.Config // EVAL_TEST_MYSQL_DSN
	admin   *sql.DB             // on the server, no database selected
	name    string              // the template database
	tables  []string
	filled  []string         // the tables the migrations put rows in
	autoInc map[string]int64 // each table's next id in the template
	mu      sync.Mutex
	free    []*pooled // emptied databases ready for the next test
	all     []*pooled
}

// pooled is one of the MySQL databases that tests get in turn.
type pooled struct {
	name string
	dsn  string
	db   *sql.DB
}

// get returns the dialect's template, migrating it on first use; nil when
// Main does not run the tests.
func (tpl *templateDB) get(t testing.TB) *templateDB {
	t.Helper()
	if !running.Load() {
		return nil
	}
	tpl.once.Do(func() { tpl.err = tpl.build() })
	if tpl.err != nil {
		t.Fatalf("template %s database: %v", tpl.dialect, tpl.err)
	}
	return tpl
}

func (tpl *templateDB) build() error {
	dir, err := os.MkdirTemp("", "evaltest-template-")
	if err != nil {
		return err
	}
	tpl.dir = dir
	key, _, err := evaluation.LoadAuditKeyFile(dir)
	if err != nil {
		return err
	}
	cfg := evaluation.DBConfig{DataDir: dir, Clock: NewClock(Epoch()), AuditKey: key}
	if tpl.dialect == evaluation.MySQL {
		if err := tpl.connect(); err != nil {
			return err
		}
		if tpl.name, err = tpl.createDatabase(); err != nil {
			return err
		}
		cfg.DSN = tpl.dsn(tpl.name)
	}
	db, err := evaluation.OpenDB(cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := evaluation.Migrate(context.Background(), db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if tpl.dialect == evaluation.MySQL {
		return tpl.describe()
	}
	return nil
}

// copyInto puts the template's key file, and on SQLite its database file,
// into the data folder dir.
func (tpl *templateDB) copyInto(dir string) error {
	files := []string{evaluation.AuditKeyFile}
	if tpl.dialect == evaluation.SQLite {
		files = append(files, evaluation.SQLiteFile)
	}
	for _, f := range files {
		if err := copyFile(filepath.Join(tpl.dir, f), filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return errors.Join(err, out.Close())
}

func (tpl *templateDB) connect() error {
	base := os.Getenv("EVAL_TEST_MYSQL_DSN")
	mc, err := mysqldriver.ParseDSN(base)
	if err != nil {
		return fmt.Errorf("EVAL_TEST_MYSQL_DSN: %w", err)
	}
	tpl.base = mc
	admin := mc.Clone()
	admin.DBName = ""
	tpl.admin, err = sql.Open("mysql", admin.FormatDSN())
	return err
}

func (tpl *templateDB) dsn(database string) string {
	mc := tpl.base.Clone()
	mc.DBName = database
	return mc.FormatDSN()
}

func (tpl *templateDB) createDatabase() (string, error) {
	name := "evt_" + randomHex(6)
	_, err := tpl.admin.Exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
	return name, err
}

// describe reads the template's tables, which of them hold rows, and their
// next ids.
func (tpl *templateDB) describe() error {
	rows, err := tpl.admin.Query("SELECT table_name, COALESCE(auto_increment, 0) FROM information_schema.tables "+
		"WHERE table_schema = ? ORDER BY table_name", tpl.name)
	if err != nil {
		return err
	}
	defer rows.Close()
	tpl.autoInc = map[string]int64{}
	for rows.Next() {
		var table string
		var next int64
		if err := rows.Scan(&table, &next); err != nil {
			return err
		}
		tpl.tables = append(tpl.tables, table)
		if next != 0 {
			tpl.autoInc[table] = next
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, table := range tpl.tables {
		var n int
		err := tpl.admin.QueryRow("SELECT COUNT(*) FROM " + tpl.name + "." + table).Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			tpl.filled = append(tpl.filled, table)
		}
	}
	return nil
}

// acquire hands out a database equal to the template: an emptied one from
// the pool, or a new copy. release gives it back.
func (tpl *templateDB) acquire() (*pooled, error) {
	tpl.mu.Lock()
	if n := len(tpl.free); n > 0 {
		p := tpl.free[n-1]
		tpl.free = tpl.free[:n-1]
		tpl.mu.Unlock()
		return p, nil
	}
	tpl.mu.Unlock()
	name, err := tpl.createDatabase()
	if err != nil {
		return nil, err
	}
	p := &pooled{name: name, dsn: tpl.dsn(name)}
	tpl.mu.Lock()
	tpl.all = append(tpl.all, p)
	tpl.mu.Unlock()
	if p.db, err = sql.Open("mysql", p.dsn); err != nil {
		return nil, err
	}
	// CREATE TABLE … LIKE leaves out foreign keys: run the template's own
	// CREATE TABLE statements instead.
	err = tpl.onConn(p, func(conn *sql.Conn) error {
		for _, table := range tpl.tables {
			var name, create string
			if err := tpl.admin.QueryRow("SHOW CREATE TABLE "+tpl.name+"."+table).Scan(&name, &create); err != nil {
				return err
			}
			if _, err := conn.ExecContext(context.Background(), create); err != nil {
				return fmt.Errorf("copy table %s: %w", table, err)
			}
		}
		return tpl.refill(conn)
	})
	return p, err
}

// release empties a database a test used, refills it from the template and
// puts it back in the pool; one that cannot be reset is dropped.
func (tpl *templateDB) release(p *pooled) error {
	err := tpl.onConn(p, func(conn *sql.Conn) error {
		ctx := context.Background()
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback() }() // after Commit, ErrTxDone
		for _, table := range tpl.tables {
			if _, err := tx.Exec("DELETE FROM " + table); err != nil {
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		if err := tpl.refill(conn); err != nil {
			return err
		}
		// Ids start where the template's do, as in a fresh database.
		rows, err := conn.QueryContext(ctx, "SELECT table_name, auto_increment FROM information_schema.tables "+
			"WHERE table_schema = ? AND auto_increment IS NOT NULL", p.name)
		if err != nil {
			return err
		}
		moved := map[string]int64{}
		for rows.Next() {
			var table string
			var next int64
			if err := rows.Scan(&table, &next); err != nil {
				rows.Close()
				return err
			}
			if next != tpl.autoInc[table] {
				moved[table] = tpl.autoInc[table]
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for table, next := range moved {
			if _, err := conn.ExecContext(ctx, fmt.Sprintf("ALTER TABLE %s AUTO_INCREMENT = %d", table, next)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return errors.Join(err, tpl.drop(p))
	}
	tpl.mu.Lock()
	tpl.free = append(tpl.free, p)
	tpl.mu.Unlock()
	return nil
}

// refill copies the template's rows into the emptied tables.
func (tpl *templateDB) refill(conn *sql.Conn) error {
	for _, table := range tpl.filled {
		_, err := conn.ExecContext(context.Background(), "INSERT INTO "+table+" SELECT * FROM "+tpl.name+"."+table)
		if err != nil {
			return fmt.Errorf("refill %s: %w", table, err)
		}
	}
	return nil
}

// onConn runs fn on one connection to p with foreign key checks off, so that
// tables can be created, emptied and filled in any order.
func (tpl *templateDB) onConn(p *pooled, fn func(*sql.Conn) error) error {
	ctx := context.Background()
	conn, err := p.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET FOREIGN_KEY_CHECKS = 0"); err != nil {
		return err
	}
	err = fn(conn)
	if _, ferr := conn.ExecContext(ctx, "SET FOREIGN_KEY_CHECKS = 1"); ferr != nil {
		// Do not hand the connection back to the pool without its checks.
		return errors.Join(err, ferr, driverBad(conn))
	}
	return err
}

// driverBad closes the underlying connection so that database/sql drops it.
func driverBad(conn *sql.Conn) error {
	return conn.Raw(func(any) error { return driver.ErrBadConn })
}

func (tpl *templateDB) drop(p *pooled) error {
	if p.db != nil {
		p.db.Close()
	}
	_, err := tpl.admin.Exec("DROP DATABASE IF EXISTS " + p.name)
	return err
}

// remove deletes the template and, on MySQL, every pooled database.
func (tpl *templateDB) remove() {
	if tpl.dir != "" {
		os.RemoveAll(tpl.dir)
	}
	if tpl.admin == nil {
		return
	}
	// The tests have ended: what cannot be dropped is only said.
	for _, p := range tpl.all {
		if err := tpl.drop(p); err != nil {
			fmt.Fprintf(os.Stderr, "evaltest: drop the test database %s: %v\n", p.name, err)
		}
	}
	if tpl.name != "" {
		if _, err := tpl.admin.Exec("DROP DATABASE IF EXISTS " + tpl.name); err != nil {
			fmt.Fprintf(os.Stderr, "evaltest: drop the template database %s: %v\n", tpl.name, err)
		}
	}
	tpl.admin.Close()
}

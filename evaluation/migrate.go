package evaluation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// MigrateTo applies the steps up to and including target, recording each in
// schema_migrations, and returns the versions it applied.
//
// On SQLite a step is one transaction: it applies whole or not at all. MySQL
// commits every DDL statement on its own, so there a step cannot be rolled
// back; instead each statement is recorded in schema_migration_statements as
// soon as it has run (in the same transaction as the statement when that is
// DML, which MySQL does roll back). A step that fails midway keeps the
// statements that ran, and the next run resumes at the one that failed: a
// failed `evald migrate` is simply run again once its cause is removed.
func MigrateTo(ctx context.Context, db *DB, target int) ([]int, error) {
	return migrateTo(ctx, db, target, nil)
}

// statementHook, when set, runs before each statement of a step (ran false)
// and after it, in its transaction, before it is recorded (ran true), with
// the step's version and the statement's 1-based number; its error fails the
// statement. Tests use it to stop a step midway.
type statementHook func(version, statement int, ran bool) error

// MigrationError is a statement of a step that failed.
type MigrationError struct {
	Version    int
	Name       string
	Statement  int    // 1-based
	Statements int    // how many the step has
	SQL        string // as sent to the database, the dialect's types substituted
	Resumable  bool   // the statements before it are applied and recorded (MySQL)
	Err        error
}

func (e *MigrationError) Error() string {
	then := fmt.Sprintf("version %d was rolled back; remove the cause and run `evald migrate` again", e.Version)
	if e.Resumable {
		kept := fmt.Sprintf("statements 1 to %d of version %d are", e.Statement-1, e.Version)
		if e.Statement == 2 {
			kept = fmt.Sprintf("statement 1 of version %d is", e.Version)
		}
		then = kept + fmt.Sprintf(" applied and recorded; remove the cause and run `evald migrate` again to resume at statement %d", e.Statement)
		if e.Statement == 1 {
			then = fmt.Sprintf("nothing of version %d was applied; remove the cause and run `evald migrate` again", e.Version)
		}
	}
	return fmt.Sprintf("migrate to version %d (%s), statement %d of %d: %v\n%s\n%s",
		e.Version, e.Name, e.Statement, e.Statements, e.Err, e.SQL, then)
}

func (e *MigrationError) Unwrap() error { return e.Err }

// migrationLock is the prefix of the MySQL advisory lock that serialises
// the migrators of one database (several replicas starting at once); the
// lock is per database, so that migrators of other databases on the same
// server do not wait for each other.
const migrationLock = "evald_migrate"

// migrationLockName names the lock of database: the prefix and the name, or
// its hash when that would pass MySQL's 64 characters.
func migrationLockName(database string) string {
	name := migrationLock + ":" + database
	if len(name) > 64 {
		sum := sha256.Sum256([]byte(database))
		name = migrationLock + ":" + hex.EncodeToString(sum[:16])
	}
	return name
}

func migrateTo(ctx context.Context, db *DB, target int, hook statementHook) ([]int, error) {
	var applied []int
	// One connection for the whole run: a MySQL lock belongs to the
	// connection that took it, and SQLite has only one.
	err := db.Gorm.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		// A new session, so that each call on the connection starts from a
		// clean statement (the one Connection hands over is shared).
		conn = conn.Session(&gorm.Session{})
		r := migrationRunner{conn: conn, db: db, dialect: db.Dialect, hook: hook}
		if db.Dialect == MySQL {
			release, err := r.lock()
			if err != nil {
				return err
			}
			defer release()
		}
		if err := r.createTables(); err != nil {
			return err
		}
		current, err := schemaVersion(conn)
		if err != nil {
			return err
		}
		for _, m := range migrations {
			if m.version <= current || m.version > target {
				continue
			}
			if err := r.apply(m); err != nil {
				return err
			}
			applied = append(applied, m.version)
		}
		return nil
	})
	return applied, err
}

// migrationRunner applies steps on one connection.
type migrationRunner struct {
	conn    *gorm.DB
	db      *DB // for the steps that are Go code (the audit key)
	dialect Dialect
	hook    statementHook
}

// lock takes the advisory lock that serialises migrators, waiting up to 60 s,
// and returns its release.
func (r migrationRunner) lock() (release func(), err error) {
	var database string
	if err := r.conn.Raw("SELECT DATABASE()").Scan(&database).Error; err != nil {
		return nil, fmt.Errorf("migrate: name the migration lock: %w", err)
	}
	name := migrationLockName(database)
	var got *int
	if err := r.conn.Raw("SELECT GET_LOCK(?, 60)", name).Scan(&got).Error; err != nil {
		return nil, fmt.Errorf("migrate: take the migration lock: %w", err)
	}
	if got == nil || *got != 1 {
		return nil, fmt.Errorf("migrate: another migrator has held the lock %q for 60 s; run `evald migrate` again when it has finished", name)
	}
	return func() {
		// Released even when ctx is cancelled, so the pooled connection does not keep it.
		r.conn.WithContext(context.WithoutCancel(r.conn.Statement.Context)).Exec("SELECT RELEASE_LOCK(?)", name)
	}, nil
}

// createTables creates the tables that record the migrations.
func (r migrationRunner) createTables() error {
	tables := []string{"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, " +
		"name VARCHAR(100) NOT NULL, applied_at {{time}} NOT NULL)"}
	if r.dialect == MySQL {
		// The progress of the step under way; its rows go when the step is recorded.
		tables = append(tables, "CREATE TABLE IF NOT EXISTS schema_migration_statements (version INTEGER NOT NULL, "+
			"statement_index INTEGER NOT NULL, sql_sha256 CHAR(64) NOT NULL, applied_at {{time}} NOT NULL, "+
			"PRIMARY KEY (version, statement_index)){{opts}}")
	}
	for _, t := range tables {
		if err := r.conn.Exec(dialectType(r.dialect, t)).Error; err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// apply runs one step: whole in one transaction on SQLite, statement by
// statement with recorded progress on MySQL.
func (r migrationRunner) apply(m migration) error {
	stmts := statementsFor(r.dialect, m.sql)
	if r.dialect != MySQL {
		return r.conn.Transaction(func(tx *gorm.DB) error {
			for i := range stmts {
				if err := r.exec(tx, m, stmts, i); err != nil {
					return err
				}
			}
			if err := r.runStep(tx, m); err != nil {
				return err
			}
			return recordStep(tx, m)
		})
	}
	done, err := r.progress(m, stmts)
	if err != nil {
		return err
	}
	for i := done; i < len(stmts); i++ {
		err := r.conn.Transaction(func(tx *gorm.DB) error {
			if err := r.exec(tx, m, stmts, i); err != nil {
				return err
			}
			err := tx.Exec("INSERT INTO schema_migration_statements (version, statement_index, sql_sha256, applied_at) VALUES (?, ?, ?, ?)",
				m.version, i+1, statementHash(stmts[i]), time.Now().UTC()).Error
			if err != nil {
				return r.failed(m, stmts, i, fmt.Errorf("record the statement as applied: %w", err))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return r.conn.Transaction(func(tx *gorm.DB) error {
		if err := r.runStep(tx, m); err != nil {
			return err
		}
		if err := recordStep(tx, m); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM schema_migration_statements WHERE version = ?", m.version).Error; err != nil {
			return fmt.Errorf("migrate to version %d (%s): %w", m.version, m.name, err)
		}
		return nil
	})
}

// exec runs statement i of step m in tx.
func (r migrationRunner) exec(tx *gorm.DB, m migration, stmts []string, i int) error {
	if err := r.runHook(m, i, false); err != nil {
		return r.failed(m, stmts, i, err)
	}
	if err := tx.Exec(stmts[i]).Error; err != nil {
		return r.failed(m, stmts, i, err)
	}
	if err := r.runHook(m, i, true); err != nil {
		return r.failed(m, stmts, i, err)
	}
	return nil
}

func (r migrationRunner) runHook(m migration, i int, ran bool) error {
	if r.hook == nil {
		return nil
	}
	return r.hook(m.version, i+1, ran)
}

func (r migrationRunner) failed(m migration, stmts []string, i int, err error) *MigrationError {
	return &MigrationError{Version: m.version, Name: m.name, Statement: i + 1, Statements: len(stmts),
		SQL: stmts[i], Resumable: r.dialect == MySQL, Err: err}
}

// progress returns how many statements of step m an earlier, failed run
// applied, after checking that they are the statements the code has now.
func (r migrationRunner) progress(m migration, stmts []string) (int, error) {
	var rows []struct {
		StatementIndex int
		SQLSHA256      string `gorm:"column:sql_sha256"`
	}
	err := r.conn.Raw("SELECT statement_index, sql_sha256 FROM schema_migration_statements WHERE version = ? ORDER BY statement_index",
		m.version).Scan(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("migrate to version %d (%s): read its progress: %w", m.version, m.name, err)
	}
	for i, row := range rows {
		if row.StatementIndex != i+1 || i >= len(stmts) || row.SQLSHA256 != statementHash(stmts[i]) {
			return 0, fmt.Errorf("migrate to version %d (%s): statement %d was applied by an earlier run but the code "+
				"no longer has that statement there: the step changed after it partly ran. Repair the schema by hand "+
				"(the applied statements are recorded in schema_migration_statements)", m.version, m.name, row.StatementIndex)
		}
	}
	return len(rows), nil
}

// runStep runs the part of step m that is Go code, if it has one, in the
// transaction that records the step.
func (r migrationRunner) runStep(tx *gorm.DB, m migration) error {
	step := migrationSteps[m.version]
	if step == nil {
		return nil
	}
	if err := step(tx, r.db); err != nil {
		return fmt.Errorf("migrate to version %d (%s): %w", m.version, m.name, err)
	}
	return nil
}

func recordStep(tx *gorm.DB, m migration) error {
	err := tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, time.Now().UTC()).Error
	if err != nil {
		return fmt.Errorf("migrate to version %d (%s): record it: %w", m.version, m.name, err)
	}
	return nil
}

// statementHash identifies a statement as sent to the database.
func statementHash(stmt string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(stmt)))
	return hex.EncodeToString(sum[:])
}

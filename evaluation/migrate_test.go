package evaluation_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// freshSchema is the schema of a database migrated in one run.
func freshSchema(t *testing.T, d evaluation.Dialect) []string {
	t.Helper()
	return evaltest.Schema(t, evaltest.Fresh(t, d).DB)
}

func allVersions(from int) []int {
	var vs []int
	for _, step := range evaluation.MigrationSteps(evaluation.SQLite) { // numbers may skip (steps of other branches)
		if step.Version >= from {
			vs = append(vs, step.Version)
		}
	}
	return vs
}

// previousVersion is the version of the step before version v (0 for the first).
func previousVersion(v int) int {
	before := versionsBefore(v)
	if len(before) == 0 {
		return 0
	}
	return before[len(before)-1]
}

// versionsBefore are the versions of the steps before version v.
func versionsBefore(v int) []int {
	return slices.DeleteFunc(allVersions(1), func(x int) bool { return x >= v })
}

func assertSchema(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Fatalf("schema differs from a fresh migration:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFailedStepIsRunAgain fails every step midway, then migrates again: the schema must end up equal to a fresh
// migration. On MySQL, where DDL commits on its own, the second run resumes
// after the statements that ran; on SQLite the failed step was rolled back.
func TestFailedStepIsRunAgain(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		d := evaltest.DialectOf(t)
		want := freshSchema(t, d)
		for _, step := range evaluation.MigrationSteps(d) {
			n, k := len(step.Statements), len(step.Statements)/2+1
			t.Run(fmt.Sprintf("version %d statement %d of %d", step.Version, k, n), func(t *testing.T) {
				t.Parallel()
				env := evaltest.Open(t, d)
				applied, err := evaluation.MigrateFailingAt(ctx, env.DB, step.Version, k)
				var me *evaluation.MigrationError
				if !errors.As(err, &me) || !errors.Is(err, evaluation.ErrInjected) {
					t.Fatalf("migrate failing at statement %d: %v", k, err)
				}
				if !slices.Equal(applied, versionsBefore(step.Version)) {
					t.Fatalf("applied %v before the failure", applied)
				}
				msg := err.Error()
				for _, part := range []string{
					fmt.Sprintf("version %d (%s), statement %d of %d", step.Version, step.Name, k, n),
					step.Statements[k-1],
					"run `evald migrate` again",
				} {
					if !strings.Contains(msg, part) {
						t.Errorf("the error does not say %q:\n%s", part, msg)
					}
				}
				if strings.Contains(msg, "{{") {
					t.Errorf("the error shows placeholders, not the SQL that ran:\n%s", msg)
				}
				if v, err := evaluation.SchemaVersion(ctx, env.DB); err != nil || v != previousVersion(step.Version) {
					t.Fatalf("schema version after the failure = %d, %v; want %d", v, err, previousVersion(step.Version))
				}
				if d == evaluation.MySQL {
					var recorded int
					if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM schema_migration_statements WHERE version = ?",
						step.Version).Scan(&recorded).Error; err != nil || recorded != k-1 {
						t.Fatalf("recorded statements of version %d = %d, %v; want %d", step.Version, recorded, err, k-1)
					}
				}

				applied, err = evaluation.Migrate(ctx, env.DB)
				if err != nil {
					t.Fatalf("migrate again: %v", err)
				}
				if !slices.Equal(applied, allVersions(step.Version)) {
					t.Fatalf("migrate again applied %v, want %v", applied, allVersions(step.Version))
				}
				assertSchema(t, evaltest.Schema(t, env.DB), want)
				if applied, err := evaluation.Migrate(ctx, env.DB); err != nil || len(applied) != 0 {
					t.Fatalf("a third migrate applied %v, %v; want nothing", applied, err)
				}
			})
		}
	})
}

// TestChangedStepIsRefused: a partly applied step whose statements no longer
// match the code is not resumed, since the code would build something else.
// (It uses the first step of two statements or more.)
func TestChangedStepIsRefused(t *testing.T) {
	ctx := context.Background()
	env := evaltest.Open(t, evaluation.MySQL)
	steps := evaluation.MigrationSteps(evaluation.MySQL)
	step := steps[slices.IndexFunc(steps, func(s evaluation.MigrationStep) bool { return len(s.Statements) >= 2 })]
	if _, err := evaluation.MigrateFailingAt(ctx, env.DB, step.Version, 2); !errors.Is(err, evaluation.ErrInjected) {
		t.Fatalf("migrate failing at statement 2: %v", err)
	}
	if err := env.DB.Gorm.Exec("UPDATE schema_migration_statements SET sql_sha256 = ? WHERE version = ? AND statement_index = 1",
		strings.Repeat("0", 64), step.Version).Error; err != nil {
		t.Fatal(err)
	}
	_, err := evaluation.Migrate(ctx, env.DB)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("version %d (%s): statement 1 was applied", step.Version, step.Name)) ||
		!strings.Contains(err.Error(), "the step changed") {
		t.Fatalf("migrate over a changed step: %v", err)
	}
	if v, err := evaluation.SchemaVersion(ctx, env.DB); err != nil || v != previousVersion(step.Version) {
		t.Fatalf("schema version = %d, %v; want %d", v, err, previousVersion(step.Version))
	}
}

// TestConcurrentMigratorsSerialise starts two migrators on one new MySQL
// database at once: the migration lock makes one apply every step and the
// other find nothing to do.
func TestConcurrentMigratorsSerialise(t *testing.T) {
	ctx := context.Background()
	env := evaltest.Open(t, evaluation.MySQL)
	key, _, err := evaluation.LoadAuditKeyFile(env.DataDir) // the key env's database was opened with
	if err != nil {
		t.Fatal(err)
	}
	other, err := evaluation.OpenDB(evaluation.DBConfig{DSN: env.DSN, AuditKey: key})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var wg sync.WaitGroup
	applied := make([][]int, 2)
	errs := make([]error, 2)
	for i, db := range []*evaluation.DB{env.DB, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			applied[i], errs[i] = evaluation.Migrate(ctx, db)
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("concurrent migrators: %v; %v", errs[0], errs[1])
	}
	all := allVersions(1)
	if !(slices.Equal(applied[0], all) && len(applied[1]) == 0) && !(slices.Equal(applied[1], all) && len(applied[0]) == 0) {
		t.Fatalf("concurrent migrators applied %v and %v; want every version once", applied[0], applied[1])
	}
	assertSchema(t, evaltest.Schema(t, env.DB), freshSchema(t, evaluation.MySQL))
}

// TestMigrationLockIsPerDatabase holds one database's migration lock: a
// migrator of that database waits for it, one of another database on the
// same server does not.
func TestMigrationLockIsPerDatabase(t *testing.T) {
	ctx := context.Background()
	held, free := evaltest.Open(t, evaluation.MySQL), evaltest.Open(t, evaluation.MySQL)
	var database string
	if err := held.DB.Gorm.Raw("SELECT DATABASE()").Scan(&database).Error; err != nil {
		t.Fatal(err)
	}
	err := free.DB.Gorm.Connection(func(conn *gorm.DB) error {
		var got int
		if err := conn.Raw("SELECT GET_LOCK(?, 5)", evaluation.MigrationLockName(database)).Scan(&got).Error; err != nil || got != 1 {
			return fmt.Errorf("take the lock of %s: %d, %v", database, got, err)
		}
		defer conn.Exec("SELECT RELEASE_LOCK(?)", evaluation.MigrationLockName(database))
		if _, err := evaluation.Migrate(ctx, free.DB); err != nil {
			return fmt.Errorf("migrate another database while the lock is held: %w", err)
		}
		waiting, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if applied, err := evaluation.Migrate(waiting, held.DB); err == nil {
			return fmt.Errorf("migrated the locked database (applied %v), want it to wait for the lock", applied)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUpgradeFromTheStatementlessRunner upgrades a MySQL database that the
// runner before per-statement progress migrated (its versions recorded, no
// schema_migration_statements table).
func TestUpgradeFromTheStatementlessRunner(t *testing.T) {
	ctx := context.Background()
	env := evaltest.Open(t, evaluation.MySQL)
	from := evaluation.LatestSchemaVersion() - 1
	if _, err := evaluation.MigrateTo(ctx, env.DB, from); err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Gorm.Exec("DROP TABLE schema_migration_statements").Error; err != nil {
		t.Fatal(err)
	}
	applied, err := evaluation.Migrate(ctx, env.DB)
	if err != nil || !slices.Equal(applied, allVersions(from+1)) {
		t.Fatalf("upgrade: applied %v, %v", applied, err)
	}
	assertSchema(t, evaltest.Schema(t, env.DB), freshSchema(t, evaluation.MySQL))
}

// TestDataStatementIsAtomicWithItsRecord fails version 1's INSERT into
// audit_head after it ran but before it was recorded: the insert must be
// rolled back with it, so the next run inserts the row once.
func TestDataStatementIsAtomicWithItsRecord(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		d := evaltest.DialectOf(t)
		first := evaluation.MigrationSteps(d)[0]
		k := slices.IndexFunc(first.Statements, func(s string) bool { return strings.HasPrefix(s, "INSERT INTO audit_head") }) + 1
		if k == 0 {
			t.Fatal("version 1 has no INSERT INTO audit_head")
		}
		env := evaltest.Open(t, d)
		if _, err := evaluation.MigrateFailingAfter(ctx, env.DB, 1, k); !errors.Is(err, evaluation.ErrInjected) {
			t.Fatalf("migrate failing after statement %d: %v", k, err)
		}
		if _, err := evaluation.Migrate(ctx, env.DB); err != nil {
			t.Fatalf("migrate again: %v", err)
		}
		var heads int
		if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM audit_head").Scan(&heads).Error; err != nil || heads != 1 {
			t.Fatalf("audit_head rows = %d, %v; want 1", heads, err)
		}
		assertSchema(t, evaltest.Schema(t, env.DB), freshSchema(t, d))
	})
}

package evaluation_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestFailedUpgradeWithDataIsRunAgain makes a database at each earlier
// schema version with rows in every table, fails the next step midway, and
// migrates again: the schema must equal a fresh migration's and every row
// keep its values. On SQLite the failed step, table rebuilds included, was
// rolled back with its data; on MySQL the second run resumes after the
// statements that ran.
func TestFailedUpgradeWithDataIsRunAgain(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		d := evaltest.DialectOf(t)
		want := freshSchema(t, d)
		steps := evaluation.MigrationSteps(d)
		for i, step := range steps[1:] {
			from := steps[i].Version
			n, k := len(step.Statements), len(step.Statements)/2+1
			t.Run(fmt.Sprintf("from version %d, failing statement %d of %d of version %d", from, k, n, step.Version), func(t *testing.T) {
				ctx := t.Context()
				env := evaltest.Open(t, d)
				if _, err := evaluation.MigrateTo(ctx, env.DB, from); err != nil {
					t.Fatal(err)
				}
				before := evaltest.FillEveryTable(t, env, 3)
				if _, err := evaluation.MigrateFailingAt(ctx, env.DB, step.Version, k); !errors.Is(err, evaluation.ErrInjected) {
					t.Fatalf("migrate failing at statement %d: %v", k, err)
				}
				if v, err := evaluation.SchemaVersion(ctx, env.DB); err != nil || v != from {
					t.Fatalf("schema version after the failure = %d, %v; want %d", v, err, from)
				}
				if err := evaluation.CheckSchema(ctx, env.DB); !errors.Is(err, evaluation.ErrSchemaBehind) {
					t.Fatalf("CheckSchema at version %d = %v, want ErrSchemaBehind", from, err)
				}
				if lost := before.Lost(evaltest.ReadTables(t, env.DB), evaltest.UpgradeRewrites(from)...); len(lost) > 0 {
					t.Fatalf("the failed step lost data:\n%s", strings.Join(lost, "\n"))
				}
				if _, err := evaluation.Migrate(ctx, env.DB); err != nil {
					t.Fatalf("migrate again: %v", err)
				}
				assertSchema(t, evaltest.Schema(t, env.DB), want)
				if lost := before.Lost(evaltest.ReadTables(t, env.DB), evaltest.UpgradeRewrites(from)...); len(lost) > 0 {
					t.Fatalf("the upgrade lost data:\n%s", strings.Join(lost, "\n"))
				}
				if _, err := env.Store.VerifyAudit(ctx); err != nil {
					t.Fatalf("audit after the upgrade: %v", err)
				}
			})
		}
	})
}

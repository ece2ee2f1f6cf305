package evaltest_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestMain(m *testing.M) { os.Exit(evaltest.Main(m)) }

// TestCopiesAreIsolated writes in one test's database, then checks that the
// next test's — on MySQL the same pooled database, emptied — has none of it:
// no rows, ids from the start, and an audit chain that verifies with its key.
func TestCopiesAreIsolated(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		d := evaltest.DialectOf(t)
		ctx := context.Background()
		var firstID int64
		var firstDSN string
		for i := range 2 {
			t.Run(fmt.Sprintf("test %d", i+1), func(t *testing.T) {
				env := evaltest.New(t, d)
				var orgs, events int64
				if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM orgs").Scan(&orgs).Error; err != nil {
					t.Fatal(err)
				}
				if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM audit_events").Scan(&events).Error; err != nil {
					t.Fatal(err)
				}
				if orgs != 0 || events != 0 {
					t.Fatalf("a new test database has %d orgs and %d audit events, want none", orgs, events)
				}
				if n, err := env.Store.VerifyAudit(ctx); err != nil || n != 0 {
					t.Fatalf("verify the copy's audit chain = %d, %v", n, err)
				}
				org, err := env.Store.CreateOrg(ctx, evaluation.System, evaluation.OrgRequest{Name: "市财政局", Kind: evaluation.OrgDepartment})
				if err != nil {
					t.Fatal(err)
				}
				if n, err := env.Store.VerifyAudit(ctx); err != nil || n != 1 {
					t.Fatalf("verify the audit chain after a write = %d, %v; want 1 event", n, err)
				}
				if i == 0 {
					firstID, firstDSN = int64(org.ID), env.DSN
					return
				}
				if int64(org.ID) != firstID {
					t.Errorf("the second test's first org has id %d, the first test's %d: ids must start afresh", org.ID, firstID)
				}
				if d == evaluation.MySQL && env.DSN != firstDSN {
					t.Errorf("the second test got database %s, not the first one's %s back from the pool", env.DSN, firstDSN)
				}
			})
		}
	})
}

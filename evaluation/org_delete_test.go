package evaluation_test

import (
	"context"
	"errors"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// An organisation something refers to is not deleted (409 in_use) — checked
// by the store itself, not left to foreign keys that TiDB may not enforce:
// on SQLite the test turns foreign keys off to show it.
func TestDeleteOrgInUse(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		if env.Dialect == evaluation.SQLite {
			if err := env.DB.Gorm.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
				t.Fatal(err)
			}
		}
		admin := w.AdminActor()
		// 市财政局 leads a plan and has a department user.
		var ce *evaluation.ConflictError
		if err := w.Store.DeleteOrg(ctx, admin, *w.DeptFinance.OrgID); !errors.As(err, &ce) || ce.Code != "in_use" {
			t.Errorf("delete a department in use: %v, want 409 in_use", err)
		}
		// An agency referred to only by its evaluators.
		agency := w.Org("空壳评估机构", evaluation.OrgAgency, "university")
		w.User("shell-eval", evaluation.RoleEvaluator, agency)
		if err := w.Store.DeleteOrg(ctx, admin, agency.ID); !errors.As(err, &ce) || ce.Code != "in_use" {
			t.Errorf("delete an agency with a user: %v, want 409 in_use", err)
		}
		// Nothing refers to a new one: it goes.
		lone := w.Org("新设单位", evaluation.OrgDepartment, "")
		if err := w.Store.DeleteOrg(ctx, admin, lone.ID); err != nil {
			t.Fatalf("delete an unused org: %v", err)
		}
	})
}

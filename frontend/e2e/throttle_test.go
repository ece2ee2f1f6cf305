package e2e

import (
	"context"
	"errors"
	"testing"

	"github.com/evald/evald/evaluation"
)

// The office sees who is throttled under 用户管理 and lets them in again; the
// page with a blocked address passes axe.
func TestAdminClearsLoginThrottle(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	const addr = "203.0.113.9"
	for range evaluation.MaxLoginFailures {
		if _, _, err := a.env.Store.Login(ctx, "eval2", "wrong-password", addr); !errors.Is(err, evaluation.ErrBadCredentials) {
			t.Fatal(err)
		}
	}
	a.login("admin")
	a.open("/admin/users")
	a.untilText(`[data-testid="login-throttles"] .el-table__row`, addr)
	a.untilText(`[data-testid="login-throttles"]`, "限制至")
	a.settle()
	a.checkA11y("/admin/users with login throttles")
	a.screenshot("login-throttles")

	a.clickText(`[data-testid="login-throttles"] .el-table__row:has(.el-tag--danger) .el-button`, "解除")
	a.confirm("解除")
	a.toast("已解除")
	if _, _, err := a.env.Store.Login(ctx, "eval2", "wrong-password", addr); !errors.Is(err, evaluation.ErrBadCredentials) {
		t.Fatalf("after clearing in the web UI, a login from %s is %v, want checked again", addr, err)
	}
}

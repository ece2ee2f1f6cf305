package e2e

import (
	"context"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/evald/evald/evaluation/evaltest"
)

// The login form works with the keyboard alone: Tab moves from the user name
// to the password, Enter submits, a refusal is announced, and Enter after
// correcting the password signs in.
func TestLoginByKeyboard(t *testing.T) {
	a := newApp(t)
	a.open("/login")
	a.visible("#login-username")

	focused := func() string { return evaluate[string](a, `document.activeElement?.id ?? ''`) }
	a.keys("Tab into the form", kb.Tab)
	if got := focused(); got != "login-username" {
		t.Fatalf("first Tab focuses %q, want the user name", got)
	}
	a.keys("type the user name", "admin")
	a.keys("Tab to the password", kb.Tab)
	if got := focused(); got != "login-password" {
		t.Fatalf("second Tab focuses %q, want the password", got)
	}
	a.keys("type a wrong password", "wrong-password")
	a.keys("press Enter", kb.Enter)
	a.untilText(`.el-alert[role="alert"]`, "用户名或密码错误")
	if got := focused(); got != "login-password" {
		t.Errorf("after a refusal the focus is on %q, want it left on the password", got)
	}
	a.screenshot("refused")

	a.keys("select the password", "a", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	a.keys("type the password", evaltest.Password)
	a.keys("press Enter", kb.Enter)
	a.visible(`[data-testid="current-user"]`)
	a.untilPath("/")
	if got := a.text(`[data-testid="current-user"]`); got == "" {
		t.Error("the signed-in user is not shown")
	}
	a.settle()
	a.screenshot("signed-in")
}

// When the session expires, the next request sends the user to the login
// page, which says why and, after login, returns to the page they wanted.
func TestExpiredSessionReturnsAfterLogin(t *testing.T) {
	a := newApp(t)
	a.login("admin")
	a.open("/admin/rounds")
	a.untilText(".el-table", a.world.Round.Name)

	// End the session behind the page's back, as an expiry would.
	token := evaluate[string](a, `localStorage.getItem('evald.token') ?? ''`)
	if token == "" {
		t.Fatal("no token in localStorage after login")
	}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, a.url+"/api/v1/auth/logout", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("logout: %v", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("logout answered %d", res.StatusCode)
	}

	// Move on inside the app: its first request now gets 401.
	a.clickText(".el-menu-item", "改革方案")
	a.untilPath("/login?redirect=/admin/plans")
	a.toast("登录已过期，请重新登录")
	a.untilText(".el-card", "请登录后继续访问")
	if n := evaluate[int](a, `document.querySelectorAll('.el-message--error').length`); n != 0 {
		t.Errorf("%d error messages besides the one that says the session expired", n)
	}
	if got := evaluate[string](a, `localStorage.getItem('evald.token') ?? ''`); got != "" {
		t.Errorf("the expired token is still stored")
	}
	a.settle()
	a.screenshot("login-again")

	a.fill("#login-username", "admin")
	a.fill("#login-password", evaltest.Password)
	a.click(`[data-testid="login-submit"]`)
	a.untilPath("/admin/plans")
	a.untilText(".el-table", a.world.P1.Code)
	a.settle()
	a.screenshot("back")
}

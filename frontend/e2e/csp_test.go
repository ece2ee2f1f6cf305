package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The web UI runs under the Content-Security-Policy the server sends: the
// main pages of each role load without the browser refusing anything (every
// test fails on a refusal, see watch), and what the policy is there for
// holds: an injected inline script does not run, and the refusal is seen.
func TestContentSecurityPolicy(t *testing.T) {
	a := newApp(t)
	a.open("/login")
	var csp string
	a.run("read the page's policy", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		var err error
		csp, err = chromedp.Evaluate[string](`fetch('/login').then((r) => r.headers.get('Content-Security-Policy'))`,
			chromedp.EvalAwaitPromise)(ctx, t)
		return err
	}))
	if !strings.Contains(csp, "script-src 'self';") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Fatalf("the UI's policy: %q", csp)
	}
	for _, user := range []string{"admin", "eval1", "finance", "leader"} {
		a.login(user)
		a.settle()
		a.screenshot("signed-in-" + user)
		a.run("sign out", chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	}

	a.open("/")
	ran := evaluate[bool](a, `(() => {
		const s = document.createElement('script')
		s.textContent = 'window.injected = true'
		document.head.appendChild(s)
		return window.injected === true
	})()`)
	if ran {
		t.Fatal("an injected inline script ran")
	}
	seen := func() bool {
		a.mu.Lock()
		defer a.mu.Unlock()
		return len(a.blocked) > 0
	}
	for deadline := time.Now().Add(stepTimeout); !seen() && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.blocked) == 0 {
		t.Fatal("the browser refused the inline script but the test did not see it: the CSP check of every test is blind")
	}
	a.blocked = nil // expected here
}

package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
	"github.com/evald/evald/frontend"
	"github.com/evald/evald/reports"
)

// stepTimeout bounds one step of a test (a navigation, a click and what it
// waits for); generous because the tests also run under the race detector.
const stepTimeout = 30 * time.Second

// app is the server under test and a browser tab on it.
type app struct {
	t     *testing.T
	env   *evaltest.Env
	world *evaltest.World
	url   string          // the server's base URL
	ctx   context.Context // the browser tab
	shots []string        // folders that screenshots are saved to

	mu         sync.Mutex
	exceptions []string // uncaught JavaScript errors of the page
	blocked    []string // what the Content-Security-Policy refused
	failures   []string // answers of the server with a 5xx status
	marks      int      // counter of elements marked by clickText
}

// chromium returns the Chromium executable, or skips (fails in strict mode)
// when there is none: EVAL_CHROMIUM, else chromium on the PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("EVAL_CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			evaltest.SkipOrFail(t, fmt.Sprintf("EVAL_CHROMIUM=%s is not an executable: browser tests not run", p))
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	evaltest.SkipOrFail(t, "Chromium is not installed (apt-get install chromium): browser tests not run")
	return ""
}

// newApp starts the server on a fresh store seeded with the fixture world,
// and a headless Chromium with a fresh profile and a 1440×900 window. The
// store's clock is set to now, so that the browser and the server agree on
// what day it is (the UI labels due dates by the browser's clock).
func newApp(t *testing.T) *app {
	t.Helper()
	if !frontend.Built() {
		evaltest.SkipOrFail(t, "the web UI is not built (run make frontend): browser tests not run")
	}
	exe := chromium(t)

	env := evaltest.New(t, evaluation.SQLite)
	env.Clock.Set(time.Now().In(evaltest.Shanghai))
	world := evaltest.Seed(t, env)
	// Survey links are built on the listen address, as with EVAL_ADDR.
	srv := httptest.NewUnstartedServer(nil)
	renderer, err := reports.NewRenderer(reports.Options{})
	if err != nil {
		srv.Close()
		t.Fatal(err)
	}
	svc := reports.NewService(env.Store, renderer, env.Store.Blobs(), reports.ServiceOptions{TempDir: t.TempDir()})
	t.Cleanup(svc.Wait)
	handler, err := api.New(api.Config{Store: env.Store, Reports: svc, UI: frontend.Assets(), UIBuilt: true,
		ListenAddr: srv.Listener.Addr().String()})
	if err != nil {
		srv.Close()
		t.Fatalf("api.New: %v", err)
	}
	srv.Config.Handler = handler
	srv.Start()
	t.Cleanup(srv.Close)

	a := &app{t: t, env: env, world: world, url: srv.URL, shots: []string{t.TempDir()}}
	if dir := os.Getenv("EVAL_E2E_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatalf("EVAL_E2E_SCREENSHOTS: %v", err)
		}
		a.shots = append(a.shots, dir)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first run starts the browser; it must have no deadline of its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium (%s): %v", exe, err)
	}
	a.ctx = ctx
	a.watch()
	return a
}

// watch records the page's uncaught errors and the server's 5xx answers; the
// test fails on either when it ends. The browser's 离开此网站？ (beforeunload,
// asked while a form has unsaved changes) is accepted, as by a user who goes
// to the address typed: tests navigate by URL; the UI's own 尚未保存 is tested in the app.
func (a *app) watch() {
	if err := chromedp.Listen(a.ctx, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok && e.Response.Status >= 500 {
			a.mu.Lock()
			a.failures = append(a.failures, fmt.Sprintf("%d %s", e.Response.Status, e.Response.URL))
			a.mu.Unlock()
		}
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok && e.Type == page.DialogTypeBeforeunload {
			go func() {
				_, _ = chromedp.Call(a.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}()
		}
	}); err != nil {
		a.t.Fatalf("listen: %v", err)
	}
	messages := chromedp.Console(a.ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() {
				a.mu.Lock()
				a.exceptions = append(a.exceptions, m.String())
				a.mu.Unlock()
			}
			if cspViolation(m) {
				a.mu.Lock()
				a.blocked = append(a.blocked, m.String())
				a.mu.Unlock()
			}
		}
	}()
	a.t.Cleanup(func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		for _, e := range a.exceptions {
			a.t.Errorf("uncaught JavaScript error in the page: %s", e)
		}
		for _, f := range a.failures {
			a.t.Errorf("server error: %s", f)
		}
		for _, b := range a.blocked {
			a.t.Errorf("Content-Security-Policy violation: %s", b)
		}
	})
}

// cspViolation reports whether a console message is the browser refusing
// something under the page's Content-Security-Policy: the UI must work
// within the policy the server sends.
func cspViolation(m chromedp.ConsoleMessage) bool {
	return strings.Contains(m.Text, "Content Security Policy") || strings.Contains(m.Text, "Content-Security-Policy")
}

// run runs browser actions, failing the test with a screenshot when one
// fails or they take longer than stepTimeout.
func (a *app) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	a.t.Helper()
	ctx, cancel := context.WithTimeout(a.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		a.fail(what, err)
	}
}

// fail saves a screenshot of the page and stops the test.
func (a *app) fail(what string, err error) {
	a.t.Helper()
	a.screenshot("failure")
	a.t.Fatalf("%s: %v (at %s)", what, err, a.location())
}

// location is the path of the page shown, for messages.
func (a *app) location() string {
	ctx, cancel := context.WithTimeout(a.ctx, 5*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "?"
	}
	return strings.TrimPrefix(loc, a.url)
}

// open loads a path of the app and waits for the app to mount.
func (a *app) open(path string) {
	a.t.Helper()
	a.run("open "+path, chromedp.Navigate(a.url+path), chromedp.WaitReady(chromedp.CSS("#app > *")))
}

// until waits for a JavaScript expression to be truthy.
func (a *app) until(what, expr string) {
	a.t.Helper()
	a.run("wait for "+what, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(50*time.Millisecond),
			chromedp.WithPollingTimeout(stepTimeout))(ctx, t)
		return err
	}))
}

// js quotes s as a JavaScript string literal.
func js(s string) string { return fmt.Sprintf("%q", s) }

// untilText waits for the first element of the CSS selector to show the text.
func (a *app) untilText(css, text string) {
	a.t.Helper()
	a.until(fmt.Sprintf("%q in %s", text, css),
		fmt.Sprintf(`(document.querySelector(%s)?.innerText ?? '').includes(%s)`, js(css), js(text)))
}

// untilPath waits for the app to show a path; with a query, that query
// too (compared decoded: /login?redirect=/admin/plans).
func (a *app) untilPath(path string) {
	a.t.Helper()
	a.until("page "+path, fmt.Sprintf(`(%s.includes('?') ? decodeURIComponent(location.pathname + location.search) : location.pathname) === %s`,
		js(path), js(path)))
}

// visible waits for an element of the CSS selector to be visible.
func (a *app) visible(css string) {
	a.t.Helper()
	a.run("wait for "+css, chromedp.WaitVisible(chromedp.CSS(css)))
}

// gone waits until no element of the CSS selector is visible.
func (a *app) gone(css string) {
	a.t.Helper()
	a.until(css+" to go", fmt.Sprintf(`![...document.querySelectorAll(%s)].some((e) => e.offsetParent !== null)`, js(css)))
}

// onTopJS defines onTop(el): whether el is shown and would get a click at
// its centre — not covered by a loading mask fading out or a closing dialog.
const onTopJS = `const onTop = (el) => {
	if (!el || !el.getClientRects().length) return false
	el.scrollIntoView({ block: 'center', inline: 'center' })
	const r = el.getBoundingClientRect()
	const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
	return hit !== null && el.contains(hit)
}`

// clickable waits until the first element of the CSS selector is shown and
// nothing covers it.
func (a *app) clickable(css string) {
	a.t.Helper()
	a.until(css+" to be clickable", fmt.Sprintf(`(() => { %s; return onTop(document.querySelector(%s)) })()`, onTopJS, js(css)))
}

// click clicks the first element of the CSS selector with the mouse, once
// nothing covers it.
func (a *app) click(css string) {
	a.t.Helper()
	a.clickable(css)
	a.run("click "+css, chromedp.Click(chromedp.CSS(css)))
}

// clickText clicks the first visible element of the CSS selector whose text
// contains text (a button or a link named by what it says).
func (a *app) clickText(css, text string) {
	a.t.Helper()
	a.mu.Lock()
	a.marks++
	mark := fmt.Sprint(a.marks)
	a.mu.Unlock()
	a.until(fmt.Sprintf("%s saying %q", css, text), fmt.Sprintf(`(() => {
		const el = [...document.querySelectorAll(%s)].find((e) => e.getClientRects().length && e.innerText.includes(%s))
		if (el) el.setAttribute('data-e2e', %s)
		return !!el
	})()`, js(css), js(text), js(mark)))
	a.click(fmt.Sprintf(`[data-e2e="%s"]`, mark))
}

// fill replaces the value of an input or textarea (found by CSS) with text,
// typed as a user would (input events, IME-like for Chinese).
func (a *app) fill(css, text string) {
	a.t.Helper()
	a.run("fill "+css,
		chromedp.Click(chromedp.CSS(css)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%s).select()`, js(css))),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if text == "" {
				_, err := chromedp.KeyEvent("\b")(ctx, t)
				return err
			}
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
			return err
		}),
	)
}

// keys presses keys (kb constants for Tab, Enter…) on the focused element.
func (a *app) keys(what, keys string, opts ...chromedp.KeyOption) {
	a.t.Helper()
	a.run(what, chromedp.KeyEvent(keys, opts...))
}

// text returns the visible text of the first element of the CSS selector (empty when none).
func (a *app) text(css string) string {
	a.t.Helper()
	return evaluate[string](a, fmt.Sprintf(`document.querySelector(%s)?.innerText ?? ''`, js(css)))
}

// evaluate runs a JavaScript expression in the page and decodes its value.
func evaluate[T any](a *app, expr string) T {
	a.t.Helper()
	ctx, cancel := context.WithTimeout(a.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		a.fail("evaluate "+expr, err)
	}
	return v
}

// login signs in through the login page and waits for the workspace.
func (a *app) login(username string) {
	a.t.Helper()
	a.open("/login")
	a.fill("#login-username", username)
	a.fill("#login-password", evaltest.Password)
	a.click(`[data-testid="login-submit"]`)
	a.visible(`[data-testid="current-user"]`)
}

// confirm accepts the open confirmation box (ElMessageBox) with its
// confirming button (primary, or red for a destructive action).
func (a *app) confirm(button string) {
	a.t.Helper()
	a.clickText(".el-message-box__btns .el-button--primary, .el-message-box__btns .el-button--danger", button)
	a.gone(".el-message-box")
}

// toast waits for a message (ElMessage) saying text.
func (a *app) toast(text string) {
	a.t.Helper()
	a.until("message "+text, fmt.Sprintf(`[...document.querySelectorAll('.el-message')].some((m) => m.innerText.includes(%s))`, js(text)))
}

// settle waits for loading masks to go, fonts to load and transitions to
// end, so that a screenshot shows the finished page.
func (a *app) settle() {
	a.t.Helper()
	a.until("the page to settle", `document.fonts.status === 'loaded' &&
		![...document.querySelectorAll('.el-loading-mask')].some((e) => e.offsetParent !== null) &&
		document.getAnimations().every((x) => x.playState !== 'running' || x.effect?.getTiming().iterations === Infinity)`)
}

// screenshot saves a full-page PNG named after the test and name.
func (a *app) screenshot(name string) {
	a.t.Helper()
	ctx, cancel := context.WithTimeout(a.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		a.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	file := strings.NewReplacer("/", "_", " ", "_").Replace(a.t.Name()) + "-" + name + ".png"
	for _, dir := range a.shots {
		p := filepath.Join(dir, file)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			a.t.Errorf("save screenshot: %v", err)
			continue
		}
		a.t.Logf("screenshot %s", p)
	}
}

// download runs trigger (a click on a download) and waits for the browser to
// save the file; it returns the file's name and content.
func (a *app) download(what string, trigger chromedp.Action[chromedp.Void]) (string, []byte) {
	a.t.Helper()
	dir := a.t.TempDir()
	ctx, cancel := context.WithTimeout(a.ctx, stepTimeout)
	defer cancel()
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: new(true)})
	if err != nil {
		a.fail("allow downloads", err)
	}
	begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, trigger); err != nil {
		a.fail(what, err)
	}
	var name string
	for ev, err := range begins {
		if err != nil {
			a.fail(what+": no download began", err)
		}
		name = ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			a.fail(what+": the download did not finish", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			a.fail(what, fmt.Errorf("the download of %q was canceled", name))
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		a.fail(what, fmt.Errorf("read the downloaded file: %w", err))
	}
	return name, data
}

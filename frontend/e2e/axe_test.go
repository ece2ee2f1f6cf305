package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation/evaltest"
)

// axePath is axe-core's browser build, a devDependency of the UI pinned in
// package-lock.json (npm ci installs it).
var axePath = filepath.Join("..", "node_modules", "axe-core", "axe.min.js")

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript returns axe-core's source, or skips (fails in strict mode)
// when npm ci has not installed it.
func axeScript(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(axePath)
		axeSource, axeErr = string(b), err
	})
	if axeErr != nil {
		evaltest.SkipOrFail(t, fmt.Sprintf("axe-core is not installed (npm ci in frontend/): %v", axeErr))
	}
	return axeSource
}

// axeViolation is one rule that failed, as axe-core reports it.
type axeViolation struct {
	ID          string `json:"id"`
	Impact      string `json:"impact"`
	Help        string `json:"help"`
	HelpURL     string `json:"helpUrl"`
	Description string `json:"description"`
	Nodes       []struct {
		Target         []json.RawMessage `json:"target"`
		HTML           string            `json:"html"`
		FailureSummary string            `json:"failureSummary"`
	} `json:"nodes"`
}

// axeRun runs the WCAG 2 A and AA rules of axe-core on the whole document
// and returns the violations as JSON (axe's result objects hold functions
// and DOM nodes, so only what is reported is copied out).
const axeRun = `(async () => {
	const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] })
	return JSON.stringify({
		passed: r.passes.length,
		violations: r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, description: v.description,
			nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
		})),
	})
})()`

// checkA11y loads axe-core into the page shown (once per document) and
// fails the test, readably, on every WCAG 2 A/AA violation it finds. The
// page should be settled first: axe checks what is on screen now.
func (a *app) checkA11y(page string) {
	a.t.Helper()
	src := axeScript(a.t)
	if !evaluate[bool](a, `typeof window.axe === 'object'`) {
		a.run("load axe-core into "+page, chromedp.Evaluate[chromedp.Void](src))
	}
	var out string
	a.run("run axe-core on "+page, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		var err error
		out, err = chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise)(ctx, t)
		return err
	}))
	var res struct {
		Passed     int            `json:"passed"`
		Violations []axeViolation `json:"violations"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		a.t.Fatalf("axe-core on %s: read the result: %v", page, err)
	}
	violations := res.Violations
	a.t.Logf("axe-core on %s: %d rules passed, %d violated", page, res.Passed, len(violations))
	if len(violations) == 0 {
		return
	}
	a.screenshot("a11y-" + strings.ReplaceAll(page, "/", "_"))
	a.t.Errorf("%s: %d accessibility rule(s) violated (WCAG 2 A/AA, axe-core):\n%s", page, len(violations), formatViolations(violations))
}

// formatViolations lists each violated rule with the elements that break it.
func formatViolations(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "  [%s] %s — %s (%s)\n", v.Impact, v.ID, v.Help, v.HelpURL)
		for i, n := range v.Nodes {
			if i == 8 {
				fmt.Fprintf(&b, "      … and %d more\n", len(v.Nodes)-i)
				break
			}
			targets := make([]string, len(n.Target))
			for j, t := range n.Target {
				// A selector, or a list of them for an element in a shadow tree.
				var sel string
				if json.Unmarshal(t, &sel) != nil {
					sel = string(t)
				}
				targets[j] = sel
			}
			fmt.Fprintf(&b, "    - %s\n      %s\n", strings.Join(targets, " > "), truncate(n.HTML, 200))
			for _, line := range strings.Split(strings.TrimSpace(n.FailureSummary), "\n") {
				fmt.Fprintf(&b, "      %s\n", strings.TrimSpace(line))
			}
		}
	}
	return b.String()
}

// truncate shortens s to at most n runes.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
